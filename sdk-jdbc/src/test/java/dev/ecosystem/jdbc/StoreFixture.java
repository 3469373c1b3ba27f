package dev.ecosystem.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A store on its own database for one test class: an H2 file, or a fresh PostgreSQL schema (dropped on close). Call
 * {@link #emptied()} before each test.
 */
final class StoreFixture implements AutoCloseable {
    private final @Nullable String schema;
    private final boolean postgres;
    private final @Nullable HikariDataSource dataSource;
    private final @Nullable JdbcPartnerStore store;

    private StoreFixture(@Nullable String schema, boolean postgres, @Nullable HikariDataSource dataSource) {
        this.schema = schema;
        this.postgres = postgres;
        this.dataSource = dataSource;
        this.store = dataSource == null ? null : (schema == null ? JdbcPartnerStore.builder(dataSource)
                : JdbcPartnerStore.builder(dataSource).schema(schema)).build();
    }

    /** A store on an H2 database file in {@code folder}. */
    static StoreFixture h2(Path folder) {
        return new StoreFixture(null, false, TestDatabases.h2File(folder, 8));
    }

    /** A store in a fresh PostgreSQL schema, or a fixture whose tests skip when no server is reachable. */
    static StoreFixture postgres(String poolName) {
        String schema = TestDatabases.createPostgresSchema();
        return new StoreFixture(schema, true, schema == null ? null : TestDatabases.postgres(8, poolName));
    }

    /** The store, with its tables emptied; skips the calling test where PostgreSQL is not reachable. */
    JdbcPartnerStore emptied() {
        if (postgres) {
            TestDatabases.assumePostgres(schema);
        }
        StoreTables.truncateAll(dataSource(), schema);
        return store;
    }

    /** Another store on the same tables, built with {@code changeFeed(false)}. */
    JdbcPartnerStore withoutFeed() {
        JdbcPartnerStore.Builder builder = JdbcPartnerStore.builder(dataSource()).migrate(false).changeFeed(false);
        return (schema == null ? builder : builder.schema(schema)).build();
    }

    HikariDataSource dataSource() {
        return dataSource;
    }

    @Nullable String schema() {
        return schema;
    }

    @Override
    public void close() {
        if (dataSource != null) {
            dataSource.close();
        }
        if (postgres && schema != null) {
            TestDatabases.dropPostgresSchema(schema);
        }
    }
}
