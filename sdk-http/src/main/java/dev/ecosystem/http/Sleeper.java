package dev.ecosystem.http;

import java.time.Duration;

/**
 * Waits for a duration: between retry attempts, and where a connector paces its calls. Injected so that tests (and
 * hosts with their own schedulers) decide how time passes; the adapters never call {@link Thread#sleep} themselves.
 */
@FunctionalInterface
public interface Sleeper {
    /**
     * Blocks the calling thread for about {@code duration}.
     *
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;

    /** The real thing: {@link Thread#sleep(long)}. */
    static Sleeper system() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
