package dev.ecosystem.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL the benchmarks run on: {@code jdbc:postgresql://127.0.0.1:5432/test} as {@code postgres}, or what
 * the system properties {@code eco.pg.url} and {@code eco.pg.user} say.
 */
public final class BenchPostgres {
    private BenchPostgres() {
    }

    /** A pool of at most {@code size} connections. */
    public static HikariDataSource pool(int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url());
        config.setUsername(user());
        config.setMaximumPoolSize(size);
        return new HikariDataSource(config);
    }

    /** Drops the schema and everything in it, if it exists. */
    public static void dropSchema(String schema) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(), user(), "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static String url() {
        return System.getProperty("eco.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    private static String user() {
        return System.getProperty("eco.pg.user", "postgres");
    }
}
