package dev.ecosystem.model;

/**
 * An activity that moves a {@code RECRUITED} partnership to {@code ACTIVE}; a program names the ones it counts, and
 * the first to happen activates the partner.
 */
public enum ActivationTrigger {
    /** The vendor accepted a registration (referral) from the partner. */
    ACCEPTED_REGISTRATION,
    /** An introduction between the vendor and the partner connected. */
    CONNECTED_INTRODUCTION,
    /** A CRM sync credited a deal of the vendor to the partner. */
    ATTRIBUTED_DEAL,
    /** The partner completed every item of the program's onboarding checklist. */
    COMPLETED_CHECKLIST
}
