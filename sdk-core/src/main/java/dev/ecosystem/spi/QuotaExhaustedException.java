package dev.ecosystem.spi;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A provider's quota is used up for longer than is worth waiting (a daily API limit, a daily sending limit).
 * Do not retry before {@link #retryAfter()}; where work was interrupted, {@link #resumeCheckpoint()} says where to
 * pick it up again.
 */
public class QuotaExhaustedException extends ProviderException {
    private static final long serialVersionUID = 1L;

    private final @Nullable Instant retryAfter;
    private final @Nullable String resumeCheckpoint;

    /**
     * Creates a quota error.
     *
     * @param provider short provider name
     * @param status HTTP status (usually 429 or 403)
     * @param requestId the provider's request id, if any
     * @param retryAfter the earliest moment a retry makes sense, if known
     * @param resumeCheckpoint an opaque checkpoint to resume interrupted work from, if any
     * @param message what happened
     */
    public QuotaExhaustedException(String provider, int status, @Nullable String requestId,
            @Nullable Instant retryAfter, @Nullable String resumeCheckpoint, String message) {
        super(provider, status, requestId, false, message, null);
        this.retryAfter = retryAfter;
        this.resumeCheckpoint = resumeCheckpoint;
    }

    /** The earliest moment a retry makes sense, or {@code null} if the provider did not say. */
    public @Nullable Instant retryAfter() {
        return retryAfter;
    }

    /** Where interrupted work can resume (for example a CRM sync checkpoint), or {@code null}. */
    public @Nullable String resumeCheckpoint() {
        return resumeCheckpoint;
    }
}
