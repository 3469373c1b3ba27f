package dev.ecosystem.model;

/** Where a partnership stands; recruitment is not activation. */
public enum PartnershipStatus {
    /** Identified as a fit, not yet signed. */
    PROSPECT,
    /** Signed the program, no activity yet. */
    RECRUITED,
    /** Refers, co-sells or integrates. */
    ACTIVE,
    /** Temporarily on hold. */
    PAUSED,
    /** Over. */
    ENDED
}
