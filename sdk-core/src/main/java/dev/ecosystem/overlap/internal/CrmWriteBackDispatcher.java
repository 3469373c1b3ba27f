package dev.ecosystem.overlap.internal;

import dev.ecosystem.error.ConflictException;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.internal.Retries;
import dev.ecosystem.internal.SdkContext;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.CrmWriteBack;
import dev.ecosystem.model.CrmWriteBackStatus;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.Touchpoint;
import dev.ecosystem.model.TouchpointId;
import dev.ecosystem.overlap.CrmWriteBackOperations;
import dev.ecosystem.overlap.OverlapSettings;
import dev.ecosystem.spi.CrmConnector;
import dev.ecosystem.spi.ProviderException;
import dev.ecosystem.spi.QuotaExhaustedException;
import dev.ecosystem.spi.ReauthorizationRequiredException;
import dev.ecosystem.spi.StoreTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out queued CRM write-backs: claims due entries in one short transaction, calls each tenant's connector
 * outside any transaction, and records the outcome in another short transaction that only the claim's holder may
 * make. {@link dev.ecosystem.spi.CrmConnector#recordPartnerSource} sets a property to a value, so a second call after
 * a lost outcome does no harm.
 */
public final class CrmWriteBackDispatcher implements CrmWriteBackOperations {
    static final int MAX_ATTEMPTS = 8;
    static final Duration FIRST_DELAY = Duration.ofMinutes(1);
    static final Duration MAX_DELAY = Duration.ofHours(1);
    static final Duration LEASE = Duration.ofMinutes(2);
    private static final int CLAIM_LIMIT = 1000;
    private static final int STORE_ATTEMPTS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(CrmWriteBackDispatcher.class);

    private final SdkContext context;

    /** The dispatcher of one client. */
    public CrmWriteBackDispatcher(SdkContext context) {
        this.context = context;
    }

    /**
     * Queues the write-back of a sourced credit in the credit's own transaction, when write-back is enabled and the
     * credit names a deal; a credit queues at most one write, whatever the number of calls.
     *
     * @return whether a write was queued now
     */
    public static boolean queue(StoreTransaction tx, OverlapSettings settings, Touchpoint credit, Instant now) {
        DealId deal = credit.dealId();
        if (!settings.partnerSourceWriteBack() || deal == null || credit.reverses() != null) {
            return false;
        }
        Company partner = tx.companies().get(credit.partner());
        String name = partner == null ? credit.partner().value() : partner.name();
        return tx.crmWriteBacks().enqueue(CrmWriteBack.pending(credit.id(), credit.owner(), deal, credit.partner(),
                name, now));
    }

    @Override
    public Run runDue(Instant now) {
        Checks.required(now, "now");
        List<CrmWriteBack> claimed = persistently(tx -> tx.crmWriteBacks().claimDue(now, now.plus(LEASE),
                CLAIM_LIMIT));
        int done = 0;
        int retrying = 0;
        int parked = 0;
        for (CrmWriteBack entry : claimed) {
            CrmWriteBack outcome = carryOut(entry, now);
            if (outcome == null) {
                continue;
            }
            switch (outcome.status()) {
                case DONE -> done++;
                case PARKED -> parked++;
                case PENDING -> retrying++;
                default -> throw new IllegalStateException("unexpected status " + outcome.status());
            }
        }
        return new Run(done, retrying, parked);
    }

    /** Calls the connector and records what happened; {@code null} when the outcome could not be recorded. */
    private @Nullable CrmWriteBack carryOut(CrmWriteBack entry, Instant now) {
        CrmWriteBack outcome;
        try {
            CrmConnector crm = context.crms().forTenant(entry.tenant());
            if (!crm.supportsWriteBack()) {
                outcome = entry.parked("the " + crm.provider() + " CRM connector of " + entry.tenant()
                        + " does not support write-back");
            } else {
                crm.recordPartnerSource(entry.deal(), entry.partner(), entry.partnerName());
                outcome = entry.done();
            }
        } catch (RuntimeException error) {
            outcome = failed(entry, error, now);
        }
        CrmWriteBack result = outcome;
        try {
            boolean held = persistently(tx -> {
                CrmWriteBack stored = tx.crmWriteBacks().get(entry.tenant(), entry.id());
                if (stored == null || stored.claim() != entry.claim()
                        || stored.status() != CrmWriteBackStatus.PENDING) {
                    return false;
                }
                tx.crmWriteBacks().update(result);
                return true;
            });
            if (!held) {
                LOG.debug("CRM write-back {} of {} changed hands while it was carried out; the new holder records it",
                        entry.id(), entry.tenant());
                return null;
            }
        } catch (RuntimeException e) {
            LOG.warn("could not record the outcome of CRM write-back {} of {}; it is tried again after its lease",
                    entry.id(), entry.tenant(), e);
            return null;
        }
        if (result.status() == CrmWriteBackStatus.PARKED) {
            LOG.warn("parked CRM write-back {} of {} after {} attempt(s): {}", entry.id(), entry.tenant(),
                    result.attempts(), result.lastError());
            context.publish("crm.write-back-parked", entry.tenant(), entry.id().value(), Map.of(
                    "deal", entry.deal().value(), "partner", entry.partner().value(),
                    "attempts", Integer.toString(result.attempts()),
                    "error", result.lastError() == null ? "" : result.lastError()));
        } else if (result.status() == CrmWriteBackStatus.DONE) {
            context.publish("crm.write-back-done", entry.tenant(), entry.id().value(), Map.of(
                    "deal", entry.deal().value(), "partner", entry.partner().value()));
        }
        return result;
    }

    private static CrmWriteBack failed(CrmWriteBack entry, RuntimeException error, Instant now) {
        String description = Retries.describe(error);
        int attempt = entry.attempts() + 1;
        boolean permanent = error instanceof ReauthorizationRequiredException
                || error instanceof ProviderException provider && !provider.retryable()
                && !(error instanceof QuotaExhaustedException);
        if (permanent || attempt >= MAX_ATTEMPTS) {
            return entry.parked(description);
        }
        Instant retryAt = now.plus(Retries.backoff(FIRST_DELAY, MAX_DELAY, attempt));
        if (error instanceof QuotaExhaustedException quota && quota.retryAfter() != null
                && quota.retryAfter().isAfter(retryAt)) {
            retryAt = quota.retryAfter();
        }
        return entry.failed(description, retryAt);
    }


    @Override
    public Page<CrmWriteBack> parked(CompanyId tenant, PageRequest page) {
        Checks.required(tenant, "tenant");
        Checks.required(page, "page");
        return context.store().inTransaction(tx -> tx.crmWriteBacks().list(tenant, CrmWriteBackStatus.PARKED, page));
    }

    @Override
    public CrmWriteBack retry(CompanyId tenant, TouchpointId id) {
        Checks.required(tenant, "tenant");
        Checks.required(id, "write-back id");
        Instant now = context.clock().instant();
        return context.store().inTransaction(tx -> {
            CrmWriteBack entry = tx.crmWriteBacks().get(tenant, id);
            if (entry == null) {
                throw new NotFoundException("company " + tenant + " has no CRM write-back " + id);
            }
            if (entry.status() != CrmWriteBackStatus.PARKED) {
                throw new ConflictException("CRM write-back " + id + " of " + tenant + " is " + entry.status()
                        + "; only a PARKED one can be retried");
            }
            CrmWriteBack again = entry.retried(now);
            tx.crmWriteBacks().update(again);
            return again;
        });
    }

    /** Runs a short transaction, again when it lost to concurrent ones (many dispatchers claim side by side). */
    private <T> T persistently(Function<StoreTransaction, T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return context.store().inTransaction(work);
            } catch (ConflictException conflict) {
                if (attempt >= STORE_ATTEMPTS) {
                    throw conflict;
                }
            }
        }
    }

}
