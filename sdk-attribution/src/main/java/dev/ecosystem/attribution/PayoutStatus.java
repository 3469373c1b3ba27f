package dev.ecosystem.attribution;

import dev.ecosystem.ValidationException;

/**
 * Where a commission statement stands: {@code DRAFT -> PENDING -> READY -> PAID}, and back from {@code PENDING} to
 * {@code DRAFT} when a reviewer sends it back. {@code PAID} is final.
 */
public enum PayoutStatus {
    /** Computed, not yet submitted. */
    DRAFT,
    /** Submitted for approval. */
    PENDING,
    /** Approved and past every hold: may be paid. */
    READY,
    /** Paid out. */
    PAID;

    /** Whether a statement in this status may move to {@code next}. */
    public boolean canMoveTo(PayoutStatus next) {
        return switch (this) {
            case DRAFT -> next == PENDING;
            case PENDING -> next == READY || next == DRAFT;
            case READY -> next == PAID;
            case PAID -> false;
        };
    }

    /**
     * Returns {@code next} when the move is allowed.
     *
     * @throws ValidationException naming both statuses when it is not
     */
    public PayoutStatus moveTo(PayoutStatus next) {
        if (next == null || !canMoveTo(next)) {
            throw new ValidationException("payout status cannot move from " + this + " to " + next
                    + "; allowed: DRAFT->PENDING, PENDING->READY, PENDING->DRAFT, READY->PAID");
        }
        return next;
    }
}
