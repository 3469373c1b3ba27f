package dev.ecosystem.spi;

import dev.ecosystem.internal.base.Checks;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Everything the SDK remembers: network profiles, contacts, partnerships, introductions, CRM snapshots,
 * touchpoints, the email outbox, idempotency keys and introduction blocks between companies.
 *
 * <p>All access goes through a unit of work: {@link #inTransaction} runs the callback in one transaction, so a state
 * change and the email it causes are stored together or not at all.
 *
 * <p>The SDK's callbacks only read and write the store: it never makes a port call that may wait on the network
 * (the {@link IntroDrafter}, the {@link Mailer}, a {@link CrmConnector}) inside {@link #inTransaction}. It drafts
 * before the transaction that stores the email, sends after the one that claims it, and reads a CRM before the
 * one that stores what it read. A store may therefore hold a connection (or a lock) for the length of a
 * transaction and no longer, and may run a callback again after a conflict without repeating any network call.
 *
 * <p>Contract (checked by {@code PartnerStoreContract} in {@code sdk-testkit}):
 * <ul>
 *   <li>Thread-safe. Transactions are serializable with respect to each other: a transaction sees either all or
 *       none of another's writes.</li>
 *   <li>If the callback throws, nothing it wrote is kept and the exception reaches the caller unchanged (the same
 *       instance, whether unchecked, an {@link Error}, or a checked exception thrown from Kotlin code).</li>
 *   <li>Tenant-owned data (contacts, partnerships, CRM snapshots, touchpoints, idempotency keys) is keyed by its
 *       tenant: a read for one tenant never returns another tenant's record, even with the same id.</li>
 *   <li>A {@link StoreTransaction} must not be used after its callback returned: calling it, or a repository
 *       obtained from it, then throws an {@link dev.ecosystem.error.EcosystemException} and stores nothing.</li>
 *   <li>A read returns a record equal to the one stored (every field; instants to the millisecond at least).</li>
 *   <li>List methods return ids in ascending natural order of the id type, which compares the text char by char
 *       (binary and case-sensitive, never a locale collation). Pages are full while more items follow, and the last
 *       page has a {@code null} cursor. A cursor is a position in that order: records added or removed between
 *       pages are neither repeated nor make others skipped. A cursor that is malformed or came from another list
 *       method is refused with a {@link dev.ecosystem.error.ValidationException}.</li>
 *   <li>Failures of the underlying database surface as {@link dev.ecosystem.spi.ProviderException}; broken invariants
 *       (duplicate ids, stale versions) as {@link dev.ecosystem.error.ConflictException}; bad arguments (a {@code null}
 *       argument, or a collection holding {@code null}) as {@link dev.ecosystem.error.ValidationException}, thrown before
 *       anything of the call is stored, so a caller that catches it may go on with the transaction. The SDK calls
 *       every store through {@link dev.ecosystem.spi.support.ValidatingPartnerStore}, which makes these argument
 *       checks, so a store need not repeat them; the rules that depend on stored rows are the store's, and
 *       {@link dev.ecosystem.spi.support.StoreRules} has them with the messages the kit expects.</li>
 *   <li>Every write of a company, contact, partnership, block, sharing policy or CRM snapshot adds a change to the
 *       store's change feed in the same transaction ({@link StoreTransaction#changes()}; its own contract is on
 *       {@link ChangeRepository}), so app nodes sharing the store see each other's writes.</li>
 * </ul>
 */
public interface PartnerStore {

    /**
     * Runs {@code work} in one transaction and returns what it returns.
     *
     * @throws dev.ecosystem.error.ValidationException when {@code work} is {@code null}
     * @throws dev.ecosystem.error.ConflictException when a concurrent transaction won and the work may be retried
     */
    <T> T inTransaction(Function<StoreTransaction, T> work);

    /**
     * Runs {@code work} in one transaction, for work that returns nothing.
     *
     * @throws dev.ecosystem.error.ValidationException when {@code work} is {@code null}
     */
    default void useTransaction(Consumer<StoreTransaction> work) {
        Checks.required(work, "work");
        inTransaction(tx -> {
            work.accept(tx);
            return Boolean.TRUE;
        });
    }
}
