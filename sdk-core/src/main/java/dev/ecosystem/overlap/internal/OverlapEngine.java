package dev.ecosystem.overlap.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.Population;
import dev.ecosystem.overlap.Match;
import dev.ecosystem.overlap.MatchExplanation;
import dev.ecosystem.overlap.OverlapSettings;
import dev.ecosystem.spi.PartnerStore;
import dev.ecosystem.spi.StoreTransaction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The account-mapping engine of one client: a {@link TenantIndex} per tenant, refreshed when the store's snapshot
 * revision moves (change by change after a sync through this client, by reloading otherwise), and the matches of
 * each pair of tenants, cached by both revisions. Thread-safe.
 */
public final class OverlapEngine {
    private final OverlapSettings settings;
    private final Classifier classifier;
    private final MatchRule rule;
    private final Map<CompanyId, TenantIndex> indexes = new ConcurrentHashMap<>();
    private final Cache<PairKey, List<MatchGroup>> pairs = Caffeine.newBuilder().maximumSize(64).build();

    private record PairKey(CompanyId mine, CompanyId theirs, long myRevision, long theirRevision) {
    }

    /** An engine on these settings. */
    public OverlapEngine(OverlapSettings settings) {
        this.settings = settings;
        this.classifier = new Classifier(settings, DomainRules.of(settings.privateSuffixes(),
                settings.genericDomains()));
        this.rule = new MatchRule(settings);
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
     * @param groups the matched companies
     * @param myRevision the acting company's snapshot revision
     * @param theirRevision the partner's snapshot revision
     */
    public record Matches(List<MatchGroup> groups, long myRevision, long theirRevision) {
    }

    /** Every match between the two tenants' current snapshots. */
    public Matches matches(PartnerStore store, CompanyId mine, CompanyId theirs) {
        TenantIndex my = index(store, mine);
        TenantIndex their = index(store, theirs);
        TenantIndex first = mine.value().compareTo(theirs.value()) < 0 ? my : their;
        TenantIndex second = first == my ? their : my;
        synchronized (first) {
            synchronized (second) {
                PairKey pair = new PairKey(mine, theirs, my.revision(), their.revision());
                return new Matches(pairs.get(pair, key -> join(my, their)), pair.myRevision(), pair.theirRevision());
            }
        }
    }

    private List<MatchGroup> join(TenantIndex mine, TenantIndex theirs) {
        List<MatchGroup> groups = new ArrayList<>();
        boolean mineSmaller = mine.domainCount() <= theirs.domainCount();
        for (String domain : (mineSmaller ? mine : theirs).domains()) {
            List<AccountFacts> other = (mineSmaller ? theirs : mine).withDomain(domain);
            if (!other.isEmpty()) {
                List<AccountFacts> own = (mineSmaller ? mine : theirs).withDomain(domain);
                Match match = new Match(Match.Method.DOMAIN, 1.0, domain);
                groups.add(mineSmaller ? new MatchGroup(match, own, other) : new MatchGroup(match, other, own));
            }
        }
        if (settings.nameMatching()) {
            Set<List<AccountId>> seen = new HashSet<>();
            for (AccountFacts a : mine.withoutDomain()) {
                for (AccountFacts b : theirs.withNameBlock(NameNormalizer.block(a.name()))) {
                    addNameMatch(groups, seen, a, b);
                }
            }
            for (AccountFacts b : theirs.withoutDomain()) {
                for (AccountFacts a : mine.withNameBlock(NameNormalizer.block(b.name()))) {
                    addNameMatch(groups, seen, a, b);
                }
            }
        }
        return List.copyOf(groups);
    }

    private void addNameMatch(List<MatchGroup> groups, Set<List<AccountId>> seen, AccountFacts a, AccountFacts b) {
        Match match = rule.match(a, b);
        if (match != null && seen.add(List.of(a.account().id(), b.account().id()))) {
            groups.add(new MatchGroup(match, List.of(a), List.of(b)));
        }
    }

    /** The tenant's registrable domains per population of the settings, each population present. */
    public Map<Population, Set<String>> domainKeys(PartnerStore store, CompanyId tenant) {
        TenantIndex index = index(store, tenant);
        List<Population> populations = settings.populations();
        Map<Population, Set<String>> keys = new LinkedHashMap<>();
        populations.forEach(population -> keys.put(population, new LinkedHashSet<>()));
        synchronized (index) {
            for (String domain : index.domains()) {
                for (AccountFacts facts : index.withDomain(domain)) {
                    for (int i = 0; i < populations.size(); i++) {
                        if ((facts.populations() & (1 << i)) != 0) {
                            keys.get(populations.get(i)).add(domain);
                        }
                    }
                }
            }
        }
        Map<Population, Set<String>> copy = new LinkedHashMap<>();
        keys.forEach((population, domains) -> copy.put(population, Collections.unmodifiableSet(domains)));
        return Collections.unmodifiableMap(copy);
    }

    private TenantIndex index(PartnerStore store, CompanyId tenant) {
        TenantIndex index = indexes.computeIfAbsent(tenant, t -> new TenantIndex(t, classifier));
        long current = store.inTransaction(tx -> tx.crm().revision(tenant));
        if (index.revision() != current) {
            store.useTransaction(tx -> index.reload(tx.crm().revision(tenant),
                    readAll(tx, page -> tx.crm().accounts(tenant, page)),
                    readAll(tx, page -> tx.crm().deals(tenant, page))));
        }
        return index;
    }

    private static <T> List<T> readAll(StoreTransaction tx, Function<PageRequest, Page<T>> source) {
        List<T> all = new ArrayList<>();
        String cursor = null;
        do {
            Page<T> page = source.apply(PageRequest.after(cursor, PageRequest.MAX_SIZE));
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }
}
