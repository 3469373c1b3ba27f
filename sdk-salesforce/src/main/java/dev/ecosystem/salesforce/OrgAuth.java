package dev.ecosystem.salesforce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecosystem.http.HttpSettings;
import dev.ecosystem.http.OAuthRefreshTokenSource;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.spi.ProviderException;
import dev.ecosystem.spi.Telemetry;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sessions of one org from Salesforce's OAuth 2.0 token endpoint, in one of two flows: the web-server flow's refresh
 * token (a rotated refresh token is handed to the host to store in place of the old one), or the JWT bearer flow
 * (server to server: an RS256-signed assertion, no refresh token). The instance URL is taken from every token
 * response, never assumed. Salesforce's token response says when it was issued but not when the session ends (that
 * is the org's session timeout), so a session is kept until Salesforce refuses it ({@link #invalidate}) or it reaches
 * the configured maximum age. The refresh flow runs on sdk-http's {@link OAuthRefreshTokenSource}; one renewal at a
 * time however many threads need a session; never logs a token.
 */
final class OrgAuth implements RestTransport.Sessions {
    private static final Logger LOG = LoggerFactory.getLogger(OrgAuth.class);
    static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    /** Salesforce accepts a JWT whose expiry is at most three minutes away. */
    static final Duration ASSERTION_LIFETIME = Duration.ofMinutes(3);
    private static final ObjectMapper CLAIMS = new ObjectMapper();

    /** The grant to exchange for a session. */
    sealed interface Grant permits RefreshGrant, JwtGrant {
    }

    /** The web-server flow's refresh token; {@code onRotation} receives a rotated one. */
    record RefreshGrant(String clientId, @Nullable String clientSecret, String refreshToken,
            Consumer<String> onRotation) implements Grant {
        @Override
        public String toString() {
            return "RefreshGrant[clientId=" + clientId + "]";
        }
    }

    /**
     * The JWT bearer flow.
     *
     * @param clientId the connected app's consumer key (the assertion's issuer)
     * @param username the Salesforce user to act as (the subject)
     * @param audience {@code https://login.salesforce.com}, {@code https://test.salesforce.com} or the My Domain URL
     * @param key the private key whose certificate is uploaded to the connected app
     */
    record JwtGrant(String clientId, String username, String audience, PrivateKey key) implements Grant {
        @Override
        public String toString() {
            return "JwtGrant[clientId=" + clientId + ", username=" + username + "]";
        }
    }

    /**
     * What token calls of the refresh flow need besides the grant: the tenant a refused grant names, and the
     * connector's timeouts, attempts and telemetry.
     */
    record TokenCalls(CompanyId tenant, HttpSettings http, Telemetry telemetry) {
    }

    private final HttpUrl tokenUrl;
    private final Grant grant;
    private final Clock clock;
    private final Duration maxSessionAge;
    private final RestTransport transport;
    /** The refresh flow's tokens (with rotation and one refresh at a time), or {@code null} in the JWT flow. */
    private final @Nullable OAuthRefreshTokenSource refreshTokens;
    private final Object lock = new Object();
    private volatile @Nullable OrgSession session;
    private volatile Instant issuedAt = Instant.EPOCH;

    OrgAuth(HttpUrl loginUrl, Grant grant, Clock clock, Duration maxSessionAge, RestTransport transport,
            TokenCalls calls) {
        this.tokenUrl = loginUrl.newBuilder().encodedPath("/services/oauth2/token").build();
        this.grant = grant;
        this.clock = clock;
        this.maxSessionAge = maxSessionAge;
        this.transport = transport;
        if (grant instanceof RefreshGrant refresh) {
            // Salesforce's token response has no expires_in: a session lasts the configured maximum age.
            this.refreshTokens = OAuthRefreshTokenSource.builder()
                    .tokenEndpoint(tokenUrl.toString())
                    .clientId(refresh.clientId()).clientSecret(refresh.clientSecret())
                    .refreshToken(refresh.refreshToken()).onRefreshTokenRotated(refresh.onRotation())
                    .provider(RestTransport.PROVIDER).tenant(calls.tenant())
                    .reauthorizationHint("the refresh token was revoked or expired, or the connected app no longer "
                            + "allows this user, so the tenant must connect Salesforce again")
                    .clock(clock).refreshAhead(Duration.ZERO).defaultLifetime(maxSessionAge)
                    .telemetry(calls.telemetry()).http(calls.http())
                    .build();
        } else {
            this.refreshTokens = null;
        }
    }

    @Override
    public OrgSession session() {
        if (refreshTokens != null) {
            OAuthRefreshTokenSource.Token token = refreshTokens.token();
            return new OrgSession(instanceUrl(token.fields().get("instance_url")), token.accessToken());
        }
        OrgSession current = session;
        if (current != null && fresh()) {
            return current;
        }
        synchronized (lock) {
            current = session;
            if (current != null && fresh()) {
                return current;
            }
            return renewByJwt();
        }
    }

    @Override
    public void invalidate(OrgSession refused) {
        if (refreshTokens != null) {
            refreshTokens.invalidate(refused.accessToken());
            return;
        }
        synchronized (lock) {
            // Another thread may have renewed already: forget only the session Salesforce refused.
            if (Objects.equals(session, refused)) {
                session = null;
            }
        }
    }

    private boolean fresh() {
        return clock.instant().isBefore(issuedAt.plus(maxSessionAge));
    }

    private OrgSession renewByJwt() {
        FormBody form = new FormBody.Builder().add("grant_type", JWT_BEARER)
                .add("assertion", assertion((JwtGrant) grant, clock.instant())).build();
        JsonNode token = transport.token(new RestTransport.What("get a session by the JWT bearer flow", null, null),
                new Request.Builder().url(tokenUrl).post(form).build());
        String accessToken = token.path("access_token").asText(null);
        if (accessToken == null || accessToken.isBlank()) {
            throw ProviderException.refused(RestTransport.PROVIDER, 200, null,
                    "Salesforce's token response had no access_token or no valid instance_url");
        }
        OrgSession fresh = new OrgSession(instanceUrl(token.path("instance_url").asText(null)), accessToken);
        session = fresh;
        issuedAt = clock.instant();
        LOG.debug("new Salesforce session for {}", fresh.instanceUrl());
        return fresh;
    }

    /** The instance URL of a token response: every API call goes there, so one that is missing is an error. */
    private static HttpUrl instanceUrl(@Nullable String value) {
        HttpUrl instance = value == null ? null : HttpUrl.parse(value);
        if (instance == null) {
            throw ProviderException.refused(RestTransport.PROVIDER, 200, null,
                    "Salesforce's token response had no access_token or no valid instance_url");
        }
        return instance;
    }

    /**
     * The JWT bearer flow's assertion: header {@code {"alg":"RS256"}}, claims {@code iss} (consumer key), {@code sub}
     * (username), {@code aud} (login URL) and {@code exp} (within three minutes), signed with SHA256withRSA.
     */
    static String assertion(JwtGrant grant, Instant now) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8));
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", grant.clientId());
        claims.put("sub", grant.username());
        claims.put("aud", grant.audience());
        claims.put("exp", now.plus(ASSERTION_LIFETIME).getEpochSecond());
        try {
            String signingInput = header + "." + base64.encodeToString(CLAIMS.writeValueAsBytes(claims));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(grant.key());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw ProviderException.failed(RestTransport.PROVIDER, "could not sign the JWT bearer "
                    + "assertion with the configured key (" + e.getClass().getSimpleName() + "): it must be an RSA "
                    + "private key", e);
        }
    }
}
