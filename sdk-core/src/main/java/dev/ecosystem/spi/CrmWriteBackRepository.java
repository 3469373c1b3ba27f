package dev.ecosystem.spi;

import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.CrmWriteBack;
import dev.ecosystem.model.CrmWriteBackStatus;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.TouchpointId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes to tenants' CRMs waiting to be carried out: queued in the same transaction as the credit that caused them,
 * claimed by a dispatcher, carried out outside any transaction, and marked done or parked.
 *
 * <p>Many dispatchers (threads, app nodes) share one queue. Each claim leases an entry and raises its
 * {@link CrmWriteBack#claim() claim} number, the fencing token: the store refuses every update from an older claim.
 */
public interface CrmWriteBackRepository {
    /**
     * Adds a new entry unless the tenant's queue already has one with its id.
     *
     * @return whether it was added
     */
    boolean enqueue(CrmWriteBack entry);

    /** The tenant's entry, or {@code null}. */
    @Nullable CrmWriteBack get(CompanyId tenant, TouchpointId id);

    /**
     * Claims up to {@code limit} pending entries due at {@code now}, whatever their tenant (oldest due first, ties
     * by tenant and id), by moving their {@code nextAttemptAt} to {@code leaseUntil} and adding one to their
     * {@code claim} ({@link CrmWriteBack#claimed}). Concurrent claims never return the same entry.
     *
     * @throws dev.ecosystem.error.ValidationException when {@code limit} is not between 1 and 1000, or {@code leaseUntil}
     *     is not after {@code now}
     */
    List<CrmWriteBack> claimDue(Instant now, Instant leaseUntil, int limit);

    /**
     * Replaces the stored entry with the same tenant and id.
     *
     * @throws dev.ecosystem.error.NotFoundException when there is none
     * @throws dev.ecosystem.error.ConflictException when it carries another {@code claim} than the stored entry, or would
     *     change its deal or partner
     */
    void update(CrmWriteBack entry);

    /** The tenant's entries in the given status, in ascending id order. */
    Page<CrmWriteBack> list(CompanyId tenant, CrmWriteBackStatus status, PageRequest page);
}
