package dev.ecosystem.navigator.internal;

import org.jspecify.annotations.Nullable;

/**
 * MaxScore over the main segment for a sum of constant term weights. The terms are split into essential ones, whose
 * postings produce candidates, and optional ones, whose total weight cannot lift a document above the current
 * threshold on its own and which only complete the scores of candidates.
 * Unlike the classic split by ascending weight, the optional set is the one with the most postings among all sets
 * light enough (for up to {@value #EXACT_SPLIT_TERMS} terms), so frequent terms stop producing candidates as early
 * as possible. The main segment is taken in windows of {@value #WINDOW} documents. In each, the essential terms'
 * postings add their weights into a small score array and mark their documents as candidates; the rarer optional
 * terms (those without a bit set of their own) add theirs into the same array without marking (sequential reads,
 * no per-document merge). A candidate then passes only if that partial score plus the frequent optional terms'
 * weight can beat the threshold, and a passing one is completed by one bit test per frequent optional term in its
 * bit set (Segment.bits), without a branch. (Testing every optional term per candidate instead, the rarer ones in
 * window bits filled from their postings, let nearly every candidate pass and cost a quarter more; scoring a
 * candidate from its own term list was slower still.)
 */
final class MaxScore {
    private static final int EXACT_SPLIT_TERMS = 12;
    static final int WINDOW = 4096;

    private final Snapshot snapshot;
    private final int[] postings;
    private final long[] weights;
    private final int[] pos;
    private final int[] end;
    private final long[] @Nullable [] termBits;
    private final TopK top;
    private final DocFilter filter;
    private final SearchScratch scratch;
    private final int sets;
    private final long[] setWeight;
    private final long[] setLength;
    private final long[] setMembers;
    private long nextBoundary = Long.MIN_VALUE;
    private int[] essential = new int[0];
    // Optional terms without a bit set of their own, and where each one's postings of the current window start and
    // end (the window's score slots they added to are cleared from these).
    private int[] rare = new int[0];
    private int[] rareFrom = new int[0];
    private int[] rareTo = new int[0];
    // Optional terms with a bit set of their own: the sets, their weights and the sum of those.
    private long[][] frequentBits = new long[0][];
    private long[] frequentWeights = new long[0];
    private long frequentWeight;

    /**
     * @param weights term weights, ascending (the order the prefix sets of many terms are taken in)
     * @param start where each term's postings start (its cursor)
     * @param end where each term's postings end
     * @param termBits each term's bit set over the main segment, or null for a term without one
     * @param scratch the run's work arrays, lent to it until it returns
     */
    MaxScore(Snapshot snapshot, long[] weights, int[] start, int[] end, long[] @Nullable [] termBits, TopK top,
            DocFilter filter, SearchScratch scratch) {
        this.snapshot = snapshot;
        this.postings = snapshot.main.postings;
        this.weights = weights;
        this.pos = start;
        this.end = end;
        this.termBits = termBits;
        this.top = top;
        this.filter = filter;
        this.scratch = scratch;
        int n = weights.length;
        // Candidate optional sets: every subset of few terms, else the prefixes in ascending weight.
        boolean exact = n <= EXACT_SPLIT_TERMS;
        sets = exact ? 1 << n : n + 1;
        scratch.reserveSets(sets);
        setWeight = scratch.setWeight;
        setLength = scratch.setLength;
        setMembers = scratch.setMembers;
        setWeight[0] = 0;
        setLength[0] = 0;
        setMembers[0] = 0;
        for (int set = 1; set < sets; set++) {
            int added;
            long previous;
            if (exact) {
                added = Integer.numberOfTrailingZeros(set);
                previous = set & (set - 1);
            } else {
                added = set - 1; // the weights are ascending
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
        for (int set = 0; set < sets; set++) {
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
        int frequent = 0;
        for (int i = 0; i < n; i++) {
            if ((members & (1L << i)) != 0 && termBits[i] != null) {
                frequent++;
            }
        }
        essential = new int[n - optionals];
        rare = new int[optionals - frequent];
        rareFrom = new int[rare.length];
        rareTo = new int[rare.length];
        frequentBits = new long[frequent][];
        frequentWeights = new long[frequent];
        frequentWeight = 0;
        int e = 0;
        int r = 0;
        int f = 0;
        for (int i = 0; i < n; i++) {
            long[] bits = termBits[i];
            if ((members & (1L << i)) == 0) {
                essential[e++] = i;
            } else if (bits == null) {
                rare[r++] = i;
            } else {
                frequentBits[f] = bits;
                frequentWeights[f++] = weights[i];
                frequentWeight += weights[i];
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
        long[] scores = scratch.scores;
        long[] touched = scratch.touched;
        int[] candidates = scratch.candidates;
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
            for (int i : essential) {
                pos[i] = scatter(postings, pos[i], end[i], base, limit, weights[i], scores, touched);
            }
            for (int r = 0; r < rare.length; r++) {
                int i = rare[r];
                rareFrom[r] = TopDocs.advance(postings, pos[i], end[i], base);
                pos[i] = add(postings, rareFrom[r], end[i], base, limit, weights[i], scores);
                rareTo[r] = pos[i];
            }
            // First the candidates whose bound can beat the threshold, gathered without a branch per candidate (a
            // branch there is mispredicted often); then those are completed, in document order, against the
            // threshold as it rises.
            long bound = threshold - frequentWeight;
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
            for (int r = 0; r < rare.length; r++) {
                for (int q = rareFrom[r], last = rareTo[r]; q < last; q++) {
                    scores[postings[q] - base] = 0;
                }
            }
            if (threshold >= nextBoundary) {
                choose(threshold);
            }
            base = limit;
        }
    }

    /**
     * A candidate's score with the frequent optional terms added: one bit test per term, without a branch (stopping
     * once the candidate could no longer beat the threshold took a mispredicted branch per test, which cost more than
     * the tests it saved).
     */
    private long complete(int doc, long partialScore) {
        long score = partialScore;
        int word = doc >>> 6;
        for (int j = 0; j < frequentBits.length; j++) {
            score += frequentWeights[j] & -((frequentBits[j][word] >>> doc) & 1);
        }
        return score;
    }

    /**
     * Adds {@code weight} to the window slot of each posting in {@code postings[from, stop)} below {@code limit};
     * returns the position of the first posting not taken. The window starts at document {@code base}.
     */
    private static int add(int[] postings, int from, int stop, int base, int limit, long weight, long[] sums) {
        int p = from;
        while (p < stop && postings[p] < limit) {
            sums[postings[p++] - base] += weight;
        }
        return p;
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
