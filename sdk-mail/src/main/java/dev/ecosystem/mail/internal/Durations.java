package dev.ecosystem.mail.internal;

import dev.ecosystem.ValidationException;
import dev.ecosystem.internal.Checks;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Checks for duration settings. */
public final class Durations {
    private Durations() {
    }

    /** Returns {@code value}, or fails unless it is longer than zero. */
    public static Duration positive(@Nullable Duration value, String field) {
        Duration duration = Checks.required(value, field);
        if (duration.isNegative() || duration.isZero()) {
            throw new ValidationException(field + " must be positive, but was " + value);
        }
        return duration;
    }
}
