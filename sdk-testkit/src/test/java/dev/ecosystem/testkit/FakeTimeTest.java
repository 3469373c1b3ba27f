package dev.ecosystem.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FakeTimeTest {
    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

    @Test
    void sleep_movesTheClockAtOnce_andIsRemembered() {
        FakeTime time = new FakeTime(START);

        time.sleep(Duration.ofSeconds(2));
        time.sleep(Duration.ofMillis(500));

        assertThat(time.instant()).isEqualTo(START.plusMillis(2_500));
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofMillis(500));
        assertThat(time.totalSlept()).isEqualTo(Duration.ofMillis(2_500));
    }

    @Test
    void clearSleeps_forgetsTheSleeps_butNotTheTime() {
        FakeTime time = new FakeTime(START);
        time.sleep(Duration.ofMinutes(1));
        time.advance(Duration.ofMinutes(1));

        time.clearSleeps();

        assertThat(time.sleeps()).isEmpty();
        assertThat(time.totalSlept()).isZero();
        assertThat(time.instant()).isEqualTo(START.plus(Duration.ofMinutes(2)));
    }
}
