package dev.ecosystem.model;

/** A figure a partner's tier qualification is measured on, per evaluation period. */
public enum TierMetric {
    /** Revenue of won deals the partner sourced, in the vendor's reporting currency (needs a revenue source). */
    SOURCED_REVENUE,
    /** Registrations of the partner the vendor accepted in the period. */
    REGISTRATIONS_ACCEPTED,
    /** People of the partner holding a current certification of the program at the period's end. */
    CERTIFIED_PEOPLE,
    /** Introductions with the partner that connected in the period. */
    INTRODUCTIONS_CONNECTED
}
