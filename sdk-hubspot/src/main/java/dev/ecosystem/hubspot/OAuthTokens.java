package dev.ecosystem.hubspot;

import dev.ecosystem.ProviderException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Call;

/**
 * OAuth 2 access tokens of one installation: refreshed ahead of expiry (HubSpot says a 401 is not a reliable sign
 * that a refresh is due), one refresh at a time however many threads need a token, and every rotated refresh token
 * handed to the host to store. Never logs or prints a token.
 */
final class OAuthTokens {
    private static final Logger LOG = LoggerFactory.getLogger(OAuthTokens.class);

    /** Refreshes the token: given the current refresh token, returns the call to make. */
    interface Refresher {
        Call<Json.Token> call(String refreshToken);
    }

    private record Access(String token, Instant expiresAt) {
        @Override
        public String toString() {
            return "Access[expiresAt=" + expiresAt + "]";
        }
    }

    private final Clock clock;
    private final Duration refreshAhead;
    private final Consumer<String> onRotation;
    private final Object refreshLock = new Object();
    private @Nullable Transport transport;
    private @Nullable Refresher refresher;
    private volatile String refreshToken;
    private volatile @Nullable Access access;

    OAuthTokens(String refreshToken, Clock clock, Duration refreshAhead, Consumer<String> onRotation) {
        this.refreshToken = refreshToken;
        this.clock = clock;
        this.refreshAhead = refreshAhead;
        this.onRotation = onRotation;
    }

    /** Connects the token endpoint; done once while the connector is built. */
    void connect(Transport transport, Refresher refresher) {
        this.transport = transport;
        this.refresher = refresher;
    }

    /** A valid access token, refreshing first if the current one expires within the refresh-ahead margin. */
    String accessToken() {
        Access current = access;
        if (current != null && isFresh(current)) {
            return current.token();
        }
        synchronized (refreshLock) {
            // Threads that waited for the lock find the token another thread just refreshed.
            current = access;
            if (current != null && isFresh(current)) {
                return current.token();
            }
            return refresh().token();
        }
    }

    /** Forgets the access token, so the next call refreshes (after a 401). */
    void invalidate() {
        access = null;
    }

    private boolean isFresh(Access candidate) {
        return clock.instant().plus(refreshAhead).isBefore(candidate.expiresAt());
    }

    private Access refresh() {
        Transport http = Objects.requireNonNull(transport, "connect() was not called");
        Refresher endpoint = Objects.requireNonNull(refresher, "connect() was not called");
        String used = refreshToken;
        Json.Token token = http.execute("refresh the OAuth access token", false, Transport.Repeat.SAFE,
                () -> endpoint.call(used));
        if (token.accessToken() == null || token.expiresIn() == null) {
            throw ProviderException.refused(Transport.PROVIDER, 200, null,
                    "HubSpot's token response had no access_token or expires_in");
        }
        Access fresh = new Access(token.accessToken(), clock.instant().plusSeconds(token.expiresIn()));
        access = fresh;
        String rotated = token.refreshToken();
        if (rotated != null && !rotated.isBlank() && !rotated.equals(used)) {
            refreshToken = rotated;
            LOG.debug("HubSpot rotated the refresh token; handing the new one to the host");
            onRotation.accept(rotated);
        }
        LOG.debug("refreshed the HubSpot access token; it expires at {}", fresh.expiresAt());
        return fresh;
    }
}
