package dev.ecosystem.overlap.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * An immutable open-addressing table of lower-case ASCII domain names, each with a small set of flags, probed by the
 * 64-bit {@link #hash} of a region of a {@code byte[]} without allocating. A name's hash is built from its labels,
 * last label first: each label is hashed a word of 8 bytes at a time ({@link #label}) and folded into the hash of the
 * suffix after it ({@link #extend}), so a caller walking a host's suffixes from the right pays one step per label. A
 * probe compares 32-bit fingerprints from a small array first (so a miss reads one small array), then the slot's whole
 * hash and the first 16 bytes of the name, which the slot holds, and only for longer names the rest of the bytes.
 */
final class NameTable {
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;
    /** The hash of the empty suffix, which {@link #extend} starts from. */
    static final long EMPTY = 0x2545F4914F6CDD1DL;
    /** Bytes a caller's buffer must hold after the name it hashes or looks up: names are read a word at a time. */
    static final int PADDING = 16;
    /** {@code MASKS[n]}: the low n bytes of a word. */
    private static final long[] MASKS = new long[9];

    static {
        for (int n = 0; n < 8; n++) {
            MASKS[n] = (1L << (8 * n)) - 1;
        }
        MASKS[8] = -1L;
    }

    /** Longs per slot: the name's hash, its meta (see {@link #meta}), and its first 16 bytes zero-padded. */
    private static final int SLOT = 4;
    /** Name bytes held in the slot itself, so that a name of up to this length is verified without {@link #names}. */
    private static final int INLINE = 16;

    /** Per slot: 32 bits of the name's hash, never 0 (0 is an empty slot); small, so that misses stay in cache. */
    private final int[] fingerprints;
    /** The slots, {@link #SLOT} longs each. */
    private final long[] slots;
    /** The bytes of names longer than {@link #INLINE}, after their first {@link #INLINE}. */
    private final byte[] names;
    private final int shift;

    /**
     * A table of these names (ASCII, lower case) and their flags (1 to 255; entries with 0 are left out). Small
     * tables are kept sparse, so that a miss nearly always ends at the first slot.
     */
    NameTable(Map<String, Integer> entries) {
        int size = entries.size();
        int capacity = Integer.highestOneBit(Math.max(16, size < 1024 ? size * 8 : size * 2) * 2 - 1);
        fingerprints = new int[capacity];
        slots = new long[capacity * SLOT];
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
        byte[] arena = new byte[16];
        int used = 0;
        for (Map.Entry<String, Integer> entry : entries.entrySet()) {
            int flags = entry.getValue();
            byte[] name = entry.getKey().getBytes(StandardCharsets.ISO_8859_1);
            if (flags == 0) {
                continue;
            }
            if (flags > 0xff || name.length == 0 || name.length > 0xff) {
                throw new IllegalArgumentException("flags or name out of range: " + entry);
            }
            byte[] padded = Arrays.copyOf(name, name.length + PADDING);
            long hash = hash(padded, 0, name.length);
            int slot = slot(hash);
            while (fingerprints[slot] != 0) {
                slot = (slot + 1) & (capacity - 1);
            }
            int rest = Math.max(0, name.length - INLINE);
            if (used + rest > arena.length) {
                arena = Arrays.copyOf(arena, Math.max(arena.length * 2, used + rest));
            }
            System.arraycopy(name, name.length - rest, arena, used, rest);
            fingerprints[slot] = fingerprint(hash);
            slots[slot * SLOT] = hash;
            slots[slot * SLOT + 1] = meta(used, name.length, flags);
            slots[slot * SLOT + 2] = (long) LONG.get(padded, 0);
            slots[slot * SLOT + 3] = (long) LONG.get(padded, 8);
            used += rest;
        }
        names = Arrays.copyOf(arena, used + PADDING);
    }

    private static int fingerprint(long hash) {
        return (int) hash | 1; // the low bits, independent of the slot's
    }

    /** Where the rest of a name is in {@link #names} (high 32 bits), its length (bits 8 to 15) and its flags. */
    private static long meta(int offset, int length, int flags) {
        return ((long) offset << 32) | ((long) length << 8) | flags;
    }

    /**
     * The hash of the label {@code bytes[from, to)} (1 to 63 bytes, no dot), read a word of 8 bytes at a time; the
     * buffer holds {@link #PADDING} readable bytes after {@code to}.
     */
    static long label(byte[] bytes, int from, int to) {
        long hash = to - from;
        int i = from;
        for (; to - i > 8; i += 8) {
            hash = (hash ^ (long) LONG.get(bytes, i)) * MULTIPLIER;
        }
        long last = (long) LONG.get(bytes, i) & MASKS[to - i];
        return (hash ^ last) * MULTIPLIER;
    }

    /**
     * The bytes {@code bytes[from, to)} (at most 8, not all zero) as a little-endian word, zero above them: equal
     * words are equal names. The buffer holds {@link #PADDING} readable bytes after {@code to}.
     */
    static long word(byte[] bytes, int from, int to) {
        return (long) LONG.get(bytes, from) & MASKS[to - from];
    }

    /**
     * The hash of the name {@code label.suffix}, from the hash of the label ({@link #label}) and that of the suffix
     * ({@link #extend} again, or {@link #EMPTY} for a name of one label). A host's suffixes are hashed from its last
     * label leftwards, one label at a time.
     */
    static long extend(long suffixHash, long labelHash) {
        long hash = (suffixHash ^ Long.rotateLeft(labelHash, 23)) * MULTIPLIER;
        return hash ^ (hash >>> 31);
    }

    /**
     * The hash of the name {@code bytes[from, to)}: its labels (between dots) hashed from the last to the first; the
     * buffer holds {@link #PADDING} readable bytes after {@code to}.
     */
    static long hash(byte[] bytes, int from, int to) {
        long hash = EMPTY;
        int end = to;
        for (int i = to - 1; i >= from - 1; i--) {
            if (i < from || bytes[i] == '.') {
                hash = extend(hash, label(bytes, i + 1, end));
                end = i;
            }
        }
        return hash;
    }

    /** The hash of an ASCII name. */
    static long hash(String name) {
        byte[] bytes = Arrays.copyOf(name.getBytes(StandardCharsets.ISO_8859_1), name.length() + PADDING);
        return hash(bytes, 0, name.length());
    }

    private int slot(long hash) {
        return (int) (hash >>> shift); // the high bits: extend() has mixed them well
    }

    /**
     * The flags of {@code bytes[from, to)} whose {@link #hash} is {@code hash}, or 0 when the table does not hold it;
     * the buffer holds {@link #PADDING} readable bytes after {@code to}.
     */
    int flags(long hash, byte[] bytes, int from, int to) {
        int[] fingerprints = this.fingerprints;
        int mask = fingerprints.length - 1;
        int fingerprint = fingerprint(hash);
        int slot = slot(hash);
        int candidate;
        while ((candidate = fingerprints[slot]) != 0) {
            if (candidate == fingerprint && slots[slot * SLOT] == hash) {
                long meta = slots[slot * SLOT + 1];
                if (sameName(slot, meta, bytes, from, to)) {
                    return (int) meta & 0xff;
                }
            }
            slot = (slot + 1) & mask;
        }
        return 0;
    }

    private boolean sameName(int slot, long meta, byte[] bytes, int from, int to) {
        int length = (int) (meta >>> 8) & 0xff;
        if (length != to - from) {
            return false;
        }
        int at = slot * SLOT;
        if (((long) LONG.get(bytes, from) & wordMask(length)) != slots[at + 2]) {
            return false;
        }
        if (length <= 8) {
            return true;
        }
        if (((long) LONG.get(bytes, from + 8) & wordMask(length - 8)) != slots[at + 3]) {
            return false;
        }
        byte[] names = this.names;
        int offset = (int) (meta >>> 32) - INLINE;
        for (int i = INLINE; i < length; i += 8) {
            long differ = (long) LONG.get(names, offset + i) ^ (long) LONG.get(bytes, from + i);
            if ((differ & wordMask(length - i)) != 0) {
                return false;
            }
        }
        return true;
    }

    /** The mask of the first {@code bytes} bytes of a little-endian word: none for 0 or less, all for 8 or more. */
    private static long wordMask(int bytes) {
        return MASKS[Math.max(0, Math.min(8, bytes))];
    }
}
