package dev.ecosystem.benchmarks.attribution;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ecosystem.EcosystemClient;
import dev.ecosystem.attribution.AttributionData;
import dev.ecosystem.jdbc.JdbcPartnerStore;
import dev.ecosystem.memory.InMemoryPartnerStore;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.Touchpoint;
import dev.ecosystem.spi.PartnerStore;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
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
import org.postgresql.PGConnection;

/**
 * Reading one tenant's attribution data, 1,000,000 deals and 5,000,000 ledger entries, from a store:
 *
 * <ul>
 *   <li>{@code readThroughScope}: the public API and the headline, {@code AttributionData.read(client.as(tenant))}:
 *       every page of the tenant's deals and ledger through its scope, then the engine's index.</li>
 *   <li>{@code readFromStore}: the store form for host jobs, {@code AttributionData.read(store, tenant)}, one
 *       transaction (public API too, but not the documented path).</li>
 *   <li>{@code indexOnly}: the peer, engine-only: {@code AttributionData.of} over the same records already in memory
 *       as objects, so the ratio of a read to it is what reading from the store adds.</li>
 * </ul>
 * On the in-memory store ({@code memory}) and on PostgreSQL ({@code postgresql}: {@code JdbcPartnerStore} in schema
 * {@code eco_ledger_bench} of {@code jdbc:postgresql://127.0.0.1:5432/test} as {@code postgres}, overridable with
 * {@code eco.pg.url} and {@code eco.pg.user}; the ledger is loaded with {@code COPY} in setup, the deals through the
 * store's bulk path). {@link AttributionDataset.Shape#UNIFORM} ledger.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar AttributionReadBenchmark -f 1 -wi 1 -i 2
 * </pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms8g", "-Xmx8g"})
@State(Scope.Benchmark)
public class AttributionReadBenchmark {
    private static final String SCHEMA = "eco_ledger_bench";
    private static final int CHUNK = 100_000;

    /** Which store. */
    @Param({"memory", "postgresql"})
    public String store;

    /** Deals in the dataset. */
    @Param("1000000")
    public int deals;

    /** Ledger entries in the dataset. */
    @Param("5000000")
    public int touchpoints;

    private AttributionDataset dataset;
    private PartnerStore partnerStore;
    private EcosystemClient client;
    private HikariDataSource dataSource;

    /** Generates the dataset and loads it into the store. */
    @Setup(Level.Trial)
    public void load() throws SQLException, IOException {
        dataset = AttributionDataset.generate(deals, touchpoints, 1_000, 20_240_101);
        if (store.equals("memory")) {
            partnerStore = InMemoryPartnerStore.create();
        } else {
            String url = System.getProperty("eco.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
            String user = System.getProperty("eco.pg.user", "postgres");
            try (Connection connection = DriverManager.getConnection(url, user, "");
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            }
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(url);
            config.setUsername(user);
            config.setMaximumPoolSize(2);
            dataSource = new HikariDataSource(config);
            partnerStore = JdbcPartnerStore.builder(dataSource).schema(SCHEMA).build();
        }
        client = EcosystemClient.builder().store(partnerStore).build();
        client.register(Company.builder(AttributionDataset.TENANT, "Tenant").build());
        for (int first = 0; first < deals; first += CHUNK) {
            List<Deal> chunk = dataset.deals.subList(first, Math.min(deals, first + CHUNK));
            partnerStore.useTransaction(tx -> tx.crm().putDeals(AttributionDataset.TENANT, chunk));
        }
        if (store.equals("memory")) {
            for (int first = 0; first < touchpoints; first += CHUNK) {
                List<Touchpoint> chunk = dataset.touchpoints.subList(first, Math.min(touchpoints, first + CHUNK));
                partnerStore.useTransaction(tx -> chunk.forEach(tx.touchpoints()::append));
            }
        } else {
            copyLedger();
        }
    }

    /** Loads the ledger with {@code COPY}, a chunk at a time (the store appends one row per statement). */
    private void copyLedger() throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection()) {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            String sql = "COPY " + SCHEMA + ".eco_touchpoints (owner, id, partner, account_id, deal_id, kind,"
                    + " occurred_at, reverses) FROM STDIN WITH (FORMAT csv)";
            for (int first = 0; first < touchpoints; first += CHUNK) {
                StringBuilder rows = new StringBuilder();
                for (Touchpoint t : dataset.touchpoints.subList(first, Math.min(touchpoints, first + CHUNK))) {
                    rows.append(t.owner().value()).append(',').append(t.id().value()).append(',')
                            .append(t.partner().value()).append(',')
                            .append(t.accountId() == null ? "" : t.accountId().value()).append(',')
                            .append(t.dealId() == null ? "" : t.dealId().value()).append(',')
                            .append(t.kind().name()).append(',')
                            .append(t.occurredAt().getEpochSecond() * 1_000_000_000L + t.occurredAt().getNano())
                            .append(',').append(t.reverses() == null ? "" : t.reverses().value()).append('\n');
                }
                copy.copyIn(sql, new StringReader(rows.toString()));
            }
        }
    }

    /** Drops the schema and closes the pool. */
    @TearDown(Level.Trial)
    public void close() throws SQLException {
        if (dataSource != null) {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            }
            dataSource.close();
        }
    }

    /** The public API: everything through the tenant's scope. */
    @Benchmark
    public AttributionData readThroughScope() {
        return check(AttributionData.read(client.as(AttributionDataset.TENANT)));
    }

    /** The store form, for host jobs. */
    @Benchmark
    public AttributionData readFromStore() {
        return check(AttributionData.read(partnerStore, AttributionDataset.TENANT));
    }

    /** The peer, engine-only: the index over the records already in memory. */
    @Benchmark
    public AttributionData indexOnly() {
        return check(AttributionData.of(AttributionDataset.TENANT, dataset.deals, dataset.touchpoints));
    }

    private AttributionData check(AttributionData data) {
        if (data.deals().size() != deals || data.touchpoints().size() != touchpoints) {
            throw new IllegalStateException("read " + data.deals().size() + " deals and "
                    + data.touchpoints().size() + " entries, expected " + deals + " and " + touchpoints);
        }
        return data;
    }
}
