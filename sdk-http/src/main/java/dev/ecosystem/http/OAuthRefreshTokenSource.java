package dev.ecosystem.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.spi.ProviderException;
import dev.ecosystem.spi.ReauthorizationRequiredException;
import dev.ecosystem.spi.Telemetry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link AccessTokenSource} that refreshes access tokens from a stored refresh token with the OAuth 2
 * {@code refresh_token} grant (RFC 6749 section 6), as Google, Microsoft, HubSpot and Salesforce expect. A token is
 * kept until {@link Builder#refreshAhead} before it expires; when the provider rotates the refresh token, the new one
 * is used from then on and handed to {@link Builder#onRefreshTokenRotated(Consumer)} so the host can store it.
 *
 * <p>Token endpoints: Google {@code https://oauth2.googleapis.com/token}; Microsoft
 * {@code https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token} (also set {@link Builder#scope(String)}, e.g.
 * {@code "https://graph.microsoft.com/Mail.Send offline_access"}).
 *
 * <p>Thread-safe: concurrent callers share one refresh. Failures are {@link ProviderException}s with the
 * {@link Builder#provider provider} name ({@code "oauth"} unless set); 429 and 5xx answers and calls without an answer
 * are retried as the {@link Builder#http http settings} say (one attempt by default: the adapter that asks for the
 * token retries its own call). A refused grant ({@code invalid_grant}: revoked or expired refresh token;
 * {@code invalid_client}, {@code unauthorized_client}) is a {@link ReauthorizationRequiredException} naming the
 * {@link Builder#tenant tenant}: not retryable, the user must authorize again. Never logs or prints a token.
 */
public final class OAuthRefreshTokenSource implements AccessTokenSource {
    private static final Logger LOG = LoggerFactory.getLogger(OAuthRefreshTokenSource.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** OAuth errors (RFC 6749 section 5.2) that say the stored grant or the client is dead. */
    private static final Set<String> GRANT_REFUSED = Set.of("invalid_grant", "invalid_client", "unauthorized_client");

    /**
     * An access token and the rest of the token response.
     *
     * @param accessToken the bearer token
     * @param expiresAt when it expires ({@code expires_in}, or the {@link Builder#defaultLifetime} without one)
     * @param fields the response's other top-level text and number fields, such as Salesforce's {@code instance_url}
     */
    public record Token(String accessToken, Instant expiresAt, Map<String, String> fields) {
        /** Copies the fields. */
        public Token {
            fields = Map.copyOf(fields);
        }

        /** Never prints the token. */
        @Override
        public String toString() {
            return "Token[expiresAt=" + expiresAt + ", fields=" + fields.keySet() + "]";
        }
    }

    private final String provider;
    private final @Nullable CompanyId tenant;
    private final HttpUrl tokenEndpoint;
    private final String clientId;
    private final @Nullable String clientSecret;
    private final @Nullable String scope;
    private final Consumer<String> onRotation;
    private final Clock clock;
    private final Duration refreshAhead;
    private final Duration defaultLifetime;
    private final String reauthorizationHint;
    private final String requestIdHeader;
    private final OkHttpClient http;
    private final RetryExecutor retries;
    private final Object refreshLock = new Object();

    private volatile String refreshToken;
    private volatile @Nullable Token current;

    private OAuthRefreshTokenSource(Builder b) {
        this.tokenEndpoint = Checks.required(b.tokenEndpoint, "tokenEndpoint");
        this.clientId = Checks.text(b.clientId, "clientId", 1_000);
        this.clientSecret = b.clientSecret;
        this.refreshToken = Checks.text(b.refreshToken, "refreshToken", 10_000);
        this.scope = b.scope;
        this.onRotation = b.onRotation;
        this.clock = b.clock;
        this.refreshAhead = b.refreshAhead;
        this.defaultLifetime = b.defaultLifetime;
        this.reauthorizationHint = b.reauthorizationHint;
        this.requestIdHeader = b.requestIdHeader;
        this.provider = b.provider;
        this.tenant = b.tenant;
        HttpSettings settings = b.http.build();
        this.http = settings.newClient(b.telemetry, provider);
        this.retries = new RetryExecutor(provider, settings);
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String accessToken() {
        return token().accessToken();
    }

    /**
     * The current token with the rest of its response, refreshed first when there is none, it was invalidated, or it
     * expires within the refresh-ahead margin. One refresh at a time: threads that waited for it get its token.
     */
    public Token token() {
        Token token = current;
        if (token != null && fresh(token)) {
            return token;
        }
        synchronized (refreshLock) {
            token = current;
            if (token != null && fresh(token)) {
                return token;
            }
            Token refreshed = retries.run(this::refresh);
            current = refreshed;
            return refreshed;
        }
    }

    @Override
    public void invalidate(String rejectedToken) {
        synchronized (refreshLock) {
            // Another thread may have refreshed already: forget only the token the provider refused.
            Token token = current;
            if (token != null && token.accessToken().equals(rejectedToken)) {
                current = null;
            }
        }
    }

    private boolean fresh(Token token) {
        return clock.instant().plus(refreshAhead).isBefore(token.expiresAt());
    }

    private Token refresh() {
        String used = refreshToken;
        FormBody.Builder form = new FormBody.Builder()
                .add("grant_type", "refresh_token")
                .add("refresh_token", used)
                .add("client_id", clientId);
        if (clientSecret != null) {
            form.add("client_secret", clientSecret);
        }
        if (scope != null) {
            form.add("scope", scope);
        }
        Request request = new Request.Builder().url(tokenEndpoint).post(form.build()).build();
        LOG.debug("refreshing an OAuth access token at {}", tokenEndpoint);
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            JsonNode json = body == null ? JSON.createObjectNode() : parse(body.string());
            if (!response.isSuccessful()) {
                throw failure(response, json);
            }
            String token = json.path("access_token").asText("");
            if (token.isBlank()) {
                throw ProviderException.refused(provider, response.code(), null,
                        "the token endpoint answered without an access_token");
            }
            Instant now = clock.instant();
            Instant expiresAt = json.hasNonNull("expires_in") ? now.plusSeconds(json.path("expires_in").asLong())
                    : now.plus(defaultLifetime);
            Map<String, String> fields = new LinkedHashMap<>();
            json.properties().forEach(field -> {
                if (field.getValue().isValueNode() && !field.getKey().equals("access_token")
                        && !field.getKey().equals("refresh_token")) {
                    fields.put(field.getKey(), field.getValue().asText());
                }
            });
            String rotated = json.path("refresh_token").asText("");
            if (!rotated.isBlank() && !rotated.equals(used)) {
                refreshToken = rotated;
                LOG.debug("{} rotated the refresh token; handing the new one to the host", provider);
                onRotation.accept(rotated);
            }
            return new Token(token, expiresAt, fields);
        } catch (IOException e) {
            throw new TransientFailure(provider, 0, null, null, true, "the token endpoint could not be reached or "
                    + "gave no answer: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node == null ? JSON.createObjectNode() : node;
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    /**
     * The provider's id of a failed token call, for its support: the {@link Builder#requestIdHeader} header, else a
     * correlation id in the error body (HubSpot's {@code correlationId}, Microsoft's {@code correlation_id} and
     * {@code trace_id}).
     */
    private @Nullable String requestId(Response response, JsonNode json) {
        String header = response.header(requestIdHeader);
        if (header != null && !header.isBlank()) {
            return header;
        }
        for (String field : List.of("correlationId", "correlation_id", "trace_id")) {
            String value = json.path(field).asText("");
            if (!value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private ProviderException failure(Response response, JsonNode json) {
        int status = response.code();
        String requestId = requestId(response, json);
        String error = json.path("error").asText("");
        String description = json.path("error_description").asText("");
        if (GRANT_REFUSED.contains(error)) {
            return new ReauthorizationRequiredException(provider, status, requestId, tenant, "the refresh token"
                    + (tenant == null ? "" : " of tenant " + tenant.value()) + " was rejected (" + error
                    + (description.isEmpty() ? "" : ": " + description) + "): the grant was revoked or expired, or "
                    + "the client may no longer use it; " + reauthorizationHint);
        }
        String what = "token refresh failed with HTTP " + status + (error.isEmpty() ? "" : " (" + error + ")");
        if (status == 429 || status >= 500) {
            return new TransientFailure(provider, status, requestId,
                    RetryExecutor.retryAfter(response.header("Retry-After"), clock.instant()), false, what, null);
        }
        return ProviderException.refused(provider, status, requestId, what);
    }

    /** Never prints a token or secret. */
    @Override
    public String toString() {
        return "OAuthRefreshTokenSource[endpoint=" + tokenEndpoint + ", clientId=" + clientId + "]";
    }

    /** Builds an {@link OAuthRefreshTokenSource}. Not thread-safe. */
    public static final class Builder {
        private @Nullable HttpUrl tokenEndpoint;
        private @Nullable String clientId;
        private @Nullable String clientSecret;
        private @Nullable String refreshToken;
        private @Nullable String scope;
        private Consumer<String> onRotation = rotated -> { };
        private Clock clock = Clock.systemUTC();
        private Duration refreshAhead = Duration.ofMinutes(2);
        private Duration defaultLifetime = Duration.ofHours(1);
        private String provider = "oauth";
        private String reauthorizationHint = "the user must authorize the app again";
        private String requestIdHeader = "X-Request-Id";
        private @Nullable CompanyId tenant;
        private Telemetry telemetry = Telemetry.none();
        private HttpSettings.Builder http = HttpSettings.builder()
                .timeout(Duration.ofSeconds(20)).callTimeout(Duration.ofSeconds(20)).maxAttempts(1);

        private Builder() {
        }

        /**
         * The provider name in errors and telemetry, such as {@code "gmail"} or {@code "microsoft"}; {@code "oauth"}
         * by default.
         */
        public Builder provider(String provider) {
            this.provider = Checks.singleLine(provider, "provider", 50);
            return this;
        }

        /**
         * The tenant whose account these tokens open, named by {@link ReauthorizationRequiredException#tenant()} when
         * the grant is refused, so the host knows whom to ask to reconnect.
         */
        public Builder tenant(CompanyId tenant) {
            this.tenant = Checks.required(tenant, "tenant");
            return this;
        }

        /** The token endpoint URL (required). */
        public Builder tokenEndpoint(String url) {
            Checks.singleLine(url, "tokenEndpoint", 2000);
            HttpUrl parsed = HttpUrl.parse(url);
            if (parsed == null) {
                throw new ValidationException("tokenEndpoint must be an http(s) URL, but was " + Checks.quote(url));
            }
            this.tokenEndpoint = parsed;
            return this;
        }

        /** The OAuth client id (required). */
        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        /** The OAuth client secret; omit for public clients. */
        public Builder clientSecret(@Nullable String clientSecret) {
            this.clientSecret = clientSecret;
            return this;
        }

        /** The user's current refresh token (required). */
        public Builder refreshToken(String refreshToken) {
            this.refreshToken = refreshToken;
            return this;
        }

        /** The scope to ask for on refresh (Microsoft wants one); omit to keep the granted scope. */
        public Builder scope(@Nullable String scope) {
            this.scope = scope;
            return this;
        }

        /** Called with the new refresh token whenever the provider rotates it: store it, the old one is dead. */
        public Builder onRefreshTokenRotated(Consumer<String> callback) {
            this.onRotation = Checks.required(callback, "onRefreshTokenRotated");
            return this;
        }

        /** The clock that decides when a token has expired (default: system UTC). */
        public Builder clock(Clock clock) {
            this.clock = Checks.required(clock, "clock");
            return this;
        }

        /** Refresh this long before the token expires (default 2 minutes). */
        public Builder refreshAhead(Duration refreshAhead) {
            Checks.nonNegative(Checks.required(refreshAhead, "refreshAhead").toMillis(), "refreshAhead");
            this.refreshAhead = refreshAhead;
            return this;
        }

        /**
         * How long a token is used when the response has no {@code expires_in} (Salesforce's has none: the org's
         * session timeout decides); one hour by default.
         */
        public Builder defaultLifetime(Duration lifetime) {
            this.defaultLifetime = Checks.positive(lifetime, "defaultLifetime");
            return this;
        }

        /**
         * What the reauthorization error tells the host to do, such as {@code "the user must connect their mailbox
         * again"}; {@code "the user must authorize the app again"} by default.
         */
        public Builder reauthorizationHint(String hint) {
            this.reauthorizationHint = Checks.singleLine(hint, "reauthorizationHint", 300);
            return this;
        }

        /** The response header with the provider's request id, named in errors; {@code X-Request-Id} by default. */
        public Builder requestIdHeader(String header) {
            this.requestIdHeader = Checks.singleLine(header, "requestIdHeader", 100);
            return this;
        }

        /** Where every answer of the token endpoint is reported with its HTTP status (default none). */
        public Builder telemetry(Telemetry telemetry) {
            this.telemetry = Checks.required(telemetry, "telemetry");
            return this;
        }

        /**
         * Timeouts and retries of the token calls, starting from 20 seconds for connecting and for the whole call,
         * and one attempt.
         */
        public Builder http(Consumer<HttpSettings.Builder> settings) {
            Checks.required(settings, "http").accept(http);
            return this;
        }

        /** Timeouts and retries of the token calls as they are for the adapter's other calls. */
        public Builder http(HttpSettings settings) {
            this.http = Checks.required(settings, "http").toBuilder();
            return this;
        }

        /** Validates and builds. */
        public OAuthRefreshTokenSource build() {
            return new OAuthRefreshTokenSource(this);
        }
    }
}
