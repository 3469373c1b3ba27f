package dev.ecosystem.navigator.internal;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** Top-k retrieval over a {@link Snapshot}. */
public final class TopDocs {
    private TopDocs() {
    }

    /**
     * The best documents for a sum of term weights: each document scores the sum of the weights of the query terms it
     * has; documents with none are not returned. Uses MaxScore on the main segment: terms are taken in ascending
     * weight, and once the k-th best score reaches the sum of the lightest terms' weights, those terms stop producing
     * candidates and only complete the scores of candidates from the heavier ones, testing one bit for a frequent term
     * or skipping ahead in the postings of a rarer one. Delta documents are scored from their own term lists.
     *
     * @param terms query term ids, at most 64 (unknown ids, -1, are ignored)
     * @param weights their weights, each above 0
     * @param filter decides which competitive documents may be returned
     */
    public static TopK weightedTerms(Snapshot snapshot, int[] terms, long[] weights, int k, DocFilter filter) {
        int n = 0;
        int[] order = new int[terms.length];
        for (int i = 0; i < terms.length; i++) {
            if (weights[i] <= 0) {
                throw new IllegalArgumentException("weights must be above 0, but weight " + i + " was "
                        + weights[i]);
            }
            if (terms[i] >= 0) {
                order[n++] = i;
            }
        }
        // Ascending weight (insertion sort: a query has few terms).
        for (int i = 1; i < n; i++) {
            int moving = order[i];
            int j = i - 1;
            while (j >= 0 && weights[order[j]] > weights[moving]) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = moving;
        }
        long[] w = new long[n];
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            w[i] = weights[order[i]];
            t[i] = terms[order[i]];
        }
        TopK top = new TopK(snapshot, k);
        maxScore(snapshot, t, w, top, filter);
        if (snapshot.deltaSize > 0) {
            scanDelta(snapshot, new QueryWeights(t, w), top, filter);
        }
        return top;
    }

    private static void maxScore(Snapshot snapshot, int[] terms, long[] weights, TopK top, DocFilter filter) {
        Segment main = snapshot.main;
        int n = terms.length;
        int[] start = new int[n];
        int[] end = new int[n];
        long[] @Nullable [] bits = new long[n][];
        for (int i = 0; i < n; i++) {
            boolean inMain = terms[i] < main.vocabulary();
            start[i] = inMain ? main.termStart[terms[i]] : 0;
            end[i] = inMain ? main.termStart[terms[i] + 1] : 0;
            bits[i] = inMain ? main.bits[terms[i]] : null;
        }
        SearchScratch scratch = SearchScratch.borrow();
        try {
            new MaxScore(snapshot, weights, start, end, bits, top, filter, scratch).run();
        } catch (RuntimeException | Error e) {
            scratch.discard();
            throw e;
        }
        scratch.giveBack();
    }

    private static void scanDelta(Snapshot snapshot, QueryWeights forward, TopK top, DocFilter filter) {
        int mainSize = snapshot.main.size();
        for (int i = 0; i < snapshot.deltaSize; i++) {
            int doc = mainSize + i;
            int[] docTerms = snapshot.deltaTerms[i];
            long score = forward.score(docTerms, 0, docTerms.length);
            if (score > 0 && snapshot.isLive(doc) && top.competitive(score, doc) && filter.accept(doc, score)) {
                top.offer(score, doc);
            }
        }
    }

    /**
     * The best documents for a compiled profile: the same as {@link #exhaustive} with the query as scorer, but on the
     * main segment only documents whose term bounds can still beat the k-th score are scored (see
     * {@link BoundedSearch}). With required terms ({@code mainCandidates}) or when every document is a candidate
     * (no criterion counts), it scores the candidates exhaustively.
     */
    public static TopK bounded(Snapshot snapshot, ProfileQuery query, int k, DocFilter filter,
            int @Nullable [] mainCandidates) {
        long minScore = query.minScore();
        if (mainCandidates != null || minScore < 1) {
            return exhaustive(snapshot, query, minScore, k, filter, mainCandidates);
        }
        ProfileQuery.Bounds bounds = query.bounds();
        Segment main = snapshot.main;
        int terms = bounds.terms().length;
        int n = terms + (bounds.overlapDocs().length > 0 ? 1 : 0);
        int[] order = new int[n];
        long[] points = new long[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            points[i] = i < terms ? bounds.points()[i] : bounds.overlapPoints();
        }
        // Ascending bound (insertion sort: a profile has few terms).
        for (int i = 1; i < n; i++) {
            int moving = order[i];
            int j = i - 1;
            while (j >= 0 && points[order[j]] > points[moving]) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = moving;
        }
        int[][] lists = new int[n][];
        int[] from = new int[n];
        int[] end = new int[n];
        long[] sorted = new long[n];
        for (int i = 0; i < n; i++) {
            int list = order[i];
            sorted[i] = points[list];
            if (list < terms) {
                int term = bounds.terms()[list];
                boolean inMain = term < main.vocabulary();
                lists[i] = main.postings;
                from[i] = inMain ? main.termStart[term] : 0;
                end[i] = inMain ? main.termStart[term + 1] : 0;
            } else {
                lists[i] = bounds.overlapDocs();
                from[i] = 0;
                // Only main-segment documents; delta documents are scored below anyway.
                int mainDocs = Arrays.binarySearch(bounds.overlapDocs(), main.size());
                end[i] = mainDocs >= 0 ? mainDocs : -mainDocs - 1;
            }
        }
        TopK top = new TopK(snapshot, k);
        new BoundedSearch(snapshot, query, minScore, top, filter, lists, from, end, sorted).run();
        for (int doc = main.size(), max = snapshot.maxDoc(); doc < max; doc++) {
            collect(snapshot, query, minScore, top, filter, doc);
        }
        return top;
    }

    /**
     * The best documents by {@code scorer}, which sees every live document (or, when {@code mainCandidates} is not
     * null, only those of the main segment, plus every delta document). Documents scoring below {@code minScore}
     * are not returned.
     */
    public static TopK exhaustive(Snapshot snapshot, DocScorer scorer, long minScore, int k, DocFilter filter,
            int @Nullable [] mainCandidates) {
        TopK top = new TopK(snapshot, k);
        if (mainCandidates == null) {
            for (int doc = 0, mainSize = snapshot.main.size(); doc < mainSize; doc++) {
                collect(snapshot, scorer, minScore, top, filter, doc);
            }
        } else {
            for (int doc : mainCandidates) {
                collect(snapshot, scorer, minScore, top, filter, doc);
            }
        }
        for (int doc = snapshot.main.size(), max = snapshot.maxDoc(); doc < max; doc++) {
            collect(snapshot, scorer, minScore, top, filter, doc);
        }
        return top;
    }

    private static void collect(Snapshot snapshot, DocScorer scorer, long minScore, TopK top, DocFilter filter,
            int doc) {
        if (!snapshot.isLive(doc)) {
            return;
        }
        long score = scorer.score(doc);
        if (score >= minScore && top.competitive(score, doc) && filter.accept(doc, score)) {
            top.offer(score, doc);
        }
    }

    /** The main-segment documents that have every one of {@code terms} (none when a term is unknown). */
    public static int[] allOf(Snapshot snapshot, int[] terms) {
        Segment main = snapshot.main;
        int @Nullable [] shortest = null;
        for (int term : terms) {
            if (term < 0 || term >= main.vocabulary()) {
                return new int[0];
            }
            int length = main.termStart[term + 1] - main.termStart[term];
            if (shortest == null || length < shortest.length) {
                shortest = Arrays.copyOfRange(main.postings, main.termStart[term], main.termStart[term + 1]);
            }
        }
        if (shortest == null) {
            return new int[0];
        }
        int[] pos = new int[terms.length];
        int kept = 0;
        for (int doc : shortest) {
            boolean all = true;
            for (int i = 0; i < terms.length && all; i++) {
                int from = main.termStart[terms[i]];
                int to = main.termStart[terms[i] + 1];
                pos[i] = advance(main.postings, Math.max(pos[i], from), to, doc);
                all = pos[i] < to && main.postings[pos[i]] == doc;
            }
            if (all) {
                shortest[kept++] = doc;
            }
        }
        return Arrays.copyOf(shortest, kept);
    }

    /** The first index in {@code from..to} whose value is at least {@code target}, by galloping. */
    static int advance(int[] values, int from, int to, int target) {
        if (from >= to || values[from] >= target) {
            return from;
        }
        int low = from;
        int step = 1;
        int high = from + 1;
        while (high < to && values[high] < target) {
            low = high;
            step <<= 1;
            high = from + step;
        }
        if (high > to) {
            high = to;
        }
        low++;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (values[middle] < target) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
