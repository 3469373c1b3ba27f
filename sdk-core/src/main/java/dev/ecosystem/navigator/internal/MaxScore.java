package dev.ecosystem.navigator.internal;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * MaxScore over the main segment for a sum of constant term weights. The terms are split into essential ones, whose
 * postings produce candidates, and optional ones, whose total weight cannot lift a document above the current
 * threshold on its own and which only complete the scores of candidates.
 * Unlike the classic split by ascending weight, the optional set is the one with the most postings among all sets
 * light enough (for up to {@value #EXACT_SPLIT_TERMS} terms), so frequent terms stop producing candidates as early
 * as possible. Candidates are gathered per window of {@value #WINDOW} documents term by term into a small score
 * array (sequential reads, no per-document merge), then completed in document order by one bit test per optional
 * term: in the term's own bit set when it is frequent (Segment.bits), else in window bits filled from its postings
 * once per window that has candidates (a sequential read; galloping forward per candidate took half of the search
 * time on queries of rarer tags in a profile). (Scoring a candidate from its own term list instead was measured
 * slower.)
 */
final class MaxScore {
    private static final int EXACT_SPLIT_TERMS = 12;
    static final int WINDOW = 4096;

    private final Snapshot snapshot;
    private final int[] postings;
    private final long[] weights;
    private final int[] pos;
    private final int[] end;
    private final TopK top;
    private final DocFilter filter;
    private final long[] setWeight;
    private final long[] setLength;
    private final long[] setMembers;
    private long nextBoundary = Long.MIN_VALUE;
    private int[] essential = new int[0];
    private int[] optional = new int[0];
    private long[] @Nullable [] optionalBits = new long[0][];
    private final long[] @Nullable [] termBits;
    private long optionalWeight;
    // Per optional term, for the current window: the bit set to test (its own, or its window bits), the word of that
    // set where the window starts (0 for its own, which starts at document 0) and its weight.
    private long[][] probeBits = new long[0][];
    private int[] probeWord = new int[0];
    private long[] probeWeight = new long[0];
    // Per term, its documents in the current window as bits, for an optional term without a bit set of its own:
    // filled from its postings when a candidate of the window first needs it, then one bit test per candidate.
    private final long[][] windowBits;
    private final int[] windowFilled;
    // Per term, the postings its window bits were last filled from: a refill clears only their words when they are
    // fewer than the window's words (clearing all 64 words per term and window was a fifth of a search on queries of
    // rarer tags, whose optional terms have a few postings per window).
    private final int[] filledFrom;
    private final int[] filledTo;
    private int windowBase;
    private int windowLimit;

    /**
     * @param weights term weights
     * @param start where each term's postings start (its cursor)
     * @param end where each term's postings end
     */
    MaxScore(Snapshot snapshot, long[] weights, int[] start, int[] end, long[] @Nullable [] termBits, TopK top,
            DocFilter filter) {
        this.snapshot = snapshot;
        this.postings = snapshot.main.postings;
        this.weights = weights;
        this.pos = start;
        this.end = end;
        this.termBits = termBits;
        this.top = top;
        this.filter = filter;
        int n = weights.length;
        windowBits = new long[n][];
        windowFilled = new int[n];
        Arrays.fill(windowFilled, -1);
        filledFrom = new int[n];
        filledTo = new int[n];
        // Candidate optional sets: every subset of few terms, else the prefixes in ascending weight.
        Integer[] byWeight = new Integer[n];
        for (int i = 0; i < n; i++) {
            byWeight[i] = i;
        }
        Arrays.sort(byWeight, (a, b) -> Long.compare(weights[a], weights[b]));
        int sets = n <= EXACT_SPLIT_TERMS ? 1 << n : n + 1;
        setWeight = new long[sets];
        setLength = new long[sets];
        setMembers = new long[sets];
        for (int set = 1; set < sets; set++) {
            int added;
            long previous;
            if (n <= EXACT_SPLIT_TERMS) {
                added = Integer.numberOfTrailingZeros(set);
                previous = set & (set - 1);
            } else {
                added = byWeight[set - 1];
                previous = set - 1;
            }
            int from = (int) previous;
            setWeight[set] = setWeight[from] + weights[added];
            setLength[set] = setLength[from] + end[added] - start[added];
            setMembers[set] = setMembers[from] | (1L << added);
        }
    }

    /** Makes the set with the most postings among those not heavier than {@code threshold} optional. */
    private void choose(long threshold) {
        int best = -1;
        long boundary = Long.MAX_VALUE;
        for (int set = 0; set < setWeight.length; set++) {
            if (setWeight[set] <= threshold) {
                if (best < 0 || setLength[set] > setLength[best]) {
                    best = set;
                }
            } else if (setWeight[set] < boundary) {
                boundary = setWeight[set];
            }
        }
        nextBoundary = boundary;
        long members = best < 0 ? 0 : setMembers[best];
        int n = weights.length;
        int optionals = Long.bitCount(members);
        optional = new int[optionals];
        essential = new int[n - optionals];
        optionalBits = new long[optionals][];
        probeBits = new long[optionals][];
        probeWord = new int[optionals];
        probeWeight = new long[optionals];
        optionalWeight = 0;
        int o = 0;
        int e = 0;
        for (int i = 0; i < n; i++) {
            if ((members & (1L << i)) != 0) {
                optionalBits[o] = termBits[i];
                probeWeight[o] = weights[i];
                optionalWeight += weights[i];
                optional[o++] = i;
            } else {
                essential[e++] = i;
            }
        }
    }

    /** Offers every live main-segment document that may belong in the top-k to it. */
    void run() {
        if (weights.length > Long.SIZE) {
            throw new IllegalArgumentException("at most " + Long.SIZE + " terms, but there were " + weights.length);
        }
        long threshold = 0; // a document needs at least one term
        choose(threshold);
        long[] scores = new long[WINDOW];
        long[] touched = new long[WINDOW / Long.SIZE];
        int[] candidates = new int[WINDOW];
        int maxDoc = snapshot.main.size();
        int base = 0;
        while (base < maxDoc) {
            int next = Integer.MAX_VALUE;
            for (int i : essential) {
                pos[i] = TopDocs.advance(postings, pos[i], end[i], base);
                if (pos[i] < end[i]) {
                    next = Math.min(next, postings[pos[i]]);
                }
            }
            if (next == Integer.MAX_VALUE) {
                return;
            }
            base = next - next % WINDOW;
            int limit = Math.min(maxDoc, base + WINDOW);
            windowBase = base;
            windowLimit = limit;
            for (int i : essential) {
                pos[i] = scatter(postings, pos[i], end[i], base, limit, weights[i], scores, touched);
            }
            // First the candidates whose bound can beat the threshold, gathered without a branch per candidate (about
            // one in four passes on queries of rarer tags, so a branch there is mispredicted often); then those are
            // completed, in document order, against the threshold as it rises.
            long bound = threshold - optionalWeight;
            int passed = 0;
            for (int word = 0; word < touched.length; word++) {
                long bits = touched[word];
                touched[word] = 0;
                while (bits != 0) {
                    int offset = (word << 6) + Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    long score = scores[offset];
                    int pass = score > bound ? 1 : 0;
                    scores[offset] = score * pass;
                    candidates[passed] = offset;
                    passed += pass;
                }
            }
            if (passed > 0) {
                prepareProbes();
            }
            for (int c = 0; c < passed; c++) {
                int offset = candidates[c];
                int doc = base + offset;
                long score = complete(doc, scores[offset]);
                scores[offset] = 0;
                // Main documents come in key order, so a later one must beat the k-th score, not just tie it.
                if (score > threshold && snapshot.isLive(doc) && top.competitive(score, doc)
                        && filter.accept(doc, score)) {
                    top.offer(score, doc);
                    if (top.full()) {
                        threshold = Math.max(threshold, top.minScore());
                    }
                }
            }
            if (threshold >= nextBoundary) {
                choose(threshold);
            }
            base = limit;
        }
    }

    /** Points each optional term's probe at the bit set that holds its documents of the current window. */
    private void prepareProbes() {
        for (int j = 0; j < optional.length; j++) {
            long[] own = optionalBits[j];
            if (own != null) {
                probeBits[j] = own;
                probeWord[j] = 0;
            } else {
                int i = optional[j];
                probeBits[j] = windowFilled[i] == windowBase ? windowBits[i] : fillWindow(i);
                probeWord[j] = windowBase >>> 6;
            }
        }
    }

    /**
     * The full score of a candidate: every optional term is tested, without a branch (stopping once the candidate
     * could no longer beat the threshold took a mispredicted branch per test, which cost more than the tests it
     * saved). The window starts at a multiple of 64, so a document's bit has the same position in its word in a
     * term's own bit set and in its window bits.
     */
    private long complete(int doc, long essentialScore) {
        long score = essentialScore;
        int word = doc >>> 6;
        for (int j = 0; j < probeBits.length; j++) {
            score += probeWeight[j] & -((probeBits[j][word - probeWord[j]] >>> doc) & 1);
        }
        return score;
    }

    /** Sets the bits of term {@code i}'s documents in the current window (a sequential read of its postings). */
    private long[] fillWindow(int i) {
        long[] window = windowBits[i];
        if (window == null) {
            window = new long[WINDOW / Long.SIZE];
            windowBits[i] = window;
        } else if (filledTo[i] - filledFrom[i] < window.length) {
            int previousBase = windowFilled[i];
            for (int q = filledFrom[i], last = filledTo[i]; q < last; q++) {
                window[(postings[q] - previousBase) >>> 6] = 0;
            }
        } else {
            Arrays.fill(window, 0);
        }
        int p = TopDocs.advance(postings, pos[i], end[i], windowBase);
        int first = p;
        int stop = end[i];
        while (p < stop && postings[p] < windowLimit) {
            int offset = postings[p++] - windowBase;
            window[offset >>> 6] |= 1L << offset;
        }
        pos[i] = p;
        filledFrom[i] = first;
        filledTo[i] = p;
        windowFilled[i] = windowBase;
        return window;
    }

    /**
     * Adds {@code weight} to the window slot of each posting in {@code postings[from, stop)} below {@code limit}, and
     * marks the slot in {@code touched}; returns the position of the first posting not taken. The window starts at
     * document {@code base}. Shared by this search and {@link BoundedSearch}.
     */
    static int scatter(int[] postings, int from, int stop, int base, int limit, long weight, long[] sums,
            long[] touched) {
        int p = from;
        while (p < stop && postings[p] < limit) {
            int offset = postings[p++] - base;
            sums[offset] += weight;
            touched[offset >>> 6] |= 1L << offset;
        }
        return p;
    }
}
