package dev.ecosystem.testkit;

import dev.ecosystem.spi.Telemetry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Telemetry} that remembers what it heard, for tests of what an adapter or a client reports.
 *
 * <pre>{@code
 * RecordingTelemetry telemetry = new RecordingTelemetry();
 * MyMailer mailer = MyMailer.builder().telemetry(telemetry).build();
 * mailer.send(message);
 * assertThat(telemetry.calls()).containsExactly("my-provider 429", "my-provider 200");
 * }</pre>
 */
public final class RecordingTelemetry implements Telemetry {
    /** One ended span. */
    public record Ended(Operation operation, String provider, @Nullable Throwable failure) {
    }

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<Ended> ended = new CopyOnWriteArrayList<>();

    /** An empty recorder. */
    public RecordingTelemetry() {
    }

    @Override
    public Span start(Operation operation, String provider) {
        return failure -> ended.add(new Ended(operation, provider, failure));
    }

    @Override
    public void providerCall(String provider, int status) {
        calls.add(provider + " " + status);
    }

    /** Every provider call heard, as {@code "provider status"}, in order. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    /** Every span ended, in order. */
    public List<Ended> ended() {
        return List.copyOf(ended);
    }
}
