package dev.ecosystem.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.memory.InMemoryMailer;
import dev.ecosystem.memory.InMemoryPartnerStore;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.spi.Mailer;
import dev.ecosystem.spi.PartnerStore;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@link EcosystemScheduler}: runs on its interval, never overlaps, survives failures, shuts down gracefully. */
class EcosystemSchedulerTest {
    private final SampleNetwork.GatedMailer mailer = new SampleNetwork.GatedMailer();
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EcosystemAutoConfiguration.class))
            .withPropertyValues("ecosystem.consent.keys[0].id=k1", "ecosystem.consent.keys[0].secret="
                    + SampleNetwork.KEY, "ecosystem.scheduling.interval=50ms")
            .withBean(Mailer.class, () -> mailer);

    @Test
    @DisplayName("The scheduler sends what is due without anyone calling runDue")
    void runsOnTheInterval() {
        runner.run(context -> {
            EcosystemClient client = context.getBean(EcosystemClient.class);
            SampleNetwork.seed(client);
            SampleNetwork.requestIntro(client, "bob");

            await().atMost(Duration.ofSeconds(10)).until(() -> mailer.sent.size() == 1);
        });
    }

    @Test
    @DisplayName("The client's change-feed follower starts with the context, scheduling on or off: another node's "
            + "write reaches this node without a catchUp call, and the follower stops with the context")
    void changeFollower_startsAndStopsWithTheContext() {
        PartnerStore store = InMemoryPartnerStore.create();
        runner.withBean(PartnerStore.class, () -> store)
                .withPropertyValues("ecosystem.scheduling.enabled=false", "ecosystem.change-poll-interval=20ms")
                .run(context -> {
                    EcosystemClient client = context.getBean(EcosystemClient.class);
                    try (EcosystemClient otherNode = EcosystemClient.builder().store(store).build()) {
                        SampleNetwork.seed(otherNode);
                    }
                    long latest = store.inTransaction(tx -> tx.changes().latestRevision());

                    await().atMost(Duration.ofSeconds(10)).until(() -> client.appliedRevision() == latest);
                    context.close();
                    try (EcosystemClient otherNode = EcosystemClient.builder().store(store).build()) {
                        otherNode.register(Company.builder(CompanyId.of("initech"), "Initech").listed(true).build());
                    }
                    Thread.sleep(200); // ten poll intervals
                    assertThat(client.appliedRevision()).as("no polling after the context closed").isEqualTo(latest);
                });
    }

    @Test
    @DisplayName("Scheduling off: nothing runs by itself")
    void disabled_nothingRuns() {
        runner.withPropertyValues("ecosystem.scheduling.enabled=false").run(context -> {
            EcosystemClient client = context.getBean(EcosystemClient.class);
            SampleNetwork.seed(client);
            SampleNetwork.requestIntro(client, "bob");

            Thread.sleep(300);
            assertThat(mailer.sent).isEmpty();
            assertThat(context.getBean(EcosystemScheduler.class).runOnce()).isTrue();
            assertThat(mailer.sent).hasSize(1);
        });
    }

    @Test
    @DisplayName("Runs never overlap: while one is under way, no scheduled or manual run starts")
    void runsNeverOverlap() {
        mailer.gate = new CountDownLatch(1);
        runner.run(context -> {
            EcosystemClient client = context.getBean(EcosystemClient.class);
            SampleNetwork.seed(client);
            SampleNetwork.requestIntro(client, "bob");
            assertThat(mailer.entered.await(10, TimeUnit.SECONDS)).isTrue();

            assertThat(context.getBean(EcosystemScheduler.class).runOnce()).as("manual run while one is under way")
                    .isFalse();
            Thread.sleep(300); // six intervals
            assertThat(mailer.maxInFlight).hasValue(1);
            mailer.gate.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> mailer.sent.size() == 1);
            assertThat(mailer.maxInFlight).hasValue(1);
        });
    }

    @Test
    @DisplayName("A failing run is logged and the schedule goes on: once the store answers again, work is done")
    void failures_doNotEndTheSchedule() {
        SampleNetwork.SwitchableStore store = new SampleNetwork.SwitchableStore(InMemoryPartnerStore.create());
        runner.withBean(PartnerStore.class, () -> store).run(context -> {
            EcosystemClient client = context.getBean(EcosystemClient.class);
            SampleNetwork.seed(client);
            store.down = true;
            Thread.sleep(300); // several failing runs
            store.down = false;

            SampleNetwork.requestIntro(client, "bob");
            await().atMost(Duration.ofSeconds(10)).until(() -> mailer.sent.size() == 1);
        });
    }

    @Test
    @DisplayName("On context close, a run that outlasts the shutdown timeout has its claimed, unsent emails handed "
            + "back: another node sends them at once")
    void shutdown_releasesClaims() {
        PartnerStore store = InMemoryPartnerStore.create();
        mailer.gate = new CountDownLatch(1);
        runner.withBean(PartnerStore.class, () -> store)
                .withPropertyValues("ecosystem.scheduling.shutdown-timeout=200ms",
                        "ecosystem.scheduling.interval=1h").run(context -> {
                    EcosystemClient client = context.getBean(EcosystemClient.class);
                    SampleNetwork.seed(client);
                    SampleNetwork.requestIntro(client, "bob");
                    SampleNetwork.requestIntro(client, "ben");
                    SampleNetwork.requestIntro(client, "bea");
                    // the run under way at shutdown: it claims all three and is stuck sending the first
                    Thread run = new Thread(context.getBean(EcosystemScheduler.class)::runOnce);
                    run.start();
                    assertThat(mailer.entered.await(10, TimeUnit.SECONDS)).isTrue();

                    long started = System.nanoTime();
                    context.close();
                    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
                });
        mailer.gate.countDown();

        InMemoryMailer otherNodesMailer = new InMemoryMailer(Clock.systemUTC());
        try (EcosystemClient otherNode = EcosystemClient.builder().store(store).mailer(otherNodesMailer).build()) {
            assertThat(otherNode.intros().runDue(otherNode.clock().instant()).sent())
                    .as("the two emails claimed but never handed to the mailer, sent at once by another node")
                    .isEqualTo(2);
        }
    }
}
