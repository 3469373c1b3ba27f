package dev.ecosystem.model;

import dev.ecosystem.internal.base.Checks;

/**
 * Identifies an invitation to a partner program. Any non-blank text of at most 128 characters without control
 * characters; compared exactly.
 *
 * @param value the id as text
 */
public record InvitationId(String value) implements Comparable<InvitationId> {
    /** Validates and trims the id. */
    public InvitationId {
        value = Checks.singleLine(value, "invitationId", 128);
    }

    /** Same as the constructor: {@code InvitationId.of("...")}. */
    public static InvitationId of(String value) {
        return new InvitationId(value);
    }

    @Override
    public int compareTo(InvitationId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
