package dev.ecosystem.spring;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The starter on PostgreSQL, the shared store of many app nodes, in a schema of its own ({@code eco_sc_...}, dropped
 * afterwards). Skipped with the reason when no server is reachable; fails instead when {@code CI=true}.
 */
class EcosystemPostgresTest extends StarterOnJdbcContract {
    private static final String URL = System.getenv().getOrDefault("ECO_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getenv().getOrDefault("ECO_TEST_PG_USER", "postgres");
    private static String schema;
    private static String unreachable = "";

    @BeforeAll
    static void createSchema() {
        String name = "eco_sc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10)
                .toLowerCase(Locale.ROOT);
        try (Connection connection = DriverManager.getConnection(URL, USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + name);
            schema = name;
        } catch (SQLException e) {
            unreachable = "PostgreSQL is not reachable at " + URL + " as " + USER + " (" + e.getMessage()
                    + "); start it or set ECO_TEST_PG_URL";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true requires the PostgreSQL tests to run, but " + unreachable);
            }
        }
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        if (schema != null) {
            try (Connection connection = DriverManager.getConnection(URL, USER, "");
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    @BeforeEach
    void assumePostgres() {
        Assumptions.assumeTrue(schema != null, () -> "Skipping a PostgreSQL test: " + unreachable);
    }

    @Override
    protected String[] databaseProperties(String prefix) {
        return new String[] {"spring.datasource.url=" + URL, "spring.datasource.username=" + USER,
            "ecosystem.store.schema=" + schema, "ecosystem.store.table-prefix=" + prefix};
    }
}
