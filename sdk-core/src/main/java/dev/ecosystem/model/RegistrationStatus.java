package dev.ecosystem.model;

/**
 * Where a registration is in its lifecycle: {@code SUBMITTED -> ACCEPTED | REJECTED}, then
 * {@code ACCEPTED -> WON | LOST | EXPIRED}.
 */
public enum RegistrationStatus {
    /** Submitted by the partner, waiting for the vendor's decision. */
    SUBMITTED,
    /** Accepted by the vendor: protected until {@link Registration#protectedUntil()}. */
    ACCEPTED,
    /** Rejected by the vendor, with a reason the partner sees. */
    REJECTED,
    /** The linked deal was won (or the vendor said so). */
    WON,
    /** The linked deal was lost (or the vendor said so). */
    LOST,
    /** The protection window ended without a closed deal. */
    EXPIRED;

    /** Whether the registration still counts against the partner's cap (submitted or accepted). */
    public boolean isOpen() {
        return this == SUBMITTED || this == ACCEPTED;
    }

    /** Whether nothing can happen to the registration any more. */
    public boolean isTerminal() {
        return !isOpen();
    }
}
