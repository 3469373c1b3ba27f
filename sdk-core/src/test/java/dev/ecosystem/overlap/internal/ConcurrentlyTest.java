package dev.ecosystem.overlap.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Work handed to the common pool: done once, by a pool thread or, when none begins it, by the caller. */
class ConcurrentlyTest {
    @Test
    void work_isDoneOnceByTheTimeJoinReturns() {
        AtomicInteger runs = new AtomicInteger();
        Concurrently started = Concurrently.start(runs::incrementAndGet);

        started.join();
        started.join();

        assertThat(runs).hasValue(1);
    }

    @Test
    void aFailure_isRethrownAsItWasThrown() {
        Concurrently started = Concurrently.start(() -> {
            throw new IllegalStateException("no index");
        });

        assertThatThrownBy(started::join).isInstanceOf(IllegalStateException.class).hasMessage("no index");
    }

    @Test
    void work_noPoolThreadBegan_isDoneByTheCaller() throws InterruptedException {
        int workers = Math.max(1, ForkJoinPool.getCommonPoolParallelism());
        CountDownLatch busy = new CountDownLatch(workers);
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < workers; i++) {
            ForkJoinPool.commonPool().execute(() -> {
                busy.countDown();
                awaitQuietly(release);
            });
        }
        try {
            busy.await();
            AtomicReference<Thread> doer = new AtomicReference<>();
            Concurrently started = Concurrently.start(() -> doer.set(Thread.currentThread()));

            started.join();

            assertThat(doer).hasValue(Thread.currentThread());
        } finally {
            release.countDown();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
