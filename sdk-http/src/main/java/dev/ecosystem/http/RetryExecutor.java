package dev.ecosystem.http;

import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.spi.ProviderException;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a provider call's attempts with the {@link HttpSettings}: jittered exponential backoff between them (from
 * Resilience4j's {@link IntervalFunction}), or the provider's {@code Retry-After} where a {@link TransientFailure}
 * carries one, and every wait through the settings' {@link Sleeper}, never {@code Thread.sleep} (Resilience4j's own
 * blocking {@code Retry} sleeps through one JVM-wide function, so it only decides here, it does not wait).
 *
 * <p>Two ways to use it: {@link #run} for a call whose attempts are self-contained (only {@link ProviderException}s
 * with {@code retryable()} set are retried), and {@link #retryOrThrow} plus {@link #pause} for a transport with a loop
 * of its own (rate-limit waits, a session renewed once) that counts only transient failures as attempts. Thread-safe.
 */
public final class RetryExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(RetryExecutor.class);

    private final String provider;
    private final HttpSettings settings;
    private final IntervalFunction backoff;
    private final Retry retry;

    /**
     * An executor for one provider's calls.
     *
     * @param provider short name in errors, such as {@code "hubspot"}
     */
    public RetryExecutor(String provider, HttpSettings settings) {
        this.provider = Checks.singleLine(provider, "provider", 50);
        this.settings = Checks.required(settings, "settings");
        Duration initial = settings.initialBackoff();
        Duration max = settings.maxBackoff().compareTo(initial) < 0 ? initial : settings.maxBackoff();
        this.backoff = IntervalFunction.ofExponentialRandomBackoff(initial, 2.0, 0.5, max);
        RetryConfig config = RetryConfig.<Object>custom()
                .maxAttempts(settings.maxAttempts())
                .retryOnException(e -> e instanceof ProviderException p && p.retryable())
                .intervalBiFunction((attempt, outcome) -> {
                    if (outcome.isLeft() && outcome.getLeft() instanceof TransientFailure t
                            && t.retryAfter() != null) {
                        return t.retryAfter().toMillis();
                    }
                    return backoff.apply(attempt);
                })
                .build();
        this.retry = Retry.of(provider, config);
    }

    /** The settings this executor runs with. */
    public HttpSettings settings() {
        return settings;
    }

    /**
     * Runs {@code attempt} until it returns, throws a failure that is not retryable, or runs out of attempts; then
     * rethrows the last failure as it was. A {@link TransientFailure} whose {@code Retry-After} is longer than
     * {@link HttpSettings#maxRetryAfter()} is rethrown at once, so that the host reschedules instead of blocking.
     *
     * @throws ProviderException the last failure, or a retryable one when the wait was interrupted
     */
    public <T> T run(Supplier<T> attempt) {
        Retry.AsyncContext<Object> context = retry.asyncContext();
        while (true) {
            try {
                T result = attempt.get();
                context.onComplete();
                return result;
            } catch (ProviderException failure) {
                if (failure instanceof TransientFailure t && t.retryAfter() != null
                        && t.retryAfter().compareTo(settings.maxRetryAfter()) > 0) {
                    throw failure;
                }
                long waitMillis = context.onError(failure);
                if (waitMillis < 0) {
                    throw failure;
                }
                try {
                    sleep(Duration.ofMillis(waitMillis));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw ProviderException.retryable(provider, failure.status(), failure.requestId(),
                            "interrupted while waiting to retry after: " + failure.getMessage(), failure);
                }
            }
        }
    }

    /**
     * For a transport's own loop, after a transient failure: waits before the next attempt (the backoff, or
     * {@code wait} where the provider named one) and returns the failures so far, or throws {@code failure} as a
     * retryable {@link ProviderException} saying it gave up when no attempt is left.
     *
     * @param failuresBefore transient failures of this call before this one
     * @param wait the provider's wait, or {@code null} for the backoff
     * @param operation what the call does, for the log and an interrupted wait's error
     * @return the failures so far, {@code failuresBefore + 1}
     */
    public int retryOrThrow(ProviderException failure, int failuresBefore, @Nullable Duration wait,
            String operation) {
        int failures = failuresBefore + 1;
        if (failures >= settings.maxAttempts()) {
            throw ProviderException.retryable(failure.provider(), failure.status(), failure.requestId(),
                    failure.getMessage() + " (gave up after " + failures + " attempts)", failure.getCause());
        }
        Duration delay = wait != null ? wait : Duration.ofMillis(backoff.apply(failures));
        LOG.debug("{}: attempt {} failed (status {}), retrying in {} ms", operation, failures, failure.status(),
                delay.toMillis());
        pause(delay, operation);
        return failures;
    }

    /**
     * Waits {@code duration} through the {@link Sleeper} (nothing when it is zero or negative).
     *
     * @param operation what is waiting, for the error when the wait is interrupted
     * @throws ProviderException retryable, status 0, when the thread is interrupted (its flag is set again)
     */
    public void pause(Duration duration, String operation) {
        if (duration.isZero() || duration.isNegative()) {
            return;
        }
        try {
            sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProviderException.unavailable(provider, operation + " was interrupted while waiting", e);
        }
    }

    private void sleep(Duration duration) throws InterruptedException {
        settings.sleeper().sleep(duration);
    }

    /**
     * Reads a {@code Retry-After} header (RFC 9110: delay seconds or an HTTP date) as a wait from {@code now}.
     *
     * @return the wait (zero for a date already past), or {@code null} when the header is missing or unreadable
     */
    public static @Nullable Duration retryAfter(@Nullable String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.strip());
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = DateTimeFormatter.RFC_1123_DATE_TIME.parse(header.strip(), Instant::from);
                Duration wait = Duration.between(now, at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    @Override
    public String toString() {
        return "RetryExecutor[provider=" + provider + ", " + settings + "]";
    }
}
