package dev.ecosystem.internal;

import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.overlap.Overlaps;
import dev.ecosystem.spi.CrmConnector;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** {@link Overlaps} for one company: its CRM snapshot. */
public final class SnapshotOverlaps implements Overlaps {
    private static final int BATCH = 500;

    private final SdkContext context;
    private final CompanyId company;

    /** The snapshot of {@code company}. */
    public SnapshotOverlaps(SdkContext context, CompanyId company) {
        this.context = context;
        this.company = company;
    }

    @Override
    public SyncResult syncCrm() {
        CrmConnector crm = context.crms().forTenant(company);
        Set<AccountId> seenAccounts = new HashSet<>();
        Set<DealId> seenDeals = new HashSet<>();
        copyAll(crm::accounts, batch -> {
            batch.forEach(account -> seenAccounts.add(account.id()));
            context.store().useTransaction(tx -> tx.crm().putAccounts(company, batch));
        });
        copyAll(crm::deals, batch -> {
            batch.forEach(deal -> seenDeals.add(deal.id()));
            context.store().useTransaction(tx -> tx.crm().putDeals(company, batch));
        });
        context.store().useTransaction(tx -> {
            tx.crm().removeAccounts(company, missing(tx.crm()::accounts, Account::id, seenAccounts));
            tx.crm().removeDeals(company, missing(tx.crm()::deals, Deal::id, seenDeals));
        });
        context.publish("crm.synced", company, company.value(),
                Map.of("accounts", Long.toString(seenAccounts.size()), "deals", Long.toString(seenDeals.size())));
        return new SyncResult(seenAccounts.size(), seenDeals.size());
    }

    @Override
    public Page<Account> accounts(PageRequest page) {
        Checks.required(page, "page");
        return context.store().inTransaction(tx -> tx.crm().accounts(company, page));
    }

    @Override
    public Page<Deal> deals(PageRequest page) {
        Checks.required(page, "page");
        return context.store().inTransaction(tx -> tx.crm().deals(company, page));
    }

    private static <T> void copyAll(Function<PageRequest, Page<T>> source, java.util.function.Consumer<List<T>> sink) {
        @Nullable String cursor = null;
        do {
            Page<T> page = source.apply(PageRequest.after(cursor, BATCH));
            if (!page.items().isEmpty()) {
                sink.accept(page.items());
            }
            cursor = page.nextCursor();
        } while (cursor != null);
    }

    private <T, K> List<K> missing(java.util.function.BiFunction<CompanyId, PageRequest, Page<T>> stored,
            Function<T, K> key, Set<K> seen) {
        List<K> gone = new ArrayList<>();
        @Nullable String cursor = null;
        do {
            Page<T> page = stored.apply(company, PageRequest.after(cursor, PageRequest.MAX_SIZE));
            for (T item : page.items()) {
                if (!seen.contains(key.apply(item))) {
                    gone.add(key.apply(item));
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return gone;
    }
}
