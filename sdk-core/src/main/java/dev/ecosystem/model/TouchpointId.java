package dev.ecosystem.model;

import dev.ecosystem.internal.base.Checks;

/**
 * Identifies a touchpoint. Any non-blank text of at most 128 characters without control characters, chosen by the host
 * (or the provider, for CRM records); compared exactly.
 *
 * @param value the id as text
 */
public record TouchpointId(String value) implements Comparable<TouchpointId> {
    /** Validates and trims the id. */
    public TouchpointId {
        value = Checks.singleLine(value, "touchpointId", 128);
    }

    /** Same as the constructor: {@code TouchpointId.of("...")}. */
    public static TouchpointId of(String value) {
        return new TouchpointId(value);
    }

    @Override
    public int compareTo(TouchpointId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
