package dev.ecosystem.internal;

import dev.ecosystem.error.EcosystemException;
import java.time.Duration;

/** What the SDK's durable queues (the outbox, CRM write-backs) share about failed attempts. */
public final class Retries {
    private static final int MAX_DESCRIPTION = 500;

    private Retries() {
    }

    /** {@code first}, doubled per attempt after the first, at most {@code max}. */
    public static Duration backoff(Duration first, Duration max, int attempt) {
        Duration delay = first;
        for (int i = 1; i < attempt && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }

    /**
     * A failure as stored with a queued entry: the message on one line, at most 500 characters, prefixed with the
     * exception's class unless it is one of the SDK's own.
     */
    public static String describe(RuntimeException error) {
        String kind = error instanceof EcosystemException ? "" : error.getClass().getSimpleName() + ": ";
        String message = error.getMessage() == null ? "" : error.getMessage().replaceAll("\\p{Cntrl}", " ");
        String text = kind + message;
        return text.length() > MAX_DESCRIPTION ? text.substring(0, MAX_DESCRIPTION) : text;
    }
}
