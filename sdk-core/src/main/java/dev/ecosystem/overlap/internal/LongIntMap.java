package dev.ecosystem.overlap.internal;

import java.util.Arrays;

/** An open-addressing map from {@code long} keys to non-negative {@code int} values, without boxing. */
final class LongIntMap {
    private long[] keys;
    private int[] values;
    private int size;

    /** A map sized for about {@code expected} entries. */
    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) * 2;
        keys = new long[capacity];
        values = new int[capacity];
        Arrays.fill(values, -1);
    }

    int size() {
        return size;
    }

    /** The value of {@code key}, or -1. */
    int get(long key) {
        int mask = keys.length - 1;
        for (int slot = slot(key, mask); values[slot] >= 0; slot = (slot + 1) & mask) {
            if (keys[slot] == key) {
                return values[slot];
            }
        }
        return -1;
    }

    /** The value of {@code key}, after putting {@code value} (not negative) when it had none. */
    int putIfAbsent(long key, int value) {
        int mask = keys.length - 1;
        int slot = slot(key, mask);
        for (; values[slot] >= 0; slot = (slot + 1) & mask) {
            if (keys[slot] == key) {
                return values[slot];
            }
        }
        keys[slot] = key;
        values[slot] = value;
        if (++size * 2 > keys.length) {
            grow();
        }
        return value;
    }

    long retainedBytes() {
        return 12L * keys.length;
    }

    private static int slot(long key, int mask) {
        long mixed = key * 0x9E3779B97F4A7C15L;
        return (int) (mixed ^ (mixed >>> 32)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        Arrays.fill(values, -1);
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] >= 0) {
                int slot = slot(oldKeys[i], mask);
                while (values[slot] >= 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }
}
