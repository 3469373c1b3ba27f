package dev.ecosystem.intro;

import static dev.ecosystem.intro.IntroFixture.ACME;
import static dev.ecosystem.intro.IntroFixture.GLOBEX;
import static dev.ecosystem.intro.IntroFixture.adaToBob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.memory.InMemoryCrm;
import dev.ecosystem.memory.InMemoryPartnerStore;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.IdealPartnerProfile;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.spi.CrmConnections;
import dev.ecosystem.spi.ProviderException;
import dev.ecosystem.spi.Telemetry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the client reports to its {@link Telemetry}: searches, CRM syncs and sends, with their outcome. */
class TelemetryTest {
    private final IntroFixture f = new IntroFixture(InMemoryPartnerStore.create(), UnaryOperator.identity());
    private final Recording telemetry = new Recording();
    private final EcosystemClient client = EcosystemClient.builder()
            .store(f.store).mailer(f.mailer).clock(f.clock).intros(f.settings)
            .crm(CrmConnections.of(InMemoryCrm.of(ACME, List.of(), List.of())))
            .changePollInterval(Duration.ofHours(1))
            .telemetry(telemetry)
            .build();

    record Ended(Telemetry.Operation operation, String provider, @Nullable Throwable failure) {
    }

    static final class Recording implements Telemetry {
        final List<Ended> ended = new CopyOnWriteArrayList<>();

        @Override
        public Span start(Operation operation, String provider) {
            return failure -> ended.add(new Ended(operation, provider, failure));
        }

        @Override
        public void providerCall(String provider, int status) {
        }
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    @DisplayName("A search and an evaluation are each one SEARCH span; a failing one ends with its failure")
    void search_isTimed() {
        IdealPartnerProfile profile = IdealPartnerProfile.builder(PartnerType.REFERRAL).preferBusiness("billing", 1)
                .build();

        client.as(ACME).navigator().search(profile, PageRequest.first(10));
        client.as(ACME).navigator().evaluate(profile, GLOBEX);
        assertThatThrownBy(() -> client.as(ACME).navigator().evaluate(profile, CompanyId.of("co-nobody")))
                .isInstanceOf(NotFoundException.class);

        assertThat(telemetry.ended).extracting(Ended::operation).containsOnly(Telemetry.Operation.SEARCH);
        assertThat(telemetry.ended).extracting(Ended::provider).containsOnly("navigator");
        assertThat(telemetry.ended).hasSize(3);
        assertThat(telemetry.ended.get(0).failure()).isNull();
        assertThat(telemetry.ended.get(2).failure()).isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("A CRM sync is one CRM_SYNC span named by the connector's provider")
    void crmSync_isTimed() {
        client.as(ACME).overlaps().syncCrm();
        client.as(ACME).overlaps().syncChanges();

        assertThat(telemetry.ended).containsExactly(
                new Ended(Telemetry.Operation.CRM_SYNC, "in-memory", null),
                new Ended(Telemetry.Operation.CRM_SYNC, "in-memory", null));
    }

    @Test
    @DisplayName("Every email handed to the mailer is one MAIL_SEND span named by the mailer's provider; a failed "
            + "send ends with the mailer's failure")
    void send_isTimed() {
        ProviderException refused = ProviderException.retryable("counting", 421, null, "try again later");
        f.mailer.failNext(refused);
        client.as(ACME).intros().request(adaToBob().build());

        client.intros().runDue(f.clock.instant());
        client.intros().runDue(f.clock.instant().plus(Duration.ofMinutes(5)));

        assertThat(telemetry.ended).containsExactly(
                new Ended(Telemetry.Operation.MAIL_SEND, "counting", refused),
                new Ended(Telemetry.Operation.MAIL_SEND, "counting", null));
    }

    @Test
    @DisplayName("changeFeedLag grows with the time since the follower last reached the feed's end, and a catch-up "
            + "brings it back to zero")
    void changeFeedLag_sinceLastCaughtUp() {
        assertThat(client.changeFeedLag()).isZero();

        f.clock.advance(Duration.ofSeconds(42));
        assertThat(client.changeFeedLag()).isEqualTo(Duration.ofSeconds(42));

        client.catchUp();
        assertThat(client.changeFeedLag()).isZero();
    }
}
