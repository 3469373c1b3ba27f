package dev.ecosystem.spi;

import dev.ecosystem.error.EcosystemException;
import org.jspecify.annotations.Nullable;

/**
 * A provider (CRM, mail service, model API, database) failed. Carries the provider's name, the HTTP status where
 * there was one ({@code 0} otherwise) and the provider's request or correlation id where it gave one, so support
 * tickets can quote it.
 *
 * <p>Adapters create one through a factory that says what kind of failure it was, rather than through a boolean:
 * <pre>{@code
 * throw ProviderException.unavailable("acme-crm", "listing accounts failed without a response: timeout", e);
 * throw ProviderException.retryable("acme-crm", 503, requestId, "listing accounts failed with HTTP 503");
 * throw ProviderException.refused("acme-crm", 400, requestId, "property partner_source is unknown");
 * throw ProviderException.failed("acme-crm", "could not encode the request: " + e.getMessage(), e);
 * }</pre>
 */
public class ProviderException extends EcosystemException {
    private static final long serialVersionUID = 1L;

    private final String provider;
    private final int status;
    private final @Nullable String requestId;
    private final boolean retryable;

    /**
     * Creates a provider failure. The factories ({@link #unavailable}, {@link #failed}, {@link #retryable},
     * {@link #refused}) say the same more clearly; this constructor stays public for adapters that decide
     * retryability at run time (such as from an SQL state or an SMTP reply code) or copy another failure's fields.
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

    /**
     * The provider could not be reached or gave no answer (connection refused or reset, timeout, an interrupted
     * wait, a circuit breaker that is open): no HTTP status, and retrying later may succeed.
     *
     * @param provider short name such as {@code "hubspot"}
     * @param message what happened, without secrets or record contents
     * @param cause the underlying exception, if any
     */
    public static ProviderException unavailable(String provider, String message, @Nullable Throwable cause) {
        return new ProviderException(provider, 0, null, true, message, cause);
    }

    /**
     * The call failed without a status, in a way that repeating the same call will not fix (a message that cannot be
     * encoded, a directory that cannot be created, a schema migration that failed, a TLS handshake with an untrusted
     * certificate, a refusal without a reply code): not retryable.
     */
    public static ProviderException failed(String provider, String message, @Nullable Throwable cause) {
        return new ProviderException(provider, 0, null, false, message, cause);
    }

    /**
     * The provider answered with a status that means "try again later" (5xx, 429, an SMTP 4xx reply).
     *
     * @param status the HTTP (or protocol) status
     * @param requestId the provider's request or correlation id, if it gave one
     */
    public static ProviderException retryable(String provider, int status, @Nullable String requestId,
            String message) {
        return new ProviderException(provider, status, requestId, true, message, null);
    }

    /** As {@link #retryable(String, int, String, String)}, with the underlying exception. */
    public static ProviderException retryable(String provider, int status, @Nullable String requestId,
            String message, @Nullable Throwable cause) {
        return new ProviderException(provider, status, requestId, true, message, cause);
    }

    /**
     * The provider answered and refused the call, or answered with something unusable, in a way that the same call
     * will not fix (4xx other than 429, a body without the documented fields): not retryable.
     *
     * @param status the HTTP (or protocol) status
     * @param requestId the provider's request or correlation id, if it gave one
     */
    public static ProviderException refused(String provider, int status, @Nullable String requestId,
            String message) {
        return new ProviderException(provider, status, requestId, false, message, null);
    }

    /** As {@link #refused(String, int, String, String)}, with the underlying exception. */
    public static ProviderException refused(String provider, int status, @Nullable String requestId,
            String message, @Nullable Throwable cause) {
        return new ProviderException(provider, status, requestId, false, message, cause);
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
