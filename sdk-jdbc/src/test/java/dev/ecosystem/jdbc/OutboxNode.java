package dev.ecosystem.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.ecosystem.EcosystemClient;
import dev.ecosystem.intro.ConsentKeys;
import dev.ecosystem.intro.DueRun;
import dev.ecosystem.intro.IntroSettings;
import dev.ecosystem.model.EmailAddress;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One app node in a JVM of its own, started by {@link OutboxNodesTest}: it runs {@code runDue} in a loop over the
 * shared PostgreSQL schema on two threads, sending through the shared {@link SinkMailer}, until no email is pending
 * or three minutes have passed. Arguments: schema, node number, fault, lease in milliseconds, send time in
 * milliseconds.
 */
final class OutboxNode {
    private static final int DISPATCHERS = 2;
    private OutboxNode() {
    }

    /** The introduction settings every node and the test share: real time, a short lease, quick retries. */
    static IntroSettings settings(Duration lease) {
        byte[] secret = new byte[ConsentKeys.MIN_SECRET_BYTES];
        Arrays.fill(secret, (byte) 7);
        return IntroSettings.builder()
                .consentKeys(ConsentKeys.of("k1", secret))
                .consentUrl("https://app.example.com/intro/consent")
                .sender(EmailAddress.of("intros@partners.example.com", "Partner Hub"))
                .limits(100_000, 100_000, Duration.ofDays(30))
                .retries(6, Duration.ofMillis(200), Duration.ofSeconds(1))
                .lease(lease)
                .build();
    }

    public static void main(String[] args) throws Exception {
        String schema = args[0];
        int node = Integer.parseInt(args[1]);
        SinkMailer.Fault fault = SinkMailer.Fault.valueOf(args[2]);
        Duration lease = Duration.ofMillis(Long.parseLong(args[3]));
        Duration sendTime = Duration.ofMillis(Long.parseLong(args[4]));
        try (HikariDataSource pool = TestDatabases.postgres(6, "node-" + node);
                EcosystemClient client = EcosystemClient.builder()
                        .store(JdbcPartnerStore.builder(pool).schema(schema).migrate(false).build())
                        .mailer(new SinkMailer(pool, schema, node, fault, sendTime, lease.plusSeconds(1)))
                        .intros(settings(lease))
                        .build()) {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            AtomicInteger sent = new AtomicInteger();
            AtomicInteger retrying = new AtomicInteger();
            ExecutorService dispatchers = Executors.newFixedThreadPool(DISPATCHERS);
            List<Future<?>> running = new ArrayList<>();
            for (int thread = 0; thread < DISPATCHERS; thread++) {
                running.add(dispatchers.submit(() -> {
                    while (pending(pool, schema) > 0 && Instant.now().isBefore(deadline)) {
                        DueRun run = client.intros().runDue(Instant.now());
                        sent.addAndGet(run.sent());
                        retrying.addAndGet(run.retrying());
                        if (run.sent() == 0) {
                            Thread.sleep(50);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> dispatcher : running) {
                dispatcher.get();
            }
            dispatchers.shutdown();
            System.out.println("node " + node + " sent " + sent + ", retrying " + retrying);
        }
    }

    /** Emails not yet sent or parked, on every node. */
    static long pending(HikariDataSource pool, String schema) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT count(*) FROM " + schema
                        + ".eco_outbox WHERE status = 'PENDING'")) {
            row.next();
            return row.getLong(1);
        }
    }
}
