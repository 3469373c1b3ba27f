package dev.ecosystem.http;

import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.spi.Telemetry;
import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * How an adapter calls a provider over HTTP: the timeouts of one call, how many attempts a call gets, the jittered
 * exponential backoff between them, the longest {@code Retry-After} worth waiting for, and the {@link Sleeper} that
 * waits. Immutable; every adapter builder takes these through one {@code http(...)} method that starts from that
 * adapter's defaults:
 *
 * <pre>{@code
 * HubSpotCrm.builder().tenant(acme).accessToken(token)
 *         .http(http -> http.maxAttempts(3).callTimeout(Duration.ofSeconds(30)))
 *         .build();
 * }</pre>
 */
public final class HttpSettings {
    private static final HttpSettings DEFAULTS = new Builder().build();

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration callTimeout;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration maxRetryAfter;
    private final Sleeper sleeper;

    private HttpSettings(Builder b) {
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.callTimeout = b.callTimeout;
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.maxRetryAfter = b.maxRetryAfter;
        this.sleeper = b.sleeper;
    }

    /**
     * The defaults: connect 10 seconds, read and write 30 seconds, a whole call 60 seconds, 5 attempts, backoff from
     * 500 ms doubling (with 50 % jitter) up to 30 seconds, {@code Retry-After} waited up to 2 minutes, and
     * {@link Sleeper#system()}.
     */
    public static HttpSettings defaults() {
        return DEFAULTS;
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.connectTimeout = connectTimeout;
        b.readTimeout = readTimeout;
        b.callTimeout = callTimeout;
        b.maxAttempts = maxAttempts;
        b.initialBackoff = initialBackoff;
        b.maxBackoff = maxBackoff;
        b.maxRetryAfter = maxRetryAfter;
        b.sleeper = sleeper;
        return b;
    }

    /** How long connecting may take. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** How long one read or write of a call may block. */
    public Duration readTimeout() {
        return readTimeout;
    }

    /**
     * How long one call may take from start to the last byte of the response: the read timeout alone never ends a
     * call whose server trickles a byte now and then.
     */
    public Duration callTimeout() {
        return callTimeout;
    }

    /** Attempts per call, the first included. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** The first backoff wait; each later one doubles, with 50 % jitter. */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** The longest backoff wait. */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** The longest {@code Retry-After} worth waiting for within one call; a longer one fails at once (retryable). */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /** What waits between attempts and wherever the adapter paces its calls. */
    public Sleeper sleeper() {
        return sleeper;
    }

    /**
     * An OkHttp client with these timeouts, without OkHttp's own silent retries (the {@link RetryExecutor} decides),
     * reporting the status of every answer {@code provider} gives to {@code telemetry} (each attempt, so 429s are
     * counted where they happen).
     */
    public OkHttpClient newClient(Telemetry telemetry, String provider) {
        Checks.required(telemetry, "telemetry");
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .writeTimeout(readTimeout)
                .callTimeout(callTimeout)
                .retryOnConnectionFailure(false);
        if (telemetry != Telemetry.none()) {
            builder.addInterceptor(chain -> {
                okhttp3.Response response = chain.proceed(chain.request());
                telemetry.providerCall(provider, response.code());
                return response;
            });
        }
        return builder.build();
    }

    @Override
    public String toString() {
        return "HttpSettings[connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", callTimeout="
                + callTimeout + ", maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff + ", maxBackoff="
                + maxBackoff + ", maxRetryAfter=" + maxRetryAfter + "]";
    }

    /** Builds {@link HttpSettings}; each setter checks its value at once. Not thread-safe. */
    public static final class Builder {
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration callTimeout = Duration.ofSeconds(60);
        private int maxAttempts = 5;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private Duration maxRetryAfter = Duration.ofMinutes(2);
        private Sleeper sleeper = Sleeper.system();

        private Builder() {
        }

        /** Sets the connect timeout and the read and write timeout of one call to the same value. */
        public Builder timeout(Duration timeout) {
            Checks.positive(timeout, "timeout");
            this.connectTimeout = timeout;
            this.readTimeout = timeout;
            return this;
        }

        /** How long connecting may take. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Checks.positive(connectTimeout, "connectTimeout");
            return this;
        }

        /** How long one read or write may block. */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = Checks.positive(readTimeout, "readTimeout");
            return this;
        }

        /**
         * How long one call may take from start to the last byte of the response. A call cut off is a retryable
         * failure with status 0, retried like other timeouts.
         */
        public Builder callTimeout(Duration callTimeout) {
            this.callTimeout = Checks.positive(callTimeout, "callTimeout");
            return this;
        }

        /** Attempts per call for transient failures (5xx, timeouts, rate limits), 1 to 20. */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = Checks.range(maxAttempts, 1, 20, "maxAttempts");
            return this;
        }

        /** The first backoff wait, doubled with jitter on each retry. */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = Checks.positive(initialBackoff, "initialBackoff");
            return this;
        }

        /** The longest backoff wait (never shorter than the first: a shorter one waits the first every time). */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = Checks.positive(maxBackoff, "maxBackoff");
            return this;
        }

        /** The longest {@code Retry-After} worth waiting for within one call. */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = Checks.positive(maxRetryAfter, "maxRetryAfter");
            return this;
        }

        /** What waits (backoff, rate limits, pacing); {@link Sleeper#system()} by default. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Checks.required(sleeper, "sleeper");
            return this;
        }

        /** Builds the settings. */
        public HttpSettings build() {
            return new HttpSettings(this);
        }
    }
}
