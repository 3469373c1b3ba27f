package dev.ecosystem.benchmarks.navigator;

import dev.ecosystem.navigator.internal.TagIndex;
import dev.ecosystem.navigator.internal.TermDictionary;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The benchmark data, generated deterministically from a seed: profiles with about ten distinct tags each (8 to 12)
 * drawn from a Zipf vocabulary (exponent 1), and queries of ten distinct Zipf-drawn tags with integer weights 1 to
 * 10. Profile {@code i} has key {@code p%07d}, so key order is generation order (Lucene's doc id order).
 *
 * <p>Two query mixes: the project's own (query tags drawn like profile tags) and a rare-tag mix, where each query tag
 * is the Zipf rank at {@code u^0.5} of a uniform {@code u} instead of at {@code u}, which draws toward the rarer tags
 * of the vocabulary (there the lead over Lucene is smallest, as fewer postings leave less to skip).
 */
public final class ZipfProfiles {
    /** The vocabulary size of the workload. */
    public static final int VOCABULARY = 10_000;

    /** Profile keys, ascending. */
    public final String[] keys;
    /** Where each profile's tags start in {@link #tags}, plus the end. */
    public final int[] starts;
    /** Tag ranks (0 = most frequent) of every profile. */
    public final int[] tags;
    /** Query tags. */
    public final int[][] queryTags;
    /** Query weights. */
    public final long[][] queryWeights;

    private ZipfProfiles(String[] keys, int[] starts, int[] tags, int[][] queryTags, long[][] queryWeights) {
        this.keys = keys;
        this.starts = starts;
        this.tags = tags;
        this.queryTags = queryTags;
        this.queryWeights = queryWeights;
    }

    /** The query tag bias of the project's own mix: tags drawn like the profiles'. */
    public static final double OWN_MIX = 1;
    /** The query tag bias of the rare-tag mix. */
    public static final double RARE_MIX = 0.5;

    /** Generates {@code profiles} profiles and {@code queries} queries of the project's own mix from {@code seed}. */
    public static ZipfProfiles generate(long seed, int profiles, int queries) {
        return generate(seed, profiles, queries, OWN_MIX);
    }

    /**
     * Generates {@code profiles} profiles and {@code queries} queries from {@code seed}; each query tag is the Zipf
     * rank at {@code u^bias} of a uniform {@code u} (1: like the profiles' tags; below 1: toward the rarer tags). The
     * profiles do not depend on the bias.
     */
    public static ZipfProfiles generate(long seed, int profiles, int queries, double bias) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] cumulative = cumulative(VOCABULARY);
        String[] keys = new String[profiles];
        int[] starts = new int[profiles + 1];
        int[] tags = new int[profiles * 12];
        int written = 0;
        for (int doc = 0; doc < profiles; doc++) {
            keys[doc] = key(doc);
            starts[doc] = written;
            int[] drawn = distinct(random, cumulative, 8 + random.nextInt(5), OWN_MIX);
            System.arraycopy(drawn, 0, tags, written, drawn.length);
            written += drawn.length;
        }
        starts[profiles] = written;
        int[][] queryTags = new int[queries][];
        long[][] queryWeights = new long[queries][];
        for (int q = 0; q < queries; q++) {
            queryTags[q] = distinct(random, cumulative, 10, bias);
            queryWeights[q] = new long[10];
            for (int i = 0; i < 10; i++) {
                queryWeights[q][i] = 1 + random.nextInt(10);
            }
        }
        return new ZipfProfiles(keys, starts, Arrays.copyOf(tags, written), queryTags, queryWeights);
    }

    /** The cumulative Zipf (exponent 1) distribution over {@code size} ranks. */
    static double[] cumulative(int size) {
        double[] cumulative = new double[size];
        double sum = 0;
        for (int rank = 0; rank < size; rank++) {
            sum += 1.0 / (rank + 1);
            cumulative[rank] = sum;
        }
        for (int rank = 0; rank < size; rank++) {
            cumulative[rank] /= sum;
        }
        return cumulative;
    }

    /** {@code count} distinct ranks drawn from the distribution. */
    static int[] distinct(SplittableRandom random, double[] cumulative, int count) {
        return distinct(random, cumulative, count, OWN_MIX);
    }

    private static int[] distinct(SplittableRandom random, double[] cumulative, int count, double bias) {
        int[] drawn = new int[count];
        int n = 0;
        while (n < count) {
            double u = random.nextDouble();
            int found = Arrays.binarySearch(cumulative, bias == OWN_MIX ? u : Math.pow(u, bias));
            int rank = Math.min(VOCABULARY - 1, found >= 0 ? found : -found - 1);
            boolean seen = false;
            for (int i = 0; i < n && !seen; i++) {
                seen = drawn[i] == rank;
            }
            if (!seen) {
                drawn[n++] = rank;
            }
        }
        return drawn;
    }

    /** The key of profile {@code doc}: {@code p} and seven digits. */
    static String key(int doc) {
        String digits = Integer.toString(doc);
        return "p" + "0000000".substring(digits.length()) + digits;
    }

    /** The term name of a tag rank. */
    public static String term(int rank) {
        return "business:t" + rank;
    }

    /** A dictionary where each tag rank's term id is the rank. */
    public static TermDictionary dictionary() {
        TermDictionary dictionary = new TermDictionary();
        for (int rank = 0; rank < VOCABULARY; rank++) {
            dictionary.encode(term(rank));
        }
        return dictionary;
    }

    /** Builds our index of the profiles. */
    public TagIndex buildIndex(TermDictionary dictionary) {
        return TagIndex.build(dictionary, keys, starts, tags);
    }

    /** How many profiles there are. */
    public int size() {
        return keys.length;
    }
}
