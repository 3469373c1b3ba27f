package dev.ecosystem.navigator.internal;

/**
 * Top-k over the main segment for a score that is not a plain sum of term weights (the full ideal partner profile),
 * pruned with upper bounds: each list of documents (a term's postings, or the shared-customer documents) has a bound
 * on what it can add to a score. As in MaxScore, the lists with the lowest bounds whose sum cannot lift a document
 * above the current k-th score on their own stop producing candidates; a candidate from the other lists is scored
 * exactly only when the bounds of its lists plus theirs can still beat the k-th score. Candidates are gathered per
 * window of {@value MaxScore#WINDOW} documents.
 */
final class BoundedSearch {
    private final Snapshot snapshot;
    private final DocScorer scorer;
    private final long minScore;
    private final TopK top;
    private final DocFilter filter;
    private final int[][] lists;
    private final int[] pos;
    private final int[] end;
    private final long[] bounds;
    private final long[] prefix;

    /**
     * @param lists the document lists, each ascending, in ascending order of their bounds
     * @param from where each list starts in its array
     * @param end where each list ends in its array
     * @param bounds each list's bound, ascending
     * @param minScore the lowest score a document needs, at least 1
     */
    BoundedSearch(Snapshot snapshot, DocScorer scorer, long minScore, TopK top, DocFilter filter, int[][] lists,
            int[] from, int[] end, long[] bounds) {
        this.snapshot = snapshot;
        this.scorer = scorer;
        this.minScore = minScore;
        this.top = top;
        this.filter = filter;
        this.lists = lists;
        this.pos = from;
        this.end = end;
        this.bounds = bounds;
        this.prefix = new long[bounds.length + 1];
        for (int i = 0; i < bounds.length; i++) {
            prefix[i + 1] = prefix[i] + bounds[i];
        }
    }

    void run() {
        long threshold = minScore - 1;
        int n = bounds.length;
        int firstEssential = optionalCount(threshold);
        long[] sums = new long[MaxScore.WINDOW];
        long[] touched = new long[MaxScore.WINDOW / Long.SIZE];
        int maxDoc = snapshot.main.size();
        int base = 0;
        while (base < maxDoc) {
            int next = Integer.MAX_VALUE;
            for (int i = firstEssential; i < n; i++) {
                int p = TopDocs.advance(lists[i], pos[i], end[i], base);
                pos[i] = p;
                if (p < end[i] && lists[i][p] < next) {
                    next = lists[i][p];
                }
            }
            if (next >= maxDoc) {
                return;
            }
            base = next - next % MaxScore.WINDOW;
            int limit = Math.min(maxDoc, base + MaxScore.WINDOW);
            for (int i = firstEssential; i < n; i++) {
                pos[i] = MaxScore.scatter(lists[i], pos[i], end[i], base, limit, bounds[i], sums, touched);
            }
            long optional = prefix[firstEssential];
            for (int word = 0; word < touched.length; word++) {
                long bits = touched[word];
                touched[word] = 0;
                while (bits != 0) {
                    int offset = (word << 6) + Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    long bound = sums[offset];
                    sums[offset] = 0;
                    int doc = base + offset;
                    if (bound + optional <= threshold || !snapshot.isLive(doc)) {
                        continue;
                    }
                    long score = scorer.score(doc);
                    // Main documents come in key order, so a later one must beat the k-th score, not just tie it.
                    if (score > threshold && top.competitive(score, doc) && filter.accept(doc, score)) {
                        top.offer(score, doc);
                        if (top.full()) {
                            threshold = Math.max(threshold, top.minScore());
                        }
                    }
                }
            }
            firstEssential = optionalCount(threshold);
            base = limit;
        }
    }

    /** How many of the lowest-bound lists cannot lift a document above {@code threshold} together. */
    private int optionalCount(long threshold) {
        int count = 0;
        while (count < bounds.length && prefix[count + 1] <= threshold) {
            count++;
        }
        return count;
    }
}
