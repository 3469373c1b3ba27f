package dev.ecosystem.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.ecosystem.spi.PartnerStore;
import dev.ecosystem.testkit.PartnerStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The contract kit on PostgreSQL, in a fresh schema of its own (dropped afterwards), tables emptied before every
 * test. Skips where no server is reachable, fails instead when {@code CI=true}.
 */
class JdbcPartnerStorePostgresTest extends PartnerStoreContract {
    private static String schema;
    private static HikariDataSource dataSource;
    private static JdbcPartnerStore store;

    @BeforeAll
    static void open() {
        schema = TestDatabases.createPostgresSchema();
        if (schema == null) {
            return;
        }
        dataSource = TestDatabases.postgres(8, "pg-contract");
        store = JdbcPartnerStore.builder(dataSource).schema(schema).build();
    }

    @AfterAll
    static void close() {
        if (dataSource != null) {
            dataSource.close();
            TestDatabases.dropPostgresSchema(schema);
        }
    }

    @Override
    protected PartnerStore createStore() {
        TestDatabases.assumePostgres(schema);
        StoreTables.truncateAll(dataSource, schema);
        return store;
    }
}
