package dev.ecosystem.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.spi.ProviderException;
import dev.ecosystem.spi.ReauthorizationRequiredException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** OAuth 2: refresh ahead of expiry, single-flight refresh, rotation handed to the host, revoked grants. */
class HubSpotOAuthTest {
    private static final CompanyId TENANT = CompanyId.of("oauth-tenant");
    private PortalServer server;
    private final List<String> rotated = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        server = new PortalServer("2026-03", true);
        server.portal.load(List.of(new FakePortal.Company("1", "Acme", "acme.com", null,
                Instant.parse("2026-01-01T00:00:00Z"))), List.of());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HubSpotCrm connector() {
        return HubSpotCrm.builder().tenant(TENANT).baseUrl(server.baseUrl()).apiVersion("2026-03")
                .oauth("client-1", "secret-1", "refresh-1", rotated::add)
                .clock(server.time).http(h -> h.sleeper(server.time::sleep)).build();
    }

    private void stubToken(String refreshIn, String access, String refreshOut) {
        server.wireMock.stubFor(post(urlPathEqualTo("/oauth/2026-03/token"))
                .withRequestBody(containing("refresh_token=" + refreshIn))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withFixedDelay(50)
                        .withBody("{\"token_type\":\"bearer\",\"refresh_token\":\"" + refreshOut + "\","
                                + "\"access_token\":\"" + access + "\",\"expires_in\":1800}")));
    }

    @Test
    @DisplayName("The access token is refreshed before the first call, reused, and refreshed again ahead of expiry "
            + "with the rotated refresh token, which the host receives")
    void accessToken_refreshedAheadOfExpiry_andRotationHandedToHost() {
        stubToken("refresh-1", "access-1", "refresh-2");
        stubToken("refresh-2", "access-2", "refresh-2");
        HubSpotCrm crm = connector();

        crm.accounts(PageRequest.first(10));
        server.time.advance(Duration.ofMinutes(20));
        crm.accounts(PageRequest.first(10));
        server.time.advance(Duration.ofMinutes(6));
        crm.accounts(PageRequest.first(10));

        server.wireMock.verify(2, postRequestedFor(urlPathEqualTo("/oauth/2026-03/token")));
        server.wireMock.verify(postRequestedFor(urlPathEqualTo("/oauth/2026-03/token"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("client_id=client-1"))
                .withRequestBody(containing("client_secret=secret-1")));
        server.wireMock.verify(2, getRequestedFor(urlPathEqualTo("/crm/objects/2026-03/companies"))
                .withHeader("Authorization", equalTo("Bearer access-1")));
        server.wireMock.verify(1, getRequestedFor(urlPathEqualTo("/crm/objects/2026-03/companies"))
                .withHeader("Authorization", equalTo("Bearer access-2")));
        assertThat(rotated).containsExactly("refresh-2");
    }

    @Test
    @DisplayName("Many threads needing a token at once cause exactly one refresh")
    void concurrentCalls_refreshOnce() throws Exception {
        stubToken("refresh-1", "access-1", "refresh-1");
        HubSpotCrm crm = connector();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return crm.accounts(PageRequest.first(10)).items().size();
                }));
            }
            go.countDown();
            for (Future<Integer> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
        server.wireMock.verify(1, postRequestedFor(urlPathEqualTo("/oauth/2026-03/token")));
        assertThat(rotated).isEmpty();
    }

    @Test
    @DisplayName("A revoked grant is a ReauthorizationRequiredException naming the tenant and HubSpot, without "
            + "retrying and without calling the CRM")
    void revokedGrant_failsClearly() {
        server.wireMock.stubFor(post(urlPathEqualTo("/oauth/2026-03/token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"refresh token is invalid, expired "
                        + "or revoked\",\"status\":\"BAD_REFRESH_TOKEN\",\"message\":\"missing or invalid refresh "
                        + "token\",\"correlationId\":\"oauth-1\"}")));
        HubSpotCrm crm = connector();

        ReauthorizationRequiredException failure = catchThrowableOfType(ReauthorizationRequiredException.class,
                () -> crm.accounts(PageRequest.first(10)));

        assertThat(failure.tenant()).isEqualTo(TENANT);
        assertThat(failure.provider()).isEqualTo("hubspot");
        assertThat(failure.status()).isEqualTo(400);
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.requestId()).isEqualTo("oauth-1");
        assertThat(failure).hasMessageContaining("invalid_grant").hasMessageContaining("connect HubSpot again")
                .hasMessageNotContaining("refresh-1").hasMessageNotContaining("secret-1");
        server.wireMock.verify(1, postRequestedFor(urlPathEqualTo("/oauth/2026-03/token")));
        server.wireMock.verify(0, getRequestedFor(urlPathEqualTo("/crm/objects/2026-03/companies")));
    }

    @Test
    @DisplayName("A 401 with an OAuth token drops the cached token and refreshes once before giving up")
    void unauthorized_refreshesOnce() {
        stubToken("refresh-1", "access-1", "refresh-1");
        server.wireMock.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                urlPathEqualTo("/crm/objects/2026-03/companies")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"error\",\"message\":\"expired\",\"category\":\"INVALID_AUTHENTICATION\"}")));
        HubSpotCrm crm = connector();

        ProviderException failure = catchThrowableOfType(ProviderException.class,
                () -> crm.accounts(PageRequest.first(10)));

        assertThat(failure.status()).isEqualTo(401);
        server.wireMock.verify(2, postRequestedFor(urlPathEqualTo("/oauth/2026-03/token")));
        server.wireMock.verify(2, getRequestedFor(urlPathEqualTo("/crm/objects/2026-03/companies")));
    }
}
