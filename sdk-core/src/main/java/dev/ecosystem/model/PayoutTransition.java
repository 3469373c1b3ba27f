package dev.ecosystem.model;

import dev.ecosystem.internal.base.Checks;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One step of a statement's payout ledger: who moved it, when and why. A failed payment is a step from
 * {@code READY} to {@code READY} whose note says what the provider answered.
 *
 * @param from the status before, or {@code null} when the statement was first stored
 * @param to the status after
 * @param at when, by the client's clock
 * @param actor who: a person or system of the vendor, such as {@code finance@vendor.com}, or {@code reports} for the
 *     report scheduler
 * @param note why, or what happened (a payment reference, a provider's failure), or {@code null}
 */
public record PayoutTransition(@Nullable PayoutStatus from, PayoutStatus to, Instant at, String actor,
        @Nullable String note) {
    /** Validates every field. */
    public PayoutTransition {
        Checks.required(to, "transition to");
        Checks.required(at, "transition at");
        actor = Checks.singleLine(actor, "actor", 200);
        note = note == null || note.isBlank() ? null : Checks.text(note, "note", 2000);
    }
}
