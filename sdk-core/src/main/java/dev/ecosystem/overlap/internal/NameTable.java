package dev.ecosystem.overlap.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * An immutable open-addressing table of lower-case ASCII domain names, each with a small set of flags, probed by the
 * 64-bit {@link #hash} of a region of a {@code byte[]} without allocating. The hash is a polynomial over the bytes
 * (modulo 2<sup>64</sup>), so a caller that hashed every prefix of a host name while reading it gets the hash of any
 * suffix ({@code com}, {@code acme.com}, ...) with one multiply: {@link #suffixHash}. A probe compares 32-bit
 * fingerprints from a small array first and verifies the whole hash and then the bytes only on a hit, so a miss (the
 * common case) reads one small array.
 */
final class NameTable {
    private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;
    private static final int MAX_NAME = 255;
    /** {@code POWERS[n]} is {@code MULTIPLIER} to the power n. */
    private static final long[] POWERS = new long[MAX_NAME + 1];

    static {
        POWERS[0] = 1;
        for (int i = 1; i <= MAX_NAME; i++) {
            POWERS[i] = POWERS[i - 1] * MULTIPLIER;
        }
    }

    /** Per slot: 32 bits of the key's hash, never 0 (0 is an empty slot); small, so misses stay in cache. */
    private final int[] fingerprints;
    /** Per slot: the key's whole hash. */
    private final long[] hashes;
    /** Per slot: the key's offset in {@link #names} (high 32 bits), its length (bits 8 to 15) and its flags (low 8). */
    private final long[] metas;
    private final byte[] names;
    private final int shift;

    /** A table of these names (ASCII, lower case) and their flags (1 to 255; entries with 0 are left out). */
    NameTable(Map<String, Integer> entries) {
        int capacity = Integer.highestOneBit(Math.max(8, entries.size() * 2) * 2 - 1);
        fingerprints = new int[capacity];
        hashes = new long[capacity];
        metas = new long[capacity];
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
        byte[] arena = new byte[16];
        int used = 0;
        for (Map.Entry<String, Integer> entry : entries.entrySet()) {
            int flags = entry.getValue();
            byte[] name = entry.getKey().getBytes(StandardCharsets.ISO_8859_1);
            if (flags == 0) {
                continue;
            }
            if (flags > 0xff || name.length > 0xff) {
                throw new IllegalArgumentException("flags or name out of range: " + entry);
            }
            long hash = hash(name, 0, name.length);
            int slot = slot(hash);
            while (fingerprints[slot] != 0) {
                slot = (slot + 1) & (capacity - 1);
            }
            if (used + name.length > arena.length) {
                arena = Arrays.copyOf(arena, Math.max(arena.length * 2, used + name.length));
            }
            System.arraycopy(name, 0, arena, used, name.length);
            fingerprints[slot] = fingerprint(hash);
            hashes[slot] = hash;
            metas[slot] = ((long) used << 32) | ((long) name.length << 8) | flags;
            used += name.length;
        }
        names = Arrays.copyOf(arena, used);
    }

    private static int fingerprint(long hash) {
        return (int) hash | 1;
    }

    /** Extends the hash {@code hash} of a name by the byte {@code b} after it. */
    static long fold(long hash, int b) {
        return hash * MULTIPLIER + b;
    }

    /** The hash of {@code bytes[from, to)}: {@link #fold} from the first byte to the last. */
    static long hash(byte[] bytes, int from, int to) {
        long hash = 0;
        for (int i = from; i < to; i++) {
            hash = fold(hash, bytes[i]);
        }
        return hash;
    }

    /**
     * The hash of the last {@code suffixLength} bytes of a name (at most 255) whose hash is {@code whole}, given the
     * hash {@code prefix} of the bytes before them.
     */
    static long suffixHash(long whole, long prefix, int suffixLength) {
        return whole - prefix * POWERS[suffixLength];
    }

    /** The hash of an ASCII name. */
    static long hash(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.ISO_8859_1);
        return hash(bytes, 0, bytes.length);
    }

    /** Spreads a hash over the table: its high bits, after a multiply, give the slot (as for the join). */
    static long mix(long hash) {
        long h = hash ^ (hash >>> 29);
        return h * 0xBF58476D1CE4E5B9L;
    }

    private int slot(long hash) {
        return (int) (mix(hash) >>> shift);
    }

    /**
     * The flags of {@code bytes[from, to)} whose {@link #hash} is {@code hash}, or 0 when the table does not hold it.
     */
    int flags(long hash, byte[] bytes, int from, int to) {
        int[] fingerprints = this.fingerprints;
        int mask = fingerprints.length - 1;
        int fingerprint = fingerprint(hash);
        int slot = slot(hash);
        int candidate;
        while ((candidate = fingerprints[slot]) != 0) {
            if (candidate == fingerprint && hashes[slot] == hash) {
                long meta = metas[slot];
                if (sameName(meta, bytes, from, to)) {
                    return (int) meta & 0xff;
                }
            }
            slot = (slot + 1) & mask;
        }
        return 0;
    }

    private boolean sameName(long meta, byte[] bytes, int from, int to) {
        int offset = (int) (meta >>> 32);
        int length = (int) (meta >>> 8) & 0xff;
        if (length != to - from) {
            return false;
        }
        byte[] names = this.names;
        for (int i = 0; i < length; i++) {
            if (names[offset + i] != bytes[from + i]) {
                return false;
            }
        }
        return true;
    }
}
