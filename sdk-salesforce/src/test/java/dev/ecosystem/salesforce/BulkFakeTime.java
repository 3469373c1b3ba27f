package dev.ecosystem.salesforce;

import dev.ecosystem.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A clock that moves only when the reader sleeps on it: no test waits in real time. */
final class BulkFakeTime extends MutableClock implements SalesforceCrm.Sleeper {
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    BulkFakeTime(Instant start) {
        super(start);
    }

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        advance(duration);
    }

    List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
