package dev.ecosystem.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.spi.ProviderException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RetryExecutorTest {
    private final List<Duration> sleeps = new ArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();

    private RetryExecutor executor(int maxAttempts) {
        return new RetryExecutor("acme-api", HttpSettings.builder().maxAttempts(maxAttempts)
                .initialBackoff(Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(4))
                .maxRetryAfter(Duration.ofMinutes(1)).sleeper(sleeps::add).build());
    }

    private String failTimes(int failures, ProviderException failure) {
        if (attempts.incrementAndGet() <= failures) {
            throw failure;
        }
        return "ok";
    }

    @Test
    @DisplayName("Retryable failures are retried after jittered, doubling, capped backoff waits")
    void run_retryable_backsOffExponentiallyWithJitter() {
        String result = executor(5).run(() -> failTimes(4, ProviderException.retryable("acme-api", 503, null, "down")));

        assertThat(result).isEqualTo("ok");
        assertThat(attempts).hasValue(5);
        assertThat(sleeps).hasSize(4);
        // 1 s, 2 s, 4 s, 4 s (capped), each within 50 % jitter
        assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1500));
        assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(3000));
        assertThat(sleeps.get(3)).isLessThanOrEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void run_outOfAttempts_rethrowsTheLastFailure() {
        ProviderException down = ProviderException.retryable("acme-api", 502, "req-9", "bad gateway");

        assertThatThrownBy(() -> executor(3).run(() -> failTimes(10, down))).isSameAs(down);
        assertThat(attempts).hasValue(3);
        assertThat(sleeps).hasSize(2);
    }

    @Test
    @DisplayName("A failure that is not retryable (a 400, a 403) is thrown at once, without a wait")
    void run_notRetryable_isNotRetried() {
        ProviderException refused = ProviderException.refused("acme-api", 403, null, "forbidden");

        assertThatThrownBy(() -> executor(5).run(() -> failTimes(1, refused))).isSameAs(refused);
        assertThat(attempts).hasValue(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    @DisplayName("The provider's Retry-After replaces the backoff")
    void run_retryAfter_isWaitedInsteadOfTheBackoff() {
        TransientFailure limited = new TransientFailure("acme-api", 429, null, Duration.ofSeconds(17), false,
                "rate limited", null);

        assertThat(executor(5).run(() -> failTimes(2, limited))).isEqualTo("ok");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(17), Duration.ofSeconds(17));
    }

    @Test
    @DisplayName("A Retry-After longer than maxRetryAfter fails at once, retryable, so the host reschedules")
    void run_retryAfterBeyondTheMaximum_failsAtOnce() {
        TransientFailure limited = new TransientFailure("acme-api", 429, null, Duration.ofHours(1), false,
                "rate limited", null);

        assertThatThrownBy(() -> executor(5).run(() -> failTimes(1, limited))).isSameAs(limited);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void run_interruptedWait_isRetryableAndKeepsTheInterruptFlag() {
        RetryExecutor interrupted = new RetryExecutor("acme-api", HttpSettings.builder().sleeper(d -> {
            throw new InterruptedException();
        }).build());
        try {
            assertThatThrownBy(() -> interrupted.run(() -> failTimes(1,
                    ProviderException.retryable("acme-api", 503, null, "down"))))
                    .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retryable()).isTrue())
                    .hasMessageContaining("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    @DisplayName("A transport's own loop: waits the backoff or the provider's wait, and says when it gave up")
    void retryOrThrow_countsFailuresAndGivesUpNamingTheAttempts() {
        RetryExecutor executor = executor(3);
        ProviderException failure = ProviderException.retryable("acme-api", 504, "req-1", "read accounts failed");

        int failures = executor.retryOrThrow(failure, 0, null, "read accounts");
        failures = executor.retryOrThrow(failure, failures, Duration.ofSeconds(2), "read accounts");

        assertThat(failures).isEqualTo(2);
        assertThat(sleeps).hasSize(2).element(1).isEqualTo(Duration.ofSeconds(2));
        int soFar = failures;
        assertThatThrownBy(() -> executor.retryOrThrow(failure, soFar, null, "read accounts"))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.status()).isEqualTo(504);
                    assertThat(e.requestId()).isEqualTo("req-1");
                })
                .hasMessage("read accounts failed (gave up after 3 attempts)");
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void pause_zeroOrNegative_doesNotSleep() {
        RetryExecutor executor = executor(3);
        executor.pause(Duration.ZERO, "wait");
        executor.pause(Duration.ofSeconds(-1), "wait");
        executor.pause(Duration.ofMillis(250), "wait");

        assertThat(sleeps).containsExactly(Duration.ofMillis(250));
    }

    @Test
    @DisplayName("Retry-After is read as seconds or as an HTTP date")
    void retryAfter_readsSecondsAndDates() {
        Instant now = Instant.parse("2026-11-02T09:00:00Z");

        assertThat(RetryExecutor.retryAfter("120", now)).isEqualTo(Duration.ofMinutes(2));
        assertThat(RetryExecutor.retryAfter("Mon, 02 Nov 2026 09:00:30 GMT", now)).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryExecutor.retryAfter("Mon, 02 Nov 2026 08:00:00 GMT", now)).isEqualTo(Duration.ZERO);
        assertThat(RetryExecutor.retryAfter("soon", now)).isNull();
        assertThat(RetryExecutor.retryAfter(null, now)).isNull();
    }

    @Test
    void settings_validateEachValueByName() {
        assertThatThrownBy(() -> HttpSettings.builder().maxAttempts(0)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> HttpSettings.builder().callTimeout(Duration.ZERO))
                .isInstanceOf(ValidationException.class).hasMessage("callTimeout must be positive, but was PT0S");
        assertThatThrownBy(() -> HttpSettings.builder().sleeper(null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("sleeper");
    }

    @Test
    void settings_toBuilder_keepsEveryValue() {
        HttpSettings settings = HttpSettings.builder().maxAttempts(7).callTimeout(Duration.ofSeconds(9)).build();

        HttpSettings copy = settings.toBuilder().build();

        assertThat(copy.toString()).isEqualTo(settings.toString());
        assertThat(copy.maxAttempts()).isEqualTo(7);
    }
}
