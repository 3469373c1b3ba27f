package dev.ecosystem.overlap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.error.ConflictException;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.event.EcosystemEvent;
import dev.ecosystem.memory.InMemoryCrm;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.CrmWriteBack;
import dev.ecosystem.model.CrmWriteBackStatus;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.TouchpointId;
import dev.ecosystem.spi.CrmChanges;
import dev.ecosystem.spi.CrmConnector;
import dev.ecosystem.spi.ProviderException;
import dev.ecosystem.spi.QuotaExhaustedException;
import dev.ecosystem.spi.ReauthorizationRequiredException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Partner sources written back to a tenant's CRM from the durable queue: retries, parking, retry by the host. */
class CrmWriteBackTest {
    private static final CompanyId ACME = CompanyId.of("acme");
    private static final CompanyId PARTNER = CompanyId.of("globex");
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    /** A CRM with write-back that records each call and fails the next calls as told. */
    private static final class RecordingCrm implements CrmConnector {
        final InMemoryCrm crm = InMemoryCrm.of(ACME, List.<Account>of(), List.<Deal>of());
        final List<String> written = new ArrayList<>();
        final Deque<RuntimeException> failures = new ArrayDeque<>();
        boolean writeBack = true;

        @Override
        public String provider() {
            return "recording";
        }

        @Override
        public CompanyId tenant() {
            return ACME;
        }

        @Override
        public Page<Account> accounts(PageRequest page) {
            return crm.accounts(page);
        }

        @Override
        public Page<Deal> deals(PageRequest page) {
            return crm.deals(page);
        }

        @Override
        public CrmChanges changesSince(@Nullable String checkpoint, int limit) {
            return crm.changesSince(checkpoint, limit);
        }

        @Override
        public boolean supportsWriteBack() {
            return writeBack;
        }

        @Override
        public void recordPartnerSource(DealId deal, CompanyId partner, String partnerName) {
            RuntimeException failure = failures.poll();
            if (failure != null) {
                throw failure;
            }
            written.add(deal + "=" + partner + "/" + partnerName);
        }
    }

    private final RecordingCrm crm = new RecordingCrm();
    private final List<EcosystemEvent> events = new ArrayList<>();
    private final EcosystemClient client = EcosystemClient.builder()
            .crm(tenant -> crm)
            .eventListener(events::add)
            .overlapSettings(OverlapSettings.builder().partnerSourceWriteBack(true).build())
            .build();

    private void queue(String id, Instant due) {
        client.store().useTransaction(tx -> tx.crmWriteBacks().enqueue(CrmWriteBack.pending(TouchpointId.of(id),
                ACME, DealId.of("deal-" + id), PARTNER, "Globex", due)));
    }

    private CrmWriteBack stored(String id) {
        CrmWriteBack entry = client.store().inTransaction(tx -> tx.crmWriteBacks().get(ACME, TouchpointId.of(id)));
        assertThat(entry).as("write-back " + id).isNotNull();
        return entry;
    }

    @Test
    @DisplayName("runDue writes each due partner source once through the tenant's connector and marks it done")
    void runDue_writesEachDueSourceOnce() {
        queue("t1", T0);
        queue("t2", T0);
        queue("later", T0.plusSeconds(600));

        assertThat(client.crmWriteBacks().runDue(T0)).isEqualTo(new CrmWriteBackOperations.Run(2, 0, 0));
        assertThat(client.crmWriteBacks().runDue(T0.plusSeconds(1))).isEqualTo(new CrmWriteBackOperations.Run(0, 0,
                0));

        assertThat(crm.written).containsExactly("deal-t1=globex/Globex", "deal-t2=globex/Globex");
        assertThat(stored("t1").status()).isEqualTo(CrmWriteBackStatus.DONE);
        assertThat(stored("later").status()).isEqualTo(CrmWriteBackStatus.PENDING);
        assertThat(events).extracting(EcosystemEvent::type).containsExactly("crm.write-back-done",
                "crm.write-back-done");
    }

    @Test
    @DisplayName("A server error is retried after a backoff that doubles; the write goes out once it succeeds")
    void serverError_isRetriedWithBackoff() {
        queue("t1", T0);
        crm.failures.add(ProviderException.retryable("recording", 503, "req-1", "unavailable"));
        crm.failures.add(ProviderException.retryable("recording", 502, "req-2", "bad gateway"));

        assertThat(client.crmWriteBacks().runDue(T0)).isEqualTo(new CrmWriteBackOperations.Run(0, 1, 0));
        assertThat(stored("t1").nextAttemptAt()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
        assertThat(stored("t1").lastError()).contains("unavailable");
        assertThat(client.crmWriteBacks().runDue(T0.plusSeconds(59)).retrying()).isZero();

        Instant second = T0.plus(Duration.ofMinutes(1));
        assertThat(client.crmWriteBacks().runDue(second).retrying()).isEqualTo(1);
        assertThat(stored("t1").nextAttemptAt()).isEqualTo(second.plus(Duration.ofMinutes(2)));

        assertThat(client.crmWriteBacks().runDue(second.plus(Duration.ofMinutes(2))).done()).isEqualTo(1);
        assertThat(crm.written).containsExactly("deal-t1=globex/Globex");
        assertThat(stored("t1").attempts()).isEqualTo(3);
    }

    @Test
    @DisplayName("A quota's retry-after is respected when it is later than the backoff")
    void quota_waitsForRetryAfter() {
        queue("t1", T0);
        Instant retryAfter = T0.plus(Duration.ofMinutes(30));
        crm.failures.add(new QuotaExhaustedException("recording", 429, null, retryAfter, null, "daily limit"));

        assertThat(client.crmWriteBacks().runDue(T0).retrying()).isEqualTo(1);

        assertThat(stored("t1").nextAttemptAt()).isEqualTo(retryAfter);
    }

    @Test
    @DisplayName("A refusal that will not change, or a revoked authorization, parks the write at once with an event")
    void permanentFailures_park() {
        queue("t1", T0);
        queue("t2", T0);
        crm.failures.add(ProviderException.refused("recording", 400, "req-1", "property hs_partner unknown"));
        crm.failures.add(new ReauthorizationRequiredException("recording", 401, "req-2", ACME, "token revoked"));

        assertThat(client.crmWriteBacks().runDue(T0)).isEqualTo(new CrmWriteBackOperations.Run(0, 0, 2));

        assertThat(client.crmWriteBacks().parked(ACME, PageRequest.first(10)).items())
                .extracting(CrmWriteBack::lastError).containsExactly("property hs_partner unknown", "token revoked");
        assertThat(events).extracting(EcosystemEvent::type).containsOnly("crm.write-back-parked");
        assertThat(crm.written).isEmpty();
    }

    @Test
    @DisplayName("A write that keeps failing is parked after 8 attempts")
    void repeatedFailures_parkAfterEightAttempts() {
        queue("t1", T0);
        for (int i = 0; i < 10; i++) {
            crm.failures.add(new IllegalStateException("connection reset"));
        }
        Instant now = T0;
        for (int attempt = 1; attempt < 8; attempt++) {
            assertThat(client.crmWriteBacks().runDue(now).retrying()).as("attempt " + attempt).isEqualTo(1);
            now = stored("t1").nextAttemptAt();
        }

        assertThat(client.crmWriteBacks().runDue(now).parked()).isEqualTo(1);

        assertThat(stored("t1").status()).isEqualTo(CrmWriteBackStatus.PARKED);
        assertThat(stored("t1").attempts()).isEqualTo(8);
        assertThat(stored("t1").lastError()).isEqualTo("IllegalStateException: connection reset");
    }

    @Test
    @DisplayName("A connector without write-back parks the write and says why")
    void connectorWithoutWriteBack_parks() {
        crm.writeBack = false;
        queue("t1", T0);

        assertThat(client.crmWriteBacks().runDue(T0).parked()).isEqualTo(1);

        assertThat(stored("t1").lastError()).isEqualTo("the recording CRM connector of acme does not support "
                + "write-back");
    }

    @Test
    @DisplayName("The host retries a parked write: it is due at once with its attempts counted afresh")
    void retry_makesParkedWriteDueAgain() {
        queue("t1", T0);
        crm.failures.add(ProviderException.refused("recording", 403, null, "forbidden"));
        client.crmWriteBacks().runDue(T0);

        CrmWriteBack again = client.crmWriteBacks().retry(ACME, TouchpointId.of("t1"));

        assertThat(again.status()).isEqualTo(CrmWriteBackStatus.PENDING);
        assertThat(again.attempts()).isZero();
        assertThat(client.crmWriteBacks().runDue(client.clock().instant()).done()).isEqualTo(1);
        assertThat(crm.written).containsExactly("deal-t1=globex/Globex");
    }

    @Test
    @DisplayName("Retrying a write that is not parked is a conflict; one the tenant does not have is not found")
    void retry_ofPendingOrUnknownWrite_isRefused() {
        queue("t1", T0);

        assertThatThrownBy(() -> client.crmWriteBacks().retry(ACME, TouchpointId.of("t1")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("PENDING");
        assertThatThrownBy(() -> client.crmWriteBacks().retry(PARTNER, TouchpointId.of("t1")))
                .isInstanceOf(NotFoundException.class);
        assertThat(stored("t1").status()).isEqualTo(CrmWriteBackStatus.PENDING);
    }
}
