package dev.ecosystem.salesforce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecosystem.ProviderException;
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
 * the configured maximum age. One renewal at a time however many threads need a session; never logs a token.
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

    private final HttpUrl tokenUrl;
    private final Grant grant;
    private final Clock clock;
    private final Duration maxSessionAge;
    private final Object lock = new Object();
    private @Nullable RestTransport transport;
    private volatile @Nullable String refreshToken;
    private volatile @Nullable OrgSession session;
    private volatile Instant issuedAt = Instant.EPOCH;

    OrgAuth(HttpUrl loginUrl, Grant grant, Clock clock, Duration maxSessionAge) {
        this.tokenUrl = loginUrl.newBuilder().encodedPath("/services/oauth2/token").build();
        this.grant = grant;
        this.clock = clock;
        this.maxSessionAge = maxSessionAge;
        this.refreshToken = grant instanceof RefreshGrant refresh ? refresh.refreshToken() : null;
    }

    /** Connects the transport for token calls; done once while the connector is built. */
    void connect(RestTransport transport) {
        this.transport = transport;
    }

    @Override
    public OrgSession session() {
        OrgSession current = session;
        if (current != null && fresh()) {
            return current;
        }
        synchronized (lock) {
            current = session;
            if (current != null && fresh()) {
                return current;
            }
            return renew();
        }
    }

    @Override
    public void invalidate(OrgSession refused) {
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

    private OrgSession renew() {
        RestTransport http = Objects.requireNonNull(transport, "connect() was not called");
        FormBody.Builder form = new FormBody.Builder();
        String used = refreshToken;
        if (grant instanceof RefreshGrant refresh) {
            form.add("grant_type", "refresh_token").add("client_id", refresh.clientId())
                    .add("refresh_token", Objects.requireNonNull(used));
            if (refresh.clientSecret() != null) {
                form.add("client_secret", refresh.clientSecret());
            }
        } else {
            form.add("grant_type", JWT_BEARER).add("assertion", assertion((JwtGrant) grant, clock.instant()));
        }
        JsonNode token = http.token(new RestTransport.What(grant instanceof RefreshGrant
                        ? "refresh the OAuth session" : "get a session by the JWT bearer flow", null, null),
                new Request.Builder().url(tokenUrl).post(form.build()).build());
        String accessToken = token.path("access_token").asText(null);
        HttpUrl instance = HttpUrl.parse(token.path("instance_url").asText(""));
        if (accessToken == null || accessToken.isBlank() || instance == null) {
            throw new ProviderException(RestTransport.PROVIDER, 200, null, false,
                    "Salesforce's token response had no access_token or no valid instance_url", null);
        }
        OrgSession fresh = new OrgSession(instance, accessToken);
        session = fresh;
        issuedAt = clock.instant();
        String rotated = token.path("refresh_token").asText(null);
        if (grant instanceof RefreshGrant refresh && rotated != null && !rotated.isBlank() && !rotated.equals(used)) {
            refreshToken = rotated;
            LOG.debug("Salesforce rotated the refresh token; handing the new one to the host");
            refresh.onRotation().accept(rotated);
        }
        LOG.debug("new Salesforce session for {}", instance);
        return fresh;
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
            throw new ProviderException(RestTransport.PROVIDER, 0, null, false, "could not sign the JWT bearer "
                    + "assertion with the configured key (" + e.getClass().getSimpleName() + "): it must be an RSA "
                    + "private key", e);
        }
    }
}
