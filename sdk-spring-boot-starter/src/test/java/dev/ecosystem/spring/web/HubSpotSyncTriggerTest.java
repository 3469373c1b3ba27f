package dev.ecosystem.spring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ecosystem.model.CompanyId;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Bursts of webhook deliveries become few syncs per tenant, never none after the last delivery. */
class HubSpotSyncTriggerTest {
    private static final CompanyId ACME = CompanyId.of("co-acme");
    private static final CompanyId GLOBEX = CompanyId.of("co-globex");

    @Test
    void requestsWhileQueued_coalesceIntoTheQueuedSync() {
        Queue<Runnable> queued = new ArrayDeque<>();
        List<CompanyId> synced = new CopyOnWriteArrayList<>();
        HubSpotSyncTrigger trigger = new HubSpotSyncTrigger(queued::add, synced::add);

        for (int i = 0; i < 10; i++) {
            trigger.request(ACME);
        }
        trigger.request(GLOBEX);

        assertThat(queued).hasSize(2);
        queued.forEach(Runnable::run);
        assertThat(synced).containsExactly(ACME, GLOBEX);
        trigger.request(ACME);
        assertThat(queued).hasSize(3);
    }

    @Test
    void requestsWhileRunning_causeExactlyOneMoreSync() throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<CompanyId> synced = new CopyOnWriteArrayList<>();
        HubSpotSyncTrigger trigger = new HubSpotSyncTrigger(executor, tenant -> {
            synced.add(tenant);
            if (synced.size() == 1) {
                started.countDown();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        try {
            trigger.request(ACME);
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 20; i++) {
                trigger.request(ACME);
            }
            release.countDown();

            await().atMost(Duration.ofSeconds(5)).until(() -> synced.size() == 2);
            Thread.sleep(200);
            assertThat(synced).containsExactly(ACME, ACME);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aFailingSync_doesNotStopLaterOnes() {
        Queue<Runnable> queued = new ArrayDeque<>();
        List<CompanyId> synced = new CopyOnWriteArrayList<>();
        HubSpotSyncTrigger trigger = new HubSpotSyncTrigger(queued::add, tenant -> {
            synced.add(tenant);
            throw new IllegalStateException("CRM down");
        });

        trigger.request(ACME);
        queued.poll().run();
        trigger.request(ACME);
        queued.poll().run();

        assertThat(synced).containsExactly(ACME, ACME);
    }
}
