package dev.ecosystem.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.jdbc.JdbcPartnerStore;
import dev.ecosystem.mail.EmlDirectoryMailer;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.navigator.IdealPartnerProfile;
import dev.ecosystem.spi.Mailer;
import dev.ecosystem.spi.PartnerStore;
import dev.ecosystem.spring.EcosystemScheduler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The Spring Boot example starts on its own configuration and serves a working client. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:spring-example-test;DB_CLOSE_DELAY=-1",
    "ecosystem.mail.eml-directory.path=target/spring-example-test/emails"})
class SpringExampleTest {
    @Autowired
    private EcosystemClient client;
    @Autowired
    private PartnerStore store;
    @Autowired
    private Mailer mailer;
    @Autowired
    private EcosystemScheduler scheduler;
    @LocalServerPort
    private int port;

    @Test
    @DisplayName("The client bean runs on the H2 store and the .eml mailer, holds the sample network and finds "
            + "partners in it")
    void clientBean_works() {
        assertThat(store).isInstanceOf(JdbcPartnerStore.class);
        assertThat(mailer).isInstanceOf(EmlDirectoryMailer.class);
        assertThat(scheduler.isRunning()).isTrue();
        assertThat(client.as(SpringExample.MAILCADENCE).network().profile().name()).isEqualTo("Mailcadence");

        IdealPartnerProfile ideal = IdealPartnerProfile.builder(PartnerType.TECHNOLOGY).requireBusiness("saas")
                .preferBusiness("crm", 3).build();
        assertThat(client.as(SpringExample.MAILCADENCE).navigator().search(ideal, PageRequest.first(5)).items())
                .hasSize(5);
    }

    @Test
    @DisplayName("It serves on localhost: the health endpoint reports the client UP")
    void serves_health() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"ecosystem\":{\"status\":\"UP\"");
    }

    @Test
    @DisplayName("The actuator lists the client's meters: the outbox and change-feed gauges")
    void serves_meters() throws Exception {
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("\"ecosystem.outbox.pending\"", "\"ecosystem.outbox.parked\"",
                "\"ecosystem.change.feed.lag\"");
    }
}
