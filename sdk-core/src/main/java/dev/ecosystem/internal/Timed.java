package dev.ecosystem.internal;

import dev.ecosystem.spi.Telemetry;
import java.util.function.Supplier;

/** Runs one operation inside a {@link Telemetry.Span}, ending it with the operation's outcome. */
public final class Timed {
    private Timed() {
    }

    /** {@code work}'s result, its duration and failure reported to {@code telemetry}. */
    public static <T> T call(Telemetry telemetry, Telemetry.Operation operation, String provider, Supplier<T> work) {
        Telemetry.Span span = telemetry.start(operation, provider);
        T result;
        try {
            result = work.get();
        } catch (RuntimeException | Error e) {
            span.end(e);
            throw e;
        }
        span.end(null);
        return result;
    }
}
