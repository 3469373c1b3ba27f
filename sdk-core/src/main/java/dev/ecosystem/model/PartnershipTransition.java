package dev.ecosystem.model;

import dev.ecosystem.internal.base.Checks;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One recorded change of a partnership record's status: who made it, when and why. Kept per record, so each side
 * of a partnership has its own history.
 *
 * @param partnership the record that changed
 * @param from the status before, or {@code null} when the record was created
 * @param to the status after
 * @param at when, by the client's clock (or the {@code now} given to {@code runDue})
 * @param actor who made the change: a company id for a company acting through the API (the owner, or the invitee
 *     that accepted), or {@value #ACTIVATION} for the activation rules
 * @param reason why, in words, or {@code null} when none was given; for an activation the trigger's name, such as
 *     {@code ACCEPTED_REGISTRATION}
 */
public record PartnershipTransition(PartnershipId partnership, @Nullable PartnershipStatus from,
        PartnershipStatus to, Instant at, String actor, @Nullable String reason) {

    /** The actor of the automatic RECRUITED to ACTIVE move. */
    public static final String ACTIVATION = "system:activation";

    /** Validates every field. */
    public PartnershipTransition {
        Checks.required(partnership, "transition partnership");
        Checks.required(to, "transition to");
        Checks.required(at, "transition at");
        actor = Checks.singleLine(actor, "transition actor", 300);
        reason = reason == null ? null : Checks.text(reason, "transition reason", 2000);
    }
}
