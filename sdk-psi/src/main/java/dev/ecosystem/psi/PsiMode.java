package dev.ecosystem.psi;

/** What the learning side learns about the overlap. */
public enum PsiMode {
    /**
     * Only the overlap size of each population pair: the learner gets its own double-blinded values back shuffled,
     * so it cannot tell which of its keys matched.
     */
    CARDINALITY,
    /** The matched keys themselves: the learner gets its own double-blinded values back in order. */
    INTERSECTION
}
