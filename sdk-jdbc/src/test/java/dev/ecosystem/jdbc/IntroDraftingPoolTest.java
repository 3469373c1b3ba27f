package dev.ecosystem.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.ecosystem.EcosystemClient;
import dev.ecosystem.intro.ConsentKeys;
import dev.ecosystem.intro.IntroRequest;
import dev.ecosystem.intro.IntroSettings;
import dev.ecosystem.intro.TemplateIntroDrafter;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.EmailAddress;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.IntroductionStatus;
import dev.ecosystem.spi.Draft;
import dev.ecosystem.spi.DraftRequest;
import dev.ecosystem.spi.IntroDrafter;
import dev.ecosystem.testkit.MutableClock;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: a slow drafter (an LLM behind HTTP) must not hold pooled connections. With two connections and a drafter
 * that blocks three seconds, twenty concurrent requests would queue for about half a minute if the drafter ran inside
 * the store transaction; drafted outside, no request waits for a connection longer than the transactions take.
 */
class IntroDraftingPoolTest {
    private static final int REQUESTS = 20;
    private static final int POOL_SIZE = 2;
    private static final Duration DRAFTER_BLOCKS = Duration.ofSeconds(3);
    /** Well under the drafter's three seconds: a wait this long means a connection was held across a draft. */
    private static final Duration LONGEST_ACCEPTABLE = Duration.ofSeconds(2);
    private static final CompanyId REQUESTERS = CompanyId.of("co-requesters");
    private static final CompanyId TARGETS = CompanyId.of("co-targets");
    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    private final SlowDrafter drafter = new SlowDrafter();
    private String schema;
    private HikariDataSource pool;
    private TimedDataSource timed;
    private EcosystemClient client;

    @BeforeEach
    void start() {
        schema = TestDatabases.createPostgresSchema();
        TestDatabases.assumePostgres(schema);
        pool = TestDatabases.postgres(POOL_SIZE, "intro-drafting");
        // On code that drafts inside transactions the queue is about 30 s long; let it finish and show its waits.
        pool.setConnectionTimeout(Duration.ofSeconds(90).toMillis());
        timed = new TimedDataSource(pool);
        byte[] secret = new byte[ConsentKeys.MIN_SECRET_BYTES];
        Arrays.fill(secret, (byte) 5);
        client = EcosystemClient.builder()
                .store(JdbcPartnerStore.builder(timed).schema(schema).build())
                .clock(new MutableClock(T0))
                .intros(IntroSettings.builder()
                        .consentKeys(ConsentKeys.of("k1", secret))
                        .consentUrl("https://app.example.com/intro/consent")
                        .sender(EmailAddress.of("intros@partners.example.com", "Partner Hub"))
                        .drafter(drafter)
                        .build())
                .build();
        client.register(Company.builder(REQUESTERS, "Requesters Inc").listed(true).build());
        client.register(Company.builder(TARGETS, "Targets Ltd").listed(true).build());
        for (int i = 0; i <= REQUESTS; i++) {
            client.as(REQUESTERS).contacts().save(Contact.builder(requester(i), REQUESTERS, "Requester " + i,
                    "r" + i + "@requesters.test").build());
            client.as(TARGETS).contacts().save(Contact.builder(target(i), TARGETS, "Target " + i,
                    "t" + i + "@targets.test").reachableForIntroductions(true).build());
        }
        // One request first, so the measured ones do not also wait for the JVM to compile the code they run.
        client.as(REQUESTERS).intros().request(request(REQUESTS));
        drafter.calls.clear();
        timed.reset();
    }

    @AfterEach
    void stop() {
        if (pool != null) {
            pool.close();
        }
        if (schema != null) {
            TestDatabases.dropPostgresSchema(schema);
        }
    }

    @Test
    @DisplayName("20 concurrent requests on a pool of 2 with a drafter that blocks 3 s never wait long for a connection")
    void slowDrafter_twentyRequestsOnTwoConnections_noneWaitsLongerThanTheTransactions() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(REQUESTS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Introduction>> requests = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            IntroRequest request = request(i);
            requests.add(threads.submit(() -> {
                go.await();
                return client.as(REQUESTERS).intros().request(request);
            }));
        }
        go.countDown();
        List<Introduction> intros = new ArrayList<>();
        for (Future<Introduction> request : requests) {
            intros.add(request.get(3, TimeUnit.MINUTES));
        }
        threads.shutdown();

        String measured = "longest wait for a connection " + timed.longestWait().toMillis() + " ms, longest held "
                + timed.longestHeld().toMillis() + " ms, over " + timed.borrowed() + " borrows";
        System.out.println("IntroDraftingPoolTest: " + measured);
        assertThat(intros).as("requests that succeeded").hasSize(REQUESTS)
                .allSatisfy(intro -> assertThat(intro.status()).isEqualTo(IntroductionStatus.AWAITING_CONSENT));
        assertThat(timed.longestWait()).as(measured).isLessThan(LONGEST_ACCEPTABLE);
        assertThat(timed.longestHeld()).as("no transaction holds its connection across a draft; " + measured)
                .isLessThan(LONGEST_ACCEPTABLE);
        assertThat(drafter.calls).as("drafter calls per distinct email, conflict retries included")
                .hasSize(REQUESTS)
                .allSatisfy((request, calls) -> assertThat(calls.get()).isEqualTo(1));
    }

    private static IntroRequest request(int i) {
        return IntroRequest.builder(requester(i), TARGETS, target(i),
                "Request " + i + ": both serve the same e-commerce teams").build();
    }

    private static ContactId requester(int i) {
        return ContactId.of(String.format("r-%02d", i));
    }

    private static ContactId target(int i) {
        return ContactId.of(String.format("t-%02d", i));
    }

    /** A drafter as slow as a language model behind HTTP, counting its calls per request. */
    private static final class SlowDrafter implements IntroDrafter {
        final Map<DraftRequest, AtomicInteger> calls = new ConcurrentHashMap<>();

        @Override
        public Draft draft(DraftRequest request) {
            calls.computeIfAbsent(request, r -> new AtomicInteger()).incrementAndGet();
            try {
                Thread.sleep(DRAFTER_BLOCKS.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while drafting", e);
            }
            return TemplateIntroDrafter.create().draft(request);
        }
    }

    /** Times how long each {@code getConnection()} waits and how long each connection is held until closed. */
    private static final class TimedDataSource implements DataSource {
        private final DataSource delegate;
        private final AtomicLong longestWaitNanos = new AtomicLong();
        private final AtomicLong longestHeldNanos = new AtomicLong();
        private final AtomicInteger borrowed = new AtomicInteger();

        TimedDataSource(DataSource delegate) {
            this.delegate = delegate;
        }

        void reset() {
            longestWaitNanos.set(0);
            longestHeldNanos.set(0);
            borrowed.set(0);
        }

        Duration longestWait() {
            return Duration.ofNanos(longestWaitNanos.get());
        }

        Duration longestHeld() {
            return Duration.ofNanos(longestHeldNanos.get());
        }

        int borrowed() {
            return borrowed.get();
        }

        @Override
        public Connection getConnection() throws SQLException {
            long asked = System.nanoTime();
            Connection connection = delegate.getConnection();
            long got = System.nanoTime();
            longestWaitNanos.accumulateAndGet(got - asked, Math::max);
            borrowed.incrementAndGet();
            return held(connection, got);
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            throw new SQLFeatureNotSupportedException("the test pool has one user");
        }

        private Connection held(Connection connection, long since) {
            AtomicInteger closed = new AtomicInteger();
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close") && closed.getAndIncrement() == 0) {
                            longestHeldNanos.accumulateAndGet(System.nanoTime() - since, Math::max);
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return delegate.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            delegate.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            delegate.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return delegate.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return delegate.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return delegate.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return delegate.isWrapperFor(type);
        }
    }
}
