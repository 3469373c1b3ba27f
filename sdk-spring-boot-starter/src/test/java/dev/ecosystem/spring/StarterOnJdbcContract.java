package dev.ecosystem.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.jdbc.JdbcPartnerStore;
import dev.ecosystem.memory.InMemoryMailer;
import dev.ecosystem.model.OutboxStatus;
import dev.ecosystem.spi.Mailer;
import dev.ecosystem.spi.PartnerStore;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The starter over a JDBC database: the JdbcPartnerStore over the application's DataSource, health and gauges read
 * from it, and a shutdown that hands claims back through it. Each database's test gives its DataSource properties.
 */
abstract class StarterOnJdbcContract {
    /** The spring.datasource and ecosystem.store properties of a store whose tables start with {@code prefix}. */
    protected abstract String[] databaseProperties(String prefix);

    ApplicationContextRunner runner(String prefix) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        MetricsAutoConfiguration.class, EcosystemMetricsAutoConfiguration.class,
                        EcosystemAutoConfiguration.class, EcosystemHealthAutoConfiguration.class))
                .withBean(io.micrometer.core.instrument.MeterRegistry.class,
                        io.micrometer.core.instrument.simple.SimpleMeterRegistry::new)
                .withPropertyValues(EcosystemAutoConfigurationTest.KEYS)
                .withPropertyValues(databaseProperties(prefix));
    }

    @Test
    @DisplayName("The store is a JdbcPartnerStore; the client works, and health and gauges read it")
    void jdbcStore_healthAndGauges() {
        runner("eco_a_").run(context -> {
            assertThat(context.getBean(PartnerStore.class)).isInstanceOf(JdbcPartnerStore.class);
            EcosystemClient client = context.getBean(EcosystemClient.class);
            SampleNetwork.seed(client);
            SampleNetwork.requestIntro(client, "bob");
            io.micrometer.core.instrument.MeterRegistry meters = context.getBean(
                    io.micrometer.core.instrument.MeterRegistry.class);
            assertThat(meters.get("ecosystem.outbox.pending").gauge().value()).isEqualTo(1);

            assertThat(client.intros().runDue(client.clock().instant()).sent()).isEqualTo(1);

            assertThat(meters.get("ecosystem.outbox.pending").gauge().value()).isZero();
            assertThat(context.getBean(EcosystemHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
        });
    }

    @Test
    @DisplayName("On context close, claimed emails the run under way has not sent are handed back in the database")
    void shutdown_releasesClaims() {
        SampleNetwork.GatedMailer mailer = new SampleNetwork.GatedMailer();
        mailer.gate = new CountDownLatch(1);
        runner("eco_b_").withBean(Mailer.class, () -> mailer)
                .withPropertyValues("ecosystem.scheduling.enabled=true", "ecosystem.scheduling.interval=1h",
                        "ecosystem.scheduling.shutdown-timeout=200ms").run(context -> {
                    EcosystemClient client = context.getBean(EcosystemClient.class);
                    SampleNetwork.seed(client);
                    SampleNetwork.requestIntro(client, "bob");
                    SampleNetwork.requestIntro(client, "ben");
                    SampleNetwork.requestIntro(client, "bea");
                    new Thread(context.getBean(EcosystemScheduler.class)::runOnce).start();
                    assertThat(mailer.entered.await(10, TimeUnit.SECONDS)).isTrue();

                    context.close();
                });
        mailer.gate.countDown();

        runner("eco_b_").withBean(Mailer.class, () -> new InMemoryMailer(Clock.systemUTC())).run(context -> {
            EcosystemClient otherNode = context.getBean(EcosystemClient.class);
            assertThat(otherNode.intros().runDue(otherNode.clock().instant()).sent()).isEqualTo(2);
            long pending = otherNode.store().inTransaction(tx -> tx.outbox().count(OutboxStatus.PENDING));
            // the email that was with the mailer at shutdown keeps its lease: its outcome was never stored (the
            // DataSource closed), so it goes out again, as a resend, only when the lease ends
            assertThat(pending).isEqualTo(1);
        });
    }
}
