package dev.ecosystem.referral.internal;

import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.overlap.OverlapSettings;
import dev.ecosystem.spi.PartnerStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each vendor's customers and open opportunities by registrable domain and by normalized name, for the conflict
 * check of a registration: a lookup is two hash probes, whatever the size of the snapshot. Classified with the
 * overlap settings' population rules (the same ones account mapping uses). Rebuilt from the store when the
 * vendor's snapshot revision has moved since the last build, so the first check after a sync pays one read of the
 * snapshot. Thread-safe.
 */
final class VendorAccounts {
    /** A vendor account the check found. */
    record Hit(AccountId account, boolean customer) {
    }

    /** One vendor's index at one snapshot revision. */
    record Index(long revision, Map<String, List<Hit>> byDomain, Map<String, List<Hit>> byName) {
        /** The hits by domain key, else by name key; empty when neither matches. */
        List<Hit> find(@org.jspecify.annotations.Nullable String domainKey, String nameKey) {
            List<Hit> hits = domainKey == null ? null : byDomain.get(domainKey);
            if (hits == null && !nameKey.isEmpty()) {
                hits = byName.get(nameKey);
            }
            return hits == null ? List.of() : hits;
        }
    }

    private final PartnerStore store;
    private final OverlapSettings settings;
    private final MatchKeys keys;
    private final Map<CompanyId, Index> indexes = new ConcurrentHashMap<>();

    VendorAccounts(PartnerStore store, OverlapSettings settings, MatchKeys keys) {
        this.store = store;
        this.settings = settings;
        this.keys = keys;
    }

    /** The vendor's index as last built, or {@code null}; check its revision in the transaction that uses it. */
    @org.jspecify.annotations.Nullable Index cached(CompanyId vendor) {
        return indexes.get(vendor);
    }

    /** The vendor's index at its current snapshot revision. */
    Index current(CompanyId vendor) {
        long revision = store.inTransaction(tx -> tx.crm().revision(vendor));
        Index index = indexes.get(vendor);
        if (index != null && index.revision() == revision) {
            return index;
        }
        synchronized (this) {
            index = indexes.get(vendor);
            if (index == null || index.revision() != revision) {
                index = build(vendor);
                indexes.put(vendor, index);
            }
            return index;
        }
    }

    private Index build(CompanyId vendor) {
        return store.inTransaction(tx -> {
            long revision = tx.crm().revision(vendor);
            Map<AccountId, List<Deal>> deals = new HashMap<>();
            String cursor = null;
            do {
                Page<Deal> page = tx.crm().deals(vendor, PageRequest.after(cursor, PageRequest.MAX_SIZE));
                for (Deal deal : page.items()) {
                    deal.accountIds().forEach(id -> deals.computeIfAbsent(id, x -> new ArrayList<>(1)).add(deal));
                }
                cursor = page.nextCursor();
            } while (cursor != null);
            Map<String, List<Hit>> byDomain = new HashMap<>();
            Map<String, List<Hit>> byName = new HashMap<>();
            do {
                Page<Account> page = tx.crm().accounts(vendor, PageRequest.after(cursor, PageRequest.MAX_SIZE));
                for (Account account : page.items()) {
                    List<Deal> own = deals.getOrDefault(account.id(), List.of());
                    boolean customer = settings.customers().test(account, own);
                    if (!customer && !settings.openOpportunities().test(account, own)) {
                        continue;
                    }
                    Hit hit = new Hit(account.id(), customer);
                    String domain = keys.domainKey(account.domain());
                    if (domain != null) {
                        byDomain.computeIfAbsent(domain, d -> new ArrayList<>(1)).add(hit);
                    }
                    String name = MatchKeys.nameKey(account.name());
                    if (!name.isEmpty()) {
                        byName.computeIfAbsent(name, n -> new ArrayList<>(1)).add(hit);
                    }
                }
                cursor = page.nextCursor();
            } while (cursor != null);
            return new Index(revision, byDomain, byName);
        });
    }
}
