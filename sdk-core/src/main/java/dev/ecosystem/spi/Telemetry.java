package dev.ecosystem.spi;

import org.jspecify.annotations.Nullable;

/**
 * Where the SDK reports what a host wants to measure: how long searches, CRM syncs and email sends take and whether
 * they failed, and every call an adapter makes to a provider with its HTTP status (so 429s can be counted). The
 * SDK keeps no metrics library of its own: a host plugs its own in here (the Spring Boot starter ships a Micrometer
 * one). Levels such as the outbox's pending and parked counts and the change feed's lag are not pushed; read them
 * when a gauge asks ({@link OutboxRepository#count}, {@code client.changeFeedLag()}).
 *
 * <pre>{@code
 * Telemetry telemetry = ...;                              // for example the starter's MicrometerTelemetry
 * EcosystemClient client = EcosystemClient.builder().telemetry(telemetry).build();
 * HubSpotCrm.builder().tenant(acme).accessToken(token).telemetry(telemetry).build();
 * }</pre>
 *
 * <p>Implementations are thread-safe, fast and never throw: they are called on the SDK's hot paths, and a failure of
 * theirs is logged and ignored where the SDK can catch it. Tags stay low in cardinality: no tenant, no user.
 */
public interface Telemetry {
    /** The timed operations. */
    enum Operation {
        /** One navigator search or evaluation, as a tenant; the provider is {@code "navigator"}. */
        SEARCH,
        /** One CRM sync (full or incremental) of a tenant; the provider is the CRM connector's. */
        CRM_SYNC,
        /** One email handed to the mailer; the provider is the mailer's. */
        MAIL_SEND
    }

    /** One operation under way, ended exactly once. */
    @FunctionalInterface
    interface Span {
        /** Ends the operation, with the failure that ended it or {@code null} on success. */
        void end(@Nullable Throwable failure);
    }

    /** Reports nothing: the default. */
    static Telemetry none() {
        return NoTelemetry.INSTANCE;
    }

    /**
     * An operation starts on the calling thread; end the returned span when it ends.
     *
     * @param provider a short provider name such as {@code "hubspot"} or {@code "smtp"}
     */
    Span start(Operation operation, String provider);

    /**
     * An adapter received an answer from a provider's API (every attempt, retries too).
     *
     * @param provider a short provider name such as {@code "hubspot"} or {@code "gmail"}
     * @param status the HTTP status, such as 429 when the provider rate limited the call
     */
    void providerCall(String provider, int status);
}

/** {@link Telemetry#none()}. */
enum NoTelemetry implements Telemetry {
    INSTANCE;

    private static final Span DONE = failure -> {
    };

    @Override
    public Span start(Operation operation, String provider) {
        return DONE;
    }

    @Override
    public void providerCall(String provider, int status) {
    }
}
