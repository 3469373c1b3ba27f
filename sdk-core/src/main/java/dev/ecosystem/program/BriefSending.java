package dev.ecosystem.program;

import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.ProgramId;

/**
 * What one {@link ProgramBriefs#send} did.
 *
 * @param program the program
 * @param version the approved version that was sent
 * @param enqueued emails put in the outbox now, one per contact; 0 when every recipient already had this version
 * @param alreadySent recipients who already had this version, so got nothing now
 * @param partnersWithoutRecipients partners of the program with no contact to send to (none for partner matters, or
 *     all opted out)
 */
public record BriefSending(ProgramId program, int version, int enqueued, int alreadySent,
        int partnersWithoutRecipients) {
    /** Validates every field. */
    public BriefSending {
        Checks.required(program, "program");
        Checks.range(version, 1, Integer.MAX_VALUE, "version");
        Checks.nonNegative(enqueued, "enqueued");
        Checks.nonNegative(alreadySent, "alreadySent");
        Checks.nonNegative(partnersWithoutRecipients, "partnersWithoutRecipients");
    }

    /** Whether nothing new was enqueued. */
    public boolean nothingNew() {
        return enqueued == 0;
    }
}
