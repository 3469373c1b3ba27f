package dev.ecosystem.internal;

import dev.ecosystem.event.EcosystemEvent;
import dev.ecosystem.event.EventListener;
import dev.ecosystem.event.EventTypes;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.spi.CrmConnections;
import dev.ecosystem.spi.Mailer;
import dev.ecosystem.spi.PartnerStore;
import dev.ecosystem.spi.Telemetry;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every engine of one client shares: the ports, the clock and the event listener. The engines themselves (the
 * account-mapping engine, the navigator's index) are handed to the engines that use them, so this record, and the
 * package, stay below every engine.
 *
 * @param store the partner store
 * @param crms CRM connector per tenant
 * @param mailer the mailer
 * @param clock the only source of "now"
 * @param listener receives events
 * @param telemetry where timings and provider calls are reported
 */
public record SdkContext(PartnerStore store, CrmConnections crms, Mailer mailer, Clock clock, EventListener listener,
        Telemetry telemetry) {
    private static final Logger LOG = LoggerFactory.getLogger(SdkContext.class);

    /** Publishes an event; a failing listener is logged and ignored. */
    public void publish(String type, CompanyId tenant, String subject, Map<String, String> attributes) {
        // Tests run with assertions on: a type missing from the published list fails them.
        assert EventTypes.ALL.contains(type) : "event type " + type + " is not listed in EventTypes";
        EcosystemEvent event = new EcosystemEvent(type, tenant, subject, clock.instant(), attributes);
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("Event listener failed on {} for {}; the event is dropped", type, subject, e);
        }
    }

    /** A new random id. */
    public String newId() {
        return UUID.randomUUID().toString();
    }
}
