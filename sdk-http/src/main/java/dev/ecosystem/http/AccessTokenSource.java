package dev.ecosystem.http;

import dev.ecosystem.internal.base.Checks;

/**
 * Supplies OAuth 2 access tokens to an adapter. The host owns the tokens (it knows where each user's refresh token is
 * stored); the adapter asks for a token before each request and calls {@link #invalidate(String)} when the provider
 * rejects one, then asks again once. Use {@link OAuthRefreshTokenSource} to refresh from a stored refresh token
 * (with rotation), or implement this over your own token store. Implementations are thread-safe.
 *
 * <pre>{@code
 * AccessTokenSource tokens = OAuthRefreshTokenSource.builder()
 *         .tokenEndpoint("https://oauth2.googleapis.com/token")
 *         .clientId(clientId).clientSecret(clientSecret)
 *         .refreshToken(storedRefreshToken)
 *         .onRefreshTokenRotated(newToken -> vault.save(userId, newToken))
 *         .build();
 * }</pre>
 */
public interface AccessTokenSource {
    /** A currently valid access token (refreshing first if the cached one has expired or was invalidated). */
    String accessToken();

    /**
     * Tells the source that the provider rejected {@code rejectedToken} (HTTP 401), so the next
     * {@link #accessToken()} must not return it again. The default does nothing: right for static tokens.
     */
    default void invalidate(String rejectedToken) {
    }

    /** A source that always returns the same token: for short scripts and tests; it cannot refresh. */
    static AccessTokenSource of(String accessToken) {
        String token = Checks.text(accessToken, "accessToken", 10_000);
        return new AccessTokenSource() {
            @Override
            public String accessToken() {
                return token;
            }

            @Override
            public String toString() {
                return "AccessTokenSource[static, token=***]";
            }
        };
    }
}
