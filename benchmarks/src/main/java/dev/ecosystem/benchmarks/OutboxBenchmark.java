package dev.ecosystem.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ecosystem.EcosystemClient;
import dev.ecosystem.intro.ConsentKeys;
import dev.ecosystem.intro.IntroSettings;
import dev.ecosystem.jdbc.JdbcPartnerStore;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.EmailAddress;
import dev.ecosystem.model.EmailMessage;
import dev.ecosystem.model.MailReceipt;
import dev.ecosystem.model.OutboxEntry;
import dev.ecosystem.model.OutboxEntryId;
import dev.ecosystem.spi.Mailer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
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
 * Dispatching a PostgreSQL outbox from {@code nodes} app nodes (one {@link EcosystemClient}, pool and dispatcher
 * thread each, in one JVM) through the public API, {@code client.intros().runDue(now)}, against the peer: the plain
 * outbox loop ({@code SELECT ... FOR UPDATE SKIP LOCKED}, send while holding the row locks, {@code UPDATE} to sent,
 * commit) on the same table, the same rows, the same claim size and the same number of threads and connections.
 *
 * <p>Each iteration enqueues {@code emails} emails, then measures the time until every one was sent once
 * (SingleShotTime, seconds; emails per second = {@code emails} / score). With {@code mailerMillis=50} the mailer
 * stands for a provider call and the figure is throughput; with {@code mailerMillis=0} the difference between the
 * two, divided by {@code emails}, is the store overhead per email of the SDK's claim, fencing check and receipt
 * (three short transactions, none held across the send) over the plain loop's (one transaction held across the
 * send). The emails name no introduction, so the check's opt-out lookup is not part of the figure.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar OutboxBenchmark -f 1 -wi 1 -i 5
 * </pre>
 *
 * PostgreSQL: {@code jdbc:postgresql://127.0.0.1:5432/test} as {@code postgres} (system properties
 * {@code eco.pg.url} and {@code eco.pg.user} override them).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 1)
@Measurement(iterations = 5)
public class OutboxBenchmark {
    private static final String SCHEMA = "eco_bench_outbox";
    private static final CompanyId TENANT = CompanyId.of("bench-tenant");
    /** Entries per claim, for both: small enough that every node gets work. */
    private static final int CLAIM = 10;

    /** App nodes dispatching at once. */
    @Param({"1", "2", "4"})
    public int nodes;

    /** How long the mailer takes per email. */
    @Param({"50", "0"})
    public int mailerMillis;

    /** Emails per iteration. */
    @Param({"200"})
    public int emails;

    private final List<HikariDataSource> pools = new ArrayList<>();
    private final List<EcosystemClient> clients = new ArrayList<>();
    private JdbcPartnerStore store;
    private ExecutorService threads;
    private int iteration;

    /** One pool, store and client per node, on a fresh schema. */
    @Setup(Level.Trial)
    public void open() throws SQLException {
        String url = System.getProperty("eco.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = System.getProperty("eco.pg.user", "postgres");
        try (Connection connection = DriverManager.getConnection(url, user, "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
        byte[] secret = new byte[ConsentKeys.MIN_SECRET_BYTES];
        Arrays.fill(secret, (byte) 3);
        IntroSettings settings = IntroSettings.builder()
                .consentKeys(ConsentKeys.of("k1", secret))
                .consentUrl("https://app.example.com/intro/consent")
                .sender(EmailAddress.of("intros@partners.example.com", "Partner Hub"))
                .batchSize(CLAIM)
                .build();
        Mailer mailer = this::send;
        for (int node = 0; node < nodes; node++) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(url);
            config.setUsername(user);
            config.setMaximumPoolSize(2);
            config.setPoolName("bench-node-" + node);
            HikariDataSource pool = new HikariDataSource(config);
            pools.add(pool);
            JdbcPartnerStore nodeStore = JdbcPartnerStore.builder(pool).schema(SCHEMA).build();
            if (store == null) {
                store = nodeStore;
            }
            clients.add(EcosystemClient.builder().store(nodeStore).mailer(mailer).intros(settings).build());
        }
        threads = Executors.newFixedThreadPool(nodes);
    }

    /** Enqueues the iteration's emails, all due now. */
    @Setup(Level.Iteration)
    public void enqueue() throws SQLException {
        try (Connection connection = pools.get(0).getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM " + SCHEMA + ".eco_outbox");
        }
        int run = iteration++;
        Instant now = Instant.now();
        store.useTransaction(tx -> {
            for (int i = 0; i < emails; i++) {
                String id = "bench-" + run + "-" + i;
                EmailMessage message = EmailMessage.builder("<" + id + "@partners.example.com>",
                                EmailAddress.of("intros@partners.example.com", "Partner Hub"), "Hello " + i)
                        .to(EmailAddress.of("person" + i + "@example.com", "Person " + i))
                        .text("An introduction, " + i)
                        .build();
                tx.outbox().enqueue(OutboxEntry.pending(OutboxEntryId.of(id), TENANT, message, null, now));
            }
        });
    }

    /** Checks every email was sent exactly once, so neither side is scored for work it skipped. */
    @TearDown(Level.Iteration)
    public void check() throws SQLException {
        try (Connection connection = pools.get(0).getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT count(*) FROM " + SCHEMA
                        + ".eco_outbox WHERE status = 'SENT'")) {
            row.next();
            if (row.getLong(1) != emails) {
                throw new IllegalStateException("sent " + row.getLong(1) + " of " + emails + " emails");
            }
        }
    }

    /** Closes the pools and drops the schema. */
    @TearDown(Level.Trial)
    public void close() throws SQLException {
        threads.shutdownNow();
        try (Connection connection = pools.get(0).getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
        clients.forEach(EcosystemClient::close);
        pools.forEach(HikariDataSource::close);
    }

    /** Ours: every node runs {@code runDue} until all emails are sent. */
    @Benchmark
    public int sdkRunDue() throws Exception {
        AtomicInteger sent = new AtomicInteger();
        return onEveryNode(node -> {
            while (sent.get() < emails) {
                int run = clients.get(node).intros().runDue(Instant.now()).sent();
                if (sent.addAndGet(run) < emails && run == 0) {
                    LockSupport.parkNanos(1_000_000);
                }
            }
            return 0;
        }, sent);
    }

    /** The peer: the plain outbox loop, holding each claimed batch's row locks while it sends. */
    @Benchmark
    public int skipLockedLoop() throws Exception {
        AtomicInteger sent = new AtomicInteger();
        String table = SCHEMA + ".eco_outbox";
        return onEveryNode(node -> {
            try (Connection connection = pools.get(node).getConnection()) {
                connection.setAutoCommit(false);
                try (PreparedStatement claim = connection.prepareStatement("SELECT id, message_id FROM " + table
                        + " WHERE status = 'PENDING' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?"
                        + " FOR UPDATE SKIP LOCKED");
                        PreparedStatement done = connection.prepareStatement("UPDATE " + table
                                + " SET status = 'SENT', attempts = attempts + 1, receipt_message_id = ?,"
                                + " receipt_sent_at = ? WHERE id = ?")) {
                    while (sent.get() < emails) {
                        claim.setLong(1, nanos(Instant.now()));
                        claim.setInt(2, CLAIM);
                        int rows = 0;
                        try (ResultSet due = claim.executeQuery()) {
                            while (due.next()) {
                                rows++;
                                pause();
                                done.setString(1, due.getString(2));
                                done.setLong(2, nanos(Instant.now()));
                                done.setString(3, due.getString(1));
                                done.executeUpdate();
                            }
                        }
                        connection.commit();
                        sent.addAndGet(rows);
                        if (rows == 0) {
                            LockSupport.parkNanos(1_000_000);
                        }
                    }
                }
            }
            return 0;
        }, sent);
    }

    private interface NodeWork {
        int run(int node) throws Exception;
    }

    private int onEveryNode(NodeWork work, AtomicInteger sent) throws Exception {
        List<Future<Integer>> running = new ArrayList<>();
        for (int node = 0; node < nodes; node++) {
            int index = node;
            Callable<Integer> task = () -> work.run(index);
            running.add(threads.submit(task));
        }
        for (Future<Integer> node : running) {
            node.get(10, TimeUnit.MINUTES);
        }
        return sent.get();
    }

    private MailReceipt send(EmailMessage message) {
        pause();
        return new MailReceipt(message.messageId(), null, null, Instant.now());
    }

    private void pause() {
        if (mailerMillis > 0) {
            LockSupport.parkNanos(Duration.ofMillis(mailerMillis).toNanos());
        }
    }

    private static long nanos(Instant at) {
        return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }
}
