package dev.ecosystem.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ecosystem.jdbc.JdbcPartnerStore;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.CompanyId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * Storing a CRM snapshot of {@code accounts} accounts (1,000,000 by default) with {@link JdbcPartnerStore}'s bulk
 * path ({@code COPY} on PostgreSQL, JDBC batches on H2) against the peer: plain single-row JDBC inserts of the same
 * rows into the same table, with the same transaction boundaries (one per {@link #CHUNK} accounts, as a sync pages
 * them). Each iteration starts from empty tables; the score is seconds for the whole snapshot.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar JdbcBulkBenchmark -f 1 -wi 0 -i 1
 * </pre>
 *
 * PostgreSQL: {@code jdbc:postgresql://127.0.0.1:5432/test} as {@code postgres} (override with the system
 * properties {@code eco.pg.url} and {@code eco.pg.user}); H2: a database file in a temporary folder.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class JdbcBulkBenchmark {
    /** Accounts per transaction. */
    static final int CHUNK = 50_000;
    private static final CompanyId TENANT = CompanyId.of("bench-tenant");
    private static final String SCHEMA = "eco_bench";

    /** Which database. */
    @Param({"postgresql", "h2"})
    public String database;

    /** How many accounts the snapshot has. */
    @Param({"1000000"})
    public int accounts;

    private HikariDataSource dataSource;
    private JdbcPartnerStore store;
    private Path h2Folder;

    /** Opens a pool and creates the tables. */
    @Setup(Level.Trial)
    public void open() throws IOException, SQLException {
        HikariConfig config = new HikariConfig();
        if (database.equals("h2")) {
            h2Folder = Files.createTempDirectory("eco-bench-h2");
            config.setJdbcUrl("jdbc:h2:file:" + h2Folder.resolve("bench").toAbsolutePath());
        } else {
            config.setJdbcUrl(System.getProperty("eco.pg.url", "jdbc:postgresql://127.0.0.1:5432/test"));
            config.setUsername(System.getProperty("eco.pg.user", "postgres"));
            try (Connection connection = java.sql.DriverManager.getConnection(config.getJdbcUrl(),
                    config.getUsername(), "");
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            }
        }
        config.setMaximumPoolSize(2);
        dataSource = new HikariDataSource(config);
        JdbcPartnerStore.Builder builder = JdbcPartnerStore.builder(dataSource);
        store = (database.equals("h2") ? builder : builder.schema(SCHEMA)).build();
    }

    /** Empties the accounts table before each measured snapshot. */
    @Setup(Level.Iteration)
    public void empty() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE TABLE " + accountsTable());
        }
    }

    /** Closes the pool and drops what the trial created. */
    @TearDown(Level.Trial)
    public void close() throws SQLException, IOException {
        if (database.equals("postgresql")) {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            }
        }
        dataSource.close();
        if (h2Folder != null) {
            try (var files = Files.walk(h2Folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
                    try {
                        Files.delete(path);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }

    /** The store's bulk path: {@code putAccounts} per chunk, one transaction each. */
    @Benchmark
    public long store() {
        for (int first = 0; first < accounts; first += CHUNK) {
            List<Account> chunk = chunk(first);
            store.useTransaction(tx -> tx.crm().putAccounts(TENANT, chunk));
        }
        return store.inTransaction(tx -> tx.crm().accountCount(TENANT));
    }

    /** The peer: one {@code INSERT} statement executed per account, same rows, same transactions. */
    @Benchmark
    public long singleRowInserts() throws SQLException {
        String sql = "INSERT INTO " + accountsTable() + " (tenant, id, name, domain, lifecycle_stage, properties,"
                + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                for (int first = 0; first < accounts; first += CHUNK) {
                    for (Account account : chunk(first)) {
                        insert.setString(1, TENANT.value());
                        insert.setString(2, account.id().value());
                        insert.setString(3, account.name());
                        insert.setString(4, account.domain());
                        insert.setString(5, account.lifecycleStage());
                        insert.setString(6, "{\"industry\":\"" + account.properties().get("industry") + "\"}");
                        insert.setLong(7, account.updatedAt().getEpochSecond() * 1_000_000_000L);
                        insert.executeUpdate();
                    }
                    connection.commit();
                }
            }
            connection.setAutoCommit(true);
        }
        return store.inTransaction(tx -> tx.crm().accountCount(TENANT));
    }

    private String accountsTable() {
        return database.equals("h2") ? "eco_accounts" : SCHEMA + ".eco_accounts";
    }

    private List<Account> chunk(int first) {
        int end = Math.min(accounts, first + CHUNK);
        List<Account> chunk = new ArrayList<>(end - first);
        Instant updated = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = first; i < end; i++) {
            chunk.add(Account.builder(TENANT, AccountId.of(String.format("acc-%07d", i)), "Account " + i + ", Inc.")
                    .domain("account" + i + ".example.com")
                    .lifecycleStage(i % 3 == 0 ? "customer" : "opportunity")
                    .property("industry", i % 2 == 0 ? "retail" : "software")
                    .updatedAt(updated.plusSeconds(i))
                    .build());
        }
        return chunk;
    }
}
