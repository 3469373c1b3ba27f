package dev.ecosystem.overlap.internal;

import dev.ecosystem.model.Account;

/**
 * The ordinals of accounts by id, in an open-addressing table of {@link String#hashCode} and ordinal: what linking
 * deals to their accounts looks up, once per deal. A binary search over the accounts' ids cost about 20 string
 * comparisons per lookup, each reading a string far away in memory; a probe here reads the table, and the one id whose
 * hash matches. The hashes come from the stored match keys where there are some, so that making the table reads no id
 * string either. Immutable once made.
 */
final class IdOrdinals {
    private final Account[] accounts;
    /** Per slot: the id's hash (high 32 bits) and its ordinal plus one (low 32 bits); 0 is an empty slot. */
    private final long[] slots;
    private final int mask;

    private IdOrdinals(Account[] accounts) {
        this.accounts = accounts;
        int capacity = Integer.highestOneBit(Math.max(4, accounts.length) * 2 - 1) * 2;
        slots = new long[capacity];
        mask = capacity - 1;
    }

    /**
     * The table of these accounts' ids (distinct, any order), given their {@link String#hashCode}s (from stored match
     * keys, so that making the table reads no id).
     */
    static IdOrdinals of(Account[] accounts, int[] idHashes) {
        IdOrdinals table = new IdOrdinals(accounts);
        for (int i = 0; i < accounts.length; i++) {
            table.add(idHashes[i], i);
        }
        return table;
    }

    private void add(int hash, int ordinal) {
        int slot = spread(hash) & mask;
        while (slots[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = (long) hash << 32 | (ordinal + 1);
    }

    private static int spread(int hash) {
        return (hash * 0x9E3779B9) >>> 7 ^ hash;
    }

    /** The ordinal of the account with this id, or -1 when there is none. */
    int ordinalOf(String id) {
        int hash = id.hashCode();
        int slot = spread(hash) & mask;
        long entry;
        while ((entry = slots[slot]) != 0) {
            if ((int) (entry >>> 32) == hash) {
                int ordinal = (int) entry - 1;
                if (accounts[ordinal].id().value().equals(id)) {
                    return ordinal;
                }
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }
}
