package dev.ecosystem.navigator.internal;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Term ids by the UTF-8 bytes of a value, looked up in a slice of a row's buffer: a load of ten million rows then
 * builds no {@code String} per value, and finds each with one hash of its bytes, where a {@code String} key would
 * need decoding, a copy and a hash each time. A few thousand distinct values recur across all rows, so the table
 * stays small. Open addressing with linear probing, at most half full. Single writer, like {@link TermEncoder}.
 */
final class Utf8Codes {
    private byte[][] keys = new byte[64][];
    private int[][] ids = new int[64][];
    private int size;

    /** The ids stored for the bytes {@code utf8[from, to)}, or {@code null} if none are. */
    int @Nullable [] get(byte[] utf8, int from, int to) {
        int mask = keys.length - 1;
        for (int slot = hash(utf8, from, to) & mask; ; slot = (slot + 1) & mask) {
            byte[] key = keys[slot];
            if (key == null) {
                return null;
            }
            if (Arrays.equals(key, 0, key.length, utf8, from, to)) {
                return ids[slot];
            }
        }
    }

    /** Stores the ids of the bytes {@code utf8[from, to)}, which {@link #get} did not find. */
    void put(byte[] utf8, int from, int to, int[] values) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        insert(Arrays.copyOfRange(utf8, from, to), values);
        size++;
    }

    private void insert(byte[] key, int[] values) {
        int mask = keys.length - 1;
        int slot = hash(key, 0, key.length) & mask;
        while (keys[slot] != null) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        ids[slot] = values;
    }

    private void grow() {
        byte[][] oldKeys = keys;
        int[][] oldIds = ids;
        keys = new byte[oldKeys.length * 2][];
        ids = new int[oldKeys.length * 2][];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                insert(oldKeys[i], oldIds[i]);
            }
        }
    }

    private static int hash(byte[] utf8, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + utf8[i];
        }
        return h ^ (h >>> 16);
    }
}
