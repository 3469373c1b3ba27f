package dev.ecosystem.spi;

import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Each tenant's CRM snapshot: accounts and deals as last synced, and the checkpoint to sync changes from. Records
 * are keyed by (tenant, CRM id); bulk methods are the fast path for syncs.
 */
public interface CrmSnapshotRepository {
    /**
     * Stores the accounts, replacing those with the same ids.
     *
     * @throws dev.ecosystem.error.ValidationException when an account's owner is not {@code tenant}; then none of the
     *     accounts is stored
     */
    void putAccounts(CompanyId tenant, Collection<Account> accounts);

    /**
     * Stores the accounts, replacing those with the same ids, each with the match keys the SDK derived from it
     * ({@code matchKeys.get(i)} belongs to {@code accounts.get(i)}): opaque bytes that account mapping computes at
     * sync time, outside the transaction, so that a node that did not sync reads them instead of normalizing every
     * domain and name again. A store keeps each account's keys as given until the account is put again (with keys or
     * without: a put without keys leaves it with none) or removed, and returns them from {@link #allStoredAccounts}.
     * The keys carry the version of the rules they were made with; the SDK checks it when it reads them, so a store
     * never interprets them. The default stores the accounts alone (a store that keeps no keys stays correct: the
     * first account mapping after a restart normalizes again).
     *
     * @throws dev.ecosystem.error.ValidationException when an account's owner is not {@code tenant}, or {@code matchKeys}
     *     has not one entry per account; then none of the accounts is stored
     */
    default void putAccounts(CompanyId tenant, List<Account> accounts, List<byte[]> matchKeys) {
        Checks.sameSize(Checks.noNulls(matchKeys, "matchKeys"), "matchKeys", Checks.required(accounts, "accounts"),
                "accounts");
        putAccounts(tenant, accounts);
    }

    /** Removes the accounts with these ids; ids not present are ignored. */
    void removeAccounts(CompanyId tenant, Collection<AccountId> ids);

    /** The tenant's account, or {@code null}. */
    @Nullable Account account(CompanyId tenant, AccountId id);

    /** The tenant's accounts in ascending id order. */
    Page<Account> accounts(CompanyId tenant, PageRequest page);

    /** How many accounts the tenant's snapshot has. */
    long accountCount(CompanyId tenant);

    /**
     * Every account of the tenant's snapshot in ascending id order, read at once: what an engine that indexes a whole
     * snapshot (account mapping) reads. The default pages through {@link #accounts}; a store overrides it with one
     * pass over its rows, as both bundled stores do.
     */
    default List<Account> allAccounts(CompanyId tenant) {
        return readAll(page -> accounts(tenant, page));
    }

    /**
     * Every account of the tenant's snapshot in ascending id order with the match keys stored with it (see
     * {@link #putAccounts(CompanyId, List, List)}), read at once. The default reads {@link #allAccounts} and has no
     * keys; a store that keeps keys overrides it, as both bundled stores do.
     */
    default StoredAccounts allStoredAccounts(CompanyId tenant) {
        List<Account> accounts = allAccounts(tenant);
        return new StoredAccounts(accounts, Collections.nCopies(accounts.size(), null));
    }

    /**
     * Stores the deals, replacing those with the same ids.
     *
     * @throws dev.ecosystem.error.ValidationException when a deal's owner is not {@code tenant}; then none of the deals is
     *     stored
     */
    void putDeals(CompanyId tenant, Collection<Deal> deals);

    /** Removes the deals with these ids; ids not present are ignored. */
    void removeDeals(CompanyId tenant, Collection<DealId> ids);

    /** The tenant's deal, or {@code null}. */
    @Nullable Deal deal(CompanyId tenant, DealId id);

    /** The tenant's deals in ascending id order. */
    Page<Deal> deals(CompanyId tenant, PageRequest page);

    /** How many deals the tenant's snapshot has. */
    long dealCount(CompanyId tenant);

    /**
     * Every deal of the tenant's snapshot in ascending id order, read at once; as {@link #allAccounts}, the default
     * pages through {@link #deals}.
     */
    default List<Deal> allDeals(CompanyId tenant) {
        return readAll(page -> deals(tenant, page));
    }

    private static <T> List<T> readAll(Function<PageRequest, Page<T>> source) {
        List<T> all = new ArrayList<>();
        String cursor = null;
        do {
            Page<T> page = source.apply(PageRequest.after(cursor, PageRequest.MAX_SIZE));
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }

    /**
     * The snapshot's revision: a number that changes, in the same transaction, whenever one of the tenant's accounts
     * or deals is put or removed, and only grows with committed changes; 0 for a tenant with no snapshot. Engines
     * cache what they derive from a snapshot and recompute it when the revision moves.
     */
    long revision(CompanyId tenant);

    /** The last saved sync checkpoint, exactly as saved, or {@code null} before the first sync. */
    @Nullable String checkpoint(CompanyId tenant);

    /**
     * Saves the sync checkpoint, replacing the previous one; store it in the same transaction as the records it
     * covers.
     *
     * @throws dev.ecosystem.error.ValidationException when the checkpoint is blank
     */
    void saveCheckpoint(CompanyId tenant, String checkpoint);
}
