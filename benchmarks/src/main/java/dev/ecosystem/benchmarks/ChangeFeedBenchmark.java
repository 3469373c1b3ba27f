package dev.ecosystem.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ecosystem.EcosystemClient;
import dev.ecosystem.jdbc.JdbcPartnerStore;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the change feed costs writers: a host registering company profiles through {@link EcosystemClient}, one small
 * transaction each, on the JDBC store on PostgreSQL with the feed on (the default; the client's follower reads the
 * feed every second, as on every app node) and off ({@code changeFeed(false)}, the single-node setting). The peer is
 * the same store without the feed, measured at the same time: each JMH group runs the writers of both stores side by
 * side (one each, or four each), so background load and the database's state weigh on both alike, where trials run
 * one after the other drift apart on a shared machine. The goal is a feed that costs less than 10 % of the write
 * throughput: compare the {@code withFeed} and {@code withoutFeed} scores of a group.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ChangeFeedBenchmark -f 1 -wi 2 -i 5 -w 2s -r 2s
 * </pre>
 *
 * PostgreSQL: {@code jdbc:postgresql://127.0.0.1:5432/test} as {@code postgres} (override with the system
 * properties {@code eco.pg.url} and {@code eco.pg.user}); each store gets a schema of its own, dropped afterwards.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class ChangeFeedBenchmark {
    /** Each writing thread re-registers this many companies in turn, so the companies table stays small. */
    private static final int COMPANIES_PER_THREAD = 1_000;

    private Node withFeed;
    private Node withoutFeed;

    /** One writing thread's companies. */
    @State(Scope.Thread)
    public static class Writer {
        private final String prefix = UUID.randomUUID().toString().substring(0, 8);
        private int next;

        Company nextCompany() {
            int n = next++ % COMPANIES_PER_THREAD;
            return Company.builder(CompanyId.of("c-" + prefix + "-" + n), "Company " + n)
                    .businessTags("saas", n % 2 == 0 ? "billing" : "email-marketing")
                    .regions("dach")
                    .listed(true)
                    .build();
        }
    }

    /** A schema, a pool, a store and a client. */
    private record Node(String schema, HikariDataSource pool, EcosystemClient client) {
        static Node open(boolean feed) throws SQLException {
            String schema = "eco_bench_feed_" + (feed ? "on" : "off");
            String url = System.getProperty("eco.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
            String user = System.getProperty("eco.pg.user", "postgres");
            dropSchema(url, user, schema);
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(url);
            config.setUsername(user);
            config.setMaximumPoolSize(8);
            HikariDataSource pool = new HikariDataSource(config);
            JdbcPartnerStore store = JdbcPartnerStore.builder(pool).schema(schema).changeFeed(feed).build();
            return new Node(schema, pool, EcosystemClient.builder().store(store).build());
        }

        void close() throws SQLException {
            client.close();
            String url = pool.getJdbcUrl();
            String user = pool.getUsername();
            pool.close();
            dropSchema(url, user, schema);
        }

        private static void dropSchema(String url, String user, String schema) throws SQLException {
            try (Connection connection = DriverManager.getConnection(url, user, "");
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    /** Both stores, each in a schema of its own. */
    @Setup(Level.Trial)
    public void open() throws SQLException {
        withFeed = Node.open(true);
        withoutFeed = Node.open(false);
    }

    /** Stops the clients, closes the pools and drops the schemas. */
    @TearDown(Level.Trial)
    public void close() throws SQLException {
        withFeed.close();
        withoutFeed.close();
    }

    /** One writer on the store with the feed, beside one on the store without. */
    @Benchmark
    @Group("oneWriterEach")
    @GroupThreads(1)
    public Company oneWithFeed(Writer writer) {
        return withFeed.client().register(writer.nextCompany());
    }

    /** The peer of {@link #oneWithFeed}. */
    @Benchmark
    @Group("oneWriterEach")
    @GroupThreads(1)
    public Company oneWithoutFeed(Writer writer) {
        return withoutFeed.client().register(writer.nextCompany());
    }

    /** Four writers on the store with the feed, beside four on the store without. */
    @Benchmark
    @Group("fourWritersEach")
    @GroupThreads(4)
    public Company fourWithFeed(Writer writer) {
        return withFeed.client().register(writer.nextCompany());
    }

    /** The peer of {@link #fourWithFeed}. */
    @Benchmark
    @Group("fourWritersEach")
    @GroupThreads(4)
    public Company fourWithoutFeed(Writer writer) {
        return withoutFeed.client().register(writer.nextCompany());
    }
}
