package dev.ecosystem.overlap.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Work that account mapping hands to the common fork-join pool while the calling thread does its own share: when the
 * caller needs it done ({@link #join}) and no pool thread has begun it yet (the pool is busy, or has no thread to
 * spare), the caller does it itself, so a busy pool delays nothing. Its failure is rethrown unwrapped, as the calling
 * thread would have thrown it.
 */
final class Concurrently {
    private final AtomicBoolean taken = new AtomicBoolean();
    private final Runnable work;
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    private Concurrently(Runnable work) {
        this.work = work;
    }

    /** Hands {@code work} to the common fork-join pool. */
    static Concurrently start(Runnable work) {
        Concurrently started = new Concurrently(work);
        ForkJoinPool.commonPool().execute(started::run);
        return started;
    }

    /** Waits until the work is done, doing it on this thread when no pool thread has begun it. */
    void join() {
        run();
        try {
            done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private void run() {
        if (taken.compareAndSet(false, true)) {
            try {
                work.run();
                done.complete(null);
            } catch (Throwable failure) {
                done.completeExceptionally(failure);
            }
        }
    }
}
