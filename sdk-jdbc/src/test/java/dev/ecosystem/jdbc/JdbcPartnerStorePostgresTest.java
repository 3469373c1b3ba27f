package dev.ecosystem.jdbc;

import dev.ecosystem.spi.PartnerStore;
import dev.ecosystem.testkit.PartnerStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The contract kit on PostgreSQL, in a fresh schema of its own (dropped afterwards), tables emptied before every
 * test. Skips where no server is reachable, fails instead when {@code CI=true}.
 */
class JdbcPartnerStorePostgresTest extends PartnerStoreContract {
    private static StoreFixture fixture;

    @BeforeAll
    static void open() {
        fixture = StoreFixture.postgres("pg-contract");
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
