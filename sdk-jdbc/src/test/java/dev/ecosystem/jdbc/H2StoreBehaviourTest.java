package dev.ecosystem.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class H2StoreBehaviourTest extends StoreBehaviourTest {
    @TempDir
    static Path folder;
    private static HikariDataSource dataSource;
    private static JdbcPartnerStore store;

    @BeforeAll
    static void open() {
        dataSource = TestDatabases.h2File(folder, 4);
        store = JdbcPartnerStore.create(dataSource);
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @BeforeEach
    void emptyTables() {
        StoreTables.truncateAll(dataSource, null);
    }

    @Override
    protected JdbcPartnerStore store() {
        return store;
    }
}
