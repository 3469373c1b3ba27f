package dev.ecosystem.model;

import dev.ecosystem.internal.base.Checks;

/**
 * Identifies a outbox entry. Any non-blank text of at most 128 characters without control characters, chosen by the host
 * (or the provider, for CRM records); compared exactly.
 *
 * @param value the id as text
 */
public record OutboxEntryId(String value) implements Comparable<OutboxEntryId> {
    /** Validates and trims the id. */
    public OutboxEntryId {
        value = Checks.singleLine(value, "outboxEntryId", 128);
    }

    /** Same as the constructor: {@code OutboxEntryId.of("...")}. */
    public static OutboxEntryId of(String value) {
        return new OutboxEntryId(value);
    }

    @Override
    public int compareTo(OutboxEntryId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
