package dev.ecosystem.overlap.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.MatchExplanation;
import dev.ecosystem.model.Population;
import dev.ecosystem.overlap.OverlapSettings;
import dev.ecosystem.spi.PartnerStore;
import dev.ecosystem.spi.StoredAccounts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The account-mapping engine of one client: a {@link TenantIndex} per tenant (compact {@link AccountColumns}),
 * refreshed when the store's snapshot revision moves (from the changes a sync through this client noted, by reloading
 * otherwise), and the matches of each pair of tenants ({@link PairMatches}: ordinals and counts), kept while both
 * revisions stay the same, so a matrix asked again costs two revision reads and a policy read. Sharing policies are
 * not part of what is kept: every call reads the partner's policy and checks the partnership in the store, and the
 * view applies it to the kept counts. Thread-safe.
 */
public final class OverlapEngine {
    private final OverlapSettings settings;
    private final Classifier classifier;
    private final MatchRule rule;
    private final Map<CompanyId, TenantIndex> indexes = new ConcurrentHashMap<>();
    /** The latest matches of each (acting company, partner) pair, with the revisions they were computed at. */
    private final Cache<PairKey, Pair> pairs = Caffeine.newBuilder().maximumSize(64).build();

    private record PairKey(CompanyId mine, CompanyId theirs) {
    }

    private record Pair(long myRevision, long theirRevision, PairMatches matches) {
    }

    /** An engine on these settings. */
    public OverlapEngine(OverlapSettings settings) {
        this.settings = settings;
        this.classifier = new Classifier(settings, DomainRules.of(settings.privateSuffixes(),
                settings.genericDomains()));
        this.rule = new MatchRule(settings, classifier.nameRules());
    }

    /** The settings. */
    public OverlapSettings settings() {
        return settings;
    }

    /** Why two accounts match or not. */
    public MatchExplanation explain(Account a, Account b) {
        DomainNormalizer normalizer = classifier.normalizer();
        return rule.explain(classifier.facts(a, List.of(), normalizer), classifier.facts(b, List.of(), normalizer));
    }

    /**
     * The match keys of these accounts ({@link MatchKeys}), at the same indexes: what a sync stores beside them, so
     * that an index built from the store later does not normalize them again. Call it outside a store transaction:
     * it normalizes every domain and name.
     */
    public List<byte[]> matchKeys(List<Account> accounts) {
        return classifier.keys().of(accounts, classifier.normalizer());
    }

    /** Tells the engine a batch was stored, moving the tenant's snapshot from revision {@code before} to {@code after}. */
    public void stored(CompanyId tenant, long before, long after, Collection<Account> accounts, Collection<Deal> deals,
            Collection<AccountId> removedAccounts, Collection<DealId> removedDeals) {
        TenantIndex index = indexes.get(tenant);
        if (index != null) {
            index.apply(before, after, accounts, deals, removedAccounts, removedDeals);
        }
    }

    /**
     * Every match between two snapshots, and the revisions they were taken at: what count noise is keyed on.
     *
     * @param matches the matched companies
     * @param myRevision the acting company's snapshot revision
     * @param theirRevision the partner's snapshot revision
     */
    public record Matches(MatchSet matches, long myRevision, long theirRevision) {
    }

    /**
     * Every match between the two tenants' current snapshots: computed once per pair of snapshot revisions and
     * reused (counts included) until either side's snapshot changes.
     */
    public Matches matches(PartnerStore store, CompanyId mine, CompanyId theirs) {
        List<TenantIndex.Revised> both = indexes(store, true, mine, theirs);
        TenantIndex.Revised my = both.get(0);
        TenantIndex.Revised their = both.get(1);
        PairKey key = new PairKey(mine, theirs);
        Pair pair = pairs.getIfPresent(key);
        if (pair == null || pair.myRevision() != my.revision() || pair.theirRevision() != their.revision()) {
            pair = new Pair(my.revision(), their.revision(),
                    PairMatches.join(my.columns(), their.columns(), settings, classifier));
            pairs.put(key, pair);
        }
        return new Matches(pair.matches().over(my.columns(), their.columns(), classifier), pair.myRevision(),
                pair.theirRevision());
    }

    /** The tenant's registrable domains per population of the settings, each population present. */
    public Map<Population, Set<String>> domainKeys(PartnerStore store, CompanyId tenant) {
        AccountColumns columns = index(store, tenant).columns();
        List<Population> populations = settings.populations();
        List<Set<String>> keys = new ArrayList<>();
        populations.forEach(population -> keys.add(new LinkedHashSet<>()));
        for (long entry : columns.byDomain) {
            int ordinal = (int) entry;
            String domain = columns.domain(ordinal);
            for (int bits = columns.populations[ordinal]; bits != 0; bits &= bits - 1) {
                keys.get(Integer.numberOfTrailingZeros(bits)).add(domain);
            }
        }
        Map<Population, Set<String>> copy = new LinkedHashMap<>();
        for (int i = 0; i < populations.size(); i++) {
            copy.put(populations.get(i), Collections.unmodifiableSet(keys.get(i)));
        }
        return Collections.unmodifiableMap(copy);
    }

    /**
     * The accounts of the tenant's snapshot with this registrable domain (as {@link DomainNormalizer} gives it), for
     * lookups such as a referral's conflict check.
     */
    public List<AccountFacts> withDomain(PartnerStore store, CompanyId tenant, String registrableDomain) {
        index(store, tenant);
        return Objects.requireNonNull(indexes.get(tenant)).withDomain(registrableDomain);
    }

    /** The accounts of the tenant's snapshot whose normalized name ({@link NameNormalizer}) is exactly this one. */
    public List<AccountFacts> withName(PartnerStore store, CompanyId tenant, String normalizedName) {
        index(store, tenant);
        return Objects.requireNonNull(indexes.get(tenant)).withName(normalizedName);
    }

    /** The accounts of the tenant's snapshot whose normalized name ({@link NameNormalizer}) is in this block. */
    public List<AccountFacts> withNameBlock(PartnerStore store, CompanyId tenant, String block) {
        index(store, tenant);
        return Objects.requireNonNull(indexes.get(tenant)).withNameBlock(block);
    }

    /** The tenant's index at the store's current revision, reloaded from the store when it is behind. */
    private TenantIndex.Revised index(PartnerStore store, CompanyId tenant) {
        return indexes(store, false, tenant).get(0);
    }

    /**
     * The tenants' indexes at the store's current revisions, in the order given. Each one that is behind reads its
     * snapshot (revision, accounts and deals) in one transaction; the columns are built after the transactions,
     * so that the store is not held while they are. A build (a reload, or a merge of noted changes) of any but the
     * last tenant runs in the common fork-join pool, started as soon as its snapshot is read, so that it runs while
     * the next tenant's snapshot is read and built on the calling thread. {@code forJoin}: a join of these columns
     * follows, so a build also sorts what a join with name matching reads of its columns
     * ({@link AccountColumns#byLabel}), on the thread it runs on rather than in the join.
     */
    private List<TenantIndex.Revised> indexes(PartnerStore store, boolean forJoin, CompanyId... tenants) {
        TenantIndex.@Nullable Revised[] revised = new TenantIndex.Revised[tenants.length];
        List<Concurrently> others = new ArrayList<>();
        @Nullable Runnable pending = null;
        for (int i = 0; i < tenants.length; i++) {
            CompanyId tenant = tenants[i];
            if (i > 0 && tenant.equals(tenants[0])) {
                continue; // the same index, given below
            }
            TenantIndex index = indexes.computeIfAbsent(tenant, t -> new TenantIndex(t, classifier));
            long current = store.inTransaction(tx -> tx.crm().revision(tenant));
            @Nullable Snapshot snapshot = index.revision() == current ? null : store.inTransaction(tx -> new Snapshot(
                    tx.crm().revision(tenant), tx.crm().allStoredAccounts(tenant), tx.crm().allDeals(tenant)));
            int at = i;
            Runnable build = () -> {
                if (snapshot != null) {
                    index.reload(snapshot.revision(), snapshot.accounts(), snapshot.deals());
                }
                TenantIndex.Revised built = index.revised();
                if (forJoin && settings.nameMatching()) {
                    built.columns().byLabel();
                }
                revised[at] = built;
            };
            if (snapshot == null && !index.changed()) {
                build.run(); // nothing to build: the current columns
                continue;
            }
            if (pending != null) {
                others.add(Concurrently.start(pending));
            }
            pending = build;
        }
        if (pending != null) {
            pending.run();
        }
        others.forEach(Concurrently::join);
        List<TenantIndex.Revised> all = new ArrayList<>(tenants.length);
        for (int i = 0; i < tenants.length; i++) {
            all.add(Objects.requireNonNull(revised[tenants[i].equals(tenants[0]) ? 0 : i]));
        }
        return all;
    }

    /** A tenant's snapshot as read in one transaction. */
    private record Snapshot(long revision, StoredAccounts accounts, List<Deal> deals) {
    }
}
