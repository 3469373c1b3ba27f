package dev.ecosystem.spring.web;

import dev.ecosystem.model.CompanyId;
import java.util.Optional;

/**
 * Which tenant a HubSpot account (portal) belongs to: the host's bean, since only the host knows which of its
 * companies connected which HubSpot account. When a bean of this type is present (and sdk-hubspot is on the
 * classpath), the starter serves the HubSpot webhook endpoint and syncs the tenant of each delivery's portal.
 *
 * <pre>{@code
 * @Bean
 * HubSpotPortalTenants portalTenants(ConnectionRepository connections) {
 *     return portalId -> connections.findByPortal(portalId).map(c -> CompanyId.of(c.tenantId()));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface HubSpotPortalTenants {
    /** The tenant whose CRM is the HubSpot account {@code portalId}, or empty when no tenant connected it. */
    Optional<CompanyId> tenantOf(long portalId);
}
