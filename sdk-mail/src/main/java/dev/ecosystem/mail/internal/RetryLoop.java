package dev.ecosystem.mail.internal;

import dev.ecosystem.ProviderException;
import dev.ecosystem.internal.Checks;
import dev.ecosystem.mail.Sleeper;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs an attempt until it succeeds, fails for good, or runs out of attempts. Resilience4j decides whether and how
 * long to wait (exponential backoff with jitter, or the provider's {@code Retry-After}); the wait itself goes through
 * the injected {@link Sleeper}, never {@code Thread.sleep}. Only {@link ProviderException}s with
 * {@code retryable()} set are retried.
 */
public final class RetryLoop {
    private final Retry retry;
    private final Sleeper sleeper;
    private final Duration maxRetryAfter;
    private final String provider;

    /**
     * Creates a loop.
     *
     * @param maxAttempts attempts in all, at least 1
     * @param initialBackoff the first wait when the provider names none
     * @param maxRetryAfter the longest {@code Retry-After} worth waiting for; longer ones fail at once (retryable)
     */
    public RetryLoop(String provider, int maxAttempts, Duration initialBackoff, Duration maxRetryAfter,
            Sleeper sleeper) {
        Checks.range(maxAttempts, 1, 20, "maxAttempts");
        this.provider = provider;
        this.sleeper = Checks.required(sleeper, "sleeper");
        this.maxRetryAfter = maxRetryAfter;
        IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(initialBackoff, 2.0, 0.5,
                initialBackoff.multipliedBy(32));
        RetryConfig config = RetryConfig.<Object>custom()
                .maxAttempts(maxAttempts)
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

    /** Runs {@code attempt}, retrying as configured; rethrows the last failure. */
    public <T> T run(Supplier<T> attempt) {
        Retry.AsyncContext<Object> context = retry.asyncContext();
        while (true) {
            try {
                T result = attempt.get();
                context.onComplete();
                return result;
            } catch (ProviderException failure) {
                if (failure instanceof TransientFailure t && t.retryAfter() != null
                        && t.retryAfter().compareTo(maxRetryAfter) > 0) {
                    throw failure;
                }
                long waitMillis = context.onError(failure);
                if (waitMillis < 0) {
                    throw failure;
                }
                pause(Duration.ofMillis(waitMillis), failure);
            }
        }
    }

    private void pause(Duration wait, ProviderException cause) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ProviderException interrupted = ProviderException.retryable(provider, cause.status(), cause.requestId(),
                    "interrupted while waiting to retry after: " + cause.getMessage(), cause);
            throw interrupted;
        }
    }
}
