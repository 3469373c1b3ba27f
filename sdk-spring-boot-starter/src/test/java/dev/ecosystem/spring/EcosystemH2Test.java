package dev.ecosystem.spring;

import java.util.UUID;

/** The starter on H2, the embedded durable store: an in-memory database per test class, kept until the JVM ends. */
class EcosystemH2Test extends StarterOnJdbcContract {
    private final String database = "eco_sc_" + UUID.randomUUID().toString().substring(0, 8);

    @Override
    protected String[] databaseProperties(String prefix) {
        return new String[] {"spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1",
            "ecosystem.store.table-prefix=" + prefix};
    }
}
