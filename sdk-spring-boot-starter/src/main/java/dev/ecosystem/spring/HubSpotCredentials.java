package dev.ecosystem.spring;

import dev.ecosystem.hubspot.HubSpotCrm;
import dev.ecosystem.model.CompanyId;

/**
 * The application's HubSpot credentials, per tenant: every tenant connects its own portal. Define one as a bean and
 * the starter gives the client {@code CrmConnections} that build (once per tenant, then reuse) a {@link HubSpotCrm}
 * with them.
 *
 * <pre>{@code
 * @Bean
 * HubSpotCredentials hubSpotCredentials(TokenVault vault) {
 *     return (tenant, builder) -> vault.hubSpotToken(tenant)
 *             .map(token -> { builder.accessToken(token); return true; })
 *             .orElse(false);
 * }
 * }</pre>
 */
@FunctionalInterface
public interface HubSpotCredentials {
    /**
     * Sets the tenant's credentials on {@code builder} ({@code accessToken(...)} or {@code oauth(...)}; the tenant and
     * telemetry are already set), or returns {@code false} when the tenant connected no HubSpot portal.
     */
    boolean configure(CompanyId tenant, HubSpotCrm.Builder builder);
}
