package dev.ecosystem.model;

import dev.ecosystem.internal.base.Checks;
import org.jspecify.annotations.Nullable;

/**
 * Why a registration may not deserve protection, found when it is submitted and again when the vendor decides. The
 * vendor sees every field; a partner sees a conflict only as {@link Registration#visibleTo} allows, and never the
 * other partner or its registration.
 *
 * @param kind what the conflict is
 * @param explanation one sentence for a person
 * @param match how the prospect matched the vendor's account or the other registration (as
 *     {@code Overlaps.explain} says it), or {@code null} for a cap conflict or in a partner's view
 * @param account the vendor's CRM account the prospect matched, or {@code null}
 * @param otherRegistration the registration that already protects the account, or {@code null}
 * @param otherPartner the partner holding {@code otherRegistration}, or {@code null}
 */
public record RegistrationConflict(Kind kind, String explanation, @Nullable MatchExplanation match,
        @Nullable AccountId account, @Nullable RegistrationId otherRegistration, @Nullable CompanyId otherPartner) {

    /** What a conflict is about. */
    public enum Kind {
        /** The account is already a customer in the vendor's CRM snapshot. */
        EXISTING_CUSTOMER,
        /** The account already has an open opportunity in the vendor's CRM snapshot. */
        OPEN_OPPORTUNITY,
        /** Another registration (of another partner, or an earlier one of the same) protects the account. */
        ALREADY_REGISTERED,
        /** The partner already had as many open registrations with the vendor as its cap allows. */
        OPEN_CAP_EXCEEDED
    }

    /** Validates. */
    public RegistrationConflict {
        Checks.required(kind, "conflict kind");
        explanation = Checks.text(explanation, "conflict explanation", 2000);
    }
}
