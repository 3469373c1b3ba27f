package dev.ecosystem.overlap.internal;

import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One tenant's snapshot as matching sees it, kept up to date change by change: a change to an account or deal
 * recomputes only the facts of the accounts it touches. Guarded by its own monitor.
 */
final class TenantIndex {
    private final CompanyId tenant;
    private final Classifier classifier;
    private final DomainNormalizer normalizer;
    private final Map<AccountId, AccountFacts> accounts = new HashMap<>();
    private final Map<DealId, Deal> deals = new HashMap<>();
    private final Map<AccountId, Map<DealId, Deal>> dealsByAccount = new HashMap<>();
    private final Map<String, Set<AccountId>> byDomain = new HashMap<>();
    private final Map<String, Set<AccountId>> byNameBlock = new HashMap<>();
    private final Set<AccountId> withoutDomain = new LinkedHashSet<>();
    private long revision = -1;

    TenantIndex(CompanyId tenant, Classifier classifier) {
        this.tenant = tenant;
        this.classifier = classifier;
        this.normalizer = classifier.normalizer();
    }

    CompanyId tenant() {
        return tenant;
    }

    synchronized long revision() {
        return revision;
    }

    /** Replaces everything with a snapshot read at {@code atRevision}. */
    synchronized void reload(long atRevision, Collection<Account> allAccounts, Collection<Deal> allDeals) {
        accounts.clear();
        deals.clear();
        dealsByAccount.clear();
        byDomain.clear();
        byNameBlock.clear();
        withoutDomain.clear();
        for (Deal deal : allDeals) {
            deals.put(deal.id(), deal);
            deal.accountIds().forEach(id -> dealsByAccount.computeIfAbsent(id, k -> new HashMap<>())
                    .put(deal.id(), deal));
        }
        allAccounts.forEach(this::index);
        revision = atRevision;
    }

    /**
     * Applies one stored batch when the index is at {@code before}; otherwise leaves it behind, to be reloaded.
     */
    synchronized void apply(long before, long after, Collection<Account> putAccounts, Collection<Deal> putDeals,
            Collection<AccountId> removedAccounts, Collection<DealId> removedDeals) {
        if (revision != before) {
            return;
        }
        Set<AccountId> touched = new LinkedHashSet<>();
        for (DealId id : removedDeals) {
            Deal old = deals.remove(id);
            if (old != null) {
                unlinkDeal(old);
                touched.addAll(old.accountIds());
            }
        }
        for (Deal deal : putDeals) {
            Deal old = deals.put(deal.id(), deal);
            if (old != null) {
                unlinkDeal(old);
                touched.addAll(old.accountIds());
            }
            deal.accountIds().forEach(id -> dealsByAccount.computeIfAbsent(id, k -> new HashMap<>())
                    .put(deal.id(), deal));
            touched.addAll(deal.accountIds());
        }
        for (AccountId id : removedAccounts) {
            unindex(id);
            touched.remove(id);
        }
        for (Account account : putAccounts) {
            unindex(account.id());
            index(account);
            touched.remove(account.id());
        }
        for (AccountId id : touched) {
            AccountFacts facts = accounts.get(id);
            if (facts != null) {
                unindex(id);
                index(facts.account());
            }
        }
        revision = after;
    }

    /** The accounts with this registrable domain (empty when none). */
    synchronized List<AccountFacts> withDomain(String domain) {
        return facts(byDomain.getOrDefault(domain, Set.of()));
    }

    /** The accounts whose normalized name has this block (empty when none). */
    synchronized List<AccountFacts> withNameBlock(String block) {
        return facts(byNameBlock.getOrDefault(block, Set.of()));
    }

    /** The registrable domains present. */
    synchronized Set<String> domains() {
        return Set.copyOf(byDomain.keySet());
    }

    synchronized int domainCount() {
        return byDomain.size();
    }

    /** Accounts without a usable domain that have a name to match on. */
    synchronized List<AccountFacts> withoutDomain() {
        return facts(withoutDomain);
    }

    private List<AccountFacts> facts(Collection<AccountId> ids) {
        List<AccountFacts> list = new ArrayList<>(ids.size());
        ids.forEach(id -> list.add(accounts.get(id)));
        return list;
    }

    private void unlinkDeal(Deal deal) {
        for (AccountId id : deal.accountIds()) {
            Map<DealId, Deal> linked = dealsByAccount.get(id);
            if (linked != null) {
                linked.remove(deal.id());
                if (linked.isEmpty()) {
                    dealsByAccount.remove(id);
                }
            }
        }
    }

    private void index(Account account) {
        Map<DealId, Deal> linked = dealsByAccount.getOrDefault(account.id(), Map.of());
        AccountFacts facts = classifier.facts(account, List.copyOf(linked.values()), normalizer);
        accounts.put(account.id(), facts);
        if (facts.domain() != null) {
            byDomain.computeIfAbsent(facts.domain(), k -> new LinkedHashSet<>()).add(account.id());
        } else if (!facts.name().isEmpty()) {
            withoutDomain.add(account.id());
        }
        if (!facts.name().isEmpty()) {
            byNameBlock.computeIfAbsent(NameNormalizer.block(facts.name()), k -> new LinkedHashSet<>())
                    .add(account.id());
        }
    }

    private void unindex(AccountId id) {
        AccountFacts facts = accounts.remove(id);
        if (facts == null) {
            return;
        }
        if (facts.domain() != null) {
            removeFrom(byDomain, facts.domain(), id);
        }
        withoutDomain.remove(id);
        if (!facts.name().isEmpty()) {
            removeFrom(byNameBlock, NameNormalizer.block(facts.name()), id);
        }
    }

    private static void removeFrom(Map<String, Set<AccountId>> index, String key, AccountId id) {
        Set<AccountId> ids = index.get(key);
        if (ids != null) {
            ids.remove(id);
            if (ids.isEmpty()) {
                index.remove(key);
            }
        }
    }
}
