package dev.ecosystem.overlap.internal;

import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.spi.StoredAccounts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * One tenant's snapshot as matching sees it: immutable {@link AccountColumns}, and the changes stored since they were
 * built. A change is only noted ({@link #apply}); the next read ({@link #columns}) merges all noted changes into new
 * columns at once, normalizing again only the domains and names of the accounts that changed (the rest is copied
 * from the old columns, in one pass over arrays). A reload from the store reads the match keys stored at sync
 * ({@link MatchKeys}) and normalizes only the accounts without current ones. So a sync of many small batches costs one rebuild, when the index
 * is next read, not one per batch; the price is that a read after a change is O(accounts) rather than O(change).
 * Guarded by its own monitor.
 */
final class TenantIndex {
    private final CompanyId tenant;
    private final Classifier classifier;
    private AccountColumns columns = AccountColumns.EMPTY;
    /** Accounts put (or, with a {@code null} value, removed) since {@link #columns} were built. */
    private final Map<AccountId, @Nullable Account> changedAccounts = new HashMap<>();
    private final Map<DealId, @Nullable Deal> changedDeals = new HashMap<>();
    private long revision = -1;

    TenantIndex(CompanyId tenant, Classifier classifier) {
        this.tenant = tenant;
        this.classifier = classifier;
    }

    CompanyId tenant() {
        return tenant;
    }

    synchronized long revision() {
        return revision;
    }

    /**
     * The columns and the revision they are at.
     *
     * @param revision the snapshot revision
     * @param columns the columns at that revision
     */
    record Revised(long revision, AccountColumns columns) {
    }

    /** Whether changes were noted since the columns were built (so that the next read merges them in). */
    synchronized boolean changed() {
        return !changedAccounts.isEmpty() || !changedDeals.isEmpty();
    }

    /** The current columns (with every noted change merged in) and their revision, read together. */
    synchronized Revised revised() {
        return new Revised(revision, columns());
    }

    /**
     * Replaces everything with a snapshot read at {@code atRevision}, unless the index is at that revision or a later
     * one already (another thread's reload, or changes noted since the snapshot was read: revisions only grow).
     */
    synchronized void reload(long atRevision, StoredAccounts allAccounts, Collection<Deal> allDeals) {
        if (revision >= 0 && atRevision <= revision) {
            return;
        }
        changedAccounts.clear();
        changedDeals.clear();
        columns = AccountColumns.build(allAccounts.accounts(), allAccounts.matchKeys(),
                allDeals.toArray(new Deal[0]), classifier, null);
        revision = atRevision;
    }

    /**
     * Notes one stored batch when the index is at {@code before}; otherwise leaves it behind, to be reloaded.
     * Removals apply after puts, as {@link CrmSync} stores them (an id both put and removed in one batch is gone).
     */
    synchronized void apply(long before, long after, Collection<Account> putAccounts, Collection<Deal> putDeals,
            Collection<AccountId> removedAccounts, Collection<DealId> removedDeals) {
        if (revision != before) {
            return;
        }
        putDeals.forEach(deal -> changedDeals.put(deal.id(), deal));
        removedDeals.forEach(id -> changedDeals.put(id, null));
        putAccounts.forEach(account -> changedAccounts.put(account.id(), account));
        removedAccounts.forEach(id -> changedAccounts.put(id, null));
        revision = after;
    }

    /** The columns at {@link #revision()}, with every noted change merged in. */
    synchronized AccountColumns columns() {
        if (!changedAccounts.isEmpty() || !changedDeals.isEmpty()) {
            Account[] accounts = merged(columns.accounts, changedAccounts, Account::id, Account[]::new);
            Deal[] deals = merged(columns.deals, changedDeals, Deal::id, Deal[]::new);
            columns = AccountColumns.build(accounts, null, deals, classifier, columns, false);
            changedAccounts.clear();
            changedDeals.clear();
        }
        return columns;
    }

    /** The records of {@code current} without the changed ids, plus the changed records that are not removals. */
    private static <T, K> T[] merged(T[] current, Map<K, @Nullable T> changes, Function<T, K> id,
            java.util.function.IntFunction<T[]> array) {
        if (changes.isEmpty()) {
            return current;
        }
        List<T> records = new ArrayList<>(current.length + changes.size());
        for (T record : current) {
            if (!changes.containsKey(id.apply(record))) {
                records.add(record);
            }
        }
        changes.values().forEach(record -> {
            if (record != null) {
                records.add(record);
            }
        });
        return records.toArray(array.apply(0)); // AccountColumns.build sorts them by id
    }

    /** The accounts with this registrable domain (empty when none). */
    List<AccountFacts> withDomain(String domain) {
        AccountColumns columns = columns();
        DomainNormalizer normalizer = classifier.normalizer();
        if (normalizer.normalize(domain) != DomainNormalizer.Outcome.DOMAIN || !normalizer.key().equals(domain)) {
            return List.of();
        }
        List<AccountFacts> found = new ArrayList<>();
        for (int ordinal : columns.withDomainHash(AccountColumns.hashOf(normalizer.keyHash()))) {
            if (columns.domain(ordinal).equals(domain)) {
                found.add(columns.facts(ordinal, normalizer));
            }
        }
        return found;
    }

    /** The accounts whose normalized name has this block (empty when none). */
    List<AccountFacts> withNameBlock(String block) {
        return inBlock(block, name -> true);
    }

    /** The accounts whose normalized name ({@link NameNormalizer#normalize}) is exactly this one. */
    List<AccountFacts> withName(String normalizedName) {
        return inBlock(normalizedName, normalizedName::equals);
    }

    /** The accounts in the block of {@code name} whose normalized name passes {@code filter}. */
    private List<AccountFacts> inBlock(String name, Predicate<String> filter) {
        AccountColumns columns = columns();
        DomainNormalizer normalizer = classifier.normalizer();
        List<AccountFacts> found = new ArrayList<>();
        if (!name.isEmpty()) {
            for (int ordinal : columns.withBlock(AccountColumns.blockCode(name))) {
                if (filter.test(columns.name(ordinal))) {
                    found.add(columns.facts(ordinal, normalizer));
                }
            }
        }
        return found;
    }

    /** The registrable domains present. */
    Set<String> domains() {
        AccountColumns columns = columns();
        Set<String> domains = new LinkedHashSet<>();
        for (long entry : columns.byDomain) {
            domains.add(columns.domain((int) entry));
        }
        return domains;
    }

    /** Accounts without a usable domain that have a name to match on. */
    List<AccountFacts> withoutDomain() {
        AccountColumns columns = columns();
        DomainNormalizer normalizer = classifier.normalizer();
        List<AccountFacts> found = new ArrayList<>(columns.withoutDomain.length);
        for (int ordinal : columns.withoutDomain) {
            found.add(columns.facts(ordinal, normalizer));
        }
        return found;
    }
}
