package dev.ecosystem.model;

import dev.ecosystem.internal.base.Checks;

/**
 * Identifies a contact. Any non-blank text of at most 128 characters without control characters, chosen by the host
 * (or the provider, for CRM records); compared exactly.
 *
 * @param value the id as text
 */
public record ContactId(String value) implements Comparable<ContactId> {
    /** Validates and trims the id. */
    public ContactId {
        value = Checks.singleLine(value, "contactId", 128);
    }

    /** Same as the constructor: {@code ContactId.of("...")}. */
    public static ContactId of(String value) {
        return new ContactId(value);
    }

    @Override
    public int compareTo(ContactId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
