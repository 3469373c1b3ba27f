package dev.ecosystem.spi;

import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.CompanyId;
import java.util.HashMap;
import java.util.Map;

/**
 * Resolves the CRM connector of a tenant: every tenant connects its own CRM with its own credentials.
 *
 * <pre>{@code
 * CrmConnections crms = tenant -> HubSpotCrm.builder().tenant(tenant).accessToken(vault.token(tenant)).build();
 * }</pre>
 */
@FunctionalInterface
public interface CrmConnections {
    /**
     * The tenant's connector. Implementations may cache connectors.
     *
     * @throws dev.ecosystem.error.NotFoundException when the tenant has connected no CRM
     */
    CrmConnector forTenant(CompanyId tenant);

    /**
     * Fixed connectors, one per tenant: {@code CrmConnections.of(crmA, crmB)}.
     *
     * @throws ValidationException when two connectors are for the same tenant
     */
    static CrmConnections of(CrmConnector... connectors) {
        Map<CompanyId, CrmConnector> byTenant = new HashMap<>();
        for (CrmConnector connector : connectors) {
            Checks.required(connector, "connector");
            if (byTenant.putIfAbsent(connector.tenant(), connector) != null) {
                throw new ValidationException("connectors must be one per tenant, but " + connector.tenant()
                        + " had two");
            }
        }
        Map<CompanyId, CrmConnector> fixed = Map.copyOf(byTenant);
        return tenant -> {
            CrmConnector connector = fixed.get(tenant);
            if (connector == null) {
                throw new NotFoundException("company " + tenant + " has connected no CRM");
            }
            return connector;
        };
    }

    /** No tenant has a CRM: the default until the host configures one. */
    static CrmConnections none() {
        return of();
    }
}
