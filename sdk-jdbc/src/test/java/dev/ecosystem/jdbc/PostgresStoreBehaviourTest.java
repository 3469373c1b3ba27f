package dev.ecosystem.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

class PostgresStoreBehaviourTest extends StoreBehaviourTest {
    private static String schema;
    private static HikariDataSource dataSource;
    private static JdbcPartnerStore store;

    @BeforeAll
    static void open() {
        schema = TestDatabases.createPostgresSchema();
        if (schema == null) {
            return;
        }
        dataSource = TestDatabases.postgres(4, "pg-behaviour");
        store = JdbcPartnerStore.builder(dataSource).schema(schema).build();
    }

    @AfterAll
    static void close() {
        if (dataSource != null) {
            dataSource.close();
            TestDatabases.dropPostgresSchema(schema);
        }
    }

    @BeforeEach
    void emptyTables() {
        TestDatabases.assumePostgres(schema);
        StoreTables.truncateAll(dataSource, schema);
    }

    @Override
    protected JdbcPartnerStore store() {
        return store;
    }
}
