package dev.ecosystem.mail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecosystem.ProviderException;
import dev.ecosystem.ReauthorizationRequiredException;
import dev.ecosystem.internal.Checks;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.mail.internal.Durations;
import dev.ecosystem.mail.internal.Http;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link AccessTokenSource} that refreshes access tokens from a stored refresh token with the OAuth 2
 * {@code refresh_token} grant (RFC 6749 section 6), as Google and Microsoft identity platforms expect. Tokens are
 * cached until shortly before they expire; when the provider rotates the refresh token (Microsoft does), the new one
 * is used from then on and handed to {@link Builder#onRefreshTokenRotated(Consumer)} so the host can store it.
 *
 * <p>Token endpoints: Google {@code https://oauth2.googleapis.com/token}; Microsoft
 * {@code https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token} (also set {@link Builder#scope(String)}, e.g.
 * {@code "https://graph.microsoft.com/Mail.Send offline_access"}).
 *
 * <p>Thread-safe: concurrent callers share one refresh. Failures are {@link ProviderException}s with the
 * {@link Builder#provider provider} name ({@code "oauth"} unless set). A refused grant ({@code invalid_grant}: revoked
 * or expired refresh token; {@code invalid_client}, {@code unauthorized_client}) is a
 * {@link ReauthorizationRequiredException} naming the {@link Builder#tenant tenant}: not retryable, the user must
 * connect their mailbox again.
 */
public final class OAuthRefreshTokenSource implements AccessTokenSource {
    private static final Logger LOG = LoggerFactory.getLogger(OAuthRefreshTokenSource.class);
    private final String provider;
    private final @Nullable CompanyId tenant;
    private final String tokenEndpoint;
    private final String clientId;
    private final @Nullable String clientSecret;
    private final @Nullable String scope;
    private final Consumer<String> onRotation;
    private final Clock clock;
    private final Duration refreshAhead;
    private final OkHttpClient http;

    private String refreshToken;
    private @Nullable String accessToken;
    private Instant expiresAt = Instant.MIN;

    private OAuthRefreshTokenSource(Builder b) {
        this.tokenEndpoint = Http.withSlash(Checks.required(b.tokenEndpoint, "tokenEndpoint"))
                .replaceAll("/$", "");
        this.clientId = Checks.text(b.clientId, "clientId", 1_000);
        this.clientSecret = b.clientSecret;
        this.refreshToken = Checks.text(b.refreshToken, "refreshToken", 10_000);
        this.scope = b.scope;
        this.onRotation = b.onRotation;
        this.clock = b.clock;
        this.refreshAhead = b.refreshAhead;
        this.http = Http.client(b.timeout, b.timeout);
        this.provider = b.provider;
        this.tenant = b.tenant;
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public synchronized String accessToken() {
        if (accessToken == null || !clock.instant().isBefore(expiresAt.minus(refreshAhead))) {
            refresh();
        }
        return Objects.requireNonNull(accessToken);
    }

    @Override
    public synchronized void invalidate(String rejectedToken) {
        if (rejectedToken.equals(accessToken)) {
            accessToken = null;
        }
    }

    private void refresh() {
        FormBody.Builder form = new FormBody.Builder()
                .add("grant_type", "refresh_token")
                .add("refresh_token", refreshToken)
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
            JsonNode json = body == null ? Http.JSON.createObjectNode() : parse(body.string());
            if (!response.isSuccessful()) {
                throw failure(response.code(), json, provider, tenant);
            }
            String token = json.path("access_token").asText("");
            if (token.isBlank()) {
                throw ProviderException.retryable(provider, response.code(), null,
                        "token endpoint answered without an access_token");
            }
            long expiresIn = json.path("expires_in").asLong(3600);
            accessToken = token;
            expiresAt = clock.instant().plusSeconds(expiresIn);
            String rotated = json.path("refresh_token").asText("");
            if (!rotated.isBlank() && !rotated.equals(refreshToken)) {
                refreshToken = rotated;
                onRotation.accept(rotated);
            }
        } catch (IOException e) {
            throw ProviderException.unavailable(provider, "token endpoint could not be reached: "
                    + e.getMessage(), e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = Http.JSON.readTree(body);
            return node == null ? Http.JSON.createObjectNode() : node;
        } catch (IOException e) {
            return Http.JSON.createObjectNode();
        }
    }

    private static ProviderException failure(int status, JsonNode json, String provider, @Nullable CompanyId tenant) {
        String error = json.path("error").asText("");
        String description = json.path("error_description").asText("");
        if (error.equals("invalid_grant") || error.equals("invalid_client") || error.equals("unauthorized_client")) {
            return new ReauthorizationRequiredException(provider, status, null, tenant, "the refresh token"
                    + (tenant == null ? "" : " of tenant " + tenant.value()) + " was rejected (" + error
                    + (description.isEmpty() ? "" : ": " + description)
                    + "); the user must connect their mailbox again");
        }
        boolean retryable = status == 429 || status >= 500;
        return new ProviderException(provider, status, null, retryable, "token refresh failed with HTTP " + status
                + (error.isEmpty() ? "" : " (" + error + ")"), null);
    }

    /** Never prints a token or secret. */
    @Override
    public String toString() {
        return "OAuthRefreshTokenSource[endpoint=" + tokenEndpoint + ", clientId=" + clientId + "]";
    }

    /** Builds an {@link OAuthRefreshTokenSource}. */
    public static final class Builder {
        private @Nullable String tokenEndpoint;
        private @Nullable String clientId;
        private @Nullable String clientSecret;
        private @Nullable String refreshToken;
        private @Nullable String scope;
        private Consumer<String> onRotation = rotated -> { };
        private Clock clock = Clock.systemUTC();
        private Duration refreshAhead = Duration.ofMinutes(2);
        private Duration timeout = Duration.ofSeconds(20);
        private String provider = "oauth";
        private @Nullable CompanyId tenant;

        private Builder() {
        }

        /**
         * The provider name in errors, such as {@code "gmail"} or {@code "microsoft"}; {@code "oauth"} by default.
         */
        public Builder provider(String provider) {
            this.provider = Checks.singleLine(provider, "provider", 50);
            return this;
        }

        /**
         * The tenant whose mailbox these tokens open, named by {@link ReauthorizationRequiredException#tenant()} when
         * the grant is refused, so the host knows whom to ask to reconnect.
         */
        public Builder tenant(CompanyId tenant) {
            this.tenant = Checks.required(tenant, "tenant");
            return this;
        }

        /** The token endpoint URL (required). */
        public Builder tokenEndpoint(String url) {
            this.tokenEndpoint = url;
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

        /** Connect and call timeout for the token endpoint (default 20 seconds). */
        public Builder timeout(Duration timeout) {
            this.timeout = Durations.positive(timeout, "timeout");
            return this;
        }

        /** Validates and builds. */
        public OAuthRefreshTokenSource build() {
            return new OAuthRefreshTokenSource(this);
        }
    }
}
