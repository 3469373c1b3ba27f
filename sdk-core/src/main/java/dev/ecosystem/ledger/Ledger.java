package dev.ecosystem.ledger;

import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.Touchpoint;
import dev.ecosystem.model.TouchpointId;
import dev.ecosystem.model.TouchpointKind;
import org.jspecify.annotations.Nullable;

/**
 * The acting company's append-only attribution ledger: what its partners did that may earn them credit. Entries are
 * never changed or removed; a mistake is corrected by {@link #reverse reversing} the entry, which appends an entry
 * that cancels it. Nobody else reads or writes it.
 *
 * <pre>{@code
 * Ledger ledger = client.as(acme).ledger();
 * Touchpoint cosell = ledger.record(TouchpointRequest.builder(globex, TouchpointKind.CO_SELL, Instant.parse(
 *                 "2025-03-04T10:00:00Z"))
 *         .deal(DealId.of("d-42"))
 *         .note("joint demo with the Globex solutions team")
 *         .idempotencyKey("crm-task-9915")
 *         .build());
 * ledger.reverse(cosell.id(), "the demo was cancelled");
 * }</pre>
 *
 * <p>Events: {@code ledger.recorded} (subject: the entry's id; attributes {@code partner}, {@code kind}) and
 * {@code ledger.reversed} (subject: the reversal's id; attributes {@code reverses}, {@code partner}).
 */
public interface Ledger {
    /**
     * Records a touchpoint by hand. The same idempotency key again returns the first entry and records nothing.
     *
     * @return the entry as stored, with a new id
     * @throws dev.ecosystem.error.ValidationException when the partner is not one the acting company has a partnership
     *     with, when a named account or deal is not in its CRM snapshot (the message names the field), when the
     *     deal is not on the named account, or when {@code occurredAt} is in the future
     */
    Touchpoint record(TouchpointRequest request);

    /**
     * The entry.
     *
     * @throws dev.ecosystem.error.NotFoundException when the acting company has no entry with this id
     */
    Touchpoint get(TouchpointId id);

    /** Every entry, reversals included, in ascending id order. */
    Page<Touchpoint> list(PageRequest page);

    /**
     * The entries of one partner or of one kind, or both ({@code null} for any), in ascending id order. A page of a
     * filtered listing may hold fewer entries than asked (even none) while {@link Page#nextCursor()} is set: it
     * reads the ledger a bounded stretch at a time; go on until the cursor is {@code null}.
     */
    Page<Touchpoint> list(@Nullable CompanyId partner, @Nullable TouchpointKind kind, PageRequest page);

    /**
     * Reverses an entry: appends an entry of the same partner, kind and subject whose {@code reverses} names it, at
     * the current time, with the reason as its origin. Attribution then counts neither of the two.
     *
     * @param reason why, at most 500 characters on one line
     * @return the reversing entry
     * @throws dev.ecosystem.error.NotFoundException when the acting company has no entry with this id
     * @throws dev.ecosystem.error.ConflictException when the entry was already reversed, or is itself a reversal (record
     *     a new entry instead of reversing a reversal)
     */
    Touchpoint reverse(TouchpointId id, String reason);
}
