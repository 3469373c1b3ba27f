package dev.ecosystem.model;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import java.time.Duration;
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
 * @param lookUpFrom set while an earlier hand-over to the mailer may have reached the provider without its outcome
 *     being recorded, or {@code null}: the next attempt then asks the mailer to look the message up before sending it
 *     again ({@link dev.ecosystem.spi.Mailer#resend}), and makes it no sooner than this time. While a dispatcher
 *     has the message with the mailer, that is one lease after its own lease ends, so a call still under way on a
 *     node that lost its lease has ended before the lookup; after a call that failed, it is when the call ended
 */
public record OutboxEntry(
        OutboxEntryId id, CompanyId tenant, EmailMessage message, @Nullable String origin, OutboxStatus status,
        int attempts, Instant nextAttemptAt, @Nullable String lastError, @Nullable MailReceipt receipt,
        Instant createdAt, long claim, @Nullable Instant lookUpFrom) {

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
                lookUpFrom);
    }

    /** A copy claimed once more, leased until {@code leaseUntil}: what a store's claim stores and returns. */
    public OutboxEntry claimed(Instant leaseUntil) {
        return new OutboxEntry(id, tenant, message, origin, status, attempts, leaseUntil, lastError, receipt,
                createdAt, claim + 1, lookUpFrom);
    }

    /**
     * A copy noting that its holder has the message with the mailer at {@code at} (the hand-over, or a lease renewal
     * while the call lasts), leased until {@code leaseUntil}; a later attempt looks the message up no sooner than one
     * lease after that.
     */
    public OutboxEntry sending(Instant at, Instant leaseUntil) {
        return new OutboxEntry(id, tenant, message, origin, status, attempts, leaseUntil, lastError, receipt,
                createdAt, claim, leaseUntil.plus(Duration.between(at, leaseUntil)));
    }

    /**
     * A copy noting that the mailer's call ended at {@code at} without a known outcome (no answer, a server error):
     * the next attempt looks the message up, from {@code at} on.
     */
    public OutboxEntry outcomeUnknown(Instant at) {
        return new OutboxEntry(id, tenant, message, origin, status, attempts, nextAttemptAt, lastError, receipt,
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
                createdAt, claim, lookUpFrom);
    }

    /** A copy parked after too many failures; whether the message may have gone out is kept. */
    public OutboxEntry parked(String error) {
        return new OutboxEntry(id, tenant, message, origin, OutboxStatus.PARKED, attempts + 1, nextAttemptAt, error,
                null, createdAt, claim, lookUpFrom);
    }

    /** A parked entry made due again at {@code now} by the host. */
    public OutboxEntry retried(Instant now) {
        return new OutboxEntry(id, tenant, message, origin, OutboxStatus.PENDING, attempts, now, lastError, null,
                createdAt, claim, lookUpFrom);
    }
}
