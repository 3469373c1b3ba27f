package dev.ecosystem.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

class PostgresStoreBehaviourTest extends StoreBehaviourTest {
    private static StoreFixture fixture;
    private JdbcPartnerStore store;

    @BeforeAll
    static void open() {
        fixture = StoreFixture.postgres("pg-behaviour");
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
