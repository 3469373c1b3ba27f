package dev.ecosystem.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a warm introduction stands. Nobody is connected to anybody until every consent is in. The allowed moves:
 *
 * <pre>
 * REQUESTED --------> AWAITING_CONSENT --> CONNECTED
 *     |                     |------------> DECLINED
 *     |                     |------------> EXPIRED
 *     +---------------------+------------> CANCELLED
 * </pre>
 */
public enum IntroductionStatus {
    /** Recorded, consent not yet asked. */
    REQUESTED,
    /** At least one consent is still outstanding. */
    AWAITING_CONSENT,
    /** Everyone consented; the joint introduction email is in the outbox (and sent once the dispatcher ran). */
    CONNECTED,
    /** Someone declined. */
    DECLINED,
    /** A consent did not arrive within the window. */
    EXPIRED,
    /** The requesting company withdrew it, or a party opted out of introductions meanwhile. */
    CANCELLED;

    /** Whether no further transition is possible. */
    public boolean isTerminal() {
        return this == CONNECTED || this == DECLINED || this == EXPIRED || this == CANCELLED;
    }

    /** The statuses this one may move to; empty for terminal statuses. */
    public Set<IntroductionStatus> next() {
        switch (this) {
            case REQUESTED:
                return EnumSet.of(AWAITING_CONSENT, CANCELLED);
            case AWAITING_CONSENT:
                return EnumSet.of(CONNECTED, DECLINED, EXPIRED, CANCELLED);
            default:
                return EnumSet.noneOf(IntroductionStatus.class);
        }
    }

    /** Whether moving from this status to {@code target} is allowed. */
    public boolean canMoveTo(IntroductionStatus target) {
        return next().contains(target);
    }
}
