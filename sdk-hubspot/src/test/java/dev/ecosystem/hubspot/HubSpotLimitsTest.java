package dev.ecosystem.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.spi.CrmChanges;
import dev.ecosystem.spi.ProviderException;
import dev.ecosystem.spi.QuotaExhaustedException;
import dev.ecosystem.testkit.RecordingTelemetry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 17: search pacing shared by a portal's connectors, search 429s, the daily reset, the whole-call timeout. */
class HubSpotLimitsTest {
    private static final int COMPANIES = 1_000;
    private static final int DEALS = 400;
    private static final String COMPANIES_PATH = "/crm/v3/objects/companies";
    private static final String DAILY = "{\"status\":\"error\",\"message\":\"You have reached your daily limit.\","
            + "\"errorType\":\"RATE_LIMIT\",\"correlationId\":\"d2\",\"policyName\":\"DAILY\"}";
    private static PortalServer server;
    private static int tenants;

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
        for (int i = 1; i <= COMPANIES; i++) {
            companies.add(new FakePortal.Company(Long.toString(1_000 + i), "Company " + i, "c" + i + ".example.com",
                    null, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i)));
        }
        List<FakePortal.Deal> deals = new ArrayList<>();
        for (int i = 1; i <= DEALS; i++) {
            deals.add(new FakePortal.Deal(Long.toString(9_000 + i), "Deal " + i, "10", "USD", "won",
                    LocalDate.of(2026, 1, 1), Instant.parse("2025-01-01T00:00:00Z"),
                    Instant.parse("2026-02-01T00:00:00Z").plusSeconds(i), List.of(Long.toString(1_000 + i))));
        }
        server.portal.load(companies, deals);
        server.portal.resetCalls();
    }

    /** A tenant no other test used, so that no search budget is shared between tests. */
    private static CompanyId freshTenant() {
        return CompanyId.of("limits-tenant-" + ++tenants);
    }

    @Test
    @DisplayName("Six connectors of one portal on a node share one search budget below HubSpot's 5 a second and "
            + "draw no 429")
    void sixConnectorsOfOnePortal_shareTheSearchBudget_andDrawNo429s() {
        server.portal.enforceSearchLimit(5);
        CompanyId tenant = freshTenant();
        List<HubSpotCrm> connectors = new ArrayList<>();
        List<@Nullable String> checkpoints = new ArrayList<>();
        List<Set<AccountId>> accounts = new ArrayList<>();
        List<Set<DealId>> deals = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            connectors.add(server.connector(tenant).build());
            checkpoints.add(null);
            accounts.add(new HashSet<>());
            deals.add(new HashSet<>());
        }
        Set<Integer> running = new HashSet<>(List.of(0, 1, 2, 3, 4, 5));

        while (!running.isEmpty()) {
            for (int i = 0; i < 6; i++) {
                if (running.contains(i)) {
                    CrmChanges changes = connectors.get(i).changesSince(checkpoints.get(i), 400);
                    accounts.get(i).addAll(changes.accounts().stream().map(account -> account.id()).toList());
                    deals.get(i).addAll(changes.deals().stream().map(deal -> deal.id()).toList());
                    checkpoints.set(i, changes.checkpoint());
                    if (!changes.hasMore()) {
                        running.remove(i);
                    }
                }
            }
        }

        assertThat(accounts).allSatisfy(read -> assertThat(read).hasSize(COMPANIES));
        assertThat(deals).allSatisfy(read -> assertThat(read).hasSize(DEALS));
        assertThat(server.portal.searchesLimited()).as("search 429s").isZero();
        List<Instant> searches = server.portal.calls().stream().filter(c -> c.path().endsWith("/search"))
                .map(FakePortal.Call::at).toList();
        assertThat(searches).hasSizeGreaterThanOrEqualTo(6 * (COMPANIES + DEALS) / 200);
        for (int i = 1; i < searches.size(); i++) {
            assertThat(Duration.between(searches.get(i - 1), searches.get(i))).as("gap before search %d", i)
                    .isGreaterThanOrEqualTo(Duration.ofMillis(250));
        }
    }

    @Test
    @DisplayName("Connectors of different tenants on one portal share a budget the host passes, at the rate it sets")
    void explicitBudget_isSharedAtItsRate() {
        HubSpotCrm.SearchBudget portal = HubSpotCrm.SearchBudget.create(HubSpotCrm.SearchBudget.DEFAULT_PER_SECOND / 2);
        HubSpotCrm first = server.connector(freshTenant()).searchBudget(portal).build();
        HubSpotCrm second = server.connector(freshTenant()).searchBudget(portal).build();

        first.changesSince(null, 200);
        second.changesSince(null, 200);
        first.changesSince(null, 200);

        List<Instant> searches = server.portal.calls().stream().filter(c -> c.path().endsWith("/search"))
                .map(FakePortal.Call::at).toList();
        assertThat(searches).hasSize(3);
        assertThat(Duration.between(searches.get(0), searches.get(2))).isEqualTo(Duration.ofMillis(1_000));
        assertThatThrownBy(() -> HubSpotCrm.SearchBudget.create(5.5)).isInstanceOf(ValidationException.class)
                .hasMessage("perSecond must be more than 0 and at most 5.0 (HubSpot's search limit per account), "
                        + "but was 5.5");
    }

    @Test
    @DisplayName("The http settings' attempts are limited to 10, named in the builder's message")
    void builder_moreThanTenAttempts_isRefused() {
        assertThatThrownBy(() -> HubSpotCrm.builder().tenant(CompanyId.of("acme")).accessToken("token")
                .http(h -> h.maxAttempts(11)).build())
                .isInstanceOf(ValidationException.class).hasMessage("maxAttempts must be between 1 and 10, but was 11");
    }

    @Test
    @DisplayName("Telemetry hears every answer of the API with its status: each 429 and each success")
    void telemetry_countsCallsAnd429s() {
        server.portal.rejectSearches(3);
        RecordingTelemetry telemetry = new RecordingTelemetry();
        HubSpotCrm crm = server.connector(freshTenant()).telemetry(telemetry).build();

        CrmChanges changes = crm.changesSince(null, 10);

        assertThat(changes.accounts()).isNotEmpty();
        assertThat(telemetry.calls()).filteredOn(call -> call.equals("hubspot 429")).hasSize(3);
        assertThat(telemetry.calls()).contains("hubspot 200").allMatch(call -> call.startsWith("hubspot "));
    }

    @Test
    @DisplayName("Search 429s are waited out with growing pauses however many come, and the sync completes")
    void manySearch429s_areWaitedOut_andTheSyncCompletes() {
        server.portal.rejectSearches(9);
        HubSpotCrm crm = server.connector(freshTenant()).build();

        Set<AccountId> read = new HashSet<>();
        @Nullable String checkpoint = null;
        CrmChanges changes;
        do {
            changes = crm.changesSince(checkpoint, 1000);
            changes.accounts().forEach(account -> read.add(account.id()));
            checkpoint = changes.checkpoint();
        } while (changes.hasMore());

        assertThat(read).hasSize(COMPANIES);
        assertThat(server.portal.searchesLimited()).isEqualTo(9);
        assertThat(server.time.sleeps()).contains(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(8), Duration.ofSeconds(10));
    }

    @Test
    @DisplayName("Search 429s that last past the rate-limit deadline fail as retryable, naming the deadline")
    void search429sPastTheDeadline_failRetryable() {
        server.portal.rejectSearches(100_000);
        HubSpotCrm crm = server.connector(freshTenant()).rateLimitDeadline(Duration.ofMinutes(2)).build();

        ProviderException failure = catchThrowableOfType(ProviderException.class, () -> crm.changesSince(null, 100));

        assertThat(failure.status()).isEqualTo(429);
        assertThat(failure.retryable()).isTrue();
        assertThat(failure).hasMessageContaining("rateLimitDeadline").hasMessageContaining("SECONDLY");
        assertThat(server.time.totalSlept()).isBetween(Duration.ofMinutes(2), Duration.ofMinutes(2).plusSeconds(10));
    }

    @Test
    @DisplayName("The daily limit's quota error says it resets at the next midnight in the portal's time zone")
    void dailyLimit_retryAfterIsMidnightInThePortalTimeZone() {
        server.time.set(Instant.parse("2026-06-01T23:30:00Z"));
        server.wireMock.stubFor(get(urlPathEqualTo(COMPANIES_PATH)).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withBody(DAILY)));
        HubSpotCrm newYork = server.connector(freshTenant()).portalTimeZone(ZoneId.of("America/New_York")).build();
        HubSpotCrm unknownZone = server.connector(freshTenant()).build();

        QuotaExhaustedException quota = catchThrowableOfType(QuotaExhaustedException.class,
                () -> newYork.accounts(PageRequest.first(100)));
        QuotaExhaustedException conservative = catchThrowableOfType(QuotaExhaustedException.class,
                () -> unknownZone.accounts(PageRequest.first(100)));

        assertThat(quota.retryAfter()).isEqualTo(Instant.parse("2026-06-02T04:00:00Z"));
        assertThat(quota.resumeCheckpoint()).isNotNull();
        // Without the zone: the latest next midnight of any zone (UTC+1 here, just past midnight), never too early.
        assertThat(conservative.retryAfter()).isEqualTo(Instant.parse("2026-06-02T23:00:00Z"));
    }

    @Test
    @DisplayName("A response trickled byte by byte is cut off at the whole-call timeout as a retryable failure")
    void trickledResponse_endsAtTheCallTimeout() {
        server.wireMock.stubFor(get(urlPathEqualTo(COMPANIES_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"results\":[]}")
                .withChunkedDribbleDelay(14, 5_000)));
        HubSpotCrm crm = server.connector(freshTenant()).http(h -> h.callTimeout(Duration.ofMillis(300)).maxAttempts(1)).build();

        ProviderException failure = catchThrowableOfType(ProviderException.class,
                () -> crm.accounts(PageRequest.first(10)));

        assertThat(failure.status()).isZero();
        assertThat(failure.retryable()).isTrue();
        assertThat(failure).hasMessageContaining("timed out");
    }
}
