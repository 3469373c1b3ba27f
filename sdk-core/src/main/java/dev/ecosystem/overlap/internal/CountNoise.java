package dev.ecosystem.overlap.internal;

import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Population;
import dev.ecosystem.overlap.OverlapSettings;
import dev.ecosystem.spi.PartnerStore;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The noise of counts-only cells in one release: one pair of snapshot revisions shown to one viewer. The noise of a
 * cell is a pure function of the per-partnership secret, both companies, both revisions and the cell, so asking again
 * gives the same matrix on every node and averaging repeated asks gains nothing; only a new revision pair gives fresh
 * noise, and {@link #release} admits at most {@link OverlapSettings#countReleases()} of those per period.
 * {@link dev.ecosystem.model.SharingPolicy} states the guarantee.
 */
final class CountNoise {
    /** Owner's idempotency key prefix of the per-partnership secret, followed by the viewer's id. */
    static final String SECRET_KEY = "overlap-noise/secret/";
    /** Owner's idempotency key prefix of a release slot: viewer / period ms / window / slot. */
    static final String RELEASE_KEY = "overlap-noise/release/";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] secret;
    private final CompanyId viewer;
    private final CompanyId owner;
    private final long viewerRevision;
    private final long ownerRevision;
    private final double epsilon;

    private CountNoise(String secret, CompanyId viewer, CompanyId owner, long viewerRevision, long ownerRevision,
            double epsilon) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.viewer = viewer;
        this.owner = owner;
        this.viewerRevision = viewerRevision;
        this.ownerRevision = ownerRevision;
        this.epsilon = epsilon;
    }

    /**
     * The noise of the release of {@code matches} to {@code viewer}, charging the owner's budget for the viewer when
     * this revision pair was not released in this period; {@code null} when the period's releases are used up.
     * The secret and the slots live in the owner's idempotency keys, so every node sharing the store agrees.
     */
    static @Nullable CountNoise release(PartnerStore store, CompanyId owner, CompanyId viewer,
            OverlapEngine.Matches matches, OverlapSettings settings, Instant now) {
        long periodMillis = settings.countPeriod().toMillis();
        long window = Math.floorDiv(now.toEpochMilli(), periodMillis);
        String pair = matches.myRevision() + "/" + matches.theirRevision();
        return store.inTransaction(tx -> {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String fresh = HexFormat.of().formatHex(bytes);
            String stored = tx.idempotency().putIfAbsent(owner, SECRET_KEY + viewer.value(), fresh);
            String secret = stored == null ? fresh : stored;
            // Slots fill in order and are never freed: a pair already released holds one before the first free slot.
            for (int slot = 0; slot < settings.countReleases(); slot++) {
                String key = RELEASE_KEY + viewer.value() + "/" + periodMillis + "/" + window + "/" + slot;
                String taken = tx.idempotency().putIfAbsent(owner, key, pair + " at " + now);
                if (taken == null || taken.startsWith(pair + " ")) {
                    return new CountNoise(secret, viewer, owner, matches.myRevision(), matches.theirRevision(),
                            settings.countEpsilon());
                }
            }
            return null;
        });
    }

    /**
     * The count of one cell plus two-sided geometric noise of scale {@code sensitivity / epsilon}, clamped at 0.
     *
     * @param sensitivity how many cells one owner account can move by 1 (see {@code SharedView})
     */
    long noisy(long count, Population row, Population column, int sensitivity) {
        ByteBuffer random = ByteBuffer.wrap(hmac(row, column));
        double alpha = Math.exp(-epsilon / sensitivity);
        long noise = geometric(random.getLong(), alpha) - geometric(random.getLong(), alpha);
        return Math.max(0, count + noise);
    }

    /** A geometric variable, {@code P(k) = (1 - alpha) alpha^k}, by inversion of a uniform in (0, 1]. */
    private static long geometric(long bits, double alpha) {
        double uniform = ((bits >>> 11) + 1) * 0x1.0p-53;
        return (long) Math.floor(Math.log(uniform) / Math.log(alpha));
    }

    private byte[] hmac(Population row, Population column) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream message = new DataOutputStream(bytes)) {
            message.writeUTF(owner.value());
            message.writeUTF(viewer.value());
            message.writeLong(ownerRevision);
            message.writeLong(viewerRevision);
            message.writeUTF(row.name());
            message.writeUTF(column.name());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(bytes.toByteArray());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }
}
