package dev.ecosystem.model;

import dev.ecosystem.internal.base.Checks;

/**
 * Identifies a stored commission statement; stable across its versions. Any non-blank text of at most 128
 * characters without control characters; compared exactly.
 *
 * @param value the id as text
 */
public record StatementId(String value) implements Comparable<StatementId> {
    /** Validates and trims the id. */
    public StatementId {
        value = Checks.singleLine(value, "statementId", 128);
    }

    /** Same as the constructor: {@code StatementId.of("...")}. */
    public static StatementId of(String value) {
        return new StatementId(value);
    }

    @Override
    public int compareTo(StatementId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
