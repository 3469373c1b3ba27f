package dev.ecosystem.model;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import java.time.LocalDate;

/**
 * Where a commission statement stands: {@code DRAFT -> PENDING -> READY -> PAID}, and back from {@code PENDING} to
 * {@code DRAFT} when a reviewer sends it back. {@code PAID} is final. {@code READY} and {@code PAID} also need every
 * line's hold to have passed ({@link #moveTo(PayoutStatus, LocalDate, LocalDate, String)}).
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

    /**
     * Returns {@code next} when the move is allowed and, for {@code READY} and {@code PAID}, {@code today} is not
     * before {@code heldUntil}: a statement may be approved for payment on the last line's payable day itself.
     *
     * @param heldUntil the last day a line of the statement is held until
     * @param today the day of the move (UTC)
     * @param statement how error messages name the statement, such as {@code "statement of p1 for 2025-Q1"}
     * @throws ValidationException when the move is not allowed or a line is still held
     */
    public PayoutStatus moveTo(PayoutStatus next, LocalDate heldUntil, LocalDate today, String statement) {
        Checks.required(heldUntil, "heldUntil");
        Checks.required(today, "today");
        PayoutStatus moved = moveTo(next);
        if ((moved == READY || moved == PAID) && today.isBefore(heldUntil)) {
            throw new ValidationException(statement + " cannot be " + moved + " before " + heldUntil
                    + " (hold period), but today is " + today);
        }
        return moved;
    }
}
