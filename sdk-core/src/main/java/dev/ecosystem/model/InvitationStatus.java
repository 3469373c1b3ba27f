package dev.ecosystem.model;

/** Where an invitation stands. Every status but {@link #PENDING} is final. */
public enum InvitationStatus {
    /** Sent; waiting for the invitee. */
    PENDING,
    /** The invitee accepted; both sides' partnership records exist. */
    ACCEPTED,
    /** The invitee declined. */
    DECLINED,
    /** Nobody answered before it expired. */
    EXPIRED,
    /** The vendor took it back. */
    REVOKED
}
