package dev.ecosystem.navigator.internal;

/**
 * Work arrays of one {@link MaxScore} run, kept per thread and lent to one run at a time. A run's score window alone
 * is {@value MaxScore#WINDOW} longs; allocated anew per query, the arrays were most of a search's allocation, and
 * fresh memory is written through the cache each time while a kept window stays in it. A run leaves the window
 * arrays all zero, as it found them; one that fails drops its arrays instead of lending them again.
 */
final class SearchScratch {
    private static final ThreadLocal<SearchScratch> KEPT = ThreadLocal.withInitial(SearchScratch::new);

    /** The window's partial scores; all zero between runs. */
    final long[] scores = new long[MaxScore.WINDOW];
    /** The window's slots that essential terms touched, one bit each; all zero between runs. */
    final long[] touched = new long[MaxScore.WINDOW / Long.SIZE];
    /** The window's candidates that passed the bound. */
    final int[] candidates = new int[MaxScore.WINDOW];
    /** Per optional-term set: its weight, postings and members (see MaxScore); grown as needed. */
    long[] setWeight = new long[0];
    long[] setLength = new long[0];
    long[] setMembers = new long[0];
    private boolean lent;

    private SearchScratch() {
    }

    /** This thread's arrays, or new ones when they are lent already (a search inside a search's filter). */
    static SearchScratch borrow() {
        SearchScratch kept = KEPT.get();
        if (kept.lent) {
            return new SearchScratch();
        }
        kept.lent = true;
        return kept;
    }

    /** Takes the arrays back after a run that ended normally, with its window arrays all zero. */
    void giveBack() {
        lent = false;
    }

    /** Forgets the arrays after a run that failed midway, whose window arrays may not be zero any more. */
    void discard() {
        if (KEPT.get() == this) {
            KEPT.remove();
        }
    }

    /** Makes the set arrays hold at least {@code sets} entries; their contents are left to the caller. */
    void reserveSets(int sets) {
        if (setWeight.length < sets) {
            setWeight = new long[sets];
            setLength = new long[sets];
            setMembers = new long[sets];
        }
    }
}
