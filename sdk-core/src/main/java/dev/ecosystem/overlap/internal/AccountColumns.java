package dev.ecosystem.overlap.internal;

import dev.ecosystem.model.Account;
import dev.ecosystem.model.Deal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One tenant's snapshot as matching reads it, in columns: immutable, so a join reads it without a lock while the
 * {@link TenantIndex} that made it moves on. An account is an ordinal, its position in {@link #accounts} (ascending
 * id); per ordinal the index keeps the 64-bit hash of its registrable domain (0: none), its population bits, its
 * normalized name (UTF-8 in one byte arena, where a name block's names are one run, shortest first) and its deals
 * (ordinals into {@link #deals}, grouped by account). Lookups go through sorted or grouped ordinals: by registrable
 * domain (a sorted {@code long[]} of the hash's high 32 bits and the ordinal), by name block (ordinals grouped by
 * block, counting-sorted, by name length within a block) and the accounts without a usable domain. The {@link Account} and {@link Deal} objects are the store's, referenced, not copied, and so are the
 * match keys stored with the accounts at sync ({@link MatchKeys}), which the build reads instead of normalizing; what
 * the columns add is about 52 bytes per account (see {@code OverlapFootprint} in {@code benchmarks/}).
 *
 * <p>A domain's string and normalizing outcome are not kept: the string is read from the stored keys, or recomputed
 * from the account's raw domain when there are none, when an account is shown ({@link #facts}) or its domain
 * compared exactly (joins verify every hash match that way).
 */
final class AccountColumns {
    static final AccountColumns EMPTY = new AccountColumns(new Account[0], new byte[0][], new Deal[0], new int[1],
            new int[0],
            new long[0], new int[0], new long[0], new byte[1], new int[0], new LongIntMap(0), new int[1], new int[0],
            new int[0], new int[0], true, new int[0], new int[0]);
    private static final Comparator<Account> ACCOUNT_ORDER = Comparator.comparing(a -> a.id().value());
    private static final Comparator<Deal> DEAL_ORDER = Comparator.comparing(d -> d.id().value());

    /** Accounts by ordinal, ascending id. */
    final Account[] accounts;
    /**
     * Per ordinal: the account's current stored {@link MatchKeys} (the store's arrays, referenced), or {@code null}
     * when it had none; the exact comparison of two registrable domains reads them instead of normalizing again.
     */
    final byte[] @Nullable [] keys;
    /** Deals, ascending id. */
    final Deal[] deals;
    private final int[] dealStart;
    private final int[] dealOf;
    /** Per ordinal: the registrable domain's hash ({@link #hashOf}), 0 for none. */
    final long[] domainHash;
    /** Per ordinal: population bits in the settings' order. */
    final int[] populations;
    /** Accounts with a registrable domain as {@code (hash & 0xFFFFFFFF00000000) | ordinal}, ascending. */
    final long[] byDomain;
    /**
     * Normalized names, UTF-8, each after its length (unsigned LEB128: one byte below 128), in the order of
     * {@link #inBlock} (so a block's names are one run of bytes, shortest first); the first entry is the empty name
     * every account without one points to.
     */
    final byte[] names;
    /** Per ordinal: where its name's entry (length, then bytes) starts in {@link #names}. */
    final int[] nameStart;
    private final LongIntMap blockIds;
    private final int[] blockStart;
    private final int[] byBlock;
    /** Per position of {@link #byBlock}: the {@link #charMask} of that account's name, read beside it by a join. */
    private final int[] blockMask;
    /** Ordinals of accounts without a registrable domain that have a name, ascending. */
    final int[] withoutDomain;
    /** Whether every normalized name is ASCII (so comparing two needs no check for other characters). */
    final boolean asciiNames;
    /**
     * Per ordinal: the high half of the domain label's hash ({@link #byLabel}), 0 when not known at build; dropped
     * once {@link #byLabel} is built from it.
     */
    private int @Nullable [] labelHigh;
    /**
     * Per ordinal: the high half of {@link #restCode}{@code (ordinal, REST_FROM)}, 0 for none; dropped once
     * {@link #byRest} is built from it.
     */
    private int @Nullable [] restHigh;

    private AccountColumns(Account[] accounts, byte[] @Nullable [] keys, Deal[] deals, int[] dealStart, int[] dealOf,
            long[] domainHash, int[] populations, long[] byDomain, byte[] names, int[] nameStart, LongIntMap blockIds,
            int[] blockStart, int[] byBlock, int[] blockMask, int[] withoutDomain, boolean asciiNames, int[] labelHigh,
            int[] restHigh) {
        this.accounts = accounts;
        this.keys = keys;
        this.deals = deals;
        this.dealStart = dealStart;
        this.dealOf = dealOf;
        this.domainHash = domainHash;
        this.populations = populations;
        this.byDomain = byDomain;
        this.names = names;
        this.nameStart = nameStart;
        this.blockIds = blockIds;
        this.blockStart = blockStart;
        this.byBlock = byBlock;
        this.blockMask = blockMask;
        this.withoutDomain = withoutDomain;
        this.asciiNames = asciiNames;
        this.labelHigh = labelHigh;
        this.restHigh = restHigh;
    }

    /** How many accounts. */
    int size() {
        return accounts.length;
    }

    /** A domain hash as the columns keep it: never 0, which stands for no domain. */
    static long hashOf(long keyHash) {
        return keyHash == 0 ? 1 : keyHash;
    }

    /**
     * Columns of these records: accounts in any order (sorted here) unless {@code ascending}, as a store gives them
     * (then they are not checked: reading a million ids far apart in memory cost a fifth of a first matrix). An
     * account's domain hash, name, name mask and id hash come from its stored keys ({@code storedKeys}, per account,
     * {@code null} for none) when they are {@link MatchKeys#current current}, else from {@code previous} when it
     * holds the very same account object, else from normalizing its raw domain and name.
     */
    static AccountColumns build(Account[] accounts, byte @Nullable [][] storedKeys, Deal[] deals,
            Classifier classifier, @Nullable AccountColumns previous, boolean ascending) {
        byte @Nullable [][] stored = ascending ? storedKeys : sortById(accounts, storedKeys);
        sortById(deals, DEAL_ORDER, d -> d.id().value());
        int n = accounts.length;

        DomainNormalizer normalizer = classifier.normalizer();
        MatchKeys matchKeys = classifier.keys();
        long[] domainHash = new long[n];
        byte[][] keys = new byte[n][];
        int[] idHash = new int[n];
        int[] nameStart = new int[n + 1];
        int[] maskOf = new int[n];
        int[] labelHigh = new int[n];
        int[] restHigh = new int[n];
        ByteArena names = new ByteArena(n * 24);
        NameNormalizer.Writer writer = new NameNormalizer.Writer(classifier.nameRules());
        int p = 0;
        for (int i = 0; i < n; i++) {
            Account account = accounts[i];
            if (previous != null) {
                p = advance(previous.accounts, p, account);
            }
            byte[] key = stored == null ? null : stored[i];
            if (key != null && matchKeys.current(key)) {
                domainHash[i] = MatchKeys.domainHash(key);
                keys[i] = key;
                idHash[i] = MatchKeys.idHash(key);
                maskOf[i] = MatchKeys.nameMask(key);
                names.add(key, MatchKeys.domainTo(key), key.length);
                // while the key is in cache: what a join by domain label and by name rest reads later
                labelHigh[i] = MatchKeys.domainTo(key) > MatchKeys.DOMAIN
                        ? (int) (labelHash(key, MatchKeys.DOMAIN, MatchKeys.domainTo(key)) >>> 32) : 0;
                restHigh[i] = (int) (restCode(key, MatchKeys.domainTo(key), key.length, REST_FROM) >>> 32);
                nameStart[i + 1] = names.size();
                continue;
            }
            idHash[i] = account.id().value().hashCode();
            if (previous != null && p < previous.accounts.length && previous.accounts[p] == account) {
                domainHash[i] = previous.domainHash[p];
                keys[i] = previous.keys[p];
                names.add(previous.names, previous.nameFrom(p), previous.nameTo(p));
            } else {
                domainHash[i] = account.domain() != null
                        && normalizer.normalize(account.domain()) == DomainNormalizer.Outcome.DOMAIN
                        ? hashOf(normalizer.keyHash()) : 0;
                names.addName(account.name(), writer);
            }
            nameStart[i + 1] = names.size();
            // while the name's bytes are in cache: the block order that reads them later is not memory order
            maskOf[i] = names.charMask(nameStart[i], nameStart[i + 1]);
            restHigh[i] = (int) (names.restCode(nameStart[i], nameStart[i + 1]) >>> 32);
        }

        int[] dealStart = new int[n + 1];
        int[] links = new int[countLinks(deals)];
        int[] linkAccount = new int[links.length];
        int linked = 0;
        IdOrdinals ordinals = IdOrdinals.of(deals.length == 0 ? new Account[0] : accounts, idHash);
        for (int d = 0; d < deals.length; d++) {
            for (var id : deals[d].accountIds()) {
                int ordinal = ordinals.ordinalOf(id.value());
                if (ordinal >= 0) {
                    links[linked] = d;
                    linkAccount[linked++] = ordinal;
                    dealStart[ordinal + 1]++;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            dealStart[i + 1] += dealStart[i];
        }
        int[] dealOf = new int[linked];
        int[] fill = Arrays.copyOf(dealStart, n);
        for (int k = 0; k < linked; k++) {
            dealOf[fill[linkAccount[k]]++] = links[k];
        }

        int[] populations = new int[n];
        int withDomain = 0;
        int withoutDomain = 0;
        for (int i = 0; i < n; i++) {
            Account account = accounts[i];
            populations[i] = classifier.populations(account, dealList(deals, dealOf, dealStart, i));
            if (domainHash[i] != 0) {
                withDomain++;
            } else if (nameStart[i + 1] > nameStart[i]) {
                withoutDomain++;
            }
        }
        long[] byDomain = new long[withDomain];
        int[] nameless = new int[withoutDomain];
        withDomain = 0;
        withoutDomain = 0;
        for (int i = 0; i < n; i++) {
            if (domainHash[i] != 0) {
                byDomain[withDomain++] = (domainHash[i] & 0xFFFFFFFF00000000L) | i;
            } else if (nameStart[i + 1] > nameStart[i]) {
                nameless[withoutDomain++] = i;
            }
        }
        sortByHighHalf(byDomain);
        byte[] arena = names.toArray();
        boolean ascii = true;
        for (byte b : arena) {
            ascii &= b >= 0;
        }

        LongIntMap blockIds = new LongIntMap(1024);
        int[] blockOf = new int[n];
        for (int i = 0; i < n; i++) {
            blockOf[i] = nameStart[i + 1] > nameStart[i]
                    ? blockIds.putIfAbsent(blockCode(arena, nameStart[i], nameStart[i + 1]), blockIds.size()) : -1;
        }
        int[] blockStart = new int[blockIds.size() + 1];
        for (int block : blockOf) {
            if (block >= 0) {
                blockStart[block + 1]++;
            }
        }
        for (int b = 0; b < blockIds.size(); b++) {
            blockStart[b + 1] += blockStart[b];
        }
        // within a block: by name length, then ordinal, so that a join reads only the lengths that can match; two
        // stable counting sorts (by length, then by block) give that order without comparing
        int longest = 0;
        for (int i = 0; i < n; i++) {
            longest = Math.max(longest, nameStart[i + 1] - nameStart[i]);
        }
        int[] lengthStart = new int[longest + 2];
        for (int i = 0; i < n; i++) {
            if (blockOf[i] >= 0) {
                lengthStart[nameStart[i + 1] - nameStart[i] + 1]++;
            }
        }
        for (int length = 0; length <= longest; length++) {
            lengthStart[length + 1] += lengthStart[length];
        }
        int[] byLength = new int[blockStart[blockIds.size()]];
        for (int i = 0; i < n; i++) {
            if (blockOf[i] >= 0) {
                byLength[lengthStart[nameStart[i + 1] - nameStart[i]]++] = i;
            }
        }
        int[] byBlock = new int[byLength.length];
        int[] next = Arrays.copyOf(blockStart, blockIds.size());
        for (int ordinal : byLength) {
            byBlock[next[blockOf[ordinal]]++] = ordinal;
        }
        byte[] entries = new byte[1 + byLength.length * 2 + arena.length]; // lengths of 2 bytes or less
        int written = 1; // entries[0]: the empty name
        int[] entryAt = new int[n];
        int[] blockMask = new int[byBlock.length];
        for (int k = 0; k < byBlock.length; k++) {
            int ordinal = byBlock[k];
            entryAt[ordinal] = written;
            blockMask[k] = maskOf[ordinal];
            int length = nameStart[ordinal + 1] - nameStart[ordinal];
            if (written + 5 + length > entries.length) {
                entries = Arrays.copyOf(entries, Math.max(entries.length * 2, written + 5 + length));
            }
            written = writeLength(entries, written, length);
            System.arraycopy(arena, nameStart[ordinal], entries, written, length);
            written += length;
        }
        return new AccountColumns(accounts, keys, deals, dealStart, dealOf, domainHash, populations, byDomain,
                Arrays.copyOf(entries, written), entryAt, blockIds, blockStart, byBlock, blockMask, nameless, ascii,
                labelHigh, restHigh);
    }

    /** Writes {@code length} as unsigned LEB128 at {@code at} and returns where it ends. */
    private static int writeLength(byte[] bytes, int at, int length) {
        int rest = length;
        int i = at;
        while (rest >= 0x80) {
            bytes[i++] = (byte) (rest | 0x80);
            rest >>>= 7;
        }
        bytes[i++] = (byte) rest;
        return i;
    }

    /** The length (unsigned LEB128) of the name entry at {@code at} in {@link #names}. */
    int entryLength(int at) {
        int length = 0;
        int shift = 0;
        int i = at;
        byte b;
        do {
            b = names[i++];
            length |= (b & 0x7F) << shift;
            shift += 7;
        } while (b < 0);
        return length;
    }

    /** Where the bytes of the name entry at {@code at} (of this length) start in {@link #names}. */
    static int entryBytes(int at, int length) {
        return length < 0x80 ? at + 1 : length < 0x4000 ? at + 2 : length < 0x200000 ? at + 3 : at + 4;
    }

    /** Where the account's normalized name starts in {@link #names}. */
    int nameFrom(int ordinal) {
        int at = nameStart[ordinal];
        return entryBytes(at, entryLength(at));
    }

    /** Where the account's normalized name ends (exclusive) in {@link #names}. */
    int nameTo(int ordinal) {
        int at = nameStart[ordinal];
        int length = entryLength(at);
        return entryBytes(at, length) + length;
    }

    /**
     * Sorts accounts by id when they are not ascending (a merge of changes is not), and returns their stored keys in
     * the same order ({@code null} for none).
     */
    private static byte @Nullable [][] sortById(Account[] accounts, byte @Nullable [][] keys) {
        if (keys == null) {
            sortById(accounts, ACCOUNT_ORDER, a -> a.id().value());
            return null;
        }
        Integer[] order = new Integer[accounts.length];
        Arrays.setAll(order, k -> k);
        Arrays.sort(order, Comparator.comparing(k -> accounts[k].id().value()));
        Account[] sortedAccounts = accounts.clone();
        byte[][] sortedKeys = new byte[keys.length][];
        for (int k = 0; k < order.length; k++) {
            sortedAccounts[k] = accounts[order[k]];
            sortedKeys[k] = keys[order[k]];
        }
        System.arraycopy(sortedAccounts, 0, accounts, 0, accounts.length);
        return sortedKeys;
    }

    /**
     * Sorts entries of a high half (a hash's high 32 bits) and a low half (an ordinal) that were written in ascending
     * ordinal order: stable counting passes over the high half's digits of 11, 11 and 10 bits (an LSD radix sort;
     * digits that small keep each pass's buckets in cache) leave equal high halves in ordinal order, which is
     * ascending order of the whole {@code long}, in linear time.
     */
    static void sortByHighHalf(long[] entries) {
        long[] from = entries;
        long[] to = new long[entries.length];
        int[] start = new int[1 << 11];
        for (int shift : new int[] {32, 43, 54}) {
            int bits = shift == 54 ? 10 : 11;
            int digits = 1 << bits;
            // the top digit holds the sign bit: its buckets of negative numbers come first
            int flip = shift == 54 ? digits >>> 1 : 0;
            Arrays.fill(start, 0);
            for (long entry : from) {
                start[((int) (entry >>> shift) & (digits - 1)) ^ flip]++;
            }
            int at = 0;
            for (int digit = 0; digit < digits; digit++) {
                int count = start[digit];
                start[digit] = at;
                at += count;
            }
            for (long entry : from) {
                to[start[((int) (entry >>> shift) & (digits - 1)) ^ flip]++] = entry;
            }
            long[] swap = from;
            from = to;
            to = swap;
        }
        System.arraycopy(from, 0, entries, 0, entries.length); // three passes: the result is in the buffer
    }

    private static <T> void sortById(T[] records, Comparator<T> order, Function<T, String> id) {
        for (int i = 1; i < records.length; i++) {
            if (id.apply(records[i - 1]).compareTo(id.apply(records[i])) >= 0) {
                Arrays.sort(records, order);
                return;
            }
        }
    }

    private static int countLinks(Deal[] deals) {
        int links = 0;
        for (Deal deal : deals) {
            links += deal.accountIds().size();
        }
        return links;
    }

    /** The first index from {@code from} whose account id is not below {@code account}'s (the length if none). */
    private static int advance(Account[] previous, int from, Account account) {
        int p = from;
        while (p < previous.length && previous[p].id().value().compareTo(account.id().value()) < 0) {
            p++;
        }
        return p;
    }

    private static List<Deal> dealList(Deal[] deals, int[] dealOf, int[] dealStart, int ordinal) {
        int from = dealStart[ordinal];
        int to = dealStart[ordinal + 1];
        if (from == to) {
            return List.of();
        }
        List<Deal> list = new ArrayList<>(to - from);
        for (int k = from; k < to; k++) {
            list.add(deals[dealOf[k]]);
        }
        return list;
    }

    /** The deals of an account. */
    List<Deal> deals(int ordinal) {
        return dealList(deals, dealOf, dealStart, ordinal);
    }

    /** The normalized name of an account (empty when it has none). */
    String name(int ordinal) {
        int from = nameFrom(ordinal);
        return new String(names, from, nameTo(ordinal) - from, StandardCharsets.UTF_8);
    }

    /** Whether the account has a non-empty normalized name. */
    boolean hasName(int ordinal) {
        return names[nameStart[ordinal]] != 0;
    }

    /**
     * The block of {@link NameNormalizer#block} as a number: its up to three UTF-16 chars and its length, so equal
     * blocks are equal numbers and unequal ones unequal.
     */
    static long blockCode(String normalized) {
        return code(NameNormalizer.block(normalized));
    }

    private static long code(String block) {
        long code = block.length();
        for (int i = 0; i < block.length(); i++) {
            code |= (long) block.charAt(i) << (2 + 16 * i);
        }
        return code;
    }

    /** The {@link #blockCode} of the account's normalized name. */
    long blockCodeOf(int ordinal) {
        return blockCode(names, nameFrom(ordinal), nameTo(ordinal));
    }

    private static long blockCode(byte[] arena, int from, int to) {
        long code = 0;
        int taken = 0;
        for (int i = from; i < to && taken < 3; i++) {
            byte b = arena[i];
            if (b < 0) {
                return blockCode(new String(arena, from, to - from, StandardCharsets.UTF_8));
            }
            if (b != ' ') {
                code |= (long) b << (2 + 16 * taken);
                taken++;
            }
        }
        return code | taken;
    }

    /**
     * The second name block of a join, by {@link #restCode}{@code (ordinal, REST_FROM)}: built on its first use (a
     * join needs it only of a side the other side has accounts without a domain for).
     */
    private volatile long @Nullable [] byRest;

    /**
     * The accounts with a name as {@code (restCode & 0xFFFFFFFF00000000) | ordinal}, sorted (radix, as
     * {@link #byDomain}): {@link #withRest} finds a rest's accounts by binary search.
     */
    long[] byRest() {
        long[] built = byRest;
        return built != null ? built : buildByRest();
    }

    private synchronized long[] buildByRest() {
        long[] built = byRest;
        if (built == null) {
            int[] highs = Objects.requireNonNull(restHigh);
            int n = accounts.length;
            long[] entries = new long[n];
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (highs[i] != 0) {
                    entries[count++] = ((long) highs[i] << 32) | i;
                }
            }
            built = Arrays.copyOf(entries, count);
            sortByHighHalf(built);
            byRest = built;
            restHigh = null; // 4 bytes per account less, now that byRest holds them
        }
        return built;
    }

    /** Where the accounts whose rest code has the high 32 bits of {@code restCode} start in {@link #byRest}. */
    static int withRest(long[] byRest, long restCode) {
        return firstAtLeast(byRest, restCode & 0xFFFFFFFF00000000L);
    }

    /** Where the rest of a name that {@link #byRest} keys on starts: after its fourth character but spaces. */
    static final int REST_FROM = 4;

    /**
     * A hash of the account's normalized name without spaces and without its first {@code skip} characters (code
     * points), never 0 in its high half; 0 when nothing is left. Two names that match by a typo within their first three characters
     * have equal rests after the fourth character (a letter changed or two swapped), or after the third of the
     * shorter and the fourth of the longer (a letter added or dropped), which is why a join looks a name up by its
     * rests after 3, 4 and 5 characters.
     */
    long restCode(int ordinal, int skip) {
        return restCode(names, nameFrom(ordinal), nameTo(ordinal), skip);
    }

    /** {@link #restCode(int, int)} of the name {@code bytes[from, to)}. */
    static long restCode(byte[] bytes, int from, int to, int skip) {
        int seen = 0;
        int i = from;
        for (; i < to && seen < skip; i++) {
            byte b = bytes[i];
            if (b != ' ' && (b & 0xC0) != 0x80) {
                seen++; // a character starts here: ASCII or a UTF-8 lead byte
            }
        }
        while (i < to && (bytes[i] & 0xC0) == 0x80) {
            i++; // the rest of the last skipped character
        }
        long hash = 0xcbf29ce484222325L;
        boolean any = false;
        for (; i < to; i++) {
            if (bytes[i] != ' ') {
                hash = (hash ^ bytes[i]) * 0x100000001b3L;
                any = true;
            }
        }
        return any ? (hash ^ (hash >>> 31)) | 1L << 32 : 0; // never 0 in its high half either
    }

    /** The number of the block with this {@link #blockCode}, or -1 when no account's name has it. */
    int block(long blockCode) {
        return blockIds.get(blockCode);
    }

    /** Where the block's ordinals start in {@link #inBlock}. */
    int blockFrom(int block) {
        return blockStart[block];
    }

    /** Where the block's ordinals end in {@link #inBlock}. */
    int blockTo(int block) {
        return blockStart[block + 1];
    }

    /**
     * The ordinal at {@code position} of the ordinals grouped by block (within a block by name length, then
     * ordinal; their names are in this order in {@link #names}).
     */
    int inBlock(int position) {
        return byBlock[position];
    }

    /** The {@link #charMask} of the name at {@code position} of {@link #inBlock}. */
    int maskInBlock(int position) {
        return blockMask[position];
    }

    /**
     * The set of bytes {@code bytes[from, to)} holds, as bits (a byte's bit is its value modulo 32, so digits and
     * letters mostly get bits of their own). An edit changes at most two bits of it (an insertion or deletion at
     * most one, a substitution one out and one in, whatever bytes collide), so two byte strings within {@code k}
     * edits have masks that differ in at most {@code 2k} bits: a join rejects most pairs of a name block by that
     * before it compares their bytes.
     */
    static int charMask(byte[] bytes, int from, int to) {
        int mask = 0;
        for (int i = from; i < to; i++) {
            mask |= 1 << bytes[i];
        }
        return mask;
    }

    /** Ordinals of the accounts whose normalized name has this {@link #blockCode}, ascending. */
    int[] withBlock(long blockCode) {
        int block = block(blockCode);
        if (block < 0) {
            return new int[0];
        }
        int[] ordinals = Arrays.copyOfRange(byBlock, blockStart[block], blockStart[block + 1]);
        Arrays.sort(ordinals);
        return ordinals;
    }

    /** Ordinals of the accounts whose registrable domain has this hash, ascending. */
    int[] withDomainHash(long hash) {
        long key = hash & 0xFFFFFFFF00000000L;
        int from = firstAtLeast(byDomain, key);
        int count = 0;
        int[] found = new int[4];
        for (int k = from; k < byDomain.length && (byDomain[k] & 0xFFFFFFFF00000000L) == key; k++) {
            int ordinal = (int) byDomain[k];
            if (domainHash[ordinal] == hash) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, count * 2);
                }
                found[count++] = ordinal;
            }
        }
        return Arrays.copyOf(found, count);
    }

    private static int firstAtLeast(long[] sorted, long key) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < key) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /**
     * The registrable domain of an account with one: from its stored keys, or normalized again from its raw domain.
     */
    String domain(int ordinal, DomainNormalizer normalizer) {
        byte[] stored = keys[ordinal];
        if (stored != null) {
            return new String(stored, MatchKeys.DOMAIN, MatchKeys.domainTo(stored) - MatchKeys.DOMAIN,
                    StandardCharsets.ISO_8859_1);
        }
        normalizer.normalize(Objects.requireNonNull(accounts[ordinal].domain()));
        return normalizer.key();
    }

    /**
     * The accounts with a registrable domain as {@code (label hash & 0xFFFFFFFF00000000) | ordinal}, sorted: the
     * label is the domain's first label ({@code acme} of {@code acme.co.uk}), so that a join finds the same company's
     * domains under other countries' suffixes. Built on first use.
     */
    private volatile long @Nullable [] byLabel;

    /** {@link #byLabel}, built with this normalizer (confined to the calling thread) when needed. */
    long[] byLabel(DomainNormalizer normalizer) {
        long[] built = byLabel;
        return built != null ? built : buildByLabel(normalizer);
    }

    private synchronized long[] buildByLabel(DomainNormalizer normalizer) {
        long[] built = byLabel;
        if (built == null) {
            int[] highs = Objects.requireNonNull(labelHigh);
            built = new long[byDomain.length];
            for (int k = 0; k < byDomain.length; k++) {
                int ordinal = (int) byDomain[k];
                long high = highs[ordinal] != 0 ? (long) highs[ordinal] << 32
                        : labelHash(domain(ordinal, normalizer)) & 0xFFFFFFFF00000000L;
                built[k] = high | ordinal;
            }
            sortByHighHalf(built);
            byLabel = built;
            labelHigh = null; // 4 bytes per account less, now that byLabel holds them
        }
        return built;
    }

    /** The first label of a registrable domain. */
    static String label(String domain) {
        int dot = domain.indexOf('.');
        return dot < 0 ? domain : domain.substring(0, dot);
    }

    private static long labelHash(String domain) {
        byte[] ascii = domain.getBytes(StandardCharsets.ISO_8859_1);
        return labelHash(ascii, 0, ascii.length);
    }

    /** A hash of the first label of the registrable domain {@code bytes[from, to)} (ASCII). */
    private static long labelHash(byte[] bytes, int from, int to) {
        long hash = 0xcbf29ce484222325L;
        for (int i = from; i < to && bytes[i] != '.'; i++) {
            hash = (hash ^ bytes[i]) * 0x100000001b3L;
        }
        return hash ^ (hash >>> 29) * 0x9E3779B97F4A7C15L;
    }

    /** What matching knows of an account, as {@link Classifier#facts} gives it. */
    AccountFacts facts(int ordinal, DomainNormalizer normalizer) {
        Account account = accounts[ordinal];
        DomainNormalizer.Outcome outcome = account.domain() == null
                ? DomainNormalizer.Outcome.EMPTY : normalizer.normalize(account.domain());
        String domain = outcome == DomainNormalizer.Outcome.DOMAIN ? normalizer.key() : null;
        return new AccountFacts(account, deals(ordinal), domain, outcome, name(ordinal), populations[ordinal]);
    }

    /** Bytes the columns hold beyond the records they reference (arrays only; object headers ignored). */
    long retainedBytes() {
        return 4L * accounts.length + 4L * deals.length + 4L * dealStart.length + 4L * dealOf.length
                + 8L * domainHash.length + 4L * populations.length + 8L * byDomain.length + names.length
                + 4L * keys.length + 4L * nameStart.length + blockIds.retainedBytes() + 4L * blockStart.length
                + 4L * byBlock.length + 4L * blockMask.length + 4L * withoutDomain.length + length(labelHigh)
                + length(restHigh) + length(byLabel) + length(byRest);
    }

    /** Bytes of an array, or 0 for none. */
    private static long length(int @Nullable [] values) {
        return values == null ? 0 : 4L * values.length;
    }

    private static long length(long @Nullable [] values) {
        return values == null ? 0 : 8L * values.length;
    }

    /** A growable byte array. */
    private static final class ByteArena {
        private byte[] bytes;
        private int size;

        ByteArena(int capacity) {
            bytes = new byte[Math.max(16, capacity)];
        }

        /** Adds the normalized form of {@code name} ({@link NameNormalizer}), written in place. */
        void addName(String name, NameNormalizer.Writer writer) {
            ensure(name.length());
            int length = writer.write(name, bytes, size);
            if (length < 0) {
                ensure(-1 - length);
                length = writer.write(name, bytes, size);
            }
            size += length;
        }

        void add(byte[] source, int from, int to) {
            int length = to - from;
            ensure(length);
            System.arraycopy(source, from, bytes, size, length);
            size += length;
        }

        /** Makes room for {@code length} more bytes. */
        private void ensure(int length) {
            if (size + length > bytes.length) {
                long grown = Math.max(bytes.length + (long) (bytes.length >> 1), (long) size + length);
                if (grown > Integer.MAX_VALUE - 16) {
                    throw new IllegalStateException("normalized names of one snapshot exceed 2 GB");
                }
                bytes = Arrays.copyOf(bytes, (int) grown);
            }
        }

        int size() {
            return size;
        }

        /** The {@link AccountColumns#restCode} of the name {@code [from, to)}. */
        long restCode(int from, int to) {
            return AccountColumns.restCode(bytes, from, to, REST_FROM);
        }

        /** The {@link AccountColumns#charMask} of {@code [from, to)}. */
        int charMask(int from, int to) {
            return AccountColumns.charMask(bytes, from, to);
        }

        byte[] toArray() {
            return Arrays.copyOf(bytes, size);
        }
    }
}
