package dev.ecosystem.internal;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.spi.StoreTransaction;

/** The rule every write of a company profile keeps: its intake contact, if it names one, is its own contact. */
public final class IntakeRule {
    private IntakeRule() {
    }

    /**
     * Checks that a profile's intake contact, if it names one, is a contact of the same company in {@code tx}.
     *
     * @throws ValidationException naming the company and the contact id otherwise
     */
    public static void check(StoreTransaction tx, Company profile) {
        ContactId intake = profile.introductionIntake();
        if (intake != null && tx.contacts().get(profile.id(), intake) == null) {
            throw new ValidationException("introductionIntake of company " + profile.id() + " must be one of its own "
                    + "contacts, but was " + Checks.quote(intake.value()));
        }
    }
}
