package dev.ecosystem.model;

import dev.ecosystem.internal.base.Checks;
import java.time.Instant;

/**
 * That one version of a brief was sent to one contact of a partner: the store keeps one per (vendor, program,
 * version, partner, contact), so a version never reaches a person twice.
 *
 * @param vendor the program's vendor
 * @param program the program
 * @param version the brief's version
 * @param partner the partner company
 * @param contact the partner's contact it went to
 * @param outboxEntry the outbox entry that carries it
 * @param enqueuedAt when it was put in the outbox
 */
public record BriefDelivery(CompanyId vendor, ProgramId program, int version, CompanyId partner, ContactId contact,
        OutboxEntryId outboxEntry, Instant enqueuedAt) {
    /** Validates every field. */
    public BriefDelivery {
        Checks.required(vendor, "delivery vendor");
        Checks.required(program, "delivery program");
        Checks.range(version, 1, Integer.MAX_VALUE, "delivery version");
        Checks.required(partner, "delivery partner");
        Checks.required(contact, "delivery contact");
        Checks.required(outboxEntry, "delivery outboxEntry");
        Checks.required(enqueuedAt, "delivery enqueuedAt");
    }
}
