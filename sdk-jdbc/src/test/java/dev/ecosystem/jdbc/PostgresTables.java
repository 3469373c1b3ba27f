package dev.ecosystem.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Empties the store's tables between tests that share one PostgreSQL schema. */
final class PostgresTables {
    private static final String[] TABLES = {"companies", "contacts", "partnerships", "introductions", "accounts",
        "deals", "crm_checkpoints", "touchpoints", "outbox", "idempotency_keys"};

    private PostgresTables() {
    }

    static void truncateAll(DataSource dataSource, String schema) {
        StringBuilder sql = new StringBuilder("TRUNCATE ");
        for (int i = 0; i < TABLES.length; i++) {
            sql.append(i == 0 ? "" : ", ").append(schema).append(".eco_").append(TABLES[i]);
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql.toString());
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty the tables of " + schema, e);
        }
    }
}
