package dev.ecosystem.jdbc;

import static org.assertj.core.api.Assertions.fail;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

/** The databases the tests run on: H2 files in a temporary folder, and the local PostgreSQL server. */
final class TestDatabases {
    /** The PostgreSQL server the tests use; {@code ECO_TEST_PG_URL} overrides it. */
    static final String POSTGRES_URL = System.getenv().getOrDefault("ECO_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    static final String POSTGRES_USER = System.getenv().getOrDefault("ECO_TEST_PG_USER", "postgres");

    private static volatile String unreachable = "";

    private TestDatabases() {
    }

    /** A pool on an H2 database file in {@code folder}: the durable embedded setup. */
    static HikariDataSource h2File(Path folder, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:file:" + folder.resolve("ecosystem").toAbsolutePath());
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("h2-test");
        return new HikariDataSource(config);
    }

    /**
     * A fresh, randomly named schema on the local PostgreSQL server, or {@code null} when no server is reachable;
     * in CI ({@code CI=true}) an unreachable server fails the calling test instead. Tests then call
     * {@link #assumePostgres} before each test, so each one is reported skipped with the reason.
     */
    static @Nullable String createPostgresSchema() {
        String schema = "eco_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
            return schema;
        } catch (SQLException e) {
            unreachable = "PostgreSQL is not reachable at " + POSTGRES_URL + " as " + POSTGRES_USER + " ("
                    + e.getMessage() + "); start it or set ECO_TEST_PG_URL";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true requires the PostgreSQL tests to run, but " + unreachable);
            }
            return null;
        }
    }

    /** Skips the calling test, with the reason, when {@link #createPostgresSchema()} found no server. */
    static void assumePostgres(@Nullable String schema) {
        Assumptions.assumeTrue(schema != null, () -> "Skipping a PostgreSQL test: " + unreachable);
    }

    /** Drops a schema made by {@link #createPostgresSchema()}, with everything in it. */
    static void dropPostgresSchema(String schema) {
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test schema " + schema, e);
        }
    }

    /** A pool on the local PostgreSQL server. */
    static HikariDataSource postgres(int poolSize, String poolName) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(POSTGRES_URL);
        config.setUsername(POSTGRES_USER);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName(poolName);
        // Tests need no fsync per commit; what they check does not depend on it.
        config.setConnectionInitSql("SET synchronous_commit = off");
        return new HikariDataSource(config);
    }
}
