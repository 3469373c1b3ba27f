package dev.ecosystem.spring.web;

import dev.ecosystem.error.AccessDeniedException;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.hubspot.HubSpotWebhooks;
import dev.ecosystem.model.CompanyId;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HubSpot webhook endpoint's logic, the same for Spring MVC and WebFlux: verifies the delivery exactly as
 * received (raw body bytes, the URL HubSpot called, the timestamp window, replays refused by
 * {@link HubSpotWebhooks}), finds the tenant of each portal in it, asks for their syncs and answers at once: HubSpot
 * gives a delivery a few seconds, a sync may take minutes.
 *
 * <p>Statuses: 204 accepted (also for a portal no tenant connected: a retry would not change that); 401 signature
 * missing, wrong, stale or replayed; 400 body not a HubSpot event batch.
 */
public final class HubSpotWebhookHandler {
    private static final Logger LOG = LoggerFactory.getLogger(HubSpotWebhookHandler.class);

    private final HubSpotWebhooks webhooks;
    private final HubSpotPortalTenants tenants;
    private final HubSpotSyncTrigger trigger;
    private final @Nullable String publicUrl;
    private final String path;

    HubSpotWebhookHandler(HubSpotWebhooks webhooks, HubSpotPortalTenants tenants, HubSpotSyncTrigger trigger,
            String path, @Nullable String publicUrl) {
        this.webhooks = webhooks;
        this.tenants = tenants;
        this.trigger = trigger;
        this.path = path;
        this.publicUrl = publicUrl;
    }

    /** The endpoint's path. */
    String path() {
        return path;
    }

    /**
     * Handles one delivery.
     *
     * @param method the HTTP method as received
     * @param receivedUrl scheme, host, port and path of the request as the application received it (raw, not
     *     decoded); replaced by the configured public URL when there is one
     * @param rawQuery the query string as received, or {@code null}
     * @param body the raw body bytes
     * @param headers a request header by name, or {@code null}
     * @return the status to answer
     */
    int handle(String method, String receivedUrl, @Nullable String rawQuery, byte[] body,
            Function<String, @Nullable String> headers) {
        String url = (publicUrl != null ? publicUrl : receivedUrl) + (rawQuery == null ? "" : "?" + rawQuery);
        try {
            webhooks.verify(method, url, body, headers);
        } catch (AccessDeniedException e) {
            LOG.info("HubSpot webhook refused: {}", e.getMessage());
            return 401;
        } catch (ValidationException e) {
            LOG.warn("HubSpot webhook could not be verified: {}", e.getMessage());
            return 400;
        }
        Set<Long> portals = new LinkedHashSet<>();
        try {
            webhooks.parse(body).forEach(event -> portals.add(event.portalId()));
        } catch (ValidationException e) {
            LOG.warn("HubSpot webhook body refused: {}", e.getMessage());
            return 400;
        }
        for (long portal : portals) {
            Optional<CompanyId> tenant = tenants.tenantOf(portal);
            if (tenant.isPresent()) {
                trigger.request(tenant.get());
            } else {
                LOG.info("HubSpot webhook for portal {}, which no tenant connected: ignored", portal);
            }
        }
        return 204;
    }
}
