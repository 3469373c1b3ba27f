package dev.ecosystem.salesforce;

import dev.ecosystem.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A clock that only moves when someone sleeps on it (or a test advances it): no test waits in real time. */
final class FakeTime extends MutableClock implements SalesforceCrm.Sleeper {
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    FakeTime(Instant start) {
        super(start);
    }

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        advance(duration);
    }

    void clearSleeps() {
        sleeps.clear();
    }

    List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
