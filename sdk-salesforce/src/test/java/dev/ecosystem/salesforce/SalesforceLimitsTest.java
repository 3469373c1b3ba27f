package dev.ecosystem.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.spi.CrmChanges;
import dev.ecosystem.spi.ProviderException;
import dev.ecosystem.spi.QuotaExhaustedException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The daily allocation, the quota error, retried faults, timeouts and the errors that are not retried. */
class SalesforceLimitsTest extends OrgTestSupport {
    private static final String QUERY = "/services/data/v" + FakeOrg.VERSION + "/query";

    @BeforeEach
    void load() {
        server.reset();
        Fixtures.accounts(server.org, 500, 10);
    }

    @Test
    void belowTheSlowDownShare_callsGoOutWithoutWaiting() {
        server.org.setApiUsage(10_018, 100_000);
        SalesforceCrm crm = server.connector(TENANT).build();

        readPages(crm, 50);

        assertThat(server.time.sleeps()).isEmpty();
    }

    @Test
    void pastTheSlowDownShare_callsAreSpacedAtTheAllocationsSustainedRate() {
        server.org.setApiUsage(85_000, 100_000);
        SalesforceCrm crm = server.connector(TENANT).build();

        readPages(crm, 50);

        // The first response tells the usage; every later call waits 24 h / 100,000 = 864 ms.
        assertThat(server.time.sleeps()).hasSizeGreaterThanOrEqualTo(9)
                .allMatch(sleep -> sleep.compareTo(Duration.ofMillis(864)) <= 0 && !sleep.isNegative());
        assertThat(server.time.sleeps().stream().reduce(Duration.ZERO, Duration::plus))
                .isGreaterThanOrEqualTo(Duration.ofMillis(864 * 8));
    }

    @Test
    void pastTheStopShare_noCallIsSent_andTheQuotaErrorSaysWhenToResume() {
        server.org.setApiUsage(96_000, 100_000);
        SalesforceCrm crm = server.connector(TENANT).build();
        crm.accounts(PageRequest.first(50));
        long calls = server.org.calls(call -> call.path().startsWith("/services/data/"));

        assertThatThrownBy(() -> crm.accounts(PageRequest.first(50)))
                .isInstanceOfSatisfying(QuotaExhaustedException.class, e -> {
                    assertThat(e.retryAfter()).isEqualTo(server.time.instant().plus(Duration.ofHours(1)));
                    assertThat(e.resumeCheckpoint()).isNotNull();
                })
                .hasMessageContaining("96001 of its 100000");
        assertThat(server.org.calls(call -> call.path().startsWith("/services/data/"))).isEqualTo(calls);
    }

    @Test
    void requestLimitExceeded_isTheQuotaError_andTheCheckpointResumesWithoutLoss() {
        SalesforceCrm crm = server.connector(TENANT).build();
        Set<String> seen = new HashSet<>();
        CrmChanges first = crm.changesSince(null, 200);
        first.accounts().forEach(a -> seen.add(a.id().value()));
        server.org.limitExceeded = true;

        QuotaExhaustedException quota = org.assertj.core.api.Assertions.catchThrowableOfType(
                QuotaExhaustedException.class, () -> crm.changesSince(first.checkpoint(), 200));

        assertThat(quota.status()).isEqualTo(403);
        assertThat(quota.getMessage()).contains("REQUEST_LIMIT_EXCEEDED");
        assertThat(quota.retryAfter()).isAfter(server.time.instant());
        assertThat(quota.resumeCheckpoint()).isEqualTo(first.checkpoint());
        server.org.limitExceeded = false;
        server.time.advance(Duration.ofHours(2));
        String checkpoint = quota.resumeCheckpoint();
        CrmChanges changes;
        do {
            changes = crm.changesSince(checkpoint, 200);
            changes.accounts().forEach(a -> seen.add(a.id().value()));
            checkpoint = changes.checkpoint();
        } while (changes.hasMore());
        assertThat(seen).hasSize(500);
    }

    @Test
    void transientFaults_areRetriedWithBackoff() {
        server.org.failEvery(2);
        SalesforceCrm crm = server.connector(TENANT).build();

        Set<AccountId> seen = new HashSet<>();
        String cursor = null;
        do {
            var page = crm.accounts(PageRequest.after(cursor, 100));
            page.items().forEach(a -> assertThat(seen.add(a.id())).isTrue());
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(seen).hasSize(500);
        assertThat(server.org.failuresInjected()).isGreaterThanOrEqualTo(5);
        assertThat(server.time.sleeps()).isNotEmpty()
                .allMatch(sleep -> sleep.compareTo(Duration.ofSeconds(30)) <= 0);
    }

    @Test
    void aCallThatTimesOut_isRetried() {
        server.wireMock.stubFor(get(urlPathEqualTo(QUERY)).atPriority(1).inScenario("slow")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willSetStateTo("fast")
                .willReturn(aResponse().withFixedDelay(1000).withStatus(200).withBody("{}")));
        SalesforceCrm crm = server.connector(TENANT)
                .http(h -> h.timeout(Duration.ofMillis(200)).callTimeout(Duration.ofMillis(300))).build();

        assertThat(crm.accounts(PageRequest.first(20)).items()).hasSize(20);
        assertThat(server.time.sleeps()).hasSize(1);
    }

    @Test
    void aLockErrorThatPersists_givesUpAfterMaxAttempts() {
        queryAnswers(400, "[{\"message\":\"unable to obtain exclusive access to this record\","
                + "\"errorCode\":\"UNABLE_TO_LOCK_ROW\",\"fields\":[]}]");
        SalesforceCrm crm = server.connector(TENANT).http(h -> h.maxAttempts(3)).build();

        assertThatThrownBy(() -> crm.accounts(PageRequest.first(20)))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retryable()).isTrue())
                .hasMessageContaining("UNABLE_TO_LOCK_ROW").hasMessageContaining("gave up after 3 attempts");
        assertThat(server.time.sleeps()).hasSize(2);
    }

    @Test
    void otherErrors_nameTheObjectTheSoqlAndTheErrorCode_andAreNotRetried() {
        queryAnswers(400, "[{\"message\":\"\\nSELECT Id, Name, Website, Partner_Tier__c FROM Account\\n       "
                + "^\\nERROR at Row:1:Column:30\\nNo such column 'Partner_Tier__c' on entity 'Account'.\","
                + "\"errorCode\":\"INVALID_FIELD\"}]");
        SalesforceCrm crm = server.connector(TENANT).accountFields("Partner_Tier__c").build();

        assertThatThrownBy(() -> crm.accounts(PageRequest.first(20)))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.retryable()).isFalse();
                })
                .hasMessageContaining("query Account").hasMessageContaining("SOQL: SELECT Id, Name")
                .hasMessageContaining("errorCode INVALID_FIELD");
        assertThat(server.time.sleeps()).isEmpty();
    }

    /** Every query is answered with this status and (Salesforce error array) body. */
    private static void queryAnswers(int status, String body) {
        server.wireMock.stubFor(get(urlPathEqualTo(QUERY)).atPriority(1).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json;charset=UTF-8").withBody(body)));
    }

    private static void readPages(SalesforceCrm crm, int size) {
        String cursor = null;
        do {
            var page = crm.accounts(PageRequest.after(cursor, size));
            cursor = page.nextCursor();
        } while (cursor != null);
    }
}
