package dev.ecosystem.model;

import dev.ecosystem.ValidationException;
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
 * @param claim the fencing token: how many times a dispatcher claimed the entry. A dispatcher holds the entry only
 *     while the stored claim is still the one its claim returned; every store update from an older claim is refused
 *     (but a receipt), so a dispatcher that lost its lease can neither send nor reopen the entry
 * @param sendStartedAt when a dispatcher last handed the message to the mailer without the outcome being recorded
 *     yet, or {@code null}. Set means an earlier send may have reached the provider, so the next attempt asks the
 *     mailer to look the message up before sending it again ({@link dev.ecosystem.spi.Mailer#resend})
 */
public record OutboxEntry(
        OutboxEntryId id, CompanyId tenant, EmailMessage message, @Nullable String origin, OutboxStatus status,
        int attempts, Instant nextAttemptAt, @Nullable String lastError, @Nullable MailReceipt receipt,
        Instant createdAt, long claim, @Nullable Instant sendStartedAt) {

    /** Validates every field. */
    public OutboxEntry {
        Checks.required(id, "outbox entry id");
        Checks.required(tenant, "outbox tenant");
        Checks.required(message, "outbox message");
        Checks.required(status, "outbox status");
        Checks.nonNegative(attempts, "attempts");
        Checks.required(nextAttemptAt, "nextAttemptAt");
        Checks.required(createdAt, "createdAt");
        if (claim < 0) {
            throw new ValidationException("claim must be 0 or more, but was " + claim);
        }
    }

    /** A new pending entry, due at once, never claimed. */
    public static OutboxEntry pending(OutboxEntryId id, CompanyId tenant, EmailMessage message,
            @Nullable String origin, Instant now) {
        return new OutboxEntry(id, tenant, message, origin, OutboxStatus.PENDING, 0, now, null, null, now, 0, null);
    }

    /** A copy due (again) at {@code at} under the same claim: how a holder renews its lease. */
    public OutboxEntry dueAt(Instant at) {
        return new OutboxEntry(id, tenant, message, origin, status, attempts, at, lastError, receipt, createdAt, claim,
                sendStartedAt);
    }

    /** A copy claimed once more, leased until {@code leaseUntil}: what a store's claim stores and returns. */
    public OutboxEntry claimed(Instant leaseUntil) {
        return new OutboxEntry(id, tenant, message, origin, status, attempts, leaseUntil, lastError, receipt,
                createdAt, claim + 1, sendStartedAt);
    }

    /** A copy noting that its holder hands the message to the mailer at {@code at}, leased until {@code leaseUntil}. */
    public OutboxEntry sending(Instant at, Instant leaseUntil) {
        return new OutboxEntry(id, tenant, message, origin, status, attempts, leaseUntil, lastError, receipt,
                createdAt, claim, at);
    }

    /** A copy noting that the last hand-off did not send the message: the provider refused it. */
    public OutboxEntry notSent() {
        return new OutboxEntry(id, tenant, message, origin, status, attempts, nextAttemptAt, lastError, receipt,
                createdAt, claim, null);
    }

    /** A copy marked sent with its receipt. */
    public OutboxEntry sent(MailReceipt mailReceipt) {
        return new OutboxEntry(id, tenant, message, origin, OutboxStatus.SENT, attempts + 1, nextAttemptAt, null,
                mailReceipt, createdAt, claim, null);
    }

    /** A copy after a failed attempt, due again at {@code retryAt}; whether the message may have gone out is kept. */
    public OutboxEntry failed(String error, Instant retryAt) {
        return new OutboxEntry(id, tenant, message, origin, OutboxStatus.PENDING, attempts + 1, retryAt, error, null,
                createdAt, claim, sendStartedAt);
    }

    /** A copy parked after too many failures; whether the message may have gone out is kept. */
    public OutboxEntry parked(String error) {
        return new OutboxEntry(id, tenant, message, origin, OutboxStatus.PARKED, attempts + 1, nextAttemptAt, error,
                null, createdAt, claim, sendStartedAt);
    }

    /** A parked entry made due again at {@code now} by the host. */
    public OutboxEntry retried(Instant now) {
        return new OutboxEntry(id, tenant, message, origin, OutboxStatus.PENDING, attempts, now, lastError, null,
                createdAt, claim, sendStartedAt);
    }
}
