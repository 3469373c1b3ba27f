package dev.ecosystem.overlap.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The bulk form of domain matching: normalizes two lists of raw domains or URLs, joins them on the registrable
 * domain and counts matched companies per population pair, in one pass over each side and without allocating per
 * record: the distinct domains of the first side go into one character arena. Used where whole CRMs are compared at once, and
 * measured by the {@code OverlapBenchmark} in {@code benchmarks/}.
 *
 * <p>Not thread-safe: one instance per thread.
 */
public final class DomainJoin {
    /** Slot layout in {@link #table}: hash, arena offset of the key (+1; 0 is empty), first side's and second's bits. */
    private static final int STRIDE = 4;

    private final DomainNormalizer normalizer;
    private int[] table = new int[0];
    private int mask;
    /** Distinct first-side keys, each as its length then its characters. */
    private char[] arena = new char[0];
    private int arenaSize;

    /** A join on these rules. */
    public DomainJoin(DomainRules rules) {
        this.normalizer = new DomainNormalizer(rules);
    }

    /**
     * Joins two sides.
     *
     * @param domainsA the first side's raw domains ({@code null} entries have no domain)
     * @param populationsA the first side's population bit sets, one per record, never 0
     * @param domainsB the second side's raw domains
     * @param populationsB the second side's population bit sets, never 0
     * @param populations how many populations the bit sets use (at most 32)
     * @return {@code counts[i][j]}: distinct registrable domains with a first-side record in population {@code i}
     *     and a second-side record in population {@code j}
     */
    public long[][] matrix(String[] domainsA, int[] populationsA, String[] domainsB, int[] populationsB,
            int populations) {
        reset(domainsA.length);
        for (int i = 0; i < domainsA.length; i++) {
            String raw = domainsA[i];
            if (raw != null && normalizer.normalize(raw) == DomainNormalizer.Outcome.DOMAIN) {
                addFirst(populationsA[i]);
            }
        }
        for (int i = 0; i < domainsB.length; i++) {
            String raw = domainsB[i];
            if (raw != null && normalizer.normalize(raw) == DomainNormalizer.Outcome.DOMAIN) {
                int slot = find();
                if (slot >= 0) {
                    table[slot + 3] |= populationsB[i];
                }
            }
        }
        long[][] counts = new long[populations][populations];
        for (int slot = 0; slot < table.length; slot += STRIDE) {
            int second = table[slot + 3];
            if (second != 0) {
                for (int a = table[slot + 2]; a != 0; a &= a - 1) {
                    long[] row = counts[Integer.numberOfTrailingZeros(a)];
                    for (int b = second; b != 0; b &= b - 1) {
                        row[Integer.numberOfTrailingZeros(b)]++;
                    }
                }
            }
        }
        return counts;
    }

    /** The registrable domains both sides of the last {@link #matrix} call had, in no particular order. */
    public List<String> matchedDomains() {
        List<String> matched = new ArrayList<>();
        for (int slot = 0; slot < table.length; slot += STRIDE) {
            if (table[slot + 3] != 0) {
                int offset = table[slot + 1] - 1;
                matched.add(new String(arena, offset + 1, arena[offset]));
            }
        }
        return matched;
    }

    /** Bytes held by the join's table and key arena (what a join of this size keeps besides its input). */
    public long retainedBytes() {
        return 4L * table.length + 2L * arena.length;
    }

    private void reset(int expected) {
        int slots = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) << 1;
        if (table.length != slots * STRIDE) {
            table = new int[slots * STRIDE];
        } else {
            Arrays.fill(table, 0);
        }
        mask = slots - 1;
        arenaSize = 0;
        if (arena.length == 0) {
            arena = new char[Math.max(1024, expected * 20)];
        }
    }

    private void addFirst(int populations) {
        int hash = normalizer.keyHash();
        int slot = (RegionTable.spread(hash) & mask) * STRIDE;
        int offset;
        while ((offset = table[slot + 1]) != 0) {
            if (table[slot] == hash && sameKey(offset - 1)) {
                table[slot + 2] |= populations;
                return;
            }
            slot = (slot + STRIDE) & (table.length - 1);
        }
        table[slot] = hash;
        table[slot + 1] = store() + 1;
        table[slot + 2] = populations;
    }

    private int find() {
        int hash = normalizer.keyHash();
        int slot = (RegionTable.spread(hash) & mask) * STRIDE;
        int offset;
        while ((offset = table[slot + 1]) != 0) {
            if (table[slot] == hash && sameKey(offset - 1)) {
                return slot;
            }
            slot = (slot + STRIDE) & (table.length - 1);
        }
        return -1;
    }

    /** Appends the current key to the arena and returns where it starts. */
    private int store() {
        int start = normalizer.keyStart();
        int length = normalizer.keyEnd() - start;
        if (arenaSize + length + 1 > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length + (arena.length >> 1), arenaSize + length + 1));
        }
        int offset = arenaSize;
        arena[offset] = (char) length;
        System.arraycopy(normalizer.buffer(), start, arena, offset + 1, length);
        arenaSize += length + 1;
        return offset;
    }

    private boolean sameKey(int offset) {
        char[] buffer = normalizer.buffer();
        int start = normalizer.keyStart();
        int length = normalizer.keyEnd() - start;
        if (arena[offset] != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (arena[offset + 1 + i] != buffer[start + i]) {
                return false;
            }
        }
        return true;
    }
}
