package dev.ecosystem.model;

import dev.ecosystem.internal.Checks;

/**
 * Identifies a company. Any non-blank text of at most 128 characters without control characters, chosen by the host
 * (or the provider, for CRM records); compared exactly.
 *
 * @param value the id as text
 */
public record CompanyId(String value) implements Comparable<CompanyId> {
    /** Validates and trims the id. */
    public CompanyId {
        value = Checks.singleLine(value, "companyId", 128);
    }

    /** Same as the constructor: {@code CompanyId.of("...")}. */
    public static CompanyId of(String value) {
        return new CompanyId(value);
    }

    @Override
    public int compareTo(CompanyId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
