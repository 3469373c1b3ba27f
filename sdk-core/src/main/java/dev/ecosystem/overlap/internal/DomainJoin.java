package dev.ecosystem.overlap.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The bulk form of domain matching: normalizes two lists of raw domains or URLs, joins them on the registrable
 * domain and counts matched companies per population pair, in one pass over each side and without allocating per
 * record. Used where whole CRMs are compared at once, and measured by the {@code OverlapBenchmark} in
 * {@code benchmarks/}.
 *
 * <p>Layout: the first side's distinct registrable domains go into one byte arena, each entry holding the first
 * side's population bits, the second side's, the key length and the key's ASCII bytes. An open-addressing table of
 * {@code long}s indexes the arena: each slot holds 32 bits of the key's 64-bit hash and the entry's offset, so a
 * probe for a domain the first side does not have (most of the second side) reads one slot and nothing else; a hash
 * hit is verified against the stored key bytes. Records are normalized in batches of 128, and the batch's slots are
 * read before they are used, so that the cache misses of one batch overlap. The matrix is counted while the second
 * side is read: when a record adds population bits to a matched domain, each new pair of (first side, second side)
 * bits counts once.
 *
 * <p>Not thread-safe: one instance per thread.
 */
public final class DomainJoin {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** Arena entry: first side's bits (4 bytes), second side's bits (4), key length (1), key bytes. */
    private static final int POPULATIONS_B = 4;
    private static final int LENGTH = 8;
    private static final int KEY = 9;
    /** Records normalized before their table slots are read. */
    private static final int BATCH = 128;

    private final DomainNormalizer normalizer;
    private long[] table = new long[0];
    private int shift;
    private byte[] arena = new byte[0];
    private int arenaSize;
    private final long[] batchHashes = new long[BATCH];
    private final int[] batchStarts = new int[BATCH];
    private final int[] batchLengths = new int[BATCH];
    private final int[] batchPopulations = new int[BATCH];
    private final byte[] batchBytes = new byte[BATCH * 256 + 8];
    /** What {@link #touch} read, kept so that the reads are not optimized away. */
    private long touched;

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
        for (int from = 0; from < domainsA.length; from += BATCH) {
            int keys = normalize(domainsA, populationsA, from, Math.min(domainsA.length, from + BATCH));
            touch(keys, false);
            for (int k = 0; k < keys; k++) {
                addFirst(k);
            }
        }
        long[][] counts = new long[populations][populations];
        for (int from = 0; from < domainsB.length; from += BATCH) {
            int keys = normalize(domainsB, populationsB, from, Math.min(domainsB.length, from + BATCH));
            touch(keys, true);
            for (int k = 0; k < keys; k++) {
                int entry = find(k);
                if (entry >= 0) {
                    int before = (int) INT.get(arena, entry + POPULATIONS_B);
                    int added = batchPopulations[k] & ~before;
                    if (added != 0) {
                        INT.set(arena, entry + POPULATIONS_B, before | added);
                        count(counts, (int) INT.get(arena, entry), added);
                    }
                }
            }
        }
        return counts;
    }

    /** Normalizes records {@code [from, to)} into the batch; returns how many had a registrable domain. */
    private int normalize(String[] domains, int[] populations, int from, int to) {
        DomainNormalizer normalizer = this.normalizer;
        int keys = 0;
        int used = 0;
        for (int i = from; i < to; i++) {
            String raw = domains[i];
            if (raw != null && normalizer.normalize(raw) == DomainNormalizer.Outcome.DOMAIN) {
                int start = normalizer.keyStart();
                int length = normalizer.keyEnd() - start;
                copyWords(normalizer.buffer(), start, batchBytes, used, length);
                batchHashes[keys] = normalizer.keyHash();
                batchStarts[keys] = used;
                batchLengths[keys] = length;
                batchPopulations[keys] = populations[i];
                used += length;
                keys++;
            }
        }
        return keys;
    }

    /**
     * Reads the table slot of every key in the batch (and, for probes, the arena entry a matching slot points to)
     * before any of them is used: the reads do not depend on each other, so their cache misses overlap instead of
     * coming one after the other.
     */
    private void touch(int keys, boolean entries) {
        long[] table = this.table;
        int shift = this.shift;
        long sum = 0;
        for (int k = 0; k < keys; k++) {
            long hash = batchHashes[k];
            long slot = table[(int) (hash >>> shift)];
            if (entries && slot != 0 && (slot & 0xFFFFFFFF00000000L) == hash << 32) {
                sum += arena[(int) slot - 1 + LENGTH];
            }
            sum += slot;
        }
        touched += sum;
    }

    /** Counts each pair of a first-side bit and a newly added second-side bit. */
    private static void count(long[][] counts, int first, int added) {
        for (int a = first; a != 0; a &= a - 1) {
            long[] row = counts[Integer.numberOfTrailingZeros(a)];
            for (int b = added; b != 0; b &= b - 1) {
                row[Integer.numberOfTrailingZeros(b)]++;
            }
        }
    }

    /** The registrable domains both sides of the last {@link #matrix} call had, in no particular order. */
    public List<String> matchedDomains() {
        List<String> matched = new ArrayList<>();
        for (int entry = 0; entry < arenaSize; entry += KEY + (arena[entry + LENGTH] & 0xff)) {
            if ((int) INT.get(arena, entry + POPULATIONS_B) != 0) {
                matched.add(new String(arena, entry + KEY, arena[entry + LENGTH] & 0xff, StandardCharsets.ISO_8859_1));
            }
        }
        return matched;
    }

    /** Bytes held by the join's table and key arena (what a join of this size keeps besides its input). */
    public long retainedBytes() {
        return 8L * table.length + arena.length + batchBytes.length + 20L * BATCH;
    }

    private void reset(int expected) {
        int slots = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) << 1;
        if (table.length != slots) {
            table = new long[slots];
        } else {
            Arrays.fill(table, 0);
        }
        shift = 64 - Integer.numberOfTrailingZeros(slots);
        arenaSize = 0;
        if (arena.length == 0) {
            arena = new byte[Math.max(1024, expected * 28)];
        }
    }

    private void addFirst(int k) {
        int slot = slotOf(k);
        long entry = table[slot];
        if (entry != 0) {
            int offset = (int) entry - 1;
            INT.set(arena, offset, (int) INT.get(arena, offset) | batchPopulations[k]);
        } else {
            table[slot] = (batchHashes[k] << 32) | (store(k) + 1);
        }
    }

    /** The arena offset of batch key {@code k}'s entry, or -1. */
    private int find(int k) {
        long entry = table[slotOf(k)];
        return entry == 0 ? -1 : (int) entry - 1;
    }

    /** The table slot holding batch key {@code k}'s entry, or the empty slot where it would go. */
    private int slotOf(int k) {
        long hash = batchHashes[k];
        long fingerprint = hash << 32;
        int mask = table.length - 1;
        int slot = (int) (hash >>> shift);
        long entry;
        while ((entry = table[slot]) != 0) {
            if ((entry & 0xFFFFFFFF00000000L) == fingerprint && sameKey((int) entry - 1, k)) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** Appends an entry for batch key {@code k} and returns its offset. */
    private int store(int k) {
        int length = batchLengths[k];
        if (arenaSize + KEY + length + 8 > arena.length) {
            long grown = Math.max(arena.length + (long) (arena.length >> 1), arenaSize + KEY + length + 8);
            if (grown > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("too many distinct domains for one join");
            }
            arena = Arrays.copyOf(arena, (int) grown);
        }
        int offset = arenaSize;
        INT.set(arena, offset, batchPopulations[k]);
        INT.set(arena, offset + POPULATIONS_B, 0);
        arena[offset + LENGTH] = (byte) length;
        copyWords(batchBytes, batchStarts[k], arena, offset + KEY, length);
        arenaSize += KEY + length;
        return offset;
    }

    /**
     * Copies {@code length} bytes a word at a time (keys are short, so this beats {@link System#arraycopy}'s call);
     * it may write up to 7 bytes past them, which both buffers leave room for.
     */
    private static void copyWords(byte[] from, int fromOffset, byte[] to, int toOffset, int length) {
        for (int i = 0; i < length; i += 8) {
            LONG.set(to, toOffset + i, (long) LONG.get(from, fromOffset + i));
        }
    }

    private boolean sameKey(int offset, int k) {
        int length = batchLengths[k];
        int start = batchStarts[k];
        return (arena[offset + LENGTH] & 0xff) == length
                && Arrays.equals(arena, offset + KEY, offset + KEY + length, batchBytes, start, start + length);
    }
}
