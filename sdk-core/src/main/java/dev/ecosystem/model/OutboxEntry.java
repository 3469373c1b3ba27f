package dev.ecosystem.model;

import dev.ecosystem.internal.Checks;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An email waiting in the store's outbox, written in the same transaction as the state change that caused it.
 *
 * @param id the entry's id
 * @param tenant the company on whose behalf it is sent
 * @param message the email, with its Message-ID fixed at enqueue time
 * @param origin what caused it (an introduction id, for example), or {@code null}
 * @param status where it stands
 * @param attempts how many send attempts were made
 * @param nextAttemptAt when it is due (again)
 * @param lastError the last failure, without secrets, or {@code null}
 * @param receipt the mailer's receipt once sent, or {@code null}
 * @param createdAt when it was enqueued
 */
public record OutboxEntry(
        OutboxEntryId id, CompanyId tenant, EmailMessage message, @Nullable String origin, OutboxStatus status,
        int attempts, Instant nextAttemptAt, @Nullable String lastError, @Nullable MailReceipt receipt,
        Instant createdAt) {

    /** Validates every field. */
    public OutboxEntry {
        Checks.required(id, "outbox entry id");
        Checks.required(tenant, "outbox tenant");
        Checks.required(message, "outbox message");
        Checks.required(status, "outbox status");
        Checks.nonNegative(attempts, "attempts");
        Checks.required(nextAttemptAt, "nextAttemptAt");
        Checks.required(createdAt, "createdAt");
    }

    /** A new pending entry, due at once. */
    public static OutboxEntry pending(OutboxEntryId id, CompanyId tenant, EmailMessage message,
            @Nullable String origin, Instant now) {
        return new OutboxEntry(id, tenant, message, origin, OutboxStatus.PENDING, 0, now, null, null, now);
    }

    /** A copy due (again) at {@code at}, unchanged otherwise: how a claim leases an entry. */
    public OutboxEntry dueAt(Instant at) {
        return new OutboxEntry(id, tenant, message, origin, status, attempts, at, lastError, receipt, createdAt);
    }

    /** A copy marked sent with its receipt. */
    public OutboxEntry sent(MailReceipt mailReceipt) {
        return new OutboxEntry(id, tenant, message, origin, OutboxStatus.SENT, attempts + 1, nextAttemptAt, null,
                mailReceipt, createdAt);
    }

    /** A copy after a failed attempt, due again at {@code retryAt}. */
    public OutboxEntry failed(String error, Instant retryAt) {
        return new OutboxEntry(id, tenant, message, origin, OutboxStatus.PENDING, attempts + 1, retryAt, error, null,
                createdAt);
    }

    /** A copy parked after too many failures. */
    public OutboxEntry parked(String error) {
        return new OutboxEntry(id, tenant, message, origin, OutboxStatus.PARKED, attempts + 1, nextAttemptAt, error,
                null, createdAt);
    }

    /** A parked entry made due again at {@code now} by the host. */
    public OutboxEntry retried(Instant now) {
        return new OutboxEntry(id, tenant, message, origin, OutboxStatus.PENDING, attempts, now, lastError, null,
                createdAt);
    }
}
