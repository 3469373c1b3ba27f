package dev.ecosystem.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ecosystem.error.ConflictException;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.spi.ProviderException;
import dev.ecosystem.spi.StoreTransaction;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Connection loss, deadlocks, serialization failures and a full pool, on a real PostgreSQL server. */
class PostgresFailuresTest {
    private static StoreFixture fixture;
    private static String schema;
    private static HikariDataSource dataSource;
    private static JdbcPartnerStore store;

    @BeforeAll
    static void open() {
        fixture = StoreFixture.postgres("pg-failures");
        schema = fixture.schema();
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    @BeforeEach
    void emptyTables() {
        store = fixture.emptied();
        dataSource = fixture.dataSource();
    }

    @Test
    @DisplayName("a connection lost mid-transaction ends in a retryable ProviderException and keeps nothing")
    void connectionLoss_midTransaction() {
        assertThatThrownBy(() -> store.useTransaction(tx -> {
            tx.companies().put(Samples.company("first"));
            terminateBackendOf(tx);
            tx.companies().put(Samples.company("second"));
        })).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.provider()).isEqualTo("jdbc:postgresql");
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).contains("connection to the database was lost").contains("SQLState");
        });
        assertStored();
        store.useTransaction(tx -> tx.companies().put(Samples.company("after")));
        assertStored("after");
    }

    @Test
    @DisplayName("a connection lost before commit ends in a ProviderException and keeps nothing")
    void connectionLoss_beforeCommit() {
        assertThatThrownBy(() -> store.useTransaction(tx -> {
            tx.companies().put(Samples.company("first"));
            terminateBackendOf(tx);
        })).isInstanceOf(ProviderException.class).hasMessageContaining("commit");
        assertStored();
    }

    @Test
    @DisplayName("two transactions locking rows in opposite orders deadlock; the victim is retried and both commit")
    void deadlock_isRetried() throws Exception {
        store.useTransaction(tx -> {
            tx.companies().put(Samples.company("a"));
            tx.companies().put(Samples.company("b"));
        });
        CyclicBarrier bothLockedOne = new CyclicBarrier(2);
        AtomicInteger runs = new AtomicInteger();
        CompletableFuture<Void> first = CompletableFuture.runAsync(
                () -> lockInOrder("a", "b", "one", bothLockedOne, runs));
        CompletableFuture<Void> second = CompletableFuture.runAsync(
                () -> lockInOrder("b", "a", "two", bothLockedOne, runs));
        CompletableFuture.allOf(first, second).get(60, TimeUnit.SECONDS);

        assertThat(runs).as("the deadlock victim's callback ran again").hasValueGreaterThanOrEqualTo(3);
        Company a = store.inTransaction(tx -> tx.companies().get(CompanyId.of("a")));
        Company b = store.inTransaction(tx -> tx.companies().get(CompanyId.of("b")));
        assertThat(List.of(a.description(), b.description())).allMatch(text -> text.startsWith("edited by"));
        assertThat(a.description()).isEqualTo(b.description());
    }

    @Test
    @DisplayName("a serialization failure (write skew) is retried and the retry sees the winner's write")
    void serializationFailure_isRetried() throws Exception {
        CyclicBarrier bothRead = new CyclicBarrier(2);
        AtomicInteger runs = new AtomicInteger();
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> addIfNone("first", bothRead, runs, store));
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> addIfNone("second", bothRead, runs, store));
        CompletableFuture.allOf(first, second).get(60, TimeUnit.SECONDS);

        assertThat(runs).hasValue(3);
        long count = store.inTransaction(tx -> tx.companies().count());
        assertThat(count).as("serializable: only one of the two saw no company").isEqualTo(1);
    }

    @Test
    @DisplayName("a transaction that keeps losing ends in a ConflictException after the configured attempts")
    void serializationFailure_exhaustsAttempts() throws Exception {
        JdbcPartnerStore once = JdbcPartnerStore.builder(dataSource).schema(schema).maxAttempts(1).build();
        CyclicBarrier bothRead = new CyclicBarrier(2);
        AtomicInteger runs = new AtomicInteger();
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> addIfNone("first", bothRead, runs, once));
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> addIfNone("second", bothRead, runs, once));

        List<Throwable> failures = new java.util.ArrayList<>();
        for (CompletableFuture<Void> future : List.of(first, second)) {
            try {
                future.get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                failures.add(e.getCause());
            }
        }
        assertThat(failures).singleElement().isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.getMessage()).contains("lost to concurrent ones 1 times").contains("40001"));
        assertThat(runs).hasValue(2);
        long count = store.inTransaction(tx -> tx.companies().count());
        assertThat(count).isEqualTo(1);
    }

    @Test
    @DisplayName("a full pool ends in a retryable ProviderException naming the exhausted pool")
    void fullPool_failsClearly() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(TestDatabases.POSTGRES_URL);
        config.setUsername(TestDatabases.POSTGRES_USER);
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(250);
        config.setPoolName("pg-size-1");
        try (HikariDataSource tiny = new HikariDataSource(config)) {
            JdbcPartnerStore small = JdbcPartnerStore.builder(tiny).schema(schema).migrate(false).build();
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> small.useTransaction(tx -> {
                tx.companies().put(Samples.company("held"));
                holding.countDown();
                await(release);
            }));
            assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> small.useTransaction(tx -> tx.companies().put(Samples.company("starved"))))
                    .isInstanceOfSatisfying(ProviderException.class, e -> {
                        assertThat(e.retryable()).isTrue();
                        assertThat(e.getMessage()).contains("could not get a connection").contains("pool");
                    });
            release.countDown();
            holder.get(30, TimeUnit.SECONDS);
            assertStored("held");
        }
    }

    private static void lockInOrder(String firstId, String secondId, String by, CyclicBarrier barrier,
            AtomicInteger runs) {
        store.useTransaction(tx -> {
            boolean firstRun = runs.incrementAndGet() <= 2;
            tx.companies().put(Samples.company(firstId).toBuilder().description("edited by " + by).build());
            if (firstRun) {
                awaitBarrier(barrier);
            }
            tx.companies().put(Samples.company(secondId).toBuilder().description("edited by " + by).build());
        });
    }

    private static void addIfNone(String id, CyclicBarrier barrier, AtomicInteger runs, JdbcPartnerStore target) {
        target.useTransaction(tx -> {
            boolean firstRun = runs.incrementAndGet() <= 2;
            long count = tx.companies().count();
            if (firstRun) {
                awaitBarrier(barrier);
            }
            if (count == 0) {
                tx.companies().put(Samples.company(id));
            }
        });
    }

    private static void terminateBackendOf(StoreTransaction tx) {
        Integer pid = ((JdbcTransaction) tx).queryOne("read pid", "SELECT pg_backend_pid()", row -> row.getInt(1));
        try (Connection admin = DriverManager.getConnection(TestDatabases.POSTGRES_URL, TestDatabases.POSTGRES_USER,
                ""); Statement statement = admin.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(" + pid + ")");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertStored(String... ids) {
        List<String> stored = store.inTransaction(tx -> tx.companies().list(
                dev.ecosystem.model.PageRequest.first(100)).items().stream().map(c -> c.id().value()).toList());
        assertThat(stored).containsExactly(ids);
    }

    private static void awaitBarrier(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other transaction did not arrive", e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
