package dev.ecosystem.overlap.internal;

import dev.ecosystem.model.Account;
import dev.ecosystem.model.Deal;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One tenant's snapshot as matching reads it, in columns: immutable, so a join reads it without a lock while the
 * {@link TenantIndex} that made it moves on. An account is an ordinal, its position in {@link #accounts} (ascending
 * id); per ordinal the columns keep its {@link MatchKeys} (registrable domain, its 64-bit hash, normalized name: the
 * arrays the store keeps beside the accounts since the sync, referenced, not copied; computed here only for accounts
 * without current ones), its population bits and its deals (ordinals into {@link #deals}, grouped by account).
 * Lookups go through sorted or grouped ordinals: by registrable domain (a sorted {@code long[]} of the hash's high
 * 32 bits and the ordinal), by name block (ordinals grouped by block, counting-sorted by name length within a block,
 * with each name's length and {@link #charMask} beside it, so that a join reads a name's bytes only when they can
 * match) and the accounts without a usable domain. The {@link Account} and {@link Deal} objects are the store's,
 * referenced, not copied; one tenant's columns add about 43 bytes per account, and both sides' columns with the
 * pair's matches about 53-55 bytes per account of both sides (see {@code OverlapFootprint} in {@code benchmarks/}).
 */
final class AccountColumns {
    static final AccountColumns EMPTY = new AccountColumns(new Account[0], new byte[0][], new Deal[0], new int[1],
            new int[0], new int[0], new long[0], new LongIntMap(0), new int[1], new int[0], new int[0], new byte[0],
            new int[0], new long[0], new int[0], true, 0, new int[0], new int[0]);
    private static final Comparator<Account> ACCOUNT_ORDER = Comparator.comparing(a -> a.id().value());
    private static final Comparator<Deal> DEAL_ORDER = Comparator.comparing(d -> d.id().value());
    /** What {@link #blockLength} holds for a name of this length or longer (the length is then read from its keys). */
    private static final int LONG_NAME = 0xFF;

    /** Accounts by ordinal, ascending id. */
    final Account[] accounts;
    /**
     * Per ordinal: the account's current {@link MatchKeys} (registrable domain and its hash, normalized name):
     * the store's arrays, referenced, when it had current ones, else computed by the build (or taken over from the
     * previous columns for the very same account object). Every domain hash, domain and name the columns and the
     * joins read comes from here, so the columns copy none of them.
     */
    final byte[][] keys;
    /** Deals, ascending id. */
    final Deal[] deals;
    private final int[] dealStart;
    private final int[] dealOf;
    /** Per ordinal: population bits in the settings' order. */
    final int[] populations;
    /** Accounts with a registrable domain as {@code (hash & 0xFFFFFFFF00000000) | ordinal}, ascending. */
    final long[] byDomain;
    private final LongIntMap blockIds;
    private final int[] blockStart;
    /** Ordinals of the accounts with a name, grouped by block; within a block by name length, then ordinal. */
    private final int[] byBlock;
    /** Per position of {@link #byBlock}: the {@link #charMask} of that account's name, read beside it by a join. */
    private final int[] blockMask;
    /** Per position of {@link #byBlock}: the length of that account's name, {@link #LONG_NAME} for that or longer. */
    private final byte[] blockLength;
    /** Ordinals of accounts without a registrable domain that have a name, ascending. */
    final int[] withoutDomain;
    /** Per position of {@link #withoutDomain}: the {@link #blockCode} of that account's name. */
    private final long[] namelessBlock;
    /**
     * Per position of {@link #withoutDomain}, {@link #NAMELESS_FACTS} ints: the high halves of the name's
     * {@link #restCode}s after {@code REST_FROM - 1}, {@code REST_FROM} and {@code REST_FROM + 1} characters, its
     * {@link #charMask} and its length in bytes: what a join's query by that account reads, so that it reads the
     * account's keys only to compare its name with a candidate's.
     */
    private final int[] namelessFacts;
    private static final int NAMELESS_FACTS = 5;
    /** Whether every normalized name is ASCII (so comparing two needs no check for other characters). */
    final boolean asciiNames;
    /** Bytes of the match keys the build computed (not the store's), which the columns alone hold. */
    private final long computedKeyBytes;
    /**
     * Per ordinal: the high half of the domain label's hash ({@link #byLabel}), 0 for none; dropped once
     * {@link #byLabel} is built from it.
     */
    private int @Nullable [] labelHigh;
    /**
     * Per ordinal: the high half of {@link #restCode}{@code (ordinal, REST_FROM)}, 0 for none; dropped once
     * {@link #byRest} is built from it.
     */
    private int @Nullable [] restHigh;

    private AccountColumns(Account[] accounts, byte[][] keys, Deal[] deals, int[] dealStart, int[] dealOf,
            int[] populations, long[] byDomain, LongIntMap blockIds, int[] blockStart, int[] byBlock,
            int[] blockMask, byte[] blockLength, int[] withoutDomain, long[] namelessBlock, int[] namelessFacts,
            boolean asciiNames, long computedKeyBytes, int[] labelHigh, int[] restHigh) {
        this.accounts = accounts;
        this.keys = keys;
        this.deals = deals;
        this.dealStart = dealStart;
        this.dealOf = dealOf;
        this.populations = populations;
        this.byDomain = byDomain;
        this.blockIds = blockIds;
        this.blockStart = blockStart;
        this.byBlock = byBlock;
        this.blockMask = blockMask;
        this.blockLength = blockLength;
        this.withoutDomain = withoutDomain;
        this.namelessBlock = namelessBlock;
        this.namelessFacts = namelessFacts;
        this.asciiNames = asciiNames;
        this.computedKeyBytes = computedKeyBytes;
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
     * Columns of these records: accounts and deals in any order (sorted here) unless {@code ascending}, as a store
     * gives them (then they are not checked: reading a million ids far apart in memory cost a fifth of a first
     * matrix, and the deals' ids are as far apart). An
     * account's keys are its stored keys ({@code storedKeys}, per account, {@code null} for none) when they are
     * {@link MatchKeys#current current}, else those of {@code previous} when it holds the very same account object,
     * else computed from its raw domain and name.
     */
    static AccountColumns build(Account[] accounts, byte @Nullable [][] storedKeys, Deal[] deals,
            Classifier classifier, @Nullable AccountColumns previous, boolean ascending) {
        byte @Nullable [][] stored = ascending ? storedKeys : sortById(accounts, storedKeys);
        if (!ascending) {
            sortById(deals, DEAL_ORDER, d -> d.id().value());
        }
        return build(Arrays.asList(accounts), stored == null ? null : Arrays.asList(stored), deals, classifier,
                previous);
    }

    /**
     * Columns of a store's snapshot: accounts ascending by id beside their stored keys ({@code null} for none), as
     * {@code StoredAccounts} gives them (lists, each element read once, so that a store's views of its rows are read
     * in the same pass as the keys and records they hold), and deals ascending by id; neither is checked. Keys as
     * {@link #build(Account[], byte[][], Deal[], Classifier, AccountColumns, boolean)} takes them.
     */
    static AccountColumns build(List<Account> accountList, @Nullable List<byte @Nullable []> stored, Deal[] deals,
            Classifier classifier, @Nullable AccountColumns previous) {
        int n = accountList.size();
        Account[] accounts = new Account[n];
        byte[][] keys = new byte[n][];
        KeyReads read = new KeyReads(n);
        MatchKeys matchKeys = classifier.keys();
        int[] missing = new int[16];
        int missingCount = 0;
        int p = 0;
        long taken = 0;
        // read each account's keys, link its deals and classify it in one pass: its row, keys and record lie near
        // one another in memory, so one pass reads each part of memory once where a pass per part read it thrice
        int[] dealStart = new int[n + 1];
        int[] populations = new int[n];
        DealLinks links = DealLinks.of(deals);
        int[] dealOf = new int[links.size()];
        int linked = 0;
        for (int i = 0; i < n; i++) {
            Account account = accountList.get(i);
            accounts[i] = account;
            byte[] key = stored == null ? null : stored.get(i);
            if (key == null || !matchKeys.current(key)) {
                key = null;
                if (previous != null) {
                    p = advance(previous.accounts, p, account);
                    if (p < previous.accounts.length && previous.accounts[p] == account) {
                        key = previous.keys[p];
                        // when the previous columns computed some keys, this may be one, held by the columns alone
                        taken += previous.computedKeyBytes > 0 ? key.length : 0;
                    }
                }
            }
            int idHash;
            if (key != null) {
                keys[i] = key;
                read.read(i, key);
                idHash = MatchKeys.idHash(key);
            } else {
                if (missingCount == missing.length) {
                    missing = Arrays.copyOf(missing, missingCount * 2);
                }
                missing[missingCount++] = i;
                idHash = account.id().value().hashCode(); // what its keys will hold
            }
            int from = linked;
            if (dealOf.length > 0) {
                linked = links.dealsOf(account, idHash, dealOf, linked);
            }
            dealStart[i + 1] = linked;
            populations[i] = classifier.populations(account, dealList(deals, dealOf, from, linked));
        }
        long computedKeyBytes = taken + computeKeys(accounts, Arrays.copyOf(missing, missingCount), classifier, keys,
                read);
        int[] maskOf = read.maskOf;
        int[] lengthOf = read.lengthOf;
        int longest = read.longest;
        if (linked < dealOf.length) {
            dealOf = Arrays.copyOf(dealOf, linked); // links to accounts the snapshot does not have
        }
        long[] byDomain = new long[read.withDomain];
        int[] nameless = new int[read.withoutDomain];
        long[] namelessBlock = new long[nameless.length];
        int[] namelessFacts = new int[NAMELESS_FACTS * nameless.length];
        int withDomain = 0;
        int withoutDomain = 0;
        for (int i = 0; i < n; i++) {
            if (read.hasDomain.get(i)) {
                byDomain[withDomain++] = (long) read.domainHigh[i] << 32 | i;
            } else if (lengthOf[i] > 0) {
                namelessBlock[withoutDomain] = read.blockCodeOf[i];
                int at = NAMELESS_FACTS * withoutDomain;
                // a join looks these accounts up by three rests: their keys are read again here (they are few)
                // rather than keeping two more ints per account through the build
                byte[] key = keys[i];
                long[] rests = restCodes(key, MatchKeys.domainTo(key), key.length);
                namelessFacts[at] = (int) (rests[0] >>> 32);
                namelessFacts[at + 1] = (int) (rests[1] >>> 32);
                namelessFacts[at + 2] = (int) (rests[2] >>> 32);
                namelessFacts[at + 3] = maskOf[i];
                namelessFacts[at + 4] = lengthOf[i];
                nameless[withoutDomain++] = i;
            }
        }
        byDomain = sortByHighHalf(byDomain);

        LongIntMap blockIds = new LongIntMap(1024);
        int[] blockOf = new int[n];
        for (int i = 0; i < n; i++) {
            blockOf[i] = lengthOf[i] > 0 ? blockIds.putIfAbsent(read.blockCodeOf[i], blockIds.size()) : -1;
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
        int[] lengthStart = new int[longest + 2];
        for (int i = 0; i < n; i++) {
            if (blockOf[i] >= 0) {
                lengthStart[lengthOf[i] + 1]++;
            }
        }
        for (int length = 0; length <= longest; length++) {
            lengthStart[length + 1] += lengthStart[length];
        }
        int[] byLength = new int[blockStart[blockIds.size()]];
        for (int i = 0; i < n; i++) {
            if (blockOf[i] >= 0) {
                byLength[lengthStart[lengthOf[i]]++] = i;
            }
        }
        int[] byBlock = new int[byLength.length];
        int[] next = Arrays.copyOf(blockStart, blockIds.size());
        for (int ordinal : byLength) {
            byBlock[next[blockOf[ordinal]]++] = ordinal;
        }
        int[] blockMask = new int[byBlock.length];
        byte[] blockLength = new byte[byBlock.length];
        for (int k = 0; k < byBlock.length; k++) {
            int ordinal = byBlock[k];
            blockMask[k] = maskOf[ordinal];
            blockLength[k] = (byte) Math.min(lengthOf[ordinal], LONG_NAME);
        }
        return new AccountColumns(accounts, keys, deals, dealStart, dealOf, populations, byDomain, blockIds,
                blockStart, byBlock, blockMask, blockLength, nameless, namelessBlock, namelessFacts, read.ascii,
                computedKeyBytes, read.labelHigh, read.restHigh);
    }

    /**
     * Computes the keys of the accounts at {@code ordinals} (all at once), puts them in {@code keys} and gives each to
     * {@code read}; returns their bytes (held by the columns alone).
     */
    private static long computeKeys(Account[] accounts, int[] ordinals, Classifier classifier, byte[][] keys,
            KeyReads read) {
        if (ordinals.length == 0) {
            return 0;
        }
        List<Account> missing = new ArrayList<>(ordinals.length);
        for (int ordinal : ordinals) {
            missing.add(accounts[ordinal]);
        }
        List<byte[]> computed = classifier.keys().of(missing, classifier.normalizer());
        long bytes = 0;
        for (int k = 0; k < ordinals.length; k++) {
            byte[] key = computed.get(k);
            keys[ordinals[k]] = key;
            read.read(ordinals[k], key);
            bytes += key.length;
        }
        return bytes;
    }

    /**
     * What a build reads of each account's match keys, read once per key (in ordinal order but for keys it computes,
     * mostly the order they lie in memory): what the block order, the domain order and the joins read later is kept
     * beside the ordinal, so that no later pass reads a key again.
     */
    private static final class KeyReads {
        final int[] maskOf;
        final int[] lengthOf;
        final long[] blockCodeOf;
        final int[] labelHigh;
        final int[] restHigh;
        /** The high half of the registrable domain's hash, for the accounts in {@link #hasDomain}. */
        final int[] domainHigh;
        final BitSet hasDomain;
        boolean ascii = true;
        int withDomain;
        int withoutDomain;
        int longest;

        KeyReads(int n) {
            maskOf = new int[n];
            lengthOf = new int[n];
            blockCodeOf = new long[n];
            labelHigh = new int[n];
            restHigh = new int[n];
            domainHigh = new int[n];
            hasDomain = new BitSet(n);
        }

        void read(int i, byte[] key) {
            int nameFrom = MatchKeys.domainTo(key);
            int length = key.length - nameFrom;
            maskOf[i] = MatchKeys.nameMask(key);
            lengthOf[i] = length;
            longest = Math.max(longest, length);
            long hash = MatchKeys.domainHash(key);
            if (length > 0) {
                blockCodeOf[i] = blockCode(key, nameFrom, key.length);
                restHigh[i] = (int) (restCode(key, nameFrom, key.length, REST_FROM) >>> 32);
                for (int b = nameFrom; b < key.length; b++) {
                    ascii &= key[b] >= 0;
                }
            }
            if (hash != 0) {
                withDomain++;
                hasDomain.set(i);
                domainHigh[i] = (int) (hash >>> 32);
                labelHigh[i] = (int) (labelHash(key, MatchKeys.DOMAIN, nameFrom) >>> 32);
            } else if (length > 0) {
                withoutDomain++;
            }
        }
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
     * ordinal order, and returns them: stable counting passes over the high half's digits of 11, 11 and 10 bits (an
     * LSD radix sort; digits that small keep each pass's buckets in cache) leave equal high halves in ordinal order,
     * which is ascending order of the whole {@code long}, in linear time. The three digits are counted in one pass
     * before the three scatter passes, and the sorted entries are the sort's own buffer, not copied back:
     * {@code entries} is left in another order (it serves as the second buffer).
     */
    static long[] sortByHighHalf(long[] entries) {
        int[] low = new int[1 << 11];
        int[] middle = new int[1 << 11];
        int[] top = new int[1 << 10];
        for (long entry : entries) {
            int high = (int) (entry >>> 32);
            low[high & 0x7FF]++;
            middle[(high >>> 11) & 0x7FF]++;
            top[(high >>> 22) ^ 0x200]++; // the top digit holds the sign bit: its negative buckets come first
        }
        startsOf(low);
        startsOf(middle);
        startsOf(top);
        long[] sorted = new long[entries.length];
        for (long entry : entries) {
            sorted[low[(int) (entry >>> 32) & 0x7FF]++] = entry;
        }
        for (long entry : sorted) {
            entries[middle[(int) (entry >>> 43) & 0x7FF]++] = entry;
        }
        for (long entry : entries) {
            sorted[top[(int) (entry >>> 54) ^ 0x200]++] = entry;
        }
        return sorted;
    }

    /** Turns counts per digit into where each digit's entries start. */
    private static void startsOf(int[] counts) {
        int at = 0;
        for (int digit = 0; digit < counts.length; digit++) {
            int count = counts[digit];
            counts[digit] = at;
            at += count;
        }
    }

    private static <T> void sortById(T[] records, Comparator<T> order, Function<T, String> id) {
        for (int i = 1; i < records.length; i++) {
            if (id.apply(records[i - 1]).compareTo(id.apply(records[i])) >= 0) {
                Arrays.sort(records, order);
                return;
            }
        }
    }

    /** The first index from {@code from} whose account id is not below {@code account}'s (the length if none). */
    private static int advance(Account[] previous, int from, Account account) {
        int p = from;
        while (p < previous.length && previous[p].id().value().compareTo(account.id().value()) < 0) {
            p++;
        }
        return p;
    }

    /** The deals {@code deals[dealOf[from, to)]}, as an immutable list (no copy). */
    private static List<Deal> dealList(Deal[] deals, int[] dealOf, int from, int to) {
        return from == to ? List.of() : new DealRun(deals, dealOf, from, to);
    }

    /** The deals of one account: a view of the columns' deal arrays, immutable as they are. */
    private static final class DealRun extends AbstractList<Deal> implements RandomAccess {
        private final Deal[] deals;
        private final int[] dealOf;
        private final int from;
        private final int size;

        DealRun(Deal[] deals, int[] dealOf, int from, int to) {
            this.deals = deals;
            this.dealOf = dealOf;
            this.from = from;
            this.size = to - from;
        }

        @Override
        public Deal get(int index) {
            Objects.checkIndex(index, size);
            return deals[dealOf[from + index]];
        }

        @Override
        public int size() {
            return size;
        }
    }

    /** The deals of an account. */
    List<Deal> deals(int ordinal) {
        return dealList(deals, dealOf, dealStart[ordinal], dealStart[ordinal + 1]);
    }

    /** The normalized name of an account (empty when it has none). */
    String name(int ordinal) {
        byte[] key = keys[ordinal];
        int from = MatchKeys.domainTo(key);
        return new String(key, from, key.length - from, StandardCharsets.UTF_8);
    }

    /** The account's registrable domain hash ({@link #hashOf}), 0 when it has none. */
    long domainHash(int ordinal) {
        return MatchKeys.domainHash(keys[ordinal]);
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

    static long blockCode(byte[] arena, int from, int to) {
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
     * Where each bucket of {@link #byRest} starts (a bucket: the top bits of the high half, sign flipped so that the
     * buckets follow the signed order {@link #sortByHighHalf} gives), about four entries a bucket, and the end; set
     * before {@link #byRest} is published. A lookup reads a bucket's few entries instead of binary-searching a
     * million (the join looks up three rests per account without a domain: most of a binary search's steps miss
     * the cache).
     */
    private int[] restBuckets = new int[0];
    private int restBucketShift;

    /**
     * The accounts with a name as {@code (restCode & 0xFFFFFFFF00000000) | ordinal}, sorted (radix, as
     * {@link #byDomain}): {@link #withRest} finds a rest's accounts through its buckets.
     */
    long[] byRest() {
        long[] built = byRest;
        return built != null ? built : buildByRest();
    }

    private synchronized long[] buildByRest() {
        long[] built = byRest;
        if (built == null) {
            int[] highs = Objects.requireNonNull(restHigh);
            int count = 0;
            for (int high : highs) {
                count += high != 0 ? 1 : 0;
            }
            built = new long[count];
            int at = 0;
            for (int i = 0; i < highs.length; i++) {
                if (highs[i] != 0) {
                    built[at++] = ((long) highs[i] << 32) | i;
                }
            }
            built = sortByHighHalf(built);
            int bits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, count / 4)));
            int shift = 64 - bits;
            int[] buckets = new int[(1 << bits) + 1];
            for (long entry : built) {
                buckets[bucket(entry, shift) + 1]++;
            }
            for (int b = 0; b < 1 << bits; b++) {
                buckets[b + 1] += buckets[b];
            }
            restBuckets = buckets;
            restBucketShift = shift;
            byRest = built; // publishes the buckets too
            restHigh = null; // 4 bytes per account less, now that byRest holds them
        }
        return built;
    }

    /** The bucket of an entry of {@link #byRest}: the top bits of its high half, in signed order. */
    private static int bucket(long entry, int shift) {
        return (int) ((entry ^ Long.MIN_VALUE) >>> shift);
    }

    /** Where the accounts whose rest code has the high 32 bits of {@code restCode} start in {@link #byRest}. */
    int withRest(long restCode) {
        long[] sorted = byRest();
        long key = restCode & 0xFFFFFFFF00000000L;
        int bucket = bucket(key, restBucketShift);
        int at = restBuckets[bucket];
        int end = restBuckets[bucket + 1];
        while (at < end && sorted[at] < key) {
            at++;
        }
        return at;
    }

    /** Where the rest of a name that {@link #byRest} keys on starts: after its fourth character but spaces. */
    static final int REST_FROM = 4;

    /**
     * A hash of the account's normalized name without spaces and without its first {@code skip} characters (code
     * points), never 0 in its high half; 0 when nothing is left. Two names that match by a typo within their first
     * three characters have equal rests after the fourth character (a letter changed or two swapped), or after the
     * third of the shorter and the fourth of the longer (a letter added or dropped), which is why a join looks a name
     * up by its rests after 3, 4 and 5 characters. The rest is hashed from its end, so the three rests of one name
     * are one pass ({@link #restCodes}).
     */
    long restCode(int ordinal, int skip) {
        byte[] key = keys[ordinal];
        return restCode(key, MatchKeys.domainTo(key), key.length, skip);
    }

    /** {@link #restCode(int, int)} of the name {@code bytes[from, to)}. */
    static long restCode(byte[] bytes, int from, int to, int skip) {
        int start = restStart(bytes, from, to, skip);
        return finish(restHash(bytes, start, to, START), start < to && hasNonSpace(bytes, start, to));
    }

    /**
     * The {@link #restCode}s of the name {@code bytes[from, to)} after {@code REST_FROM - 1}, {@code REST_FROM} and
     * {@code REST_FROM + 1} characters, hashed in one pass from the end.
     */
    static long[] restCodes(byte[] bytes, int from, int to) {
        int shorter = restStart(bytes, from, to, REST_FROM - 1);
        int middle = restStart(bytes, shorter, to, 1);
        int longer = restStart(bytes, middle, to, 1);
        long hash = restHash(bytes, longer, to, START);
        boolean any = hasNonSpace(bytes, longer, to);
        long longerCode = finish(hash, any);
        hash = restHash(bytes, middle, longer, hash);
        any |= hasNonSpace(bytes, middle, longer);
        long middleCode = finish(hash, any);
        hash = restHash(bytes, shorter, middle, hash);
        any |= hasNonSpace(bytes, shorter, middle);
        return new long[] {finish(hash, any), middleCode, longerCode};
    }

    private static final long START = 0xcbf29ce484222325L;

    /** Where the rest of the name {@code bytes[from, to)} after {@code skip} characters (spaces not counted) starts. */
    private static int restStart(byte[] bytes, int from, int to, int skip) {
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
        return i;
    }

    /** {@code hash} extended by the bytes {@code bytes[from, to)} but spaces, from the last to the first. */
    private static long restHash(byte[] bytes, int from, int to, long hash) {
        long h = hash;
        for (int i = to - 1; i >= from; i--) {
            if (bytes[i] != ' ') {
                h = (h ^ bytes[i]) * 0x100000001b3L;
            }
        }
        return h;
    }

    private static boolean hasNonSpace(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != ' ') {
                return true;
            }
        }
        return false;
    }

    private static long finish(long hash, boolean any) {
        return any ? (hash ^ (hash >>> 31)) | 1L << 32 : 0; // never 0 in its high half either
    }

    /** The {@link #blockCode} of the name of the account at {@code position} of {@link #withoutDomain}. */
    long namelessBlock(int position) {
        return namelessBlock[position];
    }

    /**
     * The high half of the {@link #restCode} after {@code REST_FROM + delta} characters ({@code delta} -1, 0 or 1) of
     * the name of the account at {@code position} of {@link #withoutDomain}; 0 when nothing is left.
     */
    int namelessRestHigh(int position, int delta) {
        return namelessFacts[NAMELESS_FACTS * position + 1 + delta];
    }

    /** The {@link #charMask} of the name of the account at {@code position} of {@link #withoutDomain}. */
    int namelessMask(int position) {
        return namelessFacts[NAMELESS_FACTS * position + 3];
    }

    /** The length in bytes of the name of the account at {@code position} of {@link #withoutDomain}. */
    int namelessLength(int position) {
        return namelessFacts[NAMELESS_FACTS * position + 4];
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

    /** The ordinal at {@code position} of the ordinals grouped by block (within a block by name length, then ordinal). */
    int inBlock(int position) {
        return byBlock[position];
    }

    /** The {@link #charMask} of the name at {@code position} of {@link #inBlock}. */
    int maskInBlock(int position) {
        return blockMask[position];
    }

    /** The length in bytes of the name at {@code position} of {@link #inBlock}. */
    int lengthInBlock(int position) {
        int length = blockLength[position] & 0xFF;
        if (length < LONG_NAME) {
            return length;
        }
        byte[] key = keys[byBlock[position]];
        return key.length - MatchKeys.domainTo(key);
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
            if (domainHash(ordinal) == hash) {
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

    /** The registrable domain of an account with one, from its keys. */
    String domain(int ordinal) {
        byte[] key = keys[ordinal];
        return new String(key, MatchKeys.DOMAIN, MatchKeys.domainTo(key) - MatchKeys.DOMAIN,
                StandardCharsets.ISO_8859_1);
    }

    /**
     * The accounts with a registrable domain as {@code (label hash & 0xFFFFFFFF00000000) | ordinal}, sorted: the
     * label is the domain's first label ({@code acme} of {@code acme.co.uk}), so that a join finds the same company's
     * domains under other countries' suffixes. Built on first use.
     */
    private volatile long @Nullable [] byLabel;

    /** {@link #byLabel}, built when first needed. */
    long[] byLabel() {
        long[] built = byLabel;
        return built != null ? built : buildByLabel();
    }

    private synchronized long[] buildByLabel() {
        long[] built = byLabel;
        if (built == null) {
            int[] highs = Objects.requireNonNull(labelHigh);
            built = new long[byDomain.length];
            for (int k = 0; k < byDomain.length; k++) {
                int ordinal = (int) byDomain[k];
                built[k] = (long) highs[ordinal] << 32 | ordinal;
            }
            built = sortByHighHalf(built);
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

    /**
     * Bytes the columns hold beyond the records and stored match keys they reference (arrays only; object headers
     * ignored).
     */
    long retainedBytes() {
        return 4L * accounts.length + 4L * deals.length + 4L * dealStart.length + 4L * dealOf.length
                + 4L * populations.length + 8L * byDomain.length + 4L * keys.length + computedKeyBytes
                + blockIds.retainedBytes() + 4L * blockStart.length + 4L * byBlock.length + 4L * blockMask.length
                + blockLength.length + 4L * withoutDomain.length + 8L * namelessBlock.length
                + 4L * namelessFacts.length + length(labelHigh)
                + length(restHigh) + length(byLabel) + length(byRest) + length(restBuckets);
    }

    /** Bytes of an array, or 0 for none. */
    private static long length(int @Nullable [] values) {
        return values == null ? 0 : 4L * values.length;
    }

    private static long length(long @Nullable [] values) {
        return values == null ? 0 : 8L * values.length;
    }
}
