package dev.ecosystem.spring;

import dev.ecosystem.spi.Telemetry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * The SDK's {@link Telemetry} on Micrometer. Each timed operation is an {@link Observation} when an
 * {@link ObservationRegistry} is given (so tracing and the registry's meter handler see it), else a {@link Timer}
 * directly; either way the timer is named as below, tagged {@code provider} and {@code error} (the exception's
 * simple name, or {@code none}), which gives failures by provider.
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>what</th></tr>
 *   <tr><td>{@code ecosystem.search}</td><td>navigator search latency</td></tr>
 *   <tr><td>{@code ecosystem.crm.sync}</td><td>CRM sync duration, by CRM provider</td></tr>
 *   <tr><td>{@code ecosystem.mail.send}</td><td>send latency and failures, by mail provider</td></tr>
 *   <tr><td>{@code ecosystem.provider.calls}</td><td>API calls by provider and {@code status}</td></tr>
 *   <tr><td>{@code ecosystem.provider.rate.limited}</td><td>429 answers by provider</td></tr>
 * </table>
 */
public final class MicrometerTelemetry implements Telemetry {
    private final MeterRegistry meters;
    private final @Nullable ObservationRegistry observations;

    /**
     * Telemetry into {@code meters}, and through {@code observations} when it is not {@code null} (its meter handler,
     * as Spring Boot registers one, then makes the timers).
     */
    public MicrometerTelemetry(MeterRegistry meters, @Nullable ObservationRegistry observations) {
        this.meters = meters;
        this.observations = observations == null || observations.isNoop() ? null : observations;
    }

    /** The meter name of {@code operation}. */
    static String name(Operation operation) {
        return switch (operation) {
            case SEARCH -> "ecosystem.search";
            case CRM_SYNC -> "ecosystem.crm.sync";
            case MAIL_SEND -> "ecosystem.mail.send";
        };
    }

    @Override
    public Span start(Operation operation, String provider) {
        String name = name(operation);
        ObservationRegistry registry = observations;
        if (registry != null) {
            Observation observation = Observation.createNotStarted(name, registry)
                    .lowCardinalityKeyValue("provider", provider)
                    .contextualName(name.replace('.', ' ').substring("ecosystem ".length()))
                    .start();
            return failure -> {
                if (failure != null) {
                    observation.error(failure);
                }
                observation.stop();
            };
        }
        Timer.Sample sample = Timer.start(meters);
        return failure -> sample.stop(Timer.builder(name)
                .tag("provider", provider)
                .tag("error", failure == null ? "none" : failure.getClass().getSimpleName())
                .register(meters));
    }

    @Override
    public void providerCall(String provider, int status) {
        Counter.builder("ecosystem.provider.calls").tag("provider", provider).tag("status", Integer.toString(status))
                .register(meters).increment();
        if (status == 429) {
            Counter.builder("ecosystem.provider.rate.limited").tag("provider", provider)
                    .register(meters).increment();
        }
    }
}
