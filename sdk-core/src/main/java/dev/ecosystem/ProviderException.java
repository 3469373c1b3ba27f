package dev.ecosystem;

import org.jspecify.annotations.Nullable;

/**
 * A provider (CRM, mail service, model API, database) failed. Carries the provider's name, the HTTP status where
 * there was one ({@code 0} otherwise) and the provider's request or correlation id where it gave one, so support
 * tickets can quote it.
 */
public class ProviderException extends EcosystemException {
    private static final long serialVersionUID = 1L;

    private final String provider;
    private final int status;
    private final @Nullable String requestId;
    private final boolean retryable;

    /**
     * Creates a provider failure.
     *
     * @param provider short name such as {@code "hubspot"} or {@code "gmail"}
     * @param status the HTTP status, or {@code 0} where the failure had none (timeout, connection reset)
     * @param requestId the provider's request or correlation id, if it gave one
     * @param retryable whether the same call may succeed later without a change
     * @param message what happened, without secrets or record contents
     * @param cause the underlying exception, if any
     */
    public ProviderException(String provider, int status, @Nullable String requestId, boolean retryable,
            String message, @Nullable Throwable cause) {
        super(message, cause);
        this.provider = provider;
        this.status = status;
        this.requestId = requestId;
        this.retryable = retryable;
    }

    /** Short name of the provider that failed, such as {@code "hubspot"}. */
    public String provider() {
        return provider;
    }

    /** HTTP status of the failed call, or {@code 0} where there was none. */
    public int status() {
        return status;
    }

    /** The provider's request or correlation id, or {@code null} if it gave none. */
    public @Nullable String requestId() {
        return requestId;
    }

    /** Whether retrying the same call later may succeed (timeouts, 5xx, short rate limits). */
    public boolean retryable() {
        return retryable;
    }
}
