package dev.ecosystem.spi;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Everything the SDK remembers: network profiles, contacts, partnerships, introductions, CRM snapshots,
 * touchpoints, the email outbox, idempotency keys and introduction blocks between companies.
 *
 * <p>All access goes through a unit of work: {@link #inTransaction} runs the callback in one transaction, so a state
 * change and the email it causes are stored together or not at all.
 *
 * <p>Contract (checked by {@code PartnerStoreContract} in {@code sdk-testkit}):
 * <ul>
 *   <li>Thread-safe. Transactions are serializable with respect to each other: a transaction sees either all or
 *       none of another's writes.</li>
 *   <li>If the callback throws, nothing it wrote is kept and the exception reaches the caller unchanged.</li>
 *   <li>Tenant-owned data (contacts, partnerships, CRM snapshots, touchpoints, idempotency keys) is keyed by its
 *       tenant: a read for one tenant never returns another tenant's record, even with the same id.</li>
 *   <li>A {@link StoreTransaction} must not be used after its callback returned.</li>
 *   <li>Failures of the underlying database surface as {@link dev.ecosystem.ProviderException}; broken invariants
 *       (duplicate ids, stale versions) as {@link dev.ecosystem.ConflictException}; bad arguments as
 *       {@link dev.ecosystem.ValidationException}.</li>
 * </ul>
 */
public interface PartnerStore {

    /**
     * Runs {@code work} in one transaction and returns what it returns.
     *
     * @throws dev.ecosystem.ConflictException when a concurrent transaction won and the work may be retried
     */
    <T> T inTransaction(Function<StoreTransaction, T> work);

    /** Runs {@code work} in one transaction, for work that returns nothing. */
    default void useTransaction(Consumer<StoreTransaction> work) {
        inTransaction(tx -> {
            work.accept(tx);
            return Boolean.TRUE;
        });
    }
}
