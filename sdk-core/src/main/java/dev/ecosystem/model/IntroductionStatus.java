package dev.ecosystem.model;

/** Where a warm introduction stands. Nobody is connected to anybody until every consent is in. */
public enum IntroductionStatus {
    /** Recorded, consent not yet asked. */
    REQUESTED,
    /** At least one consent is still outstanding. */
    AWAITING_CONSENT,
    /** Everyone consented and the joint introduction went out. */
    CONNECTED,
    /** Someone declined. */
    DECLINED,
    /** A consent did not arrive within the window. */
    EXPIRED,
    /** The requester withdrew it. */
    CANCELLED;

    /** Whether no further transition is possible. */
    public boolean isTerminal() {
        return this == CONNECTED || this == DECLINED || this == EXPIRED || this == CANCELLED;
    }
}
