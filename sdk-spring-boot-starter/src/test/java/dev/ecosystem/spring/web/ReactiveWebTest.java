package dev.ecosystem.spring.web;

import static dev.ecosystem.spring.web.HubSpotSignatures.batch;
import static dev.ecosystem.spring.web.HubSpotSignatures.v3;
import static dev.ecosystem.spring.web.TestNetwork.adaAsksBob;
import static dev.ecosystem.spring.web.TestNetwork.linkToBob;
import static dev.ecosystem.spring.web.TestNetwork.status;
import static dev.ecosystem.spring.web.TestNetwork.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.memory.InMemoryMailer;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.IntroductionStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/** The consent page and the HubSpot webhook endpoint on WebFlux: the same rules as on Spring MVC. */
@SpringBootTest(classes = TestNetwork.App.class, properties = "spring.main.web-application-type=reactive")
@AutoConfigureWebTestClient
@Import({RecordingSyncs.class, ReactiveWebTest.SecurityLike.class})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class ReactiveWebTest {
    /** Puts a CSRF token where Spring Security's WebFlux filter puts it: a Mono in the exchange attributes. */
    @Configuration(proxyBeanMethods = false)
    static class SecurityLike {
        @Bean
        WebFilter securityLikeCsrf() {
            return (exchange, chain) -> {
                exchange.getAttributes().put(SecurityCsrfField.REACTIVE_ATTRIBUTE,
                        Mono.just(new FakeCsrfToken("r<x>")));
                return chain.filter(exchange);
            };
        }
    }

    private static final String PATH = "/ecosystem/consent";
    private static final Pattern NONCE = Pattern.compile("name=\"nonce\" value=\"([^\"]+)\"");

    @Autowired
    WebTestClient web;
    @Autowired
    EcosystemClient client;
    @Autowired
    InMemoryMailer mailer;
    @Autowired
    RecordingSyncs syncs;

    private EntityExchangeResult<String> get(String token) {
        return web.get().uri(b -> b.path(PATH).queryParam("token", "{t}").build(token)).exchange()
                .expectBody(String.class).returnResult();
    }

    private EntityExchangeResult<String> post(String token, String nonce, String cookie) {
        WebTestClient.RequestBodySpec request = web.post().uri(PATH).contentType(MediaType.APPLICATION_FORM_URLENCODED);
        if (cookie != null) {
            request.cookie(ConsentPageHandler.COOKIE, cookie);
        }
        return request.body(BodyInserters.fromFormData("token", token).with("nonce", nonce)).exchange()
                .expectBody(String.class).returnResult();
    }

    @Test
    void consentPage_showsEscaped_withStrictHeaders_andAcceptsOnlyItsOwnForm() {
        Introduction intro = adaAsksBob(client);
        String token = tokenOf(linkToBob(mailer, true));

        EntityExchangeResult<String> page = get(token);

        assertThat(page.getStatus().value()).isEqualTo(200);
        assertThat(page.getResponseBody()).contains("Acme &lt;script&gt;alert(&#39;company&#39;)&lt;/script&gt;",
                "&lt;img src=x onerror=alert(&#39;reason&#39;)&gt;").doesNotContain("<script", "<img");
        assertThat(page.getResponseBody()).contains("name=\"_csrf\" value=\"r&lt;x&gt;\"");
        assertThat(page.getResponseHeaders().getFirst("Content-Security-Policy"))
                .isEqualTo(ConsentPages.CONTENT_SECURITY_POLICY);
        assertThat(page.getResponseHeaders().getCacheControl()).isEqualTo("no-store");
        assertThat(page.getResponseHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        ResponseCookie cookie = page.getResponseCookies().getFirst(ConsentPageHandler.COOKIE);
        assertThat(cookie).isNotNull();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        assertThat(cookie.isHttpOnly()).isTrue();
        Matcher nonce = NONCE.matcher(page.getResponseBody());
        assertThat(nonce.find()).isTrue();

        assertThat(post(token, nonce.group(1), null).getStatus().value()).isEqualTo(403);
        assertThat(post(token, nonce.group(1), FormNonces.newBrowserId()).getStatus().value()).isEqualTo(403);
        assertThat(post(token, "1.AAAA", cookie.getValue()).getStatus().value()).isEqualTo(403);
        assertThat(status(client, intro)).isEqualTo(IntroductionStatus.AWAITING_CONSENT);

        EntityExchangeResult<String> answered = post(token, nonce.group(1), cookie.getValue());
        assertThat(answered.getStatus().value()).isEqualTo(200);
        assertThat(answered.getResponseBody()).contains("You accepted");
        assertThat(status(client, intro)).isEqualTo(IntroductionStatus.CONNECTED);

        EntityExchangeResult<String> again = post(token, nonce.group(1), cookie.getValue());
        assertThat(again.getStatus().value()).isEqualTo(410);
        assertThat(again.getResponseBody()).isEqualTo(ConsentPages.refused());
    }

    @Test
    void consentPage_badLinks_getTheGenericPage() {
        adaAsksBob(client);
        String token = tokenOf(linkToBob(mailer, true));

        EntityExchangeResult<String> garbage = get("garbage");
        EntityExchangeResult<String> cut = get(token.substring(0, token.length() - 3));

        assertThat(garbage.getStatus().value()).isEqualTo(400);
        assertThat(garbage.getResponseBody()).isEqualTo(ConsentPages.refused());
        assertThat(cut.getStatus().value()).isEqualTo(400);
        assertThat(cut.getResponseBody()).isEqualTo(ConsentPages.refused());
        assertThat(garbage.getResponseHeaders().getFirst("Content-Security-Policy")).startsWith("default-src 'none'");
    }

    private int deliver(byte[] body, String signature, long timestamp) {
        return web.post().uri("http://localhost/ecosystem/hubspot/webhook").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .header("X-HubSpot-Signature-v3", signature)
                .header("X-HubSpot-Request-Timestamp", Long.toString(timestamp))
                .exchange().returnResult(Void.class).getStatus().value();
    }

    @Test
    void webhook_verifiesAsReceived_refusesReplaysAndStaleOnes_andSyncsInTheBackground() {
        byte[] body = batch(TestNetwork.ACME_PORTAL, 1);
        long now = System.currentTimeMillis();
        long stale = now - Duration.ofMinutes(6).toMillis();
        String url = "http://localhost/ecosystem/hubspot/webhook";
        byte[] compact = new String(body, StandardCharsets.UTF_8).replace(" ", "").getBytes(StandardCharsets.UTF_8);

        assertThat(deliver(body, v3("POST", url, compact, now), now)).isEqualTo(401);
        assertThat(deliver(body, v3("POST", url, body, stale), stale)).isEqualTo(401);
        assertThat(deliver(body, v3("POST", url, body, now), now)).isEqualTo(204);
        assertThat(deliver(body, v3("POST", url, body, now), now)).isEqualTo(401);

        await().atMost(Duration.ofSeconds(5)).until(() -> syncs.synced.equals(List.of(TestNetwork.ACME)));
    }
}
