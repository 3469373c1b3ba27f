package dev.ecosystem.navigator.internal;

/** Decides whether a live, competitive document may be returned. */
@FunctionalInterface
public interface DocFilter {
    /** Accepts every document. */
    DocFilter ALL = (doc, score) -> true;

    /** Whether {@code doc}, scoring {@code score}, may be returned. */
    boolean accept(int doc, long score);
}
