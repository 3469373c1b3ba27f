package dev.ecosystem.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link MutableClock} that moves only when code under test sleeps on it (or the test advances it), and remembers
 * every sleep: for testing backoff, rate limits and pacing without waiting in real time. Pass it as the clock and its
 * {@link #sleep} as the sleeper, such as {@code .clock(time).http(http -> http.sleeper(time::sleep))} for the SDK's
 * HTTP adapters. Safe to share between threads.
 *
 * <pre>{@code
 * FakeTime time = new FakeTime(Instant.parse("2026-01-05T09:00:00Z"));
 * HubSpotCrm crm = HubSpotCrm.builder().tenant(acme).accessToken(token)
 *         .clock(time).http(http -> http.sleeper(time::sleep)).build();
 * // ... a call that is rate limited twice
 * assertThat(time.sleeps()).hasSize(2);
 * }</pre>
 */
public final class FakeTime extends MutableClock {
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    /** Time showing {@code start}, with no sleeps yet. */
    public FakeTime(Instant start) {
        super(start);
    }

    /** Records the sleep and moves the clock forward by {@code duration}, at once. */
    public void sleep(Duration duration) {
        sleeps.add(duration);
        advance(duration);
    }

    /** Forgets the sleeps so far; the clock keeps its time. */
    public void clearSleeps() {
        sleeps.clear();
    }

    /** Every sleep so far, in order. */
    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    /** The sum of the sleeps so far. */
    public Duration totalSlept() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
