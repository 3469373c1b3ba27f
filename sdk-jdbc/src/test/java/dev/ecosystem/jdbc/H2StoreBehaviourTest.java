package dev.ecosystem.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class H2StoreBehaviourTest extends StoreBehaviourTest {
    @TempDir
    Path folder;
    private HikariDataSource dataSource;
    private JdbcPartnerStore store;

    @BeforeEach
    void open() {
        dataSource = TestDatabases.h2File(folder, 4);
        store = JdbcPartnerStore.create(dataSource);
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Override
    protected JdbcPartnerStore store() {
        return store;
    }
}
