package dev.ecosystem.model;

/** The two people an introduction connects; each may have to consent. */
public enum IntroParty {
    /** The person who asked to be introduced (a contact of the requesting company). */
    REQUESTER,
    /** The person to be introduced to (a contact of the target company). */
    TARGET
}
