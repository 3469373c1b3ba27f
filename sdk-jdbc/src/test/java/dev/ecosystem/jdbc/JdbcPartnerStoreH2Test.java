package dev.ecosystem.jdbc;

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
    private static StoreFixture fixture;

    @BeforeAll
    static void open() {
        fixture = StoreFixture.h2(folder);
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    @Override
    protected PartnerStore createStore() {
        return fixture.emptied();
    }
}
