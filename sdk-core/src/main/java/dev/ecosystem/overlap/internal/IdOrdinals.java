package dev.ecosystem.overlap.internal;

import dev.ecosystem.model.Account;
import org.jspecify.annotations.Nullable;

/**
 * The ordinals of accounts by id, in an open-addressing table of {@link String#hashCode} and ordinal: what linking
 * deals to their accounts looks up, once per deal. A binary search over the accounts' ids cost about 20 string
 * comparisons per lookup, each reading a string far away in memory; a probe here reads the table, and the one id whose
 * hash matches. Immutable once made.
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

    /** The table of these accounts' ids (distinct, any order). */
    static IdOrdinals of(Account[] accounts) {
        IdOrdinals table = new IdOrdinals(accounts);
        for (int i = 0; i < accounts.length; i++) {
            table.add(accounts[i].id().value(), i);
        }
        return table;
    }

    /**
     * The table of these accounts' ids when they are in strictly ascending order, else {@code null}: checked in the
     * same pass that hashes them, as both read every id (a million strings far apart in memory).
     */
    static @Nullable IdOrdinals ifAscending(Account[] accounts) {
        IdOrdinals table = new IdOrdinals(accounts);
        String previous = null;
        for (int i = 0; i < accounts.length; i++) {
            String id = accounts[i].id().value();
            if (previous != null && previous.compareTo(id) >= 0) {
                return null;
            }
            table.add(id, i);
            previous = id;
        }
        return table;
    }

    private void add(String id, int ordinal) {
        int hash = id.hashCode();
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
