package dev.ecosystem.model;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A write to a tenant's CRM waiting in the store's durable queue: record on a deal which partner sourced it. It is
 * written in the same transaction as the credit that caused it and carried out later by the dispatcher, outside any
 * transaction, with retries and parking, like an email in the outbox.
 *
 * @param id the id within the tenant's queue: the id of the ledger entry that caused it, so a credit asks once
 * @param tenant the company whose CRM is written
 * @param deal the CRM deal to mark
 * @param partner the partner that sourced it
 * @param partnerName the partner's name as written into the CRM
 * @param status where it stands
 * @param attempts how many attempts were made
 * @param nextAttemptAt when it is due (again)
 * @param lastError the last failure, without secrets, or {@code null}
 * @param createdAt when it was queued
 * @param claim the fencing token: how many times a dispatcher claimed it; a store refuses updates from an older
 *     claim, so a dispatcher whose lease ran out cannot overwrite what the next holder did
 */
public record CrmWriteBack(
        TouchpointId id, CompanyId tenant, DealId deal, CompanyId partner, String partnerName,
        CrmWriteBackStatus status, int attempts, Instant nextAttemptAt, @Nullable String lastError, Instant createdAt,
        long claim) {

    /** Validates every field. */
    public CrmWriteBack {
        Checks.required(id, "write-back id");
        Checks.required(tenant, "write-back tenant");
        Checks.required(deal, "write-back deal");
        Checks.required(partner, "write-back partner");
        partnerName = Checks.singleLine(partnerName, "partnerName", 200);
        Checks.required(status, "write-back status");
        Checks.nonNegative(attempts, "attempts");
        Checks.required(nextAttemptAt, "nextAttemptAt");
        Checks.required(createdAt, "createdAt");
        if (claim < 0) {
            throw new ValidationException("claim must be 0 or more, but was " + claim);
        }
    }

    /** A new pending write-back for the ledger entry {@code credit}, due at once, never claimed. */
    public static CrmWriteBack pending(TouchpointId credit, CompanyId tenant, DealId deal, CompanyId partner,
            String partnerName, Instant now) {
        return new CrmWriteBack(credit, tenant, deal, partner, partnerName, CrmWriteBackStatus.PENDING, 0, now, null,
                now, 0);
    }

    /** A copy claimed once more, leased until {@code leaseUntil}: what a store's claim stores and returns. */
    public CrmWriteBack claimed(Instant leaseUntil) {
        return new CrmWriteBack(id, tenant, deal, partner, partnerName, status, attempts, leaseUntil, lastError,
                createdAt, claim + 1);
    }

    /** A copy marked done after one more attempt. */
    public CrmWriteBack done() {
        return new CrmWriteBack(id, tenant, deal, partner, partnerName, CrmWriteBackStatus.DONE, attempts + 1,
                nextAttemptAt, null, createdAt, claim);
    }

    /** A copy after one more failed attempt, due again at {@code retryAt}. */
    public CrmWriteBack failed(String error, Instant retryAt) {
        return new CrmWriteBack(id, tenant, deal, partner, partnerName, CrmWriteBackStatus.PENDING, attempts + 1,
                retryAt, error, createdAt, claim);
    }

    /** A copy given up after one more failed attempt. */
    public CrmWriteBack parked(String error) {
        return new CrmWriteBack(id, tenant, deal, partner, partnerName, CrmWriteBackStatus.PARKED, attempts + 1,
                nextAttemptAt, error, createdAt, claim);
    }

    /** A parked copy made pending again, due at {@code now}, its attempts counted afresh. */
    public CrmWriteBack retried(Instant now) {
        return new CrmWriteBack(id, tenant, deal, partner, partnerName, CrmWriteBackStatus.PENDING, 0, now, lastError,
                createdAt, claim);
    }
}
