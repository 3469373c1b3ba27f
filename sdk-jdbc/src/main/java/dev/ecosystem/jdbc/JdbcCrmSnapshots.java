package dev.ecosystem.jdbc;

import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.ChangeKind;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.DealStatus;
import dev.ecosystem.model.Money;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.spi.CrmSnapshotRepository;
import dev.ecosystem.spi.StoredAccounts;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Each tenant's CRM snapshot in the {@code accounts}, {@code deals} and {@code crm_checkpoints} tables. Bulk writes
 * go as JDBC batches, or on PostgreSQL above {@link #COPY_THRESHOLD} rows through {@code COPY} into a staging table
 * and one upsert from it.
 */
final class JdbcCrmSnapshots implements CrmSnapshotRepository {
    /** From this many rows on, PostgreSQL writes go through COPY. */
    static final int COPY_THRESHOLD = 500;

    private static final List<String> ACCOUNT_COLUMNS = List.of("tenant", "id", "name", "domain", "lifecycle_stage",
            "properties", "updated_at");
    /** What an account row is written with: its columns and its match keys (migration V16; NULL for none). */
    private static final List<String> ACCOUNT_WRITE_COLUMNS = List.of("tenant", "id", "name", "domain",
            "lifecycle_stage", "properties", "updated_at", "match_keys");
    private static final List<String> DEAL_COLUMNS = List.of("tenant", "id", "name", "account_ids", "amount",
            "currency", "pipeline", "stage", "status", "created_at", "close_date", "properties");
    private static final List<String> KEY = List.of("tenant", "id");

    private final JdbcTransaction tx;
    private final String accounts;
    private final String deals;
    private final String checkpoints;
    private final String revisions;

    JdbcCrmSnapshots(JdbcTransaction tx) {
        this.tx = tx;
        this.accounts = tx.table("accounts");
        this.deals = tx.table("deals");
        this.checkpoints = tx.table("crm_checkpoints");
        this.revisions = tx.table("crm_revisions");
    }

    @Override
    public void putAccounts(CompanyId tenant, Collection<Account> records) {
        writeAccounts(tenant, List.copyOf(records), null);
    }

    @Override
    public void putAccounts(CompanyId tenant, List<Account> records, List<byte[]> matchKeys) {
        writeAccounts(tenant, records, matchKeys);
    }

    /** Writes the accounts (each id once, the last one winning) with their keys, or none when {@code null}. */
    private void writeAccounts(CompanyId tenant, List<Account> records, @Nullable List<byte[]> matchKeys) {
        Map<String, Object[]> rows = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            Account account = records.get(i);
            rows.put(account.id().value(), new Object[] {tenant.value(), account.id().value(), account.name(),
                account.domain(), account.lifecycleStage(), Columns.json(account.properties()),
                account.updatedAt() == null ? null : Columns.nanos(account.updatedAt(), "account updatedAt"),
                matchKeys == null ? null : matchKeys.get(i)});
        }
        write("store accounts", accounts, ACCOUNT_WRITE_COLUMNS, new ArrayList<>(rows.values()));
        bump(tenant, rows.size());
    }

    @Override
    public void removeAccounts(CompanyId tenant, Collection<AccountId> ids) {
        bump(tenant, remove("remove accounts", accounts, tenant, ids.stream().map(AccountId::value).toList()));
    }

    @Override
    public @Nullable Account account(CompanyId tenant, AccountId id) {
        return tx.queryOne("get account " + id, select(ACCOUNT_COLUMNS, accounts) + " WHERE tenant = ? AND id = ?",
                JdbcCrmSnapshots::account, tenant.value(), id.value());
    }

    @Override
    public Page<Account> accounts(CompanyId tenant, PageRequest page) {
        return tx.page("jdbc/accounts", page, select(ACCOUNT_COLUMNS, accounts) + " WHERE tenant = ?",
                JdbcCrmSnapshots::account, account -> account.id().value(), tenant.value());
    }

    @Override
    public List<Account> allAccounts(CompanyId tenant) {
        return tx.query("read all accounts", select(ACCOUNT_COLUMNS, accounts)
                + " WHERE tenant = ? ORDER BY tenant, id", JdbcCrmSnapshots::account, tenant.value());
    }

    @Override
    public StoredAccounts allStoredAccounts(CompanyId tenant) {
        List<Account> all = new ArrayList<>();
        List<byte @Nullable []> keys = new ArrayList<>();
        tx.query("read all accounts with match keys", select(ACCOUNT_WRITE_COLUMNS, accounts)
                + " WHERE tenant = ? ORDER BY tenant, id", row -> {
                    all.add(account(row));
                    keys.add(row.getBytes("match_keys"));
                    return Boolean.TRUE;
                }, tenant.value());
        return new StoredAccounts(all, keys);
    }

    @Override
    public long accountCount(CompanyId tenant) {
        return tx.count("count accounts", "SELECT COUNT(*) FROM " + accounts + " WHERE tenant = ?", tenant.value());
    }

    @Override
    public void putDeals(CompanyId tenant, Collection<Deal> records) {
        List<Object[]> rows = new ArrayList<>(records.size());
        for (Deal deal : lastById(records, deal -> deal.id().value())) {
            Money amount = deal.amount();
            rows.add(new Object[] {tenant.value(), deal.id().value(), deal.name(),
                Columns.json(deal.accountIds().stream().map(AccountId::value).toList()),
                amount == null ? null : amount.amount(),
                amount == null ? null : amount.currency().getCurrencyCode(), deal.pipeline(), deal.stage(),
                deal.status().name(), Columns.nanos(deal.createdAt(), "deal createdAt"), deal.closeDate(),
                Columns.json(deal.properties())});
        }
        write("store deals", deals, DEAL_COLUMNS, rows);
        bump(tenant, rows.size());
    }

    @Override
    public void removeDeals(CompanyId tenant, Collection<DealId> ids) {
        bump(tenant, remove("remove deals", deals, tenant, ids.stream().map(DealId::value).toList()));
    }

    @Override
    public @Nullable Deal deal(CompanyId tenant, DealId id) {
        return tx.queryOne("get deal " + id, select(DEAL_COLUMNS, deals) + " WHERE tenant = ? AND id = ?",
                JdbcCrmSnapshots::deal, tenant.value(), id.value());
    }

    @Override
    public Page<Deal> deals(CompanyId tenant, PageRequest page) {
        return tx.page("jdbc/deals", page, select(DEAL_COLUMNS, deals) + " WHERE tenant = ?",
                JdbcCrmSnapshots::deal, deal -> deal.id().value(), tenant.value());
    }

    @Override
    public List<Deal> allDeals(CompanyId tenant) {
        return tx.query("read all deals", select(DEAL_COLUMNS, deals) + " WHERE tenant = ? ORDER BY tenant, id",
                JdbcCrmSnapshots::deal, tenant.value());
    }

    @Override
    public long dealCount(CompanyId tenant) {
        return tx.count("count deals", "SELECT COUNT(*) FROM " + deals + " WHERE tenant = ?", tenant.value());
    }

    @Override
    public @Nullable String checkpoint(CompanyId tenant) {
        return tx.queryOne("read checkpoint", "SELECT checkpoint FROM " + checkpoints + " WHERE tenant = ?",
                row -> row.getString(1), tenant.value());
    }

    @Override
    public void saveCheckpoint(CompanyId tenant, String checkpoint) {
        tx.update("save checkpoint", tx.dialect().upsert(checkpoints, List.of("tenant"),
                List.of("tenant", "checkpoint")), tenant.value(), checkpoint);
    }

    /**
     * Writes the rows. On PostgreSQL, many rows go through {@code COPY}: straight into the table when none of their
     * ids is stored yet (a first sync, new records), else through a staging table and an upsert.
     */
    private void write(String what, String table, List<String> columns, List<Object[]> rows) {
        if (tx.dialect() != Dialect.POSTGRESQL || rows.size() < COPY_THRESHOLD) {
            tx.batch(what, tx.dialect().upsert(table, KEY, columns), rows);
        } else if (!PostgresCopy.insertIfNew(tx, what, table, columns, rows)) {
            PostgresCopy.upsert(tx, what, table, KEY, columns, rows);
        }
    }

    private long remove(String what, String table, CompanyId tenant, List<String> ids) {
        List<Object[]> rows = new ArrayList<>(ids.size());
        for (String id : ids) {
            rows.add(new Object[] {tenant.value(), id});
        }
        return tx.batch(what, "DELETE FROM " + table + " WHERE tenant = ? AND id = ?", rows);
    }

    @Override
    public long revision(CompanyId tenant) {
        Long moved = tx.movedRevision(tenant);
        if (moved != null) {
            return moved;
        }
        Long revision = tx.queryOne("read snapshot revision", "SELECT revision FROM " + revisions
                + " WHERE tenant = ?", row -> row.getLong(1), tenant.value());
        return revision == null ? 0 : revision;
    }

    /**
     * Moves the tenant's revision on, and notes the change for the feed, when {@code changes} records were put or
     * removed: once per transaction, however many writes it makes. On PostgreSQL one statement moves it, inserts the
     * change row and returns the new revision, which the transaction remembers for {@link #revision}.
     */
    private void bump(CompanyId tenant, long changes) {
        if (changes == 0 || tx.movedRevision(tenant) != null) {
            return;
        }
        if (tx.dialect() == Dialect.POSTGRESQL) {
            tx.revisionMoved(tenant, tx.returningWithChange("bump snapshot revision", "INSERT INTO " + revisions
                    + " AS r (tenant, revision) VALUES (?, 1) ON CONFLICT (tenant) DO UPDATE SET revision ="
                    + " r.revision + 1 RETURNING revision", new Object[] {tenant.value()}, ChangeKind.CRM_SNAPSHOT,
                    tenant, null));
            return;
        }
        tx.changed(ChangeKind.CRM_SNAPSHOT, tenant, null);
        int updated = tx.update("bump snapshot revision", "UPDATE " + revisions
                + " SET revision = revision + 1 WHERE tenant = ?", tenant.value());
        if (updated == 0) {
            tx.update("start snapshot revision", "INSERT INTO " + revisions + " (tenant, revision) VALUES (?, ?)",
                    tenant.value(), 1L);
        }
        tx.revisionMoved(tenant, revision(tenant));
    }

    /** The records without repeats of an id, the last one of each id winning, in first-seen order. */
    private static <T> Collection<T> lastById(Collection<T> records, Function<T, String> id) {
        Map<String, T> byId = new LinkedHashMap<>();
        for (T record : records) {
            byId.put(id.apply(record), record);
        }
        return byId.values();
    }

    private static String select(List<String> columns, String table) {
        return "SELECT " + String.join(", ", columns) + " FROM " + table;
    }


    private static Account account(ResultSet row) throws SQLException {
        return new Account(new CompanyId(row.getString("tenant")), new AccountId(row.getString("id")),
                row.getString("name"), row.getString("domain"), row.getString("lifecycle_stage"),
                Columns.stringMap(row.getString("properties")), Columns.getInstant(row, "updated_at"));
    }

    private static Deal deal(ResultSet row) throws SQLException {
        BigDecimal amount = row.getBigDecimal("amount");
        String currency = row.getString("currency");
        List<AccountId> accountIds = Columns.strings(row.getString("account_ids")).stream().map(AccountId::new)
                .toList();
        return new Deal(new CompanyId(row.getString("tenant")), new DealId(row.getString("id")),
                row.getString("name"), accountIds,
                amount == null || currency == null ? null : new Money(amount, Money.currency(currency)),
                row.getString("pipeline"), row.getString("stage"), DealStatus.valueOf(row.getString("status")),
                Columns.instant(row.getLong("created_at")), row.getObject("close_date", LocalDate.class),
                Columns.stringMap(row.getString("properties")));
    }
}
