package dev.ecosystem.salesforce;

import dev.ecosystem.model.CompanyId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A test class against one {@link OrgServer}, started once per class and reset by each test's own setup. */
abstract class OrgTestSupport {
    static final CompanyId TENANT = CompanyId.of("acme");
    static OrgServer server;

    @BeforeAll
    static void startServer() {
        server = new OrgServer();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }
}
