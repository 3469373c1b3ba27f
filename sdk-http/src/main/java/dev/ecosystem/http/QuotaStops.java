package dev.ecosystem.http;

import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.spi.QuotaExhaustedException;
import java.util.function.Supplier;

/**
 * Gives a daily-quota stop the checkpoint to resume from. A connector's transport knows that the provider's quota is
 * used up but not where the read it was part of stood; the page or change read that called it does. Wrapping that
 * read here turns a {@link QuotaExhaustedException} without a {@link QuotaExhaustedException#resumeCheckpoint()} into
 * one with the read's checkpoint (or page cursor), so the host resumes exactly there after
 * {@link QuotaExhaustedException#retryAfter()}.
 */
public final class QuotaStops {
    private QuotaStops() {
    }

    /**
     * Runs {@code read}; a quota stop without a resume checkpoint is thrown again with {@code resumeCheckpoint}.
     *
     * @param resumeCheckpoint the checkpoint or cursor the read started from
     * @throws QuotaExhaustedException with a resume checkpoint when the provider's quota is used up
     */
    public static <T> T withResumeCheckpoint(String resumeCheckpoint, Supplier<T> read) {
        Checks.required(resumeCheckpoint, "resumeCheckpoint");
        try {
            return read.get();
        } catch (QuotaExhaustedException e) {
            if (e.resumeCheckpoint() != null) {
                throw e;
            }
            throw new QuotaExhaustedException(e.provider(), e.status(), e.requestId(), e.retryAfter(),
                    resumeCheckpoint, e.getMessage() + "; resume from resumeCheckpoint");
        }
    }
}
