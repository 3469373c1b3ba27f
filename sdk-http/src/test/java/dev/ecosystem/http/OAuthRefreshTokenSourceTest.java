package dev.ecosystem.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.spi.ProviderException;
import dev.ecosystem.spi.ReauthorizationRequiredException;
import dev.ecosystem.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OAuthRefreshTokenSourceTest {
    private static WireMockServer idp;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-02T09:00:00Z"));

    @BeforeAll
    static void start() {
        idp = new WireMockServer(wireMockConfig().dynamicPort());
        idp.start();
    }

    @AfterAll
    static void stop() {
        idp.stop();
    }

    @BeforeEach
    void reset() {
        idp.resetAll();
    }

    private OAuthRefreshTokenSource.Builder source() {
        return OAuthRefreshTokenSource.builder().tokenEndpoint(idp.baseUrl() + "/common/oauth2/v2.0/token")
                .clientId("client-1").clientSecret("s3cret").refreshToken("rt-1").clock(clock);
    }

    @Test
    void accessToken_isCachedUntilShortlyBeforeExpiry() {
        idp.stubFor(post(urlPathEqualTo("/common/oauth2/v2.0/token"))
                .willReturn(okJson("{\"access_token\":\"at-1\",\"expires_in\":3600,\"token_type\":\"Bearer\"}")));
        OAuthRefreshTokenSource tokens = source().build();

        assertThat(tokens.accessToken()).isEqualTo("at-1");
        clock.advance(Duration.ofMinutes(57));
        assertThat(tokens.accessToken()).isEqualTo("at-1");
        idp.verify(1, postRequestedFor(urlPathEqualTo("/common/oauth2/v2.0/token")));

        clock.advance(Duration.ofMinutes(2));
        tokens.accessToken();
        idp.verify(2, postRequestedFor(urlPathEqualTo("/common/oauth2/v2.0/token"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("refresh_token=rt-1")));
    }

    @Test
    void refresh_rotatedRefreshToken_isUsedNextAndHandedToHost() {
        idp.stubFor(post(urlPathEqualTo("/common/oauth2/v2.0/token"))
                .willReturn(okJson("{\"token_type\":\"Bearer\",\"scope\":\"Mail.Send\",\"expires_in\":3600,"
                        + "\"access_token\":\"at-2\",\"refresh_token\":\"rt-2\"}")));
        List<String> stored = new ArrayList<>();
        OAuthRefreshTokenSource tokens = source().onRefreshTokenRotated(stored::add).build();

        tokens.accessToken();
        tokens.invalidate("at-2");
        tokens.accessToken();

        assertThat(stored).containsExactly("rt-2");
        idp.verify(1, postRequestedFor(urlPathEqualTo("/common/oauth2/v2.0/token"))
                .withRequestBody(containing("refresh_token=rt-2")));
    }

    @Test
    void refresh_invalidGrant_failsNotRetryableAskingToReconnect() {
        idp.stubFor(post(urlPathEqualTo("/common/oauth2/v2.0/token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}")));

        assertThatThrownBy(() -> source().reauthorizationHint("the user must connect their mailbox again").build()
                .accessToken())
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.provider()).isEqualTo("oauth");
                })
                .hasMessageContaining("invalid_grant").hasMessageContaining("connect their mailbox again");
    }

    @Test
    @DisplayName("A revoked Google grant (invalid_grant) is a ReauthorizationRequiredException naming the tenant and "
            + "the provider")
    void refresh_invalidGrant_requiresReauthorizationOfTheTenant() {
        idp.stubFor(post(urlPathEqualTo("/common/oauth2/v2.0/token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}")));
        OAuthRefreshTokenSource tokens = source().provider("gmail").tenant(CompanyId.of("acme")).build();

        assertThatThrownBy(tokens::accessToken).isInstanceOfSatisfying(ReauthorizationRequiredException.class, e -> {
            assertThat(e.tenant()).isEqualTo(CompanyId.of("acme"));
            assertThat(e.provider()).isEqualTo("gmail");
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.retryable()).isFalse();
            assertThat(e).hasMessageContaining("acme").hasMessageNotContaining("rt-1").hasMessageNotContaining("s3cret");
        });
    }

    @Test
    @DisplayName("A Microsoft refusal of the client (invalid_client) also requires reauthorization")
    void refresh_invalidClient_requiresReauthorization() {
        idp.stubFor(post(urlPathEqualTo("/common/oauth2/v2.0/token")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client "
                        + "secret provided.\",\"error_codes\":[7000215]}")));

        assertThatThrownBy(() -> source().provider("microsoft").build().accessToken())
                .isInstanceOfSatisfying(ReauthorizationRequiredException.class,
                        e -> assertThat(e.provider()).isEqualTo("microsoft"));
    }

    @Test
    @DisplayName("A token endpoint that trickles its answer is cut off at the whole-call timeout as retryable")
    void refresh_tricklingEndpoint_endsAtTheCallTimeout() {
        idp.stubFor(post(urlPathEqualTo("/common/oauth2/v2.0/token")).willReturn(okJson(
                "{\"access_token\":\"at-1\",\"expires_in\":3600,\"token_type\":\"Bearer\"}")
                .withChunkedDribbleDelay(20, 4_000)));

        assertThatThrownBy(() -> source().http(h -> h.callTimeout(Duration.ofMillis(300))).build().accessToken())
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.status()).isZero();
                });
    }

    @Test
    @DisplayName("Threads that need a token at once share one refresh")
    void accessToken_concurrentCallers_shareOneRefresh() throws Exception {
        idp.stubFor(post(urlPathEqualTo("/common/oauth2/v2.0/token")).willReturn(okJson(
                "{\"access_token\":\"at-1\",\"expires_in\":3600}").withFixedDelay(200)));
        OAuthRefreshTokenSource tokens = source().build();
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return tokens.accessToken();
                }));
            }
            start.countDown();
            for (Future<String> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo("at-1");
            }
        } finally {
            pool.shutdownNow();
        }
        idp.verify(1, postRequestedFor(urlPathEqualTo("/common/oauth2/v2.0/token")));
    }

    @Test
    @DisplayName("Invalidating a token another thread already replaced keeps the new one")
    void invalidate_staleToken_keepsTheCurrentOne() {
        idp.stubFor(post(urlPathEqualTo("/common/oauth2/v2.0/token")).willReturn(okJson(
                "{\"access_token\":\"at-1\",\"expires_in\":3600}")));
        OAuthRefreshTokenSource tokens = source().build();
        tokens.accessToken();

        tokens.invalidate("at-0");
        tokens.accessToken();

        idp.verify(1, postRequestedFor(urlPathEqualTo("/common/oauth2/v2.0/token")));
    }

    @Test
    @DisplayName("The rest of the token response (Salesforce's instance_url) comes with the token, never the tokens")
    void token_carriesTheResponseFields_andTheDefaultLifetimeWithoutExpiresIn() {
        idp.stubFor(post(urlPathEqualTo("/common/oauth2/v2.0/token")).willReturn(okJson(
                "{\"access_token\":\"at-1\",\"refresh_token\":\"rt-1\",\"instance_url\":\"https://acme.my.salesforce.com\","
                        + "\"issued_at\":\"1767000000000\"}")));
        OAuthRefreshTokenSource tokens = source().defaultLifetime(Duration.ofMinutes(30)).build();

        OAuthRefreshTokenSource.Token token = tokens.token();

        assertThat(token.fields()).containsEntry("instance_url", "https://acme.my.salesforce.com")
                .doesNotContainKeys("access_token", "refresh_token");
        assertThat(token.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(30)));
        assertThat(token.toString()).doesNotContain("at-1");
    }

    @Test
    @DisplayName("A 503 of the token endpoint is retried as the http settings say, waiting its Retry-After")
    void refresh_unavailable_isRetriedWithRetryAfter() {
        idp.stubFor(post(urlPathEqualTo("/common/oauth2/v2.0/token")).inScenario("flaky")
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "7"))
                .willSetStateTo("up"));
        idp.stubFor(post(urlPathEqualTo("/common/oauth2/v2.0/token")).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(okJson("{\"access_token\":\"at-1\",\"expires_in\":3600}")));
        List<Duration> sleeps = new ArrayList<>();
        OAuthRefreshTokenSource tokens = source().http(h -> h.maxAttempts(3).sleeper(sleeps::add)).build();

        assertThat(tokens.accessToken()).isEqualTo("at-1");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    @DisplayName("A 400 that is not a grant error fails at once, not retryable")
    void refresh_badRequest_isNotRetried() {
        idp.stubFor(post(urlPathEqualTo("/common/oauth2/v2.0/token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_request\"}")));
        List<Duration> sleeps = new ArrayList<>();
        OAuthRefreshTokenSource tokens = source().http(h -> h.maxAttempts(3).sleeper(sleeps::add)).build();

        assertThatThrownBy(tokens::accessToken).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e).isNotInstanceOf(ReauthorizationRequiredException.class);
            assertThat(e.retryable()).isFalse();
            assertThat(e.status()).isEqualTo(400);
        }).hasMessageContaining("invalid_request");
        assertThat(sleeps).isEmpty();
        idp.verify(1, postRequestedFor(urlPathEqualTo("/common/oauth2/v2.0/token")));
    }

    @Test
    void builder_refusesATokenEndpointThatIsNoUrl() {
        assertThatThrownBy(() -> OAuthRefreshTokenSource.builder().tokenEndpoint("login.example.com/token"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("tokenEndpoint must be an http(s) URL");
    }

    @Test
    void toString_neverPrintsSecrets() {
        assertThat(source().build().toString()).doesNotContain("s3cret").doesNotContain("rt-1");
    }
}
