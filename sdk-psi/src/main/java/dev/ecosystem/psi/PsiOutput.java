package dev.ecosystem.psi;

/** Which side learns the result; the other side learns only the sizes both sides see (see the package docs). */
public enum PsiOutput {
    /** The side that sent the first message. */
    INITIATOR,
    /** The side that answered the first message. */
    RESPONDER,
    /** Both sides; the initiator learns one message earlier than the responder. */
    BOTH;

    boolean initiatorLearns() {
        return this != RESPONDER;
    }

    boolean responderLearns() {
        return this != INITIATOR;
    }
}
