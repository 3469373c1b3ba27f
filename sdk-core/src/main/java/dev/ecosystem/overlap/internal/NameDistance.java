package dev.ecosystem.overlap.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@link NameNormalizer#similarityAtLeast} on names held as UTF-8 bytes (as {@link AccountColumns} keeps them),
 * without decoding or allocating when both are ASCII, which is what a join's name comparisons nearly always are: the
 * edit distance is computed in a band of the allowed width around the diagonal (Ukkonen), in two reused rows, and
 * stops as soon as a whole row exceeds the bound. Names with other characters are decoded and compared as strings.
 * Same results as {@link NameNormalizer#similarity} whenever that reaches the threshold. Not thread-safe.
 */
final class NameDistance {
    private final double threshold;
    private int[] previous = new int[64];
    private int[] current = new int[64];
    /** {@link NameNormalizer#allowedDistance} by the longer name's length, for names up to 127 bytes. */
    private final int[] allowedByLength = new int[128];

    /** Comparisons at this similarity threshold. */
    NameDistance(double threshold) {
        this.threshold = threshold;
        for (int longer = 0; longer < allowedByLength.length; longer++) {
            allowedByLength[longer] = NameNormalizer.allowedDistance(longer, threshold);
        }
    }

    /**
     * The similarity of the names {@code a[aFrom, aTo)} and {@code b[bFrom, bTo)} (normalized, UTF-8, not empty) when
     * it reaches the threshold, else -1.
     */
    double similarityAtLeast(byte[] a, int aFrom, int aTo, byte[] b, int bFrom, int bTo) {
        if (!ascii(a, aFrom, aTo) || !ascii(b, bFrom, bTo)) {
            return NameNormalizer.similarityAtLeast(new String(a, aFrom, aTo - aFrom, StandardCharsets.UTF_8),
                    new String(b, bFrom, bTo - bFrom, StandardCharsets.UTF_8), threshold);
        }
        return asciiSimilarityAtLeast(a, aFrom, aTo, b, bFrom, bTo);
    }

    /** {@link #similarityAtLeast} of two names the caller knows to be ASCII (as a whole arena of them can be). */
    double asciiSimilarityAtLeast(byte[] a, int aFrom, int aTo, byte[] b, int bFrom, int bTo) {
        int longer = Math.max(aTo - aFrom, bTo - bFrom);
        int allowed = allowed(longer);
        if (Math.abs((aTo - aFrom) - (bTo - bFrom)) > allowed) {
            return -1;
        }
        int distance = aTo - aFrom <= bTo - bFrom ? distance(a, aFrom, aTo - aFrom, b, bFrom, bTo - bFrom, allowed)
                : distance(b, bFrom, bTo - bFrom, a, aFrom, aTo - aFrom, allowed);
        return distance < 0 ? -1 : 1.0 - (double) distance / longer;
    }

    /** The largest edit distance that reaches the threshold when the longer name has {@code longer} bytes. */
    int allowed(int longer) {
        return longer < allowedByLength.length ? allowedByLength[longer]
                : NameNormalizer.allowedDistance(longer, threshold);
    }

    private static boolean ascii(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The edit distance of {@code s} (length n) and {@code t} (length m, n <= m) when at most {@code k}, else -1.
     * A common prefix and suffix change no edit distance, so they are skipped first; what is left is decided
     * without a table when at most one edit is allowed (the rest after the first difference must then be equal,
     * past one byte of either or of both), and in the banded table otherwise.
     */
    private int distance(byte[] s, int sFrom, int n, byte[] t, int tFrom, int m, int k) {
        if (m - n > k) {
            return -1;
        }
        int prefix = 0;
        while (prefix < n && s[sFrom + prefix] == t[tFrom + prefix]) {
            prefix++;
        }
        if (prefix == n) {
            return m - n;
        }
        if (k <= 1) {
            if (k == 0) {
                return -1;
            }
            // the same length: one substitution; t one longer: one insertion into s
            boolean oneEdit = m == n
                    ? Arrays.equals(s, sFrom + prefix + 1, sFrom + n, t, tFrom + prefix + 1, tFrom + m)
                    : Arrays.equals(s, sFrom + prefix, sFrom + n, t, tFrom + prefix + 1, tFrom + m);
            return oneEdit ? 1 : -1;
        }
        int suffix = 0;
        while (suffix < n - prefix && s[sFrom + n - 1 - suffix] == t[tFrom + m - 1 - suffix]) {
            suffix++;
        }
        return table(s, sFrom + prefix, n - prefix - suffix, t, tFrom + prefix, m - prefix - suffix, k);
    }

    /** {@link #distance} by the banded table, for strings with no common first or last byte. */
    private int table(byte[] s, int sFrom, int n, byte[] t, int tFrom, int m, int k) {
        if (n == 0) {
            return m <= k ? m : -1;
        }
        if (previous.length < m + 2) {
            previous = new int[m + 2];
            current = new int[m + 2];
        }
        int[] p = previous;
        int[] d = current;
        int over = k + 1;
        for (int j = 0; j <= m; j++) {
            p[j] = j <= k ? j : over;
        }
        p[m + 1] = over;
        for (int i = 1; i <= n; i++) {
            int low = Math.max(1, i - k);
            int high = Math.min(m, i + k);
            d[0] = i <= k ? i : over;
            d[low - 1] = low == 1 ? d[0] : over;
            int rowMin = low == 1 ? d[0] : over;
            byte c = s[sFrom + i - 1];
            for (int j = low; j <= high; j++) {
                int substitute = p[j - 1] + (c == t[tFrom + j - 1] ? 0 : 1);
                int value = Math.min(Math.min(d[j - 1], p[j]) + 1, substitute);
                d[j] = Math.min(value, over);
                rowMin = Math.min(rowMin, d[j]);
            }
            if (high < m) {
                d[high + 1] = over;
            }
            if (rowMin > k) {
                return -1;
            }
            int[] swap = p;
            p = d;
            d = swap;
        }
        return p[m] <= k ? p[m] : -1;
    }
}
