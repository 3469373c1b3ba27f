package dev.ecosystem.spi;

/** The emails an introduction produces. */
public enum DraftKind {
    /** Asks a person whether they agree to be introduced. */
    CONSENT_ASK,
    /** Reminds a person who has not answered a consent ask. */
    REMINDER,
    /** Introduces both parties to each other once all have consented. */
    JOINT_INTRODUCTION,
    /** Tells the requester, politely, that the introduction will not happen. */
    DECLINE_NOTICE
}
