package dev.ecosystem.model;

import dev.ecosystem.internal.base.Checks;

/**
 * Identifies a referral (deal registration) a partner submitted to a vendor. Any non-blank text of at most 128
 * characters without control characters; compared exactly.
 *
 * @param value the id as text
 */
public record RegistrationId(String value) implements Comparable<RegistrationId> {
    /** Validates and trims the id. */
    public RegistrationId {
        value = Checks.singleLine(value, "registrationId", 128);
    }

    /** Same as the constructor: {@code RegistrationId.of("...")}. */
    public static RegistrationId of(String value) {
        return new RegistrationId(value);
    }

    @Override
    public int compareTo(RegistrationId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
