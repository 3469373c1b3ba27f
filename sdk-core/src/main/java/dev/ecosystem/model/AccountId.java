package dev.ecosystem.model;

import dev.ecosystem.internal.base.Checks;

/**
 * Identifies a CRM account. Any non-blank text of at most 128 characters without control characters, chosen by the host
 * (or the provider, for CRM records); compared exactly.
 *
 * @param value the id as text
 */
public record AccountId(String value) implements Comparable<AccountId> {
    /** Validates and trims the id. */
    public AccountId {
        value = Checks.singleLine(value, "accountId", 128);
    }

    /** Same as the constructor: {@code AccountId.of("...")}. */
    public static AccountId of(String value) {
        return new AccountId(value);
    }

    @Override
    public int compareTo(AccountId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
