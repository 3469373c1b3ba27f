package dev.ecosystem.spi;

import dev.ecosystem.model.CompanyId;
import org.jspecify.annotations.Nullable;

/**
 * A provider refused the stored OAuth grant for good: the refresh token was revoked, expired, or belongs to a client
 * that no longer exists ({@code invalid_grant} and its kin). Retrying cannot help; only the tenant's user can, by
 * connecting the provider again. Raised by every OAuth token source of the SDK (HubSpot, Gmail, Microsoft Graph), so a
 * host catches one type to flag the tenant, tell its admins, and stop the tenant's jobs for that provider until they
 * reconnect, instead of retrying a plain 400 forever.
 *
 * <pre>{@code
 * try {
 *     client.as(tenant).overlaps().sync();
 * } catch (ReauthorizationRequiredException e) {
 *     connections.markDisconnected(e.tenant(), e.provider());
 * }
 * }</pre>
 */
public class ReauthorizationRequiredException extends ProviderException {
    private static final long serialVersionUID = 1L;

    private final @Nullable CompanyId tenant;

    /**
     * Creates the error.
     *
     * @param provider short provider name such as {@code "hubspot"}, {@code "gmail"} or {@code "microsoft"}
     * @param status the token endpoint's HTTP status (usually 400)
     * @param requestId the provider's request id, if it gave one
     * @param tenant the tenant whose grant was refused, or {@code null} where the token source was not told
     * @param message what happened, without the token
     */
    public ReauthorizationRequiredException(String provider, int status, @Nullable String requestId,
            @Nullable CompanyId tenant, String message) {
        super(provider, status, requestId, false, message, null);
        this.tenant = tenant;
    }

    /** The tenant that must connect the provider again, or {@code null} where the token source was not told. */
    public @Nullable CompanyId tenant() {
        return tenant;
    }
}
