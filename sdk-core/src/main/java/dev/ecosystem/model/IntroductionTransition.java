package dev.ecosystem.model;

import dev.ecosystem.internal.base.Checks;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One recorded change of an introduction's status: who made it, when and why.
 *
 * @param from the status before, or {@code null} for the first entry (the request itself)
 * @param to the status after
 * @param actor who made the change: {@code company/contact} for a person (such as {@code co-0001/ct-00001}),
 *     {@code company} for a company acting through the API without naming a person, or {@code system} for
 *     scheduled work (reminders, expiry)
 * @param at when, by the client's clock (or the {@code now} given to {@code runDue})
 * @param reason why, in words; never a decliner's private reason
 */
public record IntroductionTransition(
        @Nullable IntroductionStatus from, IntroductionStatus to, String actor, Instant at, String reason) {

    /** The actor of scheduled work. */
    public static final String SYSTEM = "system";

    /** Validates every field. */
    public IntroductionTransition {
        Checks.required(to, "transition to");
        actor = Checks.singleLine(actor, "transition actor", 300);
        Checks.required(at, "transition at");
        reason = Checks.text(reason, "transition reason", 2000);
    }

    /** The actor text for a person: {@code company/contact}. */
    public static String person(CompanyId company, ContactId contact) {
        return company.value() + "/" + contact.value();
    }
}
