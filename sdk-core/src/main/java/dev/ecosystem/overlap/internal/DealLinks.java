package dev.ecosystem.overlap.internal;

import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.Deal;

/**
 * The links of deals to accounts (each account id a deal names), in an open-addressing table of the id's
 * {@link String#hashCode} and the link: what an index build probes once per account, in ordinal order, with the id
 * hash its match keys hold, so that it reads an account's id only when a link has the same hash. The table is as
 * large as the deals' links, not as the accounts (most accounts have no deal), and making it reads only the deals.
 * Immutable once made.
 */
final class DealLinks {
    /** Per slot: the id's hash (high 32 bits) and the link's index plus one (low 32 bits); 0 is an empty slot. */
    private final long[] slots;
    private final int mask;
    /**
     * A bit per hash bucket, about eight buckets per link, set for the buckets of the links' id hashes: small enough
     * to stay in cache, so that most accounts, which have no deal, are told so without a probe of {@link #slots}.
     */
    private final long[] filter;
    private final int filterMask;
    /** Per link: the account id the deal names, and the deal's index. */
    private final String[] ids;
    private final int[] deals;

    private DealLinks(int links) {
        int capacity = Integer.highestOneBit(Math.max(4, links) * 2 - 1) * 2;
        slots = new long[capacity];
        mask = capacity - 1;
        filter = new long[Math.max(1, capacity * 4 / 64)];
        filterMask = filter.length * 64 - 1;
        ids = new String[links];
        deals = new int[links];
    }

    /** The links of these deals, by their index in {@code deals}. */
    static DealLinks of(Deal[] deals) {
        int count = 0;
        for (Deal deal : deals) {
            count += deal.accountIds().size();
        }
        DealLinks links = new DealLinks(count);
        int link = 0;
        for (int d = 0; d < deals.length; d++) {
            for (AccountId id : deals[d].accountIds()) {
                links.add(link++, id.value(), d);
            }
        }
        return links;
    }

    /** How many links (a deal's link to an account that is not in the snapshot among them). */
    int size() {
        return ids.length;
    }

    /**
     * Writes the indexes of the deals linked to {@code account} into {@code out} from {@code at}, ascending, and
     * returns where they end. {@code idHash} is the {@link String#hashCode} of the account's id.
     */
    int dealsOf(Account account, int idHash, int[] out, int at) {
        int bit = spread(idHash) & filterMask;
        if ((filter[bit >>> 6] & 1L << bit) == 0) {
            return at;
        }
        int end = at;
        String id = null;
        int slot = spread(idHash) & mask;
        for (long entry; (entry = slots[slot]) != 0; slot = (slot + 1) & mask) {
            if ((int) (entry >>> 32) == idHash) {
                int link = (int) entry - 1;
                if (id == null) {
                    id = account.id().value();
                }
                if (ids[link].equals(id)) {
                    out[end++] = deals[link]; // links were added in deal order, and a probe meets them in that order
                }
            }
        }
        return end;
    }

    private void add(int link, String id, int deal) {
        int hash = id.hashCode();
        int slot = spread(hash) & mask;
        while (slots[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = (long) hash << 32 | (link + 1);
        int bit = spread(hash) & filterMask;
        filter[bit >>> 6] |= 1L << bit;
        ids[link] = id;
        deals[link] = deal;
    }

    private static int spread(int hash) {
        return (hash * 0x9E3779B9) >>> 7 ^ hash;
    }
}
