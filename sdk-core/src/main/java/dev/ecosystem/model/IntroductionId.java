package dev.ecosystem.model;

import dev.ecosystem.internal.base.Checks;

/**
 * Identifies a introduction. Any non-blank text of at most 128 characters without control characters, chosen by the host
 * (or the provider, for CRM records); compared exactly.
 *
 * @param value the id as text
 */
public record IntroductionId(String value) implements Comparable<IntroductionId> {
    /** Validates and trims the id. */
    public IntroductionId {
        value = Checks.singleLine(value, "introductionId", 128);
    }

    /** Same as the constructor: {@code IntroductionId.of("...")}. */
    public static IntroductionId of(String value) {
        return new IntroductionId(value);
    }

    @Override
    public int compareTo(IntroductionId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
