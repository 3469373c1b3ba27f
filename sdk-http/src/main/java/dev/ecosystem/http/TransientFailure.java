package dev.ecosystem.http;

import dev.ecosystem.spi.ProviderException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A retryable provider failure that tells the {@link RetryExecutor} two more things: how long the provider asked to
 * wait ({@code Retry-After}), and whether the provider may have carried the request out anyway (a timeout or a 5xx
 * after the request went out), in which case the next attempt must look first before repeating a write.
 */
public final class TransientFailure extends ProviderException {
    private static final long serialVersionUID = 1L;

    private final transient @Nullable Duration retryAfter;
    private final boolean outcomeUnknown;

    /**
     * Creates a retryable failure.
     *
     * @param retryAfter how long the provider asked to wait, or {@code null} to wait the backoff
     * @param outcomeUnknown whether the provider may have carried the request out although the call failed
     */
    public TransientFailure(String provider, int status, @Nullable String requestId, @Nullable Duration retryAfter,
            boolean outcomeUnknown, String message, @Nullable Throwable cause) {
        super(provider, status, requestId, true, message, cause);
        this.retryAfter = retryAfter;
        this.outcomeUnknown = outcomeUnknown;
    }

    /** How long the provider asked to wait, or {@code null} to use the backoff. */
    public @Nullable Duration retryAfter() {
        return retryAfter;
    }

    /** Whether the provider may have carried the request out although the call failed. */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }
}
