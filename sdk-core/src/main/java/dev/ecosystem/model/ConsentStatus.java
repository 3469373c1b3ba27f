package dev.ecosystem.model;

/** Where one person's consent to an introduction stands. */
public enum ConsentStatus {
    /** Asked, not yet answered. */
    PENDING,
    /** Agreed to be introduced. */
    ACCEPTED,
    /** Declined. */
    DECLINED
}
