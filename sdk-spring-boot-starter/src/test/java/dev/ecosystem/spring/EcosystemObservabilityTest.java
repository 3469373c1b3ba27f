package dev.ecosystem.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.memory.InMemoryPartnerStore;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.IdealPartnerProfile;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.spi.Mailer;
import dev.ecosystem.spi.PartnerStore;
import dev.ecosystem.spi.Telemetry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Meters, Observations and health of the starter. */
class EcosystemObservabilityTest {
    private static final IdealPartnerProfile BILLING = IdealPartnerProfile.builder(PartnerType.REFERRAL)
            .preferBusiness("billing", 1).build();

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                    EcosystemMetricsAutoConfiguration.class, EcosystemAutoConfiguration.class,
                    EcosystemHealthAutoConfiguration.class))
            .withPropertyValues(EcosystemAutoConfigurationTest.KEYS)
            .withBean(MeterRegistry.class, () -> meters);

    @Test
    @DisplayName("Searches and sends are timed by provider; failures are tagged with their error")
    void timers() {
        runner.run(context -> {
            assertThat(context.getBean(Telemetry.class)).isInstanceOf(MicrometerTelemetry.class);
            EcosystemClient client = context.getBean(EcosystemClient.class);
            SampleNetwork.seed(client);
            client.as(SampleNetwork.ACME).navigator().search(BILLING, PageRequest.first(10));
            assertThatThrownBy(() -> client.as(SampleNetwork.ACME).navigator().evaluate(BILLING,
                    CompanyId.of("nobody"))).isInstanceOf(NotFoundException.class);
            SampleNetwork.requestIntro(client, "bob");
            client.intros().runDue(client.clock().instant());

            assertThat(meters.get("ecosystem.search").tags("provider", "navigator", "error", "none").timer().count())
                    .isEqualTo(1);
            assertThat(meters.get("ecosystem.search").tags("error", "NotFoundException").timer().count())
                    .isEqualTo(1);
            assertThat(meters.get("ecosystem.mail.send").tags("provider", "in-memory", "error", "none").timer()
                    .count()).isEqualTo(1);
        });
    }

    @Test
    @DisplayName("With an ObservationRegistry, search, sync and send are Observations named like the timers")
    void observations() {
        List<String> observed = new CopyOnWriteArrayList<>();
        List<String> failed = new CopyOnWriteArrayList<>();
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }

            @Override
            public void onStop(Observation.Context context) {
                observed.add(context.getName() + " " + context.getLowCardinalityKeyValue("provider").getValue());
            }

            @Override
            public void onError(Observation.Context context) {
                failed.add(context.getName());
            }
        });
        runner.withBean(ObservationRegistry.class, () -> observations).run(context -> {
            EcosystemClient client = context.getBean(EcosystemClient.class);
            SampleNetwork.seed(client);
            client.as(SampleNetwork.ACME).navigator().search(BILLING, PageRequest.first(10));
            assertThatThrownBy(() -> client.as(SampleNetwork.ACME).navigator().evaluate(BILLING,
                    CompanyId.of("nobody"))).isInstanceOf(NotFoundException.class);
            SampleNetwork.requestIntro(client, "bob");
            client.intros().runDue(client.clock().instant());

            assertThat(observed).containsExactly("ecosystem.search navigator", "ecosystem.search navigator",
                    "ecosystem.mail.send in-memory");
            assertThat(failed).containsExactly("ecosystem.search");
        });
    }

    @Test
    @DisplayName("Provider calls are counted by provider and status, 429s on their own")
    void providerCalls() {
        MicrometerTelemetry telemetry = new MicrometerTelemetry(meters, null);
        telemetry.providerCall("hubspot", 200);
        telemetry.providerCall("hubspot", 429);
        telemetry.providerCall("gmail", 429);

        assertThat(meters.get("ecosystem.provider.calls").tags("provider", "hubspot").counters())
                .extracting(counter -> counter.getId().getTag("status") + "=" + counter.count())
                .containsExactlyInAnyOrder("200=1.0", "429=1.0");
        assertThat(meters.get("ecosystem.provider.rate.limited").tags("provider", "hubspot").counter().count())
                .isEqualTo(1);
        assertThat(meters.get("ecosystem.provider.rate.limited").tags("provider", "gmail").counter().count())
                .isEqualTo(1);
    }

    @Test
    @DisplayName("Without Micrometer the client reports nowhere, and the health indicator still works")
    void withoutMicrometer() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(EcosystemMetricsAutoConfiguration.class,
                        EcosystemAutoConfiguration.class, EcosystemHealthAutoConfiguration.class))
                .withPropertyValues(EcosystemAutoConfigurationTest.KEYS)
                .withClassLoader(new FilteredClassLoader(MeterRegistry.class))
                .run(context -> {
                    assertThat(context.getBean(Telemetry.class)).isSameAs(Telemetry.none());
                    assertThat(context).doesNotHaveBean(EcosystemGauges.class)
                            .hasSingleBean(EcosystemHealthIndicator.class);
                });
    }

    @Test
    @DisplayName("Gauges read the outbox from the store; parked emails make the health DEGRADED with a detail")
    void parked_gaugesAndHealth() {
        SampleNetwork.GatedMailer refusing = new SampleNetwork.GatedMailer();
        refusing.refuse = true;
        runner.withBean(Mailer.class, () -> refusing).run(context -> {
            EcosystemClient client = context.getBean(EcosystemClient.class);
            EcosystemHealthIndicator health = context.getBean(EcosystemHealthIndicator.class);
            SampleNetwork.seed(client);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            SampleNetwork.requestIntro(client, "bob");
            assertThat(meters.get("ecosystem.outbox.pending").gauge().value()).isEqualTo(1);

            client.intros().runDue(client.clock().instant());

            assertThat(meters.get("ecosystem.outbox.pending").gauge().value()).isZero();
            assertThat(meters.get("ecosystem.outbox.parked").gauge().value()).isEqualTo(1);
            assertThat(meters.get("ecosystem.mail.send").tags("provider", "gated", "error", "ProviderException")
                    .timer().count()).isEqualTo(1);
            Health result = health.health();
            assertThat(result.getStatus()).isEqualTo(EcosystemHealthIndicator.DEGRADED);
            assertThat(result.getDetails()).containsEntry("outboxParked", 1L).containsKey("parked");
        });
    }

    @Test
    @DisplayName("An unreachable store makes the health DOWN and the gauges NaN")
    void storeDown_healthDown() {
        SampleNetwork.SwitchableStore store = new SampleNetwork.SwitchableStore(InMemoryPartnerStore.create());
        runner.withBean(PartnerStore.class, () -> store).run(context -> {
            EcosystemHealthIndicator health = context.getBean(EcosystemHealthIndicator.class);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);

            store.down = true;

            Health result = health.health();
            assertThat(result.getStatus()).isEqualTo(Status.DOWN);
            assertThat(result.getDetails()).containsEntry("store", "unreachable");
            assertThat(meters.get("ecosystem.outbox.pending").gauge().value()).isNaN();
        });
    }

    @Test
    @DisplayName("A change feed lagging beyond ecosystem.health.max-feed-lag makes the health DEGRADED; the lag "
            + "gauge shows it")
    void feedLag_degraded() {
        MovableClock clock = new MovableClock();
        runner.withBean(Clock.class, () -> clock)
                .withPropertyValues("ecosystem.health.max-feed-lag=30s", "ecosystem.change-poll-interval=1h")
                .run(context -> {
                    EcosystemHealthIndicator health = context.getBean(EcosystemHealthIndicator.class);
                    clock.now = clock.now.plusSeconds(10);
                    assertThat(health.health().getStatus()).isEqualTo(Status.UP);

                    clock.now = clock.now.plusSeconds(50);

                    Health result = health.health();
                    assertThat(result.getStatus()).isEqualTo(EcosystemHealthIndicator.DEGRADED);
                    assertThat(result.getDetails()).containsEntry("changeFeedLag", "PT1M").containsKey("lagging");
                    assertThat(meters.get("ecosystem.change.feed.lag").timeGauge().value(
                            java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(60);
                    context.getBean(EcosystemClient.class).catchUp();
                    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
                });
    }

    @Test
    @DisplayName("management.health.ecosystem.enabled=false turns the indicator off")
    void healthIndicator_canBeTurnedOff() {
        runner.withPropertyValues("management.health.ecosystem.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(EcosystemHealthIndicator.class));
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        volatile Instant now = Instant.parse("2026-12-01T09:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
