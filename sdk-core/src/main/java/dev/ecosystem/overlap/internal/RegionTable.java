package dev.ecosystem.overlap.internal;

import java.util.Map;

/**
 * An immutable open-addressing set of ASCII strings, each with a small bit set of flags, that looks up a region of a
 * {@code char[]} without allocating. Hashes are computed right to left ({@link #hash}) so that a caller scanning a
 * host name from its end gets the hash of every suffix in one pass.
 */
final class RegionTable {
    private final String[] keys;
    private final int[] hashes;
    private final int[] flags;
    private final int mask;

    RegionTable(Map<String, Integer> entries) {
        int capacity = Integer.highestOneBit(Math.max(4, entries.size() * 3)) << 1;
        keys = new String[capacity];
        hashes = new int[capacity];
        flags = new int[capacity];
        mask = capacity - 1;
        entries.forEach((key, value) -> {
            char[] chars = key.toCharArray();
            int hash = hash(chars, 0, chars.length);
            int slot = spread(hash) & mask;
            while (keys[slot] != null && !keys[slot].equals(key)) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            hashes[slot] = hash;
            flags[slot] |= value;
        });
    }

    /** The hash of {@code chars[from, to)}, folded from the last character to the first. */
    static int hash(char[] chars, int from, int to) {
        int hash = 0;
        for (int i = to - 1; i >= from; i--) {
            hash = 31 * hash + chars[i];
        }
        return hash;
    }

    static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** The flags of {@code chars[from, to)} whose {@link #hash} is {@code hash}, or 0 when it is not in the table. */
    int flags(char[] chars, int from, int to, int hash) {
        int length = to - from;
        int slot = spread(hash) & mask;
        String key;
        while ((key = keys[slot]) != null) {
            if (hashes[slot] == hash && key.length() == length && sameChars(key, chars, from)) {
                return flags[slot];
            }
            slot = (slot + 1) & mask;
        }
        return 0;
    }

    private static boolean sameChars(String key, char[] chars, int from) {
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) != chars[from + i]) {
                return false;
            }
        }
        return true;
    }
}
