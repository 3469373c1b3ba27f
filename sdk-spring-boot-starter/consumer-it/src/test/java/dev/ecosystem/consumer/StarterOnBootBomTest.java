package dev.ecosystem.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.cfg.PackageVersion;
import dev.ecosystem.EcosystemClient;
import dev.ecosystem.jdbc.JdbcPartnerStore;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.spi.PartnerStore;
import dev.ecosystem.spring.EcosystemScheduler;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.SpringVersion;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The starter in a host built on Spring Boot's own dependency versions (its BOM first, the SDK's second): the
 * build's dependencyConvergence passes, and the application starts with the client on the host's DataSource and
 * serves the consent page and health.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:consumer-it;DB_CLOSE_DELAY=-1",
    "spring.flyway.enabled=false",
    "ecosystem.consent.allow-random-keys=true",
    "ecosystem.scheduling.interval=1h",
    "management.endpoint.health.show-details=always"})
class StarterOnBootBomTest {
    @SpringBootApplication
    static class HostApplication {
    }

    @Autowired
    private EcosystemClient client;
    @Autowired
    private PartnerStore store;
    @Autowired
    private EcosystemScheduler scheduler;
    @Autowired
    private TestRestTemplate http;

    @Test
    @DisplayName("On Spring Boot's versions the client runs on the host's DataSource, with Boot's Jackson and Spring")
    void startsOnBootVersions() {
        assertThat(store).isInstanceOf(JdbcPartnerStore.class);
        assertThat(scheduler.isRunning()).isTrue();
        Company none = client.store().inTransaction(tx -> tx.companies().get(CompanyId.of("co-none")));
        assertThat(none).isNull();
        // Boot 3.5.7's versions won over the ones the SDK was built with (Jackson 2.20).
        assertThat(SpringVersion.getVersion()).startsWith("6.2.");
        assertThat(PackageVersion.VERSION.getMinorVersion()).isEqualTo(19);
    }

    @Test
    @DisplayName("It serves the consent page (a forged link gets the generic error page) and reports health UP")
    void servesConsentPageAndHealth() {
        ResponseEntity<String> forged = http.getForEntity("/ecosystem/consent?token=forged", String.class);
        assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(forged.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'none'");

        ResponseEntity<String> health = http.getForEntity("/actuator/health", String.class);
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody()).contains("\"ecosystem\"");
    }
}
