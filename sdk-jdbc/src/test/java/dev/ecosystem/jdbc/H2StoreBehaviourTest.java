package dev.ecosystem.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class H2StoreBehaviourTest extends StoreBehaviourTest {
    @TempDir
    static Path folder;
    private static StoreFixture fixture;
    private JdbcPartnerStore store;

    @BeforeAll
    static void open() {
        fixture = StoreFixture.h2(folder);
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    @BeforeEach
    void emptyTables() {
        store = fixture.emptied();
    }

    @Override
    protected JdbcPartnerStore store() {
        return store;
    }

    @Override
    protected JdbcPartnerStore storeWithoutFeed() {
        return fixture.withoutFeed();
    }
}
