package dev.ecosystem.model;

import dev.ecosystem.internal.base.Checks;

/**
 * Identifies a partnership. Any non-blank text of at most 128 characters without control characters, chosen by the host
 * (or the provider, for CRM records); compared exactly.
 *
 * @param value the id as text
 */
public record PartnershipId(String value) implements Comparable<PartnershipId> {
    /** Validates and trims the id. */
    public PartnershipId {
        value = Checks.singleLine(value, "partnershipId", 128);
    }

    /** Same as the constructor: {@code PartnershipId.of("...")}. */
    public static PartnershipId of(String value) {
        return new PartnershipId(value);
    }

    @Override
    public int compareTo(PartnershipId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
