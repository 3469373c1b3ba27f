package dev.ecosystem.overlap;

import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.CrmWriteBack;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.TouchpointId;
import java.time.Instant;

/**
 * The host's side of writing partner sources back to tenants' CRMs (enabled with
 * {@link OverlapSettings.Builder#partnerSourceWriteBack}). A CRM sync that credits a partner with sourcing a deal
 * queues the write in the store, in the same transaction as the credit; {@link #runDue} carries the queued writes
 * out through each tenant's {@link dev.ecosystem.spi.CrmConnector#recordPartnerSource}, outside any store
 * transaction. Obtain it with {@code client.crmWriteBacks()}.
 *
 * <pre>{@code
 * scheduler.scheduleWithFixedDelay(() -> client.crmWriteBacks().runDue(client.clock().instant()),
 *         1, 1, TimeUnit.MINUTES);
 * }</pre>
 *
 * <p>Safe to run on several application nodes at once: each write is claimed under a lease with a fencing number.
 * A write that fails is tried again with exponential backoff (1 minute, doubling, at most 1 hour; a quota's
 * retry-after is respected) and parked (event {@code crm.write-back-parked}) after 8 attempts, on a refusal that will
 * not change (a 4xx other than 429, a revoked authorization), or when the tenant's connector has no write-back.
 */
public interface CrmWriteBackOperations {
    /**
     * What one {@link #runDue} did.
     *
     * @param done writes the CRM accepted
     * @param retrying writes that failed and are due again later
     * @param parked writes given up
     */
    record Run(int done, int retrying, int parked) {
    }

    /** Carries out the writes due at {@code now}, up to 1,000 of them. */
    Run runDue(Instant now);

    /** The tenant's parked writes, in ascending id order. */
    Page<CrmWriteBack> parked(CompanyId tenant, PageRequest page);

    /**
     * Makes a parked write due again at once, its attempts counted afresh.
     *
     * @throws dev.ecosystem.error.NotFoundException when the tenant has no such write
     * @throws dev.ecosystem.error.ConflictException when it is not parked
     */
    CrmWriteBack retry(CompanyId tenant, TouchpointId id);
}
