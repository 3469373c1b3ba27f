package dev.ecosystem.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.DealStatus;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.spi.CrmChanges;
import dev.ecosystem.spi.ProviderException;
import dev.ecosystem.spi.QuotaExhaustedException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Rate limits, outages, timeouts and bad responses, stubbed as HubSpot sends them. */
class HubSpotCrmFailureTest {
    private static final CompanyId TENANT = CompanyId.of("tenant");
    private static final String COMPANIES = "/crm/v3/objects/companies";
    private static final String TEN_SECONDLY = "{\"status\":\"error\",\"message\":\"You have reached your "
            + "ten_secondly_rolling limit.\",\"errorType\":\"RATE_LIMIT\",\"correlationId\":"
            + "\"c93e06a4-7d61-4c3e-b63f-edf486fc6e90\",\"policyName\":\"TEN_SECONDLY_ROLLING\"}";
    private static final String DAILY = "{\"status\":\"error\",\"message\":\"You have reached your daily limit.\","
            + "\"errorType\":\"RATE_LIMIT\",\"correlationId\":\"d1\",\"policyName\":\"DAILY\"}";
    private static PortalServer server;

    @BeforeAll
    static void startServer() {
        server = new PortalServer();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void loadPortal() {
        server.reset();
        List<FakePortal.Company> companies = new ArrayList<>();
        for (int i = 1; i <= 250; i++) {
            companies.add(new FakePortal.Company(Integer.toString(100 + i), "Company " + i, "c" + i + ".example.com",
                    "lead", Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i)));
        }
        server.portal.load(companies, List.of(new FakePortal.Deal("900", "Deal", "360000", null, "custom-stage",
                LocalDate.of(2026, 5, 1), Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-02T00:00:00Z"), List.of("101"))));
        server.portal.failEvery(0);
        server.portal.resetCalls();
    }

    @Test
    @DisplayName("A ten-second 429 waits the interval HubSpot names, then the call succeeds")
    void tenSecondLimit_waitsTheIntervalThenSucceeds() {
        stubOnceThenPortal(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                .withHeader("X-HubSpot-RateLimit-Interval-Milliseconds", "10000").withBody(TEN_SECONDLY));
        HubSpotCrm crm = server.connector(TENANT).build();

        Page<Account> page = crm.accounts(PageRequest.first(100));

        assertThat(page.items()).hasSize(100);
        assertThat(server.time.totalSlept()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    @DisplayName("The daily 429 stops with a quota error whose resume checkpoint continues the sync where it stopped")
    void dailyLimit_throwsQuotaErrorWithResumeCheckpoint() {
        HubSpotCrm crm = server.connector(TENANT).build();
        Page<Account> first = crm.accounts(PageRequest.first(100));
        server.wireMock.stubFor(get(urlPathEqualTo(COMPANIES)).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withBody(DAILY)));

        QuotaExhaustedException quota = catchThrowableOfType(QuotaExhaustedException.class,
                () -> crm.accounts(PageRequest.after(first.nextCursor(), 100)));

        assertThat(quota.status()).isEqualTo(429);
        assertThat(quota.requestId()).isEqualTo("d1");
        assertThat(quota.resumeCheckpoint()).isEqualTo(first.nextCursor());
        assertThat(server.time.totalSlept()).isZero();
        server.stubPortal();
        Page<Account> resumed = crm.accounts(PageRequest.after(quota.resumeCheckpoint(), 100));
        assertThat(resumed.items().get(0).name()).isEqualTo("Company 101");
    }

    @Test
    @DisplayName("The daily 429 during incremental sync carries a checkpoint that resumes the same pass")
    void dailyLimit_duringChanges_resumesFromCheckpoint() {
        HubSpotCrm crm = server.connector(TENANT).build();
        CrmChanges first = crm.changesSince(null, 200);
        server.wireMock.stubFor(post(urlPathEqualTo(COMPANIES + "/search")).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withBody(DAILY)));

        QuotaExhaustedException quota = catchThrowableOfType(QuotaExhaustedException.class,
                () -> crm.changesSince(first.checkpoint(), 200));
        server.stubPortal();
        CrmChanges resumed = crm.changesSince(quota.resumeCheckpoint(), 200);

        assertThat(first.accounts()).hasSize(200);
        assertThat(resumed.accounts()).hasSize(50);
        assertThat(resumed.accounts().get(0).name()).isEqualTo("Company 201");
    }

    @Test
    @DisplayName("Search's secondly 429 pauses searches for a second, then continues")
    void searchSecondlyLimit_waitsASecond() {
        server.wireMock.stubFor(post(urlPathEqualTo(COMPANIES + "/search")).inScenario("s")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("served")
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withBody("{\"status\":\"error\",\"message\":\"You have reached your secondly limit.\","
                                + "\"errorType\":\"RATE_LIMIT\",\"correlationId\":\"s1\",\"policyName\":\"SECONDLY\"}")));
        HubSpotCrm crm = server.connector(TENANT).build();

        CrmChanges changes = crm.changesSince(null, 10);

        assertThat(changes.accounts()).hasSize(10);
        assertThat(server.time.totalSlept()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    @DisplayName("When the rate-limit headers say the shared budget is nearly gone, calls slow to the sustained rate")
    void lowRemainingBudget_slowsCallsDown() {
        server.wireMock.stubFor(get(urlPathEqualTo(COMPANIES)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withHeader("X-HubSpot-RateLimit-Max", "100").withHeader("X-HubSpot-RateLimit-Remaining", "3")
                .withHeader("X-HubSpot-RateLimit-Interval-Milliseconds", "10000")
                .withBody("{\"results\":[{\"id\":\"1\",\"properties\":{\"name\":\"A\"}}],"
                        + "\"paging\":{\"next\":{\"after\":\"1\"}}}")));
        HubSpotCrm crm = server.connector(TENANT).build();

        crm.accounts(PageRequest.first(10));
        assertThat(server.time.totalSlept()).isZero();
        crm.accounts(PageRequest.first(10));
        crm.accounts(PageRequest.first(10));

        assertThat(server.time.sleeps()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(100));
    }

    @Test
    @DisplayName("When the headers say nothing is left, the next call waits for the window to roll by")
    void exhaustedBudget_waitsForTheWindow() {
        server.wireMock.stubFor(get(urlPathEqualTo(COMPANIES)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withHeader("X-HubSpot-RateLimit-Max", "100").withHeader("X-HubSpot-RateLimit-Remaining", "0")
                .withHeader("X-HubSpot-RateLimit-Interval-Milliseconds", "10000")
                .withBody("{\"results\":[]}")));
        HubSpotCrm crm = server.connector(TENANT).build();

        crm.accounts(PageRequest.first(10));
        crm.accounts(PageRequest.first(10));

        assertThat(server.time.sleeps()).containsExactly(Duration.ofSeconds(10));
    }

    @Test
    @DisplayName("A 5xx storm is retried with growing jittered backoff, then fails as retryable with the status")
    void serverErrorStorm_retriesWithBackoffThenFails() {
        server.wireMock.stubFor(get(urlPathEqualTo(COMPANIES)).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json").withHeader("X-HubSpot-Correlation-Id", "c-503")
                .withBody("{\"status\":\"error\",\"message\":\"Service Unavailable\",\"category\":\"SERVICE_UNAVAILABLE\"}")));
        HubSpotCrm crm = server.connector(TENANT).http(h -> h.maxAttempts(4)).build();

        ProviderException failure = catchThrowableOfType(ProviderException.class,
                () -> crm.accounts(PageRequest.first(10)));

        assertThat(failure.status()).isEqualTo(503);
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.requestId()).isEqualTo("c-503");
        assertThat(failure).isExactlyInstanceOf(ProviderException.class).hasNoCause();
        server.wireMock.verify(4, getRequestedFor(urlPathEqualTo(COMPANIES)));
        List<Duration> sleeps = server.time.sleeps();
        assertThat(sleeps).hasSize(3);
        assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(750));
        assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1500));
        assertThat(sleeps.get(2)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(3000));
    }

    @Test
    @DisplayName("After repeated failures the circuit opens: calls fail fast without reaching HubSpot, then recover")
    void repeatedFailures_openTheCircuit_thenItRecovers() {
        server.wireMock.stubFor(get(urlPathEqualTo(COMPANIES)).willReturn(aResponse().withStatus(502)));
        HubSpotCrm crm = server.connector(TENANT).http(h -> h.maxAttempts(5)).build();
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> crm.accounts(PageRequest.first(10))).isInstanceOf(ProviderException.class);
        }
        int sent = server.wireMock.getAllServeEvents().size();

        assertThatThrownBy(() -> crm.accounts(PageRequest.first(10)))
                .isInstanceOf(ProviderException.class).hasMessageContaining("circuit breaker");
        assertThat(server.wireMock.getAllServeEvents()).hasSize(sent);

        server.stubPortal();
        server.time.advance(Duration.ofSeconds(31));
        assertThat(crm.accounts(PageRequest.first(10)).items()).hasSize(10);
    }

    @Test
    @DisplayName("A slow response times out and is retried; a portal that stays slow fails with status 0")
    void slowResponses_timeOutAndAreRetried() {
        server.wireMock.stubFor(get(urlPathEqualTo(COMPANIES)).willReturn(aResponse().withStatus(200)
                .withFixedDelay(1500).withHeader("Content-Type", "application/json").withBody("{\"results\":[]}")));
        HubSpotCrm crm = server.connector(TENANT).http(h -> h.timeout(Duration.ofMillis(150)).maxAttempts(2)).build();

        ProviderException failure = catchThrowableOfType(ProviderException.class,
                () -> crm.accounts(PageRequest.first(10)));

        assertThat(failure.status()).isZero();
        assertThat(failure.retryable()).isTrue();
        assertThat(failure).hasMessageContaining("timed out");
        server.wireMock.verify(2, getRequestedFor(urlPathEqualTo(COMPANIES)));
    }

    @Test
    @DisplayName("Malformed JSON fails as a provider error; nothing from Jackson leaks")
    void malformedJson_failsAsProviderError() {
        server.wireMock.stubFor(get(urlPathEqualTo(COMPANIES)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"results\":[{\"id\":\"1\",")));
        HubSpotCrm crm = server.connector(TENANT).build();

        ProviderException failure = catchThrowableOfType(ProviderException.class,
                () -> crm.accounts(PageRequest.first(10)));

        assertThat(failure).hasNoCause().hasMessageContaining("not HubSpot's documented JSON");
        assertThat(failure.retryable()).isFalse();
    }

    @Test
    @DisplayName("A permanent 4xx is not retried and carries status and correlation id")
    void validationError_isNotRetried() {
        server.wireMock.stubFor(get(urlPathEqualTo(COMPANIES)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"status\":\"error\",\"message\":"
                        + "\"Invalid input\",\"errors\":[{\"message\":\"bad\",\"in\":\"name\"}],"
                        + "\"category\":\"VALIDATION_ERROR\",\"correlationId\":\"a43683b0\"}")));
        HubSpotCrm crm = server.connector(TENANT).build();

        ProviderException failure = catchThrowableOfType(ProviderException.class,
                () -> crm.accounts(PageRequest.first(10)));

        assertThat(failure.status()).isEqualTo(400);
        assertThat(failure.requestId()).isEqualTo("a43683b0");
        assertThat(failure.retryable()).isFalse();
        assertThat(failure).hasMessageContaining("VALIDATION_ERROR");
        server.wireMock.verify(1, getRequestedFor(urlPathEqualTo(COMPANIES)));
        assertThat(server.time.sleeps()).isEmpty();
    }

    @Test
    @DisplayName("A revoked static token fails once with 401 and a clear message")
    void revokedStaticToken_failsWith401() {
        server.wireMock.stubFor(get(urlPathEqualTo(COMPANIES)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"status\":\"error\",\"message\":"
                        + "\"Authentication credentials not found.\",\"category\":\"INVALID_AUTHENTICATION\","
                        + "\"correlationId\":\"x401\"}")));
        HubSpotCrm crm = server.connector(TENANT).build();

        ProviderException failure = catchThrowableOfType(ProviderException.class,
                () -> crm.accounts(PageRequest.first(10)));

        assertThat(failure.status()).isEqualTo(401);
        assertThat(failure.requestId()).isEqualTo("x401");
        assertThat(failure).hasMessageContaining("INVALID_AUTHENTICATION").hasMessageNotContaining("pat-na1");
        server.wireMock.verify(1, getRequestedFor(urlPathEqualTo(COMPANIES)));
    }

    @Test
    @DisplayName("A stage missing from the cached pipelines reloads them; stages also refresh after the cache TTL")
    void unknownStage_reloadsPipelines() {
        HubSpotCrm crm = server.connector(TENANT).stageCacheTtl(Duration.ofMinutes(10)).build();
        server.portal.stage("custom-stage", "true", "1.0");
        // The first read loads pipelines (already knowing the stage); make it unknown, then add it.
        assertThat(crm.deals(PageRequest.first(10)).items().get(0).status()).isEqualTo(DealStatus.WON);
        server.portal.stage("custom-stage", "true", "0.0");
        assertThat(crm.deals(PageRequest.first(10)).items().get(0).status()).as("cached").isEqualTo(DealStatus.WON);

        server.time.advance(Duration.ofMinutes(11));

        assertThat(crm.deals(PageRequest.first(10)).items().get(0).status()).isEqualTo(DealStatus.LOST);
        assertThat(server.portal.calls(c -> c.path().endsWith("/pipelines/deals"))).isEqualTo(2);
    }

    @Test
    @DisplayName("A deal in a stage added after the pipelines were cached makes the connector reload them")
    void stageAddedLater_isFoundByReload() {
        HubSpotCrm crm = server.connector(TENANT).build();
        crm.changesSince(null, 1);
        assertThat(crm.deals(PageRequest.first(10)).items().get(0).status()).as("unknown: hs_is_closed fallback")
                .isEqualTo(DealStatus.OPEN);
        server.portal.stage("custom-stage", "true", "0.0");
        server.time.advance(Duration.ofMinutes(2));

        assertThat(crm.deals(PageRequest.first(10)).items().get(0).status()).isEqualTo(DealStatus.LOST);
    }

    private static void stubOnceThenPortal(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder first) {
        server.wireMock.stubFor(get(urlPathEqualTo(COMPANIES)).inScenario("once")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("served").willReturn(first));
    }
}
