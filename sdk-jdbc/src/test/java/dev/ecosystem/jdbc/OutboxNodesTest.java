package dev.ecosystem.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.ecosystem.EcosystemClient;
import dev.ecosystem.intro.IntroRequest;
import dev.ecosystem.memory.InMemoryMailer;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.ContactId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Four app nodes, each a JVM of its own ({@link OutboxNode}), dispatch one PostgreSQL outbox holding the consent asks
 * of 500 introductions, through a provider shared by all of them ({@link SinkMailer}) that keeps every message handed
 * to it. Whatever goes wrong, every Message-ID reaches the provider exactly once: nothing lost, nothing twice.
 */
class OutboxNodesTest {
    private static final int NODES = 4;
    private static final int INTRODUCTIONS = 500;
    private static final int PEOPLE_PER_COMPANY = 5;
    private static final Duration LEASE = Duration.ofSeconds(2);
    private static final Duration SEND_TIME = Duration.ofMillis(30);
    private static final int VICTIM = NODES - 1;

    /** What goes wrong in one run. */
    enum Scenario {
        /** Nothing; each node's run lasts longer than the lease. */
        NO_FAULT(SinkMailer.Fault.NONE),
        /** One node is killed with SIGKILL while it sends. */
        ONE_NODE_KILLED(SinkMailer.Fault.NONE),
        /** Every 10th send of each node stalls for longer than the lease. */
        EVERY_10TH_SEND_STALLS(SinkMailer.Fault.STALL_EVERY_10TH),
        /** Every 7th send of each node is refused as a temporary failure. */
        EVERY_7TH_SEND_FAILS(SinkMailer.Fault.FAIL_EVERY_7TH);

        private final SinkMailer.Fault fault;

        Scenario(SinkMailer.Fault fault) {
            this.fault = fault;
        }
    }

    private String schema;

    @AfterEach
    void dropSchema() {
        if (schema != null) {
            TestDatabases.dropPostgresSchema(schema);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Scenario.class)
    @DisplayName("Four node processes, 500 introductions: every Message-ID reaches the provider exactly once")
    void fourNodeProcesses_everyMessageIdOnce(Scenario scenario) throws Exception {
        schema = TestDatabases.createPostgresSchema();
        TestDatabases.assumePostgres(schema);
        try (HikariDataSource pool = TestDatabases.postgres(NODES, "outbox-nodes-test");
                EcosystemClient client = EcosystemClient.builder()
                        .store(JdbcPartnerStore.builder(pool).schema(schema).build())
                        .mailer(new InMemoryMailer(Clock.systemUTC()))
                        .intros(OutboxNode.settings(LEASE))
                        .build()) {
            SinkMailer.create(pool, schema);
            requestIntroductions(client);
            assertThat(count(pool, "SELECT count(*) FROM %s.eco_outbox WHERE status = 'PENDING'"))
                    .as("consent asks waiting to be sent").isEqualTo(INTRODUCTIONS);

            List<Process> nodes = new ArrayList<>();
            for (int node = 0; node < NODES; node++) {
                nodes.add(start(scenario, node));
            }
            if (scenario == Scenario.ONE_NODE_KILLED) {
                awaitSends(pool, VICTIM, 20, nodes.get(VICTIM));
                nodes.get(VICTIM).destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            for (int node = 0; node < NODES; node++) {
                Process process = nodes.get(node);
                assertThat(process.waitFor(4, TimeUnit.MINUTES)).as("node %d finished", node).isTrue();
                if (!(scenario == Scenario.ONE_NODE_KILLED && node == VICTIM)) {
                    assertThat(process.exitValue()).as("exit of node %d: %s", node, log(scenario, node)).isZero();
                }
            }

            assertThat(count(pool, "SELECT count(*) FROM %s.eco_outbox WHERE status <> 'SENT'"))
                    .as("emails left pending or parked").isZero();
            assertThat(strings(pool, "SELECT message_id FROM %s.sink GROUP BY message_id HAVING count(*) > 1"))
                    .as("Message-IDs the provider received more than once").isEmpty();
            Set<String> enqueued = strings(pool, "SELECT message_id FROM %s.eco_outbox");
            assertThat(strings(pool, "SELECT message_id FROM %s.sink")).as("Message-IDs the provider received")
                    .hasSize(INTRODUCTIONS).isEqualTo(enqueued);
            checkTheFaultHappened(scenario, pool, nodes);
        }
    }

    /** Each scenario's fault really happened, so the run proves what it claims. */
    private void checkTheFaultHappened(Scenario scenario, HikariDataSource pool, List<Process> nodes)
            throws SQLException {
        switch (scenario) {
            case NO_FAULT -> assertThat(count(pool, "SELECT CAST(1000 * EXTRACT(EPOCH FROM max(at) - min(at)) "
                    + "AS BIGINT) FROM %s.sink")).as("milliseconds from the first send to the last")
                    .isGreaterThan(LEASE.toMillis());
            case ONE_NODE_KILLED -> {
                assertThat(nodes.get(VICTIM).exitValue()).as("the killed node's exit").isNotZero();
                assertThat(count(pool, "SELECT count(*) FROM %s.sink WHERE node = " + VICTIM))
                        .as("emails the killed node sent").isBetween(20L, INTRODUCTIONS - 1L);
            }
            case EVERY_10TH_SEND_STALLS -> assertThat(count(pool, "SELECT count(*) FROM %s.sink WHERE stalled"))
                    .as("sends that stalled past the lease").isGreaterThanOrEqualTo(NODES);
            case EVERY_7TH_SEND_FAILS -> assertThat(count(pool,
                    "SELECT count(*) FROM %s.eco_outbox WHERE attempts > 1")).as("emails sent after a failure")
                    .isGreaterThanOrEqualTo(NODES);
            default -> throw new IllegalStateException();
        }
    }

    private Process start(Scenario scenario, int node) throws IOException {
        Path log = log(scenario, node);
        Files.createDirectories(log.getParent());
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                OutboxNode.class.getName(), schema, Integer.toString(node), scenario.fault.name(),
                Long.toString(LEASE.toMillis()), Long.toString(SEND_TIME.toMillis()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static Path log(Scenario scenario, int node) {
        return Path.of("target", "outbox-nodes", scenario.name().toLowerCase() + "-node-" + node + ".log");
    }

    /** Waits until {@code node} handed {@code sends} emails to the provider, so a kill lands in the middle. */
    private void awaitSends(HikariDataSource pool, int node, long sends, Process process) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (count(pool, "SELECT count(*) FROM %s.sink WHERE node = " + node) < sends) {
            assertThat(process.isAlive()).as("node %d is running", node).isTrue();
            assertThat(Instant.now()).as("node %d sent %d emails in time", node, sends).isBefore(deadline);
            Thread.sleep(20);
        }
    }

    /** 500 introductions between 100 companies of 5 people, requested from four threads. */
    private static void requestIntroductions(EcosystemClient client) throws Exception {
        int people = INTRODUCTIONS;
        for (int c = 0; c < people / PEOPLE_PER_COMPANY; c++) {
            CompanyId id = company(c);
            client.register(Company.builder(id, "Company " + c).listed(true).build());
            for (int p = c * PEOPLE_PER_COMPANY; p < (c + 1) * PEOPLE_PER_COMPANY; p++) {
                client.as(id).contacts().save(Contact.builder(person(p), id, "Person " + p,
                        String.format("p%03d@co-%03d.test", p, c)).reachableForIntroductions(true).build());
            }
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> requests = new ArrayList<>();
            for (int i = 0; i < INTRODUCTIONS; i++) {
                int requester = i;
                int target = (i + PEOPLE_PER_COMPANY * (1 + i % 7)) % people;
                requests.add(threads.submit(() -> client.as(company(requester / PEOPLE_PER_COMPANY)).intros()
                        .request(IntroRequest.builder(person(requester), company(target / PEOPLE_PER_COMPANY),
                                person(target), "Both serve the same e-commerce teams")
                                .idempotencyKey("intro-" + requester).build())));
            }
            for (Future<?> request : requests) {
                request.get(1, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdown();
        }
    }

    private static CompanyId company(int index) {
        return CompanyId.of(String.format("co-%03d", index));
    }

    private static ContactId person(int index) {
        return ContactId.of(String.format("p-%03d", index));
    }

    private long count(HikariDataSource pool, String sql) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(String.format(sql, schema))) {
            row.next();
            return row.getLong(1);
        }
    }

    private Set<String> strings(HikariDataSource pool, String sql) throws SQLException {
        Set<String> values = new HashSet<>();
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(String.format(sql, schema))) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
