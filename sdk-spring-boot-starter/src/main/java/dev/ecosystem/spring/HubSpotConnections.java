package dev.ecosystem.spring;

import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.hubspot.HubSpotCrm;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.spi.CrmConnections;
import dev.ecosystem.spi.CrmConnector;
import dev.ecosystem.spi.Telemetry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link CrmConnections} over the application's {@link HubSpotCredentials}: one connector per tenant, built on first
 * use and kept, since a connector holds the tenant's rate-limit state and token cache.
 */
final class HubSpotConnections implements CrmConnections {
    private final HubSpotCredentials credentials;
    private final Telemetry telemetry;
    private final Map<CompanyId, CrmConnector> connectors = new ConcurrentHashMap<>();

    HubSpotConnections(HubSpotCredentials credentials, Telemetry telemetry) {
        this.credentials = credentials;
        this.telemetry = telemetry;
    }

    @Override
    public CrmConnector forTenant(CompanyId tenant) {
        CrmConnector known = connectors.get(tenant);
        if (known != null) {
            return known;
        }
        // Built outside the map's lock: configure is the application's code and may read a vault. Two threads may
        // both build one; the first stored wins and the other is dropped unused.
        HubSpotCrm.Builder builder = HubSpotCrm.builder().tenant(tenant).telemetry(telemetry);
        if (!credentials.configure(tenant, builder)) {
            throw new NotFoundException("company " + tenant + " has connected no HubSpot portal");
        }
        CrmConnector built = builder.build();
        CrmConnector stored = connectors.putIfAbsent(tenant, built);
        return stored != null ? stored : built;
    }
}
