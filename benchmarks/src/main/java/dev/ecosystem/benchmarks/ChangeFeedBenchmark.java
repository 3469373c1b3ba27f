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
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * What the change feed costs writers: a host registering company profiles through {@link EcosystemClient}, one small
 * transaction each, on the JDBC store on PostgreSQL with the feed on (the default; the client's follower reads the
 * feed every second, as on every app node) and off ({@code changeFeed(false)}, the single-node setting), with one
 * and with four writing threads. The peer is the same store without the feed, in the same run; the goal is a feed
 * that costs less than 10 % of the write throughput.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ChangeFeedBenchmark -f 1 -wi 1 -i 3 -w 2s -r 2s
 * java -cp benchmarks/target/benchmarks.jar dev.ecosystem.benchmarks.ChangeFeedBenchmark -f 1 -wi 1 -i 3 -w 2s -r 2s
 * java -cp benchmarks/target/benchmarks.jar dev.ecosystem.benchmarks.ChangeFeedBenchmark paired 10 2
 * </pre>
 *
 * The second form runs the same and then prints the throughput with the feed as a share of that without it; the
 * third alternates the two stores in paired rounds (see {@link #main}).
 * PostgreSQL: {@code jdbc:postgresql://127.0.0.1:5432/test} as {@code postgres} (override with the system
 * properties {@code eco.pg.url} and {@code eco.pg.user}); each trial gets a schema of its own, dropped afterwards.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
public class ChangeFeedBenchmark {
    /** Each writing thread re-registers this many companies in turn, so the companies table stays small. */
    private static final int COMPANIES_PER_THREAD = 1_000;

    /** Whether the store keeps the change feed. */
    @Param({"on", "off"})
    public String feed;

    private String schema;
    private HikariDataSource dataSource;
    private EcosystemClient client;

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

    /** A schema of its own, a pool, the store with or without the feed, and a client on it. */
    @Setup(Level.Trial)
    public void open() throws SQLException {
        schema = "eco_bench_feed_" + feed;
        String url = System.getProperty("eco.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = System.getProperty("eco.pg.user", "postgres");
        dropSchema(url, user);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setMaximumPoolSize(8);
        dataSource = new HikariDataSource(config);
        JdbcPartnerStore store = JdbcPartnerStore.builder(dataSource).schema(schema)
                .changeFeed(feed.equals("on")).build();
        client = EcosystemClient.builder().store(store).build();
    }

    /** Stops the client, closes the pool and drops the schema. */
    @TearDown(Level.Trial)
    public void close() throws SQLException {
        client.close();
        String url = dataSource.getJdbcUrl();
        String user = dataSource.getUsername();
        dataSource.close();
        dropSchema(url, user);
    }

    private void dropSchema(String url, String user) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    /** One thread registering profiles, a transaction each. */
    @Benchmark
    @Threads(1)
    public Company register1Thread(Writer writer) {
        return client.register(writer.nextCompany());
    }

    /** Four threads registering profiles, a transaction each. */
    @Benchmark
    @Threads(4)
    public Company register4Threads(Writer writer) {
        return client.register(writer.nextCompany());
    }

    /**
     * Without arguments, or with JMH's options: runs the JMH benchmark, then prints each thread count's throughput
     * with the feed as a share of that without it. With {@code paired [rounds] [seconds]}: measures both stores in
     * alternating rounds instead (on, off, off, on, ...) and prints the median of the rounds' ratios, which a machine
     * whose background load drifts (a shared CI box) skews much less than trials run one after the other.
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("paired")) {
            paired(args.length > 1 ? Integer.parseInt(args[1]) : 10, args.length > 2 ? Double.parseDouble(args[2])
                    : 2);
            return;
        }
        Collection<RunResult> results = new Runner(new OptionsBuilder().parent(new CommandLineOptions(args))
                .include(ChangeFeedBenchmark.class.getSimpleName()).build()).run();
        Map<String, Map<String, Double>> scores = new TreeMap<>();
        for (RunResult result : results) {
            String method = result.getParams().getBenchmark();
            scores.computeIfAbsent(method.substring(method.lastIndexOf('.') + 1), k -> new TreeMap<>())
                    .put(result.getParams().getParam("feed"), result.getPrimaryResult().getScore());
        }
        scores.forEach((method, byFeed) -> report(method, byFeed.get("on"), byFeed.get("off"),
                byFeed.get("on") / byFeed.get("off")));
    }

    private static void paired(int rounds, double seconds) throws SQLException, InterruptedException {
        ChangeFeedBenchmark on = new ChangeFeedBenchmark();
        on.feed = "on";
        ChangeFeedBenchmark off = new ChangeFeedBenchmark();
        off.feed = "off";
        on.open();
        off.open();
        try {
            for (int threads : new int[] {1, 4}) {
                on.throughput(threads, seconds); // warm-up
                off.throughput(threads, seconds);
                List<Double> ratios = new ArrayList<>();
                double onTotal = 0;
                double offTotal = 0;
                for (int round = 0; round < rounds; round++) {
                    boolean onFirst = round % 2 == 0;
                    double first = (onFirst ? on : off).throughput(threads, seconds);
                    double second = (onFirst ? off : on).throughput(threads, seconds);
                    double withFeed = onFirst ? first : second;
                    double withoutFeed = onFirst ? second : first;
                    onTotal += withFeed;
                    offTotal += withoutFeed;
                    ratios.add(withFeed / withoutFeed);
                }
                Collections.sort(ratios);
                report("register, " + threads + " thread(s), " + rounds + " paired rounds of " + seconds + " s",
                        onTotal / rounds, offTotal / rounds, ratios.get(rounds / 2));
            }
        } finally {
            on.close();
            off.close();
        }
    }

    /** Registrations per second on {@code threads} threads during {@code seconds}. */
    private double throughput(int threads, double seconds) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong registered = new AtomicLong();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        for (int i = 0; i < threads; i++) {
            pool.execute(() -> {
                Writer writer = new Writer();
                long mine = 0;
                while (System.nanoTime() < end) {
                    client.register(writer.nextCompany());
                    mine++;
                }
                registered.addAndGet(mine);
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(10 + (long) seconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException("writers did not stop");
        }
        return registered.get() / ((System.nanoTime() - start) / 1e9);
    }

    private static void report(String what, double withFeed, double withoutFeed, double ratio) {
        System.out.printf("%s: feed on %.0f ops/s, off %.0f ops/s, on/off = %.3f (%.1f %% slower with the feed)%n",
                what, withFeed, withoutFeed, ratio, 100 * (1 - ratio));
    }
}
