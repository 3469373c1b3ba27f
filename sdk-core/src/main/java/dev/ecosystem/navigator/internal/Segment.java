package dev.ecosystem.navigator.internal;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The immutable main part of the index: documents in ascending key order, their terms (sorted, distinct) and, per
 * term, the ascending ids of the documents that have it. Everything is in flat int arrays built by counting sort, so
 * a million documents with ten terms each take about 80 MB and build in a fraction of a second.
 */
final class Segment {
    static final Segment EMPTY = build(new String[0], new int[] {0}, new int[0], 0);

    final String[] keys;
    /** Each document's record (what the index was given with its terms), or null when it keeps none. */
    final Object @Nullable [] values;
    final int[] docStart;
    final int[] docTerms;
    final int[] termStart;
    final int[] postings;
    /**
     * Per term, the documents that have it as a bit set, for terms in at least one document in
     * {@value #DENSE_RATIO} (else null): testing one bit is far cheaper than skipping ahead in long postings, and
     * such a set takes no more memory than the postings themselves.
     */
    final long[] @Nullable [] bits;

    private Segment(String[] keys, Object @Nullable [] values, int[] docStart, int[] docTerms, int[] termStart,
            int[] postings, long[] @Nullable [] bits) {
        this.keys = keys;
        this.values = values;
        this.docStart = docStart;
        this.docTerms = docTerms;
        this.termStart = termStart;
        this.postings = postings;
        this.bits = bits;
    }

    private static final int DENSE_RATIO = 32;

    /**
     * Builds a segment. Takes ownership of the arrays.
     *
     * @param keys document keys, strictly ascending
     * @param docStart where each document's terms start in {@code docTerms}, plus the end
     * @param docTerms every document's terms, each document's sorted and distinct, all below {@code vocabulary};
     *     may run on past the end {@code docStart} gives, unused
     * @param vocabulary how many term ids there are
     */
    static Segment build(String[] keys, int[] docStart, int[] docTerms, int vocabulary) {
        return build(keys, null, docStart, docTerms, vocabulary);
    }

    /** Builds a segment whose documents carry records, {@code values[doc]} (or none when null). */
    static Segment build(String[] keys, Object @Nullable [] values, int[] docStart, int[] docTerms, int vocabulary) {
        int[] termStart = new int[vocabulary + 1];
        int end = docStart[keys.length];
        for (int i = 0; i < end; i++) {
            termStart[docTerms[i] + 1]++;
        }
        for (int term = 0; term < vocabulary; term++) {
            termStart[term + 1] += termStart[term];
        }
        int[] fill = Arrays.copyOf(termStart, vocabulary);
        int[] postings = new int[end];
        for (int doc = 0; doc < keys.length; doc++) {
            for (int i = docStart[doc], to = docStart[doc + 1]; i < to; i++) {
                postings[fill[docTerms[i]]++] = doc;
            }
        }
        long[] @Nullable [] bits = new long[vocabulary][];
        int words = (keys.length + Long.SIZE - 1) / Long.SIZE;
        for (int term = 0; term < vocabulary; term++) {
            int from = termStart[term];
            int to = termStart[term + 1];
            if ((long) (to - from) * DENSE_RATIO >= keys.length && keys.length >= DENSE_RATIO) {
                long[] set = new long[words];
                for (int i = from; i < to; i++) {
                    int doc = postings[i];
                    set[doc >>> 6] |= 1L << doc;
                }
                bits[term] = set;
            }
        }
        return new Segment(keys, values, docStart, docTerms, termStart, postings, bits);
    }

    int size() {
        return keys.length;
    }

    int vocabulary() {
        return termStart.length - 1;
    }

    /**
     * The document with this key, or {@code -(insertion point) - 1} as {@link Arrays#binarySearch} gives: a key above
     * the one before {@code hint} is galloped to from {@code hint}, so ascending keys cost a few comparisons each.
     */
    int find(String key, int hint) {
        int n = keys.length;
        if (hint <= 0 || hint > n || keys[hint - 1].compareTo(key) >= 0) {
            return Arrays.binarySearch(keys, key);
        }
        int low = hint;
        int high = hint;
        int step = 1;
        while (high < n && keys[high].compareTo(key) < 0) {
            low = high + 1;
            high = hint + step;
            step <<= 1;
        }
        return Arrays.binarySearch(keys, low, Math.min(high + 1, n), key);
    }

    /** The first document whose key is greater than {@code key}. */
    int firstAfter(String key) {
        int found = Arrays.binarySearch(keys, key);
        return found >= 0 ? found + 1 : -found - 1;
    }
}
