package dev.ecosystem.hubspot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that only moves when someone sleeps on it (or a test advances it): no test waits in real time. */
final class FakeTime extends Clock implements HubSpotCrm.Sleeper {
    private final AtomicReference<Instant> now;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    FakeTime(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        advance(duration);
    }

    void advance(Duration duration) {
        now.accumulateAndGet(null, (current, ignored) -> current.plus(duration));
    }

    /** Forgets the sleeps so far (time keeps its value). */
    void clearSleeps() {
        sleeps.clear();
    }

    List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    Duration totalSlept() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
