package dev.ecosystem.navigator.internal;

/**
 * The weights of a query's terms in a small open-addressing table, for scoring a document from its own sorted term
 * list (the forward index) instead of probing the postings of every term. A 64-bit filter on the low bits of the term
 * id rules out most of a document's terms before the table is looked at.
 */
final class QueryWeights {
    private static final int EMPTY = -1;

    private final int[] keys;
    private final long[] values;
    private final int shift;
    private final long filter;

    /** The table of {@code terms} (distinct, each at least 0) and their {@code weights}. */
    QueryWeights(int[] terms, long[] weights) {
        int bits = 4;
        while ((1 << bits) < terms.length * 4) {
            bits++;
        }
        keys = new int[1 << bits];
        values = new long[1 << bits];
        shift = Integer.SIZE - bits;
        java.util.Arrays.fill(keys, EMPTY);
        long mask = 0;
        int slotMask = keys.length - 1;
        for (int i = 0; i < terms.length; i++) {
            int term = terms[i];
            mask |= 1L << term;
            int slot = slot(term);
            while (keys[slot] != EMPTY && keys[slot] != term) {
                slot = (slot + 1) & slotMask;
            }
            keys[slot] = term;
            values[slot] += weights[i];
        }
        filter = mask;
    }

    private int slot(int term) {
        return (term * 0x9E3779B9) >>> shift;
    }

    /** The sum of the weights of the query terms among {@code terms[from..to)}. */
    long score(int[] terms, int from, int to) {
        long score = 0;
        int slotMask = keys.length - 1;
        for (int i = from; i < to; i++) {
            int term = terms[i];
            if ((filter & (1L << term)) == 0) {
                continue;
            }
            int slot = slot(term);
            int key;
            while ((key = keys[slot]) != EMPTY) {
                if (key == term) {
                    score += values[slot];
                    break;
                }
                slot = (slot + 1) & slotMask;
            }
        }
        return score;
    }
}
