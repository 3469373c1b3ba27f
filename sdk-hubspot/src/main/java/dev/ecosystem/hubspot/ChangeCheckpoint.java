package dev.ecosystem.hubspot;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.spi.support.Cursors;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where an incremental sync stands. A pass reads every company, then every deal, modified at or after {@code since},
 * in ascending record id, each search asking for ids greater than the last one read: keyset paging, so a pass never
 * reaches search's 10,000-result cap however many records changed. The next pass starts from when this one started,
 * less a margin for search's indexing lag, so records changed during a pass are read again by the next one.
 *
 * @param since the modification time this pass reads from (inclusive)
 * @param passStart when this pass started, or {@code null} before its first search
 * @param type {@code companies} or {@code deals}
 * @param afterId the last record id read in this pass for {@code type} ({@code 0} before the first)
 */
record ChangeCheckpoint(Instant since, @Nullable Instant passStart, String type, long afterId) {
    private static final String LISTING = "hubspot/changes/v1";
    static final String COMPANIES = "companies";
    static final String DEALS = "deals";

    /** The start of the first pass: everything ever modified. */
    static ChangeCheckpoint beginning() {
        return new ChangeCheckpoint(Instant.EPOCH, null, COMPANIES, 0);
    }

    ChangeCheckpoint started(Instant now) {
        return passStart != null ? this : new ChangeCheckpoint(since, now, type, afterId);
    }

    ChangeCheckpoint after(long id) {
        return new ChangeCheckpoint(since, passStart, type, id);
    }

    ChangeCheckpoint deals() {
        return new ChangeCheckpoint(since, passStart, DEALS, 0);
    }

    ChangeCheckpoint nextPass(Instant from) {
        return new ChangeCheckpoint(from, null, COMPANIES, 0);
    }

    String encode() {
        return Cursors.encode(LISTING, since.toEpochMilli() + ":" + (passStart == null ? "" : passStart.toEpochMilli())
                + ":" + type + ":" + afterId);
    }

    /**
     * Decodes a checkpoint from {@link #encode}.
     *
     * @throws ValidationException when it is not one
     */
    static ChangeCheckpoint decode(String checkpoint) {
        try {
            String[] parts = Checks.required(Cursors.decode(LISTING, checkpoint), "checkpoint").split(":", -1);
            if (parts.length == 4 && (parts[2].equals(COMPANIES) || parts[2].equals(DEALS))) {
                long afterId = Long.parseLong(parts[3]);
                if (afterId >= 0) {
                    return new ChangeCheckpoint(Instant.ofEpochMilli(Long.parseLong(parts[0])),
                            parts[1].isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2],
                            afterId);
                }
            }
        } catch (ValidationException | NumberFormatException e) {
            // reported below with the value
        }
        throw new ValidationException("checkpoint must be one returned by changesSince of a HubSpot connector, but was "
                + Checks.quote(checkpoint));
    }
}
