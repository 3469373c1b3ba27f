package dev.ecosystem.model;

import dev.ecosystem.internal.base.Checks;

/**
 * Identifies a CRM deal. Any non-blank text of at most 128 characters without control characters, chosen by the host
 * (or the provider, for CRM records); compared exactly.
 *
 * @param value the id as text
 */
public record DealId(String value) implements Comparable<DealId> {
    /** Validates and trims the id. */
    public DealId {
        value = Checks.singleLine(value, "dealId", 128);
    }

    /** Same as the constructor: {@code DealId.of("...")}. */
    public static DealId of(String value) {
        return new DealId(value);
    }

    @Override
    public int compareTo(DealId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
