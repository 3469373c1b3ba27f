package dev.ecosystem.salesforce;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.spi.support.Cursors;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where an incremental sync stands. A pass reads, in four phases, the accounts and the opportunities modified at or
 * after {@code since}, then the accounts and the opportunities deleted since then (from the recycle bin, through
 * {@code queryAll}), each in keyset order on {@code (SystemModstamp, Id)}: many rows share a timestamp, so the
 * position is the last row's timestamp and id, and no page is skipped or repeated at equal timestamps. The next pass
 * starts from when this one started on the host's clock, less the clock-skew margin, so that a row the org stamped
 * just before (by its own clock, or in a transaction that committed late) is read again rather than missed.
 *
 * @param since the modification time this pass reads from (inclusive); {@link Instant#EPOCH} for everything
 * @param passStart when this pass started, or {@code null} before its first query
 * @param phase what the pass reads now
 * @param afterStamp the {@code SystemModstamp} of the last row read in this phase, or {@code null} before the first
 * @param afterId the {@code Id} of the last row read in this phase, or {@code null} before the first
 */
record ChangeCheckpoint(Instant since, @Nullable Instant passStart, Phase phase, @Nullable Instant afterStamp,
        @Nullable String afterId) {
    private static final String LISTING = "salesforce/changes/v1";

    /** The phases of a pass, in order. */
    enum Phase {
        ACCOUNTS("Account", false), OPPORTUNITIES("Opportunity", false),
        DELETED_ACCOUNTS("Account", true), DELETED_OPPORTUNITIES("Opportunity", true);

        final String object;
        final boolean deleted;

        Phase(String object, boolean deleted) {
            this.object = object;
            this.deleted = deleted;
        }
    }

    /** The first pass: everything ever modified (no deletions to report: nothing was read before). */
    static ChangeCheckpoint beginning() {
        return new ChangeCheckpoint(Instant.EPOCH, null, Phase.ACCOUNTS, null, null);
    }

    boolean fromBeginning() {
        return since.equals(Instant.EPOCH);
    }

    ChangeCheckpoint started(Instant now) {
        return passStart != null ? this : new ChangeCheckpoint(since, now, phase, afterStamp, afterId);
    }

    ChangeCheckpoint after(Instant stamp, String id) {
        return new ChangeCheckpoint(since, passStart, phase, stamp, id);
    }

    /** The next phase, or {@code null} when this was the last one of the pass. */
    @Nullable ChangeCheckpoint nextPhase() {
        Phase[] phases = Phase.values();
        int next = phase.ordinal() + 1;
        // A pass from the beginning read every row there is: no deletion can concern its caller.
        if (next == phases.length || (fromBeginning() && phases[next].deleted)) {
            return null;
        }
        return new ChangeCheckpoint(since, passStart, phases[next], null, null);
    }

    ChangeCheckpoint nextPass(Instant from) {
        return new ChangeCheckpoint(from, null, Phase.ACCOUNTS, null, null);
    }

    String encode() {
        return Cursors.encode(LISTING, since.toEpochMilli() + ":" + millis(passStart) + ":" + phase.name() + ":"
                + millis(afterStamp) + ":" + (afterId == null ? "" : afterId));
    }

    /**
     * Decodes a checkpoint from {@link #encode}.
     *
     * @throws ValidationException when it is not one
     */
    static ChangeCheckpoint decode(String checkpoint) {
        try {
            String[] parts = Checks.required(Cursors.decode(LISTING, checkpoint), "checkpoint").split(":", -1);
            if (parts.length == 5) {
                Phase phase = Phase.valueOf(parts[2]);
                Instant afterStamp = instant(parts[3]);
                String afterId = parts[4].isEmpty() ? null : parts[4];
                if ((afterStamp == null) == (afterId == null)) {
                    return new ChangeCheckpoint(Checks.required(instant(parts[0]), "since"), instant(parts[1]), phase,
                            afterStamp, afterId);
                }
            }
        } catch (ValidationException | IllegalArgumentException e) {
            // reported below with the value
        }
        throw new ValidationException("checkpoint must be one returned by changesSince of a Salesforce connector, "
                + "but was " + Checks.quote(checkpoint));
    }

    private static String millis(@Nullable Instant instant) {
        return instant == null ? "" : Long.toString(instant.toEpochMilli());
    }

    private static @Nullable Instant instant(String millis) {
        return millis.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(millis));
    }
}
