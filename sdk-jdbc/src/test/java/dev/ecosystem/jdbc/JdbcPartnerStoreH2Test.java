package dev.ecosystem.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.ecosystem.spi.PartnerStore;
import dev.ecosystem.testkit.PartnerStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The contract kit on an H2 database file (the durable embedded setup), tables emptied before every test. */
class JdbcPartnerStoreH2Test extends PartnerStoreContract {
    @TempDir
    static Path folder;
    private static HikariDataSource dataSource;
    private static JdbcPartnerStore store;

    @BeforeAll
    static void open() {
        dataSource = TestDatabases.h2File(folder, 8);
        store = JdbcPartnerStore.create(dataSource);
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Override
    protected PartnerStore createStore() {
        StoreTables.truncateAll(dataSource, null);
        return store;
    }
}
