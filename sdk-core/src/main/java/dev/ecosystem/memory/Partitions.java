package dev.ecosystem.memory;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A table's partitions: a hash map from partition (a tenant, a company, a party) to its rows, in two arrays with
 * linear probing. A table of contacts has a partition per company, a million of them in a large network, and a
 * {@code HashMap} entry costs about 40 bytes where a slot pair here costs 8 (about 14 at the usual fill). Not
 * thread-safe: the store's lock guards it.
 */
final class Partitions {
    private @Nullable Object[] keys = new Object[16];
    private @Nullable Object[] values = new Object[16];
    private int size;

    private static int home(Object key, int mask) {
        int hash = key.hashCode() * 0x9E3779B9;
        return (hash ^ (hash >>> 16)) & mask;
    }

    private int find(Object key) {
        int mask = keys.length - 1;
        for (int i = home(key, mask); ; i = (i + 1) & mask) {
            Object at = keys[i];
            if (at == null) {
                return -1;
            }
            if (at.equals(key)) {
                return i;
            }
        }
    }

    /** The partition's rows, or {@code null} when it has none. */
    @Nullable Object get(Object key) {
        int at = find(key);
        return at < 0 ? null : values[at];
    }

    /** Sets the partition's rows. */
    void put(Object key, Object rows) {
        int mask = keys.length - 1;
        for (int i = home(key, mask); ; i = (i + 1) & mask) {
            Object at = keys[i];
            if (at == null) {
                keys[i] = key;
                values[i] = rows;
                if (++size * 4 > keys.length * 3) {
                    resize(keys.length * 2);
                }
                return;
            }
            if (at.equals(key)) {
                values[i] = rows;
                return;
            }
        }
    }

    /** Drops the partition. */
    void remove(Object key) {
        int hole = find(key);
        if (hole < 0) {
            return;
        }
        int mask = keys.length - 1;
        // Backward-shift deletion: move up every later key of the run that may not sit past the hole.
        for (int j = (hole + 1) & mask; keys[j] != null; j = (j + 1) & mask) {
            int home = home(keys[j], mask);
            boolean movable = j > hole ? home <= hole || home > j : home <= hole && home > j;
            if (movable) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
        }
        keys[hole] = null;
        values[hole] = null;
        size--;
    }

    /** How many partitions have rows. */
    int size() {
        return size;
    }

    private void resize(int capacity) {
        @Nullable Object[] oldKeys = keys;
        @Nullable Object[] oldValues = values;
        keys = new Object[capacity];
        values = new Object[capacity];
        int mask = capacity - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            Object key = oldKeys[j];
            if (key != null) {
                int i = home(key, mask);
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = key;
                values[i] = oldValues[j];
            }
        }
        Arrays.fill(oldKeys, null);
    }
}
