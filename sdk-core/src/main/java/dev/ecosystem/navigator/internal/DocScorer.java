package dev.ecosystem.navigator.internal;

/** Scores one document of the snapshot it was made for. */
@FunctionalInterface
public interface DocScorer {
    /** The document's score, or -1 when it is not a candidate at all. */
    long score(int doc);
}
