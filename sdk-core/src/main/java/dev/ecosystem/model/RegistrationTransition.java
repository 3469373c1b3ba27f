package dev.ecosystem.model;

import dev.ecosystem.internal.base.Checks;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One step of a registration's history: who moved it, when and why.
 *
 * @param from the status before, or {@code null} for the submission
 * @param to the status after
 * @param at when, by the client's clock
 * @param actor who: a company id, or {@code crm-sync} or {@code scheduler} for automatic steps
 * @param reason why, or {@code null}
 */
public record RegistrationTransition(@Nullable RegistrationStatus from, RegistrationStatus to, Instant at,
        String actor, @Nullable String reason) {
    /** Validates every field. */
    public RegistrationTransition {
        Checks.required(to, "transition to");
        Checks.required(at, "transition at");
        actor = Checks.singleLine(actor, "transition actor", 200);
        reason = reason == null || reason.isBlank() ? null : Checks.text(reason, "transition reason", 2000);
    }
}
