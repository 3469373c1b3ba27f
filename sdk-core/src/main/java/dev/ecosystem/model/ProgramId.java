package dev.ecosystem.model;

import dev.ecosystem.internal.base.Checks;

/**
 * Identifies a vendor's partner program; stable across the program's versions. Any non-blank text of at most 128
 * characters without control characters; compared exactly.
 *
 * @param value the id as text
 */
public record ProgramId(String value) implements Comparable<ProgramId> {
    /** Validates and trims the id. */
    public ProgramId {
        value = Checks.singleLine(value, "programId", 128);
    }

    /** Same as the constructor: {@code ProgramId.of("...")}. */
    public static ProgramId of(String value) {
        return new ProgramId(value);
    }

    @Override
    public int compareTo(ProgramId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
