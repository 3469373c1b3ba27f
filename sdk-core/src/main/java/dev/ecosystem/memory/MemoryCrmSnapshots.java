package dev.ecosystem.memory;

import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.ChangeKind;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.spi.CrmSnapshotRepository;
import dev.ecosystem.spi.StoredAccounts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Accounts, deals and checkpoints partitioned by tenant. An account row is the {@link Account} itself, or, when it was
 * stored with match keys, a {@link KeyedAccount} (16 bytes beside the keys), so accounts without keys cost nothing
 * more. Accounts and deals are tables of rows that carry their id ({@link Table#keyedBy}): reading a tenant's million
 * accounts for account mapping copies the array of rows while the store is locked and takes them apart after
 * ({@link AccountRows}), not a walk of a million tree nodes.
 */
final class MemoryCrmSnapshots implements CrmSnapshotRepository {
    private final MemoryTransaction tx;
    private final Table<Object> accounts;
    private final Table<Deal> deals;
    private final Table<String> checkpoints;
    private final Table<Long> revisions;

    MemoryCrmSnapshots(MemoryTransaction tx, Table<Object> accounts, Table<Deal> deals, Table<String> checkpoints,
            Table<Long> revisions) {
        this.tx = tx;
        this.accounts = accounts;
        this.deals = deals;
        this.checkpoints = checkpoints;
        this.revisions = revisions;
    }

    @Override
    public void putAccounts(CompanyId tenant, Collection<Account> records) {
        tx.checkOpen();
        for (Account account : records) {
            accounts.put(tx, tenant, account.id().value(), account);
        }
        bump(tenant, records.size());
    }

    @Override
    public void putAccounts(CompanyId tenant, List<Account> records, List<byte[]> matchKeys) {
        tx.checkOpen();
        for (int i = 0; i < records.size(); i++) {
            Account account = records.get(i);
            accounts.put(tx, tenant, account.id().value(), new KeyedAccount(account, matchKeys.get(i)));
        }
        bump(tenant, records.size());
    }

    @Override
    public void removeAccounts(CompanyId tenant, Collection<AccountId> ids) {
        tx.checkOpen();
        int removed = 0;
        for (AccountId id : ids) {
            removed += accounts.remove(tx, tenant, id.value()) == null ? 0 : 1;
        }
        bump(tenant, removed);
    }

    @Override
    public @Nullable Account account(CompanyId tenant, AccountId id) {
        tx.checkOpen();
        Object row = accounts.get(tenant, id.value());
        return row == null ? null : KeyedAccount.account(row);
    }

    /** The id of the account an account row holds: what the accounts table sorts its rows by. */
    static String accountId(Object row) {
        return KeyedAccount.account(row).id().value();
    }

    @Override
    public Page<Account> accounts(CompanyId tenant, PageRequest page) {
        tx.checkOpen();
        Page<Object> rows = accounts.page(tenant, page);
        List<Account> items = new ArrayList<>(rows.items().size());
        rows.items().forEach(row -> items.add(KeyedAccount.account(row)));
        return new Page<>(items, rows.nextCursor());
    }

    @Override
    public List<Account> allAccounts(CompanyId tenant) {
        tx.checkOpen();
        List<Object> rows = accounts.all(tenant);
        List<Account> all = new ArrayList<>(rows.size());
        rows.forEach(row -> all.add(KeyedAccount.account(row)));
        return all;
    }

    @Override
    public StoredAccounts allStoredAccounts(CompanyId tenant) {
        tx.checkOpen();
        return new AccountRows(accounts.rowArray(tenant)).stored();
    }

    @Override
    public long accountCount(CompanyId tenant) {
        tx.checkOpen();
        return accounts.count(tenant);
    }

    @Override
    public void putDeals(CompanyId tenant, Collection<Deal> records) {
        tx.checkOpen();
        for (Deal deal : records) {
            deals.put(tx, tenant, deal.id().value(), deal);
        }
        bump(tenant, records.size());
    }

    @Override
    public void removeDeals(CompanyId tenant, Collection<DealId> ids) {
        tx.checkOpen();
        int removed = 0;
        for (DealId id : ids) {
            removed += deals.remove(tx, tenant, id.value()) == null ? 0 : 1;
        }
        bump(tenant, removed);
    }

    @Override
    public @Nullable Deal deal(CompanyId tenant, DealId id) {
        tx.checkOpen();
        return deals.get(tenant, id.value());
    }

    @Override
    public Page<Deal> deals(CompanyId tenant, PageRequest page) {
        tx.checkOpen();
        return deals.page(tenant, page);
    }

    @Override
    public List<Deal> allDeals(CompanyId tenant) {
        tx.checkOpen();
        return deals.all(tenant);
    }

    @Override
    public long dealCount(CompanyId tenant) {
        tx.checkOpen();
        return deals.count(tenant);
    }

    @Override
    public @Nullable String checkpoint(CompanyId tenant) {
        tx.checkOpen();
        return checkpoints.get(MemoryTables.ALL, tenant.value());
    }

    @Override
    public void saveCheckpoint(CompanyId tenant, String checkpoint) {
        checkpoints.put(tx.checkOpen(), MemoryTables.ALL, tenant.value(), checkpoint);
    }

    @Override
    public long revision(CompanyId tenant) {
        tx.checkOpen();
        Long revision = revisions.get(MemoryTables.ALL, tenant.value());
        return revision == null ? 0 : revision;
    }

    private void bump(CompanyId tenant, int changes) {
        if (changes > 0) {
            revisions.put(tx, MemoryTables.ALL, tenant.value(), revision(tenant) + 1);
            tx.changed(ChangeKind.CRM_SNAPSHOT, tenant, null);
        }
    }

}
