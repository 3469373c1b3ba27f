package dev.ecosystem.event;

import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.CompanyId;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Something that happened in the SDK that a host may want to react to: an introduction changed state, an email was
 * parked, a sync finished. Events carry ids and states, never email bodies or CRM records.
 *
 * <p>Every type the SDK publishes is a documented constant of {@link EventTypes}, with its subject and attributes.
 *
 * @param type dotted event type, one of {@link EventTypes} (such as {@link EventTypes#INTRO_CONNECTED} or
 *     {@link EventTypes#OUTBOX_PARKED})
 * @param tenant the company it happened for
 * @param subject the id of the thing it happened to
 * @param at when it happened, by the client's clock
 * @param attributes further facts, by name
 */
public record EcosystemEvent(String type, CompanyId tenant, String subject, Instant at, Map<String, String> attributes) {
    /** Validates and copies. */
    public EcosystemEvent {
        Checks.text(type, "type", 100);
        Checks.required(tenant, "tenant");
        Checks.required(subject, "subject");
        Checks.required(at, "at");
        attributes = Map.copyOf(new TreeMap<>(Checks.required(attributes, "attributes")));
    }
}
