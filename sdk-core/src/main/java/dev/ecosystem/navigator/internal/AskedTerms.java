package dev.ecosystem.navigator.internal;

import java.util.Arrays;

/**
 * Which of a profile's asks each document of a page has, read from one walk over each document's sorted term list:
 * each term is checked against the asks' distinct terms, a 64-bit filter of their low six bits first, then a search
 * among a few. The term lists of a page's documents lie far apart in a large index, so where each starts is read for
 * all of them before any is walked, and their cache misses overlap. (A binary search per ask and document costs ten
 * times as many searches.)
 */
final class AskedTerms {
    private final int askCount;
    private final int[] terms;
    private final int[] groupStart;
    private final int[] askOf;
    private final long filter;

    /**
     * @param askTerms each ask's term; asks whose term is below 0 or not below {@code vocabulary} are never had
     * @param vocabulary how many terms the snapshot knows
     */
    AskedTerms(int[] askTerms, int vocabulary) {
        askCount = askTerms.length;
        // Each known ask as its term in the high half and its index in the low half: sorted, they group by term.
        long[] byTerm = new long[askCount];
        int known = 0;
        for (int i = 0; i < askCount; i++) {
            if (askTerms[i] >= 0 && askTerms[i] < vocabulary) {
                byTerm[known++] = (long) askTerms[i] << Integer.SIZE | i;
            }
        }
        Arrays.sort(byTerm, 0, known);
        int[] distinct = new int[known];
        int[] starts = new int[known + 1];
        int[] asks = new int[known];
        int groups = 0;
        long bits = 0;
        for (int i = 0; i < known; i++) {
            int term = (int) (byTerm[i] >>> Integer.SIZE);
            asks[i] = (int) byTerm[i];
            if (groups == 0 || distinct[groups - 1] != term) {
                starts[groups] = i;
                distinct[groups++] = term;
                bits |= 1L << term;
            }
        }
        starts[groups] = known;
        this.terms = Arrays.copyOf(distinct, groups);
        this.groupStart = Arrays.copyOf(starts, groups + 1);
        this.askOf = asks;
        this.filter = bits;
    }

    /**
     * Sets {@code has[d * asks + i]}, {@code asks} being how many asks there are, when document {@code docs[d]} has
     * the term of ask {@code i}, for the first {@code n} documents.
     */
    void mark(Snapshot snapshot, int[] docs, int n, boolean[] has) {
        Segment main = snapshot.main;
        int mainSize = main.size();
        int[] from = new int[n];
        int[] to = new int[n];
        for (int d = 0; d < n; d++) {
            int doc = docs[d];
            if (doc < mainSize) {
                from[d] = main.docStart[doc];
                to[d] = main.docStart[doc + 1];
            }
        }
        for (int d = 0; d < n; d++) {
            int doc = docs[d];
            int[] docTerms = main.docTerms;
            int first = from[d];
            int last = to[d];
            if (doc >= mainSize) {
                docTerms = snapshot.deltaTerms[doc - mainSize];
                first = 0;
                last = docTerms.length;
            }
            for (int i = first; i < last; i++) {
                int term = docTerms[i];
                if ((filter & (1L << term)) == 0) {
                    continue;
                }
                int group = Arrays.binarySearch(terms, term);
                if (group >= 0) {
                    for (int g = groupStart[group]; g < groupStart[group + 1]; g++) {
                        has[d * askCount + askOf[g]] = true;
                    }
                }
            }
        }
    }
}
