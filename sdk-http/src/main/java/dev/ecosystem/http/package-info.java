/**
 * HTTP plumbing for adapter authors, shared by the SDK's own connectors and mailers: {@link
 * dev.ecosystem.http.HttpSettings} (timeouts, attempts, backoff and the {@link dev.ecosystem.http.Sleeper} that waits),
 * the {@link dev.ecosystem.http.RetryExecutor} that runs attempts with jittered exponential backoff and
 * {@code Retry-After}, and OAuth 2 access tokens from an {@link dev.ecosystem.http.AccessTokenSource}, such as the
 * {@link dev.ecosystem.http.OAuthRefreshTokenSource} over a stored refresh token.
 */
@NullMarked
package dev.ecosystem.http;

import org.jspecify.annotations.NullMarked;
