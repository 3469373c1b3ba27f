package dev.ecosystem.navigator.internal;

/**
 * The best {@code k} documents seen so far, by score descending, then key ascending: a binary min-heap of primitives
 * with the worst kept document at the root, so nothing is allocated per candidate.
 */
public final class TopK {
    private final Snapshot snapshot;
    private final long[] scores;
    private final int[] docs;
    private int size;

    /** Collects at most {@code k} documents of {@code snapshot}. */
    public TopK(Snapshot snapshot, int k) {
        this.snapshot = snapshot;
        this.scores = new long[k];
        this.docs = new int[k];
    }

    /** The {@code k} it was made for. */
    public int capacity() {
        return docs.length;
    }

    /** Whether {@code k} documents are kept. */
    public boolean full() {
        return size == docs.length;
    }

    /** The lowest kept score; meaningful when {@link #full()}. */
    public long minScore() {
        return scores[0];
    }

    /** Whether a document with this score would be kept. */
    public boolean competitive(long score, int doc) {
        return !full() || better(score, doc, scores[0], docs[0]);
    }

    /** Keeps the document if it is among the best {@code k}. */
    public void offer(long score, int doc) {
        if (!full()) {
            int at = size++;
            while (at > 0) {
                int parent = (at - 1) >>> 1;
                if (!better(scores[parent], docs[parent], score, doc)) {
                    break;
                }
                scores[at] = scores[parent];
                docs[at] = docs[parent];
                at = parent;
            }
            scores[at] = score;
            docs[at] = doc;
        } else if (better(score, doc, scores[0], docs[0])) {
            siftDown(score, doc, size);
        }
    }

    private void siftDown(long score, int doc, int limit) {
        int at = 0;
        while (true) {
            int child = 2 * at + 1;
            if (child >= limit) {
                break;
            }
            if (child + 1 < limit && better(scores[child], docs[child], scores[child + 1], docs[child + 1])) {
                child++;
            }
            if (!better(score, doc, scores[child], docs[child])) {
                break;
            }
            scores[at] = scores[child];
            docs[at] = docs[child];
            at = child;
        }
        scores[at] = score;
        docs[at] = doc;
    }

    private boolean better(long scoreA, int docA, long scoreB, int docB) {
        return scoreA > scoreB || (scoreA == scoreB && snapshot.keyAfter(docB, docA));
    }

    /** How many documents are kept. */
    public int size() {
        return size;
    }

    /**
     * Empties the heap into the given arrays, best first.
     *
     * @param outDocs receives the documents
     * @param outScores receives their scores
     * @return how many there were
     */
    public int drain(int[] outDocs, long[] outScores) {
        int count = size;
        for (int i = count - 1; i >= 0; i--) {
            outDocs[i] = docs[0];
            outScores[i] = scores[0];
            size--;
            if (size > 0) {
                siftDown(scores[size], docs[size], size);
            }
        }
        return count;
    }
}
