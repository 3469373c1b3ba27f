package dev.ecosystem.model;

/** What a partner did that may earn it credit for a deal. */
public enum TouchpointKind {
    /** The partner referred the opportunity (it sourced the deal). */
    SOURCED_REFERRAL,
    /** A warm introduction made through the SDK connected the two sides. */
    INTRODUCTION,
    /** The partner worked the deal with the seller. */
    CO_SELL,
    /** The partner influenced the buyer. */
    INFLUENCE,
    /** The buyer came through the partner's marketplace listing. */
    MARKETPLACE,
    /** The partner brought the buyer to an event. */
    EVENT,
    /** Entered by hand. */
    MANUAL
}
