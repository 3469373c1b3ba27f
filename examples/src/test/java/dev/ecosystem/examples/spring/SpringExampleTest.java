package dev.ecosystem.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.jdbc.JdbcPartnerStore;
import dev.ecosystem.mail.EmlDirectoryMailer;
import dev.ecosystem.model.IdealPartnerProfile;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.spi.Mailer;
import dev.ecosystem.spi.PartnerStore;
import dev.ecosystem.spring.EcosystemScheduler;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The Spring Boot example starts on its own configuration and serves a working client. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:spring-example-test;DB_CLOSE_DELAY=-1"})
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

    /** A new directory per run: emails of an earlier run carry links signed with another run's random key. */
    private static final Path EMAILS = newDirectory();
    private static final Pattern CONSENT_LINK =
            Pattern.compile("http://localhost:\\d+(/ecosystem/consent\\?token=\\S+)");

    @DynamicPropertySource
    static void emails(DynamicPropertyRegistry properties) {
        properties.add("ecosystem.mail.eml-directory.path", EMAILS::toString);
    }

    private static Path newDirectory() {
        try {
            return Files.createTempDirectory("spring-example-emails");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

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

    @Test
    @DisplayName("The introduction asked on the first start reaches Sophie as an .eml whose link opens the consent "
            + "page on this application: who asks and why, escaped, under a strict CSP")
    void consentLink_opensTheConsentPage() throws Exception {
        client.intros().runDue(client.clock().instant());

        String path = consentPathInEmails();
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Mailcadence", "subscription billing", "<form", "method=\"post\"");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("default-src 'none'"));
    }

    /** The path and query of the consent link in the one consent ask the mailer wrote. */
    private static String consentPathInEmails() throws Exception {
        List<String> paths = new ArrayList<>();
        try (Stream<Path> files = Files.list(EMAILS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    Matcher link = CONSENT_LINK.matcher(text(new MimeMessage(Session.getInstance(new Properties()),
                            in)));
                    while (link.find()) {
                        paths.add(link.group(1));
                    }
                }
            }
        }
        assertThat(paths).as("consent links in %s", EMAILS).isNotEmpty();
        return paths.get(0);
    }

    /** Every text part of a message, decoded. */
    private static String text(Part part) throws Exception {
        if (part.isMimeType("text/*")) {
            return (String) part.getContent();
        }
        StringBuilder text = new StringBuilder();
        if (part.getContent() instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart child = parts.getBodyPart(i);
                text.append(text(child)).append('\n');
            }
        }
        return text.toString();
    }
}
