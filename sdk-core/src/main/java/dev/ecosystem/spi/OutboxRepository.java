package dev.ecosystem.spi;

import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.OutboxEntry;
import dev.ecosystem.model.OutboxEntryId;
import dev.ecosystem.model.OutboxStatus;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Emails waiting to be sent. Entries are written in the same transaction as the change that caused them, claimed
 * by a dispatcher, sent, and marked sent with their receipt.
 *
 * <p>Many dispatchers (threads, app nodes) share one outbox. Each claim leases an entry and raises its
 * {@link OutboxEntry#claim() claim} number, the fencing token: the store refuses every update from an older claim,
 * so a dispatcher that stalled past its lease cannot overwrite what the new holder does. The one exception is the
 * receipt: an update to {@code SENT} is stored whatever its claim, since the message did go out.
 */
public interface OutboxRepository {
    /**
     * Adds a new entry. Ids and Message-IDs are unique across the whole outbox, not per tenant.
     *
     * @throws dev.ecosystem.error.ConflictException when the id or the message's Message-ID is already in the outbox
     */
    void enqueue(OutboxEntry entry);

    /** The entry, or {@code null}. */
    @Nullable OutboxEntry get(OutboxEntryId id);

    /**
     * Claims up to {@code limit} pending entries due at {@code now} (oldest due first) by moving their
     * {@code nextAttemptAt} to {@code leaseUntil} and adding one to their {@code claim}
     * ({@link OutboxEntry#claimed}): no other claim returns them until then. A dispatcher that dies holding a claim
     * thus hands its entries on when the lease ends. Concurrent claims never return the same entry.
     *
     * <p>An entry is due when its status is {@code PENDING} and {@code nextAttemptAt <= now}, whatever its tenant.
     * Entries come in ascending {@code nextAttemptAt}, ties in ascending id, as stored after the claim (with
     * {@code nextAttemptAt} equal to {@code leaseUntil}).
     *
     * @throws dev.ecosystem.error.ValidationException when {@code limit} is not between 1 and 1000, or {@code leaseUntil}
     *     is not after {@code now}
     */
    List<OutboxEntry> claimDue(Instant now, Instant leaseUntil, int limit);

    /**
     * Replaces the stored entry with the same id.
     *
     * @throws dev.ecosystem.error.NotFoundException when there is none
     * @throws dev.ecosystem.error.ConflictException when the update would change the message's Message-ID, would change a
     *     {@code SENT} entry in any way (a dispatcher whose lease ran out must not reopen what another one already
     *     sent), or carries another {@code claim} than the stored entry and is not an update to {@code SENT}
     */
    void update(OutboxEntry entry);

    /** The tenant's entries in the given status, in ascending id order. */
    Page<OutboxEntry> list(CompanyId tenant, OutboxStatus status, PageRequest page);

    /**
     * How many entries of every tenant are in {@code status}, for a host's gauges (pending, parked). The default
     * refuses, for stores written before this method; the SDK's stores count in one query.
     *
     * @throws dev.ecosystem.error.EcosystemException when the store cannot count
     */
    default long count(OutboxStatus status) {
        throw new dev.ecosystem.error.EcosystemException("this store cannot count outbox entries ("
                + getClass().getName() + " does not implement OutboxRepository.count)");
    }
}
