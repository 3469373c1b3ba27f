package dev.ecosystem.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.ecosystem.EcosystemClient;
import dev.ecosystem.jdbc.JdbcPartnerStore;
import dev.ecosystem.memory.InMemoryCrm;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.DealStatus;
import dev.ecosystem.model.Money;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.overlap.Overlaps.SyncResult;
import dev.ecosystem.spi.CrmConnections;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A full CRM sync through the public API, {@code client.as(tenant).overlaps().syncCrm()}, of {@code accounts}
 * accounts and {@code deals} deals (1,000,000 and 500,000 by default) from an {@link InMemoryCrm} into PostgreSQL
 * through {@link JdbcPartnerStore}, against the peer: plain JDBC batch inserts ({@code addBatch}/{@code executeBatch})
 * of the same rows into the same tables, one transaction per page of {@link PageRequest#MAX_SIZE} records as the sync
 * stores them, reading the same pages from the same connector. The sync also keeps the checkpoint, the snapshot
 * revision and the change feed, and removes what the CRM no longer lists; the peer only inserts. Every iteration
 * starts from empty tables; the score is seconds for the whole sync.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar JdbcCrmSyncBenchmark -f 1 -wi 1 -i 3
 * </pre>
 *
 * PostgreSQL: see {@link BenchPostgres}; the schema {@value #SCHEMA}, dropped afterwards.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class JdbcCrmSyncBenchmark {
    private static final String SCHEMA = "eco_bench_i18_sync";
    private static final CompanyId TENANT = CompanyId.of("bench-tenant");
    private static final String[] TABLES = {"accounts", "deals", "crm_checkpoints", "crm_revisions"};

    /** How many accounts the CRM has. */
    @Param({"1000000"})
    public int accounts;

    /** How many deals the CRM has. */
    @Param({"500000"})
    public int deals;

    private HikariDataSource dataSource;
    private InMemoryCrm crm;
    private EcosystemClient client;

    /** Generates the CRM, opens a pool, creates the tables and the client. */
    @Setup(Level.Trial)
    public void open() throws SQLException {
        BenchPostgres.dropSchema(SCHEMA);
        dataSource = BenchPostgres.pool(4);
        JdbcPartnerStore store = JdbcPartnerStore.builder(dataSource).schema(SCHEMA).build();
        crm = InMemoryCrm.of(TENANT, accountList(), dealList());
        client = EcosystemClient.builder().store(store).crm(CrmConnections.of(crm)).build();
        client.register(Company.builder(TENANT, "Bench Tenant").listed(true).build());
    }

    /** Empties the snapshot tables before each measured sync. */
    @Setup(Level.Iteration)
    public void empty() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                statement.execute("TRUNCATE TABLE " + SCHEMA + ".eco_" + table);
            }
        }
    }

    /** Closes the client and the pool and drops the schema. */
    @TearDown(Level.Trial)
    public void close() throws SQLException {
        client.close();
        dataSource.close();
        BenchPostgres.dropSchema(SCHEMA);
    }

    /** The public API: a full sync of the tenant's CRM. */
    @Benchmark
    public SyncResult syncCrm() {
        SyncResult result = client.as(TENANT).overlaps().syncCrm();
        check(result.accounts() + result.deals());
        return result;
    }

    /** The peer: the same pages inserted with plain JDBC batches, one transaction per page. */
    @Benchmark
    public long batchInserts() throws SQLException {
        String accountSql = "INSERT INTO " + SCHEMA + ".eco_accounts (tenant, id, name, domain, lifecycle_stage,"
                + " properties, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
        String dealSql = "INSERT INTO " + SCHEMA + ".eco_deals (tenant, id, name, account_ids, amount, currency,"
                + " pipeline, stage, status, created_at, close_date, properties)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        long rows;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            rows = insertPages(connection, accountSql, crm::accounts, JdbcCrmSyncBenchmark::bindAccount)
                    + insertPages(connection, dealSql, crm::deals, JdbcCrmSyncBenchmark::bindDeal);
            connection.setAutoCommit(true);
        }
        check(rows);
        return rows;
    }

    /** Binds one record's columns. */
    private interface Binder<T> {
        void bind(PreparedStatement insert, T record) throws SQLException;
    }

    /** Inserts every page of a listing with one batch and one commit per page; returns the rows inserted. */
    private static <T> long insertPages(Connection connection, String sql, Function<PageRequest, Page<T>> listing,
            Binder<T> binder) throws SQLException {
        long rows = 0;
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            String cursor = null;
            do {
                Page<T> page = listing.apply(PageRequest.after(cursor, PageRequest.MAX_SIZE));
                for (T record : page.items()) {
                    binder.bind(insert, record);
                    insert.addBatch();
                }
                rows += insert.executeBatch().length;
                connection.commit();
                cursor = page.nextCursor();
            } while (cursor != null);
        }
        return rows;
    }

    private void check(long rows) {
        if (rows != accounts + deals) {
            throw new IllegalStateException("stored " + rows + " records, expected " + (accounts + deals));
        }
    }

    private static void bindAccount(PreparedStatement insert, Account account) throws SQLException {
        insert.setString(1, account.owner().value());
        insert.setString(2, account.id().value());
        insert.setString(3, account.name());
        insert.setString(4, account.domain());
        insert.setString(5, account.lifecycleStage());
        insert.setString(6, json(account.properties()));
        insert.setLong(7, nanos(account.updatedAt()));
    }

    private static void bindDeal(PreparedStatement insert, Deal deal) throws SQLException {
        insert.setString(1, deal.owner().value());
        insert.setString(2, deal.id().value());
        insert.setString(3, deal.name());
        insert.setString(4, deal.accountIds().stream().map(id -> "\"" + id.value() + "\"")
                .collect(Collectors.joining(",", "[", "]")));
        Money amount = deal.amount();
        insert.setBigDecimal(5, amount == null ? null : amount.amount());
        insert.setString(6, amount == null ? null : amount.currency().getCurrencyCode());
        insert.setString(7, deal.pipeline());
        insert.setString(8, deal.stage());
        insert.setString(9, deal.status().name());
        insert.setLong(10, nanos(deal.createdAt()));
        if (deal.closeDate() == null) {
            insert.setNull(11, Types.DATE);
        } else {
            insert.setObject(11, deal.closeDate());
        }
        insert.setString(12, json(deal.properties()));
    }

    private static String json(Map<String, String> properties) {
        return properties.entrySet().stream().map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private List<Account> accountList() {
        List<Account> list = new ArrayList<>(accounts);
        Instant updated = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < accounts; i++) {
            list.add(Account.builder(TENANT, AccountId.of(String.format("acc-%07d", i)), "Account " + i + ", Inc.")
                    .domain("account" + i + ".example.com")
                    .lifecycleStage(i % 3 == 0 ? "customer" : "opportunity")
                    .property("industry", i % 2 == 0 ? "retail" : "software")
                    .updatedAt(updated.plusSeconds(i))
                    .build());
        }
        return list;
    }

    private List<Deal> dealList() {
        List<Deal> list = new ArrayList<>(deals);
        Instant created = Instant.parse("2025-06-01T00:00:00Z");
        for (int i = 0; i < deals; i++) {
            DealStatus status = DealStatus.values()[i % DealStatus.values().length];
            list.add(Deal.builder(TENANT, DealId.of(String.format("deal-%07d", i)), "Deal " + i)
                    .account(AccountId.of(String.format("acc-%07d", (i * 7L) % Math.max(1, accounts))))
                    .amount(new Money(BigDecimal.valueOf(1000 + i % 50_000), Money.currency("USD")))
                    .pipeline("default")
                    .stage(status == DealStatus.OPEN ? "proposal" : "closed", status)
                    .createdAt(created.plusSeconds(i))
                    .closeDate(status == DealStatus.OPEN ? null : LocalDate.of(2026, 1, 1).plusDays(i % 300))
                    .property("source", i % 2 == 0 ? "inbound" : "outbound")
                    .build());
        }
        return list;
    }
}
