package dev.ecosystem.navigator.internal;

/** Scores one document of a snapshot. */
@FunctionalInterface
public interface DocScorer {
    /** The document's score, or -1 when it is not a candidate at all. */
    long score(Snapshot snapshot, int doc);
}
