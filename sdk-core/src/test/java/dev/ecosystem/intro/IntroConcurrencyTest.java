package dev.ecosystem.intro;

import static dev.ecosystem.intro.IntroFixture.ADA;
import static dev.ecosystem.intro.IntroFixture.BOB;
import static dev.ecosystem.intro.IntroFixture.GLOBEX;
import static dev.ecosystem.intro.IntroFixture.IVY;
import static dev.ecosystem.intro.IntroFixture.adaToBob;
import static dev.ecosystem.intro.IntroFixture.token;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecosystem.error.ConflictException;
import dev.ecosystem.model.EmailMessage;
import dev.ecosystem.model.IntroParty;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.IntroductionStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Answers and dispatchers racing each other: exactly one joint email, each email sent once. */
class IntroConcurrencyTest {
    private static final int ROUNDS = 20;
    private final IntroFixture f = new IntroFixture(dev.ecosystem.memory.InMemoryPartnerStore.create(),
            settings -> settings.limits(1000, 1000, Duration.ofDays(1)));
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** Runs both at the same moment (released together by a barrier) and returns their outcomes. */
    private List<Object> race(Callable<Object> a, Callable<Object> b) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<Object>> futures = new ArrayList<>();
        for (Callable<Object> work : List.of(a, b)) {
            futures.add(pool.submit(() -> {
                start.await();
                try {
                    return work.call();
                } catch (ConflictException e) {
                    return e;
                }
            }));
        }
        List<Object> outcomes = new ArrayList<>();
        for (Future<Object> future : futures) {
            outcomes.add(future.get());
        }
        return outcomes;
    }

    @Test
    void twoConsentsAtTheSameMoment_onTwoThreads_produceExactlyOneJointEmail() throws Exception {
        List<Introduction> intros = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            intros.add(f.acme().request(adaToBob().introducer(IVY).build()));
        }
        f.runDue();
        assertThat(f.sentTo("bob@globex.com")).hasSize(ROUNDS);

        for (int i = 0; i < ROUNDS; i++) {
            Introduction intro = intros.get(i);
            String bobAccepts = token(f.askOf(intro, IntroParty.TARGET), true);
            List<Object> outcomes = race(
                    () -> f.acme().accept(intro.id(), ADA),
                    () -> f.client.intros().redeem(bobAccepts, null, false));
            assertThat(outcomes).allMatch(Introduction.class::isInstance);
            assertThat(f.acme().get(intro.id()).status()).isEqualTo(IntroductionStatus.CONNECTED);
        }
        f.runDue();

        List<EmailMessage> joints = f.inbox.sent().stream().filter(m -> !m.cc().isEmpty()).toList();
        assertThat(joints).hasSize(ROUNDS);
        assertThat(f.events.stream().filter(e -> e.type().equals("intro.connected"))).hasSize(ROUNDS);
    }

    @Test
    void sameLinkClickedTwiceAtOnce_countsOnce() throws Exception {
        f.acme().request(adaToBob().build());
        f.runDue();
        String accept = token(f.lastTo("bob@globex.com"), true);

        List<Object> outcomes = race(() -> f.client.intros().redeem(accept, null, false),
                () -> f.client.intros().redeem(accept, null, false));

        assertThat(outcomes).filteredOn(Introduction.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(ConflictException.class::isInstance).hasSize(1);
        f.runDue();
        assertThat(f.sentTo("ada@acme.io")).hasSize(1);
    }

    @Test
    void twoDispatchersAtOnce_sendEachEmailOnce() throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            f.acme().request(IntroRequest.builder(i % 2 == 0 ? ADA : IVY, GLOBEX, BOB, "round " + i).build());
        }

        List<Object> outcomes = race(() -> f.runDue(), () -> f.runDue());

        int sent = outcomes.stream().mapToInt(o -> ((DueRun) o).sent()).sum();
        assertThat(sent).isEqualTo(ROUNDS);
        assertThat(f.mailer.calls.values()).hasSize(ROUNDS).allMatch(calls -> calls.get() == 1);
    }

    @Test
    void concurrentRequestsWithOneIdempotencyKey_createOneIntroduction() throws Exception {
        AtomicInteger round = new AtomicInteger();
        for (int i = 0; i < ROUNDS; i++) {
            String key = "key-" + round.incrementAndGet();
            List<Object> outcomes = race(() -> f.acme().request(adaToBob().idempotencyKey(key).build()),
                    () -> f.acme().request(adaToBob().idempotencyKey(key).build()));
            assertThat(((Introduction) outcomes.get(0)).id()).isEqualTo(((Introduction) outcomes.get(1)).id());
        }
        assertThat(f.runDue().sent()).isEqualTo(ROUNDS);
    }

    @Test
    void scheduleOn_runsDueWorkWithTheClientClock_andSurvivesAFailingRun() {
        f.acme().request(adaToBob().build());
        CapturingScheduler scheduler = new CapturingScheduler();

        f.client.intros().scheduleOn(scheduler.executor(), Duration.ofSeconds(30));

        assertThat(scheduler.delayMillis).isEqualTo(30_000);
        f.mailer.failNext(new IllegalStateException("mailer bug"));
        scheduler.task.run();
        assertThat(f.inbox.sent()).isEmpty();
        f.clock.advance(Duration.ofMinutes(1));
        scheduler.task.run();
        assertThat(f.sentTo("bob@globex.com")).hasSize(1);
    }

    /** Captures the task given to {@code scheduleWithFixedDelay}, so the test runs it by hand. */
    private static final class CapturingScheduler {
        Runnable task = () -> {
        };
        long delayMillis;

        java.util.concurrent.ScheduledExecutorService executor() {
            return (java.util.concurrent.ScheduledExecutorService) java.lang.reflect.Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {java.util.concurrent.ScheduledExecutorService.class},
                    (proxy, method, args) -> {
                        if (!method.getName().equals("scheduleWithFixedDelay")) {
                            throw new UnsupportedOperationException(method.getName());
                        }
                        task = (Runnable) args[0];
                        delayMillis = (Long) args[2];
                        return null;
                    });
        }
    }
}
