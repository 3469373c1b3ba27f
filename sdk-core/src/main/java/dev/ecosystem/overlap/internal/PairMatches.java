package dev.ecosystem.overlap.internal;

import dev.ecosystem.model.Match;
import dev.ecosystem.overlap.OverlapSettings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The matches of two tenants' {@link AccountColumns}, kept as ordinals: per matched company, the ordinals of my
 * accounts and of the partner's (domain matches first, then name matches of one account each, with their
 * similarity), and the counts, computed once. The facts of the matched accounts are built only when records are
 * asked for ({@link #over}). Immutable.
 *
 * <p>The join: both sides' accounts with a registrable domain are sorted by the high 32 bits of the domain's hash,
 * so one merge pass finds the candidates; a candidate pair's full 64-bit hashes must agree, and then its domains'
 * bytes in the two accounts' {@link MatchKeys} must be equal (so no hash collision can make a match). Accounts without a usable domain are compared by name with the accounts of the other side in
 * their name blocks (the first three letters; for a typo among them, the rest after them), as {@link MatchRule}
 * decides: a block's names are read in order of length, and only those whose length and letters can match are
 * compared.
 */
final class PairMatches {
    private static final long HIGH = 0xFFFFFFFF00000000L;

    private final int domainGroups;
    private final int[] myStart;
    private final int[] myMembers;
    private final int[] theirStart;
    private final int[] theirMembers;
    private final double[] similarity;
    private final long[][] counts;
    private final long[][] homed;

    /**
     * The matches of these groups, counted: with {@code inParallel}, the homed counts in the common fork-join pool
     * while the calling thread counts the others (each reads every group's accounts' populations).
     */
    private PairMatches(AccountColumns mine, AccountColumns theirs, int populations, int domainGroups,
            Groups groups, boolean inParallel) {
        this.domainGroups = domainGroups;
        this.myStart = groups.myStart.toArray();
        this.myMembers = groups.myMembers.toArray();
        this.theirStart = groups.theirStart.toArray();
        this.theirMembers = groups.theirMembers.toArray();
        this.similarity = groups.similarities.toArray();
        long[][][] homedCounts = new long[1][][];
        Runnable countHomed = () -> homedCounts[0] = countHomed(mine, theirs, populations);
        Concurrently pooled = inParallel ? Concurrently.start(countHomed) : null;
        this.counts = count(mine, theirs, populations);
        if (pooled != null) {
            pooled.join();
        } else {
            countHomed.run();
        }
        this.homed = homedCounts[0];
    }

    /**
     * Every match between my columns and the partner's. With name matching, the join runs on two threads at once:
     * the calling thread finds the domain matches, then the country domains, while a task in the common fork-join
     * pool finds the name matches of each side's accounts without a domain, a chunk of them at a time
     * ({@link NameWork}); the calling thread then takes chunks too, until none is left. The matches are put together
     * in the order one thread finds them (domains, country domains, mine, the partner's).
     */
    static PairMatches join(AccountColumns mine, AccountColumns theirs, OverlapSettings settings,
            Classifier classifier) {
        int populations = settings.populations().size();
        if (!settings.nameMatching()) {
            Groups domains = domainMatches(mine, theirs);
            return new PairMatches(mine, theirs, populations, domains.size(), domains, false);
        }
        NameRules rules = classifier.nameRules();
        double threshold = settings.nameThreshold();
        NameWork names = new NameWork(mine, theirs, threshold, rules);
        Concurrently pooled = Concurrently.start(names::work);
        Groups all = domainMatches(mine, theirs);
        int domainGroups = all.size();
        all.addAll(countryDomains(mine, theirs, all.myMatched(mine.size()), threshold, rules));
        names.work();
        pooled.join();
        names.addTo(all);
        return new PairMatches(mine, theirs, populations, domainGroups, all, true);
    }

    /**
     * The domain matches: per registrable domain both sides have, my accounts with it and the partner's, in the order
     * of the domains' hashes.
     */
    private static Groups domainMatches(AccountColumns mine, AccountColumns theirs) {
        Groups groups = new Groups();
        // candidates in the order the merge finds them: >= 0 a pair of single accounts with the same high 32 bits
        // (its index in singleMine and singleTheirs), < 0 a run of accounts sharing the high 32 bits (-1 - its index)
        Ints found = new Ints();
        Ints singleMine = new Ints();
        Ints singleTheirs = new Ints();
        Ints runs = new Ints();
        long[] a = mine.byDomain;
        long[] b = theirs.byDomain;
        mergeRuns(a, b, (i, iEnd, j, jEnd) -> {
            if (iEnd - i == 1 && jEnd - j == 1) {
                // verified below by the domains' bytes (equal bytes, equal hashes), so no key is read here
                found.add(singleMine.size());
                singleMine.add((int) a[i]);
                singleTheirs.add((int) b[j]);
            } else {
                found.add(-1 - runs.size() / 4);
                runs.add(i);
                runs.add(iEnd);
                runs.add(j);
                runs.add(jEnd);
            }
        });
        int[] sameMine = singleMine.toArray();
        int[] sameTheirs = singleTheirs.toArray();
        int[] run = runs.toArray();
        for (int f = 0; f < found.size(); f++) {
            int candidate = found.get(f);
            if (candidate >= 0) {
                if (MatchKeys.sameDomain(mine.keys[sameMine[candidate]], theirs.keys[sameTheirs[candidate]])) {
                    groups.addPair(sameMine[candidate], sameTheirs[candidate]);
                }
                continue;
            }
            int r = 4 * (-1 - candidate);
            Map<String, Ints> byDomainMine = byDomain(mine, a, run[r], run[r + 1]);
            Map<String, Ints> byDomainTheirs = byDomain(theirs, b, run[r + 2], run[r + 3]);
            byDomainMine.forEach((domain, members) -> {
                Ints others = byDomainTheirs.get(domain);
                if (others != null) {
                    groups.addGroup(members, others);
                }
            });
        }
        return groups;
    }

    /**
     * The name matches of both sides' accounts without a domain, in chunks that any thread calling {@link #work}
     * takes one at a time, each chunk's matches kept apart and put together in chunk order ({@link #addTo}): my
     * accounts' chunks first, then the partner's, as {@link #nameMatches} of each side would give them.
     */
    private static final class NameWork {
        /** Queries per chunk: small enough to share the work out evenly, large enough to cost little to take. */
        private static final int CHUNK = 2048;

        private final AccountColumns mine;
        private final AccountColumns theirs;
        private final double threshold;
        private final NameRules rules;
        private final int myChunks;
        private final Groups[] chunks;
        private final AtomicInteger next = new AtomicInteger();

        NameWork(AccountColumns mine, AccountColumns theirs, double threshold, NameRules rules) {
            this.mine = mine;
            this.theirs = theirs;
            this.threshold = threshold;
            this.rules = rules;
            this.myChunks = chunkCount(mine.withoutDomain.length);
            this.chunks = new Groups[myChunks + chunkCount(theirs.withoutDomain.length)];
        }

        private static int chunkCount(int queries) {
            return (queries + CHUNK - 1) / CHUNK;
        }

        /** Takes chunks and finds their matches until none is left. */
        void work() {
            for (int c = next.getAndIncrement(); c < chunks.length; c = next.getAndIncrement()) {
                boolean partners = c >= myChunks;
                AccountColumns side = partners ? theirs : mine;
                int from = CHUNK * (partners ? c - myChunks : c);
                chunks[c] = nameMatches(side, partners ? mine : theirs, partners, from,
                        Math.min(side.withoutDomain.length, from + CHUNK), threshold, rules);
            }
        }

        /** Adds every chunk's matches to {@code all}, in chunk order; call when every {@link #work} returned. */
        void addTo(Groups all) {
            for (Groups chunk : chunks) {
                all.addAll(Objects.requireNonNull(chunk));
            }
        }
    }

    /**
     * The name matches of {@code side}'s accounts without a domain at positions {@code [from, to)} with
     * {@code other}'s accounts (only those with a registrable domain when {@code domainOnly}: an account without one
     * on both sides was compared from the other side), each a pair of one account a side, mine first, in
     * {@code side}'s ordinal order.
     */
    private static Groups nameMatches(AccountColumns side, AccountColumns other, boolean domainOnly, int from,
            int to, double threshold, NameRules rules) {
        Groups groups = new Groups();
        NameJoin names = new NameJoin(threshold, rules, groups.similarities);
        for (int position = from; position < to; position++) {
            int ordinal = side.withoutDomain[position];
            names.query(side, position, other, domainOnly);
            for (int k = 0; k < names.found; k++) {
                if (domainOnly) {
                    groups.addPair(names.others[k], ordinal);
                } else {
                    groups.addPair(ordinal, names.others[k]);
                }
            }
        }
        return groups;
    }

    /**
     * Accounts whose registrable domains differ only in their public suffix ({@code acme.com}, {@code acme.de}: a
     * subsidiary in another country, or another company of the same label) match when their names do, as
     * {@link MatchRule} decides: both sides' accounts sorted by the label's hash ({@link AccountColumns#byLabel}),
     * merged, and the pairs of a run compared (a run of one account a side with the same 64-bit domain hash is the
 * same domain, matched already).
     */
    private static Groups countryDomains(AccountColumns mine, AccountColumns theirs, BitSet myDomainMatched,
            double threshold, NameRules nameRules) {
        Groups groups = new Groups();
        long[] a = mine.byLabel();
        long[] b = theirs.byLabel();
        mergeRuns(a, b, (i, iEnd, j, jEnd) -> {
            // a run of one account a side whose accounts have the same registrable domain (its 64-bit hash) was
            // matched by domain already: so it is when mine was matched by domain at all (the partner's accounts
            // with that domain have this label, and this run has one), which costs no key read
            if (iEnd - i == 1 && jEnd - j == 1 && (myDomainMatched.get((int) a[i])
                    || mine.domainHash((int) a[i]) == theirs.domainHash((int) b[j]))) {
                return;
            }
            int[] their = ordinals(b, j, jEnd);
            for (int m : ordinals(a, i, iEnd)) {
                String myDomain = mine.domain(m);
                for (int t : their) {
                    String theirDomain = theirs.domain(t);
                    if (myDomain.equals(theirDomain)
                            || !AccountColumns.label(myDomain).equals(AccountColumns.label(theirDomain))) {
                        continue;
                    }
                    NameComparison.Verdict verdict = NameComparison.compare(mine.name(m), theirs.name(t),
                            threshold, nameRules);
                    if (verdict.matched()) {
                        groups.addPair(m, t);
                        groups.similarities.add(verdict.confidence());
                    }
                }
            }
        });
        return groups;
    }

    /** What a merge does with the runs {@code a[i, iEnd)} and {@code b[j, jEnd)} of equal high 32 bits. */
    private interface Runs {
        void accept(int i, int iEnd, int j, int jEnd);
    }

    /** Merges two arrays sorted by their high 32 bits, giving each pair of runs with equal high bits, in order. */
    private static void mergeRuns(long[] a, long[] b, Runs runs) {
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            long key = a[i] & HIGH;
            long other = b[j] & HIGH;
            if (key < other) {
                i++;
            } else if (key > other) {
                j++;
            } else {
                int iEnd = runEnd(a, i);
                int jEnd = runEnd(b, j);
                runs.accept(i, iEnd, j, jEnd);
                i = iEnd;
                j = jEnd;
            }
        }
    }

    private static int[] ordinals(long[] sorted, int from, int to) {
        int[] ordinals = new int[to - from];
        for (int k = from; k < to; k++) {
            ordinals[k - from] = (int) sorted[k];
        }
        Arrays.sort(ordinals);
        return ordinals;
    }

    /**
     * Name comparisons of one account with the accounts of the other side in its name blocks, as
     * {@link NameComparison} decides: the block of its first three letters (ordered by name length, read in
     * order and only as far as a length that can match, and a name's bytes only when its length and
     * {@link AccountColumns#charMask} can match), then, for a typo within the first three letters, the names whose rest after the fourth letter is the
     * query's rest after its third, fourth or fifth ({@link AccountColumns#restCode}), skipping there the names of
     * the first block. The matches are given in ascending ordinal order. Not thread-safe.
     */
    private static final class NameJoin {
        private final double threshold;
        private final NameRules rules;
        private final Doubles similarities;
        private int[] others = new int[8];
        private double[] scores = new double[8];
        private int found;

        NameJoin(double threshold, NameRules rules, Doubles similarities) {
            this.threshold = threshold;
            this.rules = rules;
            this.similarities = similarities;
        }

        /**
         * Compares {@code side}'s account at {@code position} of its accounts without a domain with every account of
         * {@code other} in its blocks (only those with a registrable domain when {@code domainOnly}), reading its
         * block, rests, mask and length from the columns and its keys only to compare it with a candidate; the
         * matches are {@code others[0, found)}, ascending, and their confidences are added to the join's list in that
         * order.
         */
        void query(AccountColumns side, int position, AccountColumns other, boolean domainOnly) {
            found = 0;
            int ordinal = side.withoutDomain[position];
            int length = side.namelessLength(position);
            boolean ascii = side.asciiNames && other.asciiNames;
            int mask = side.namelessMask(position);
            String name = null;
            long blockCode = side.namelessBlock(position);
            int block = other.block(blockCode);
            if (block >= 0) {
                int end = other.blockTo(block);
                for (int k = other.blockFrom(block); k < end; k++) {
                    int size = other.lengthInBlock(k);
                    if (size - length > NameComparison.SPACES) {
                        break; // longer names differ by more from here on
                    }
                    if (length - size > NameComparison.SPACES
                            || ascii && Integer.bitCount(mask ^ other.maskInBlock(k)) > 2) {
                        continue; // more bytes differ than one edit or other spacing can change
                    }
                    int candidate = other.inBlock(k);
                    byte[] keys = other.keys[candidate];
                    if (domainOnly && MatchKeys.domainHash(keys) == 0) {
                        continue;
                    }
                    name = name != null ? name : side.name(ordinal);
                    compare(name, candidate, new String(keys, keys.length - size, size, StandardCharsets.UTF_8));
                }
            }
            long[] byRest = other.byRest();
            int firstMatch = found;
            for (int delta = -1; delta <= 1; delta++) {
                int restHigh = side.namelessRestHigh(position, delta);
                if (restHigh == 0) {
                    continue;
                }
                long key = (long) restHigh << 32;
                for (int k = other.withRest(key); k < byRest.length && (byRest[k] & HIGH) == key;
                        k++) {
                    int candidate = (int) byRest[k];
                    byte[] keys = other.keys[candidate];
                    int start = MatchKeys.domainTo(keys);
                    int size = keys.length - start;
                    if (Math.abs(size - length) > (ascii ? 1 : 4)
                            || domainOnly && MatchKeys.domainHash(keys) == 0
                            || AccountColumns.blockCode(keys, start, keys.length) == blockCode
                            || foundSince(firstMatch, candidate)) {
                        continue; // cannot match, or compared already
                    }
                    name = name != null ? name : side.name(ordinal);
                    compare(name, candidate, new String(keys, start, size, StandardCharsets.UTF_8));
                }
            }
            sortFound();
            for (int k = 0; k < found; k++) {
                similarities.add(scores[k]);
            }
        }

        /** Whether {@code candidate} was found since the match at {@code from}. */
        private boolean foundSince(int from, int candidate) {
            for (int k = from; k < found; k++) {
                if (others[k] == candidate) {
                    return true;
                }
            }
            return false;
        }

        private void compare(String name, int candidate, String candidateName) {
            NameComparison.Verdict verdict = NameComparison.compare(name, candidateName, threshold, rules);
            if (verdict.matched()) {
                add(candidate, verdict.confidence());
            }
        }

        private void add(int candidate, double similar) {
            if (found == others.length) {
                others = Arrays.copyOf(others, found * 2);
                scores = Arrays.copyOf(scores, found * 2);
            }
            others[found] = candidate;
            scores[found++] = similar;
        }

        /** Insertion sort by ordinal: a block has few matches of one name. */
        private void sortFound() {
            for (int i = 1; i < found; i++) {
                int ordinal = others[i];
                double similar = scores[i];
                int j = i - 1;
                while (j >= 0 && others[j] > ordinal) {
                    others[j + 1] = others[j];
                    scores[j + 1] = scores[j];
                    j--;
                }
                others[j + 1] = ordinal;
                scores[j + 1] = similar;
            }
        }
    }

    private static int runEnd(long[] sorted, int from) {
        long key = sorted[from] & HIGH;
        int end = from + 1;
        while (end < sorted.length && (sorted[end] & HIGH) == key) {
            end++;
        }
        return end;
    }

    /** The ordinals of {@code sorted[from, to)} by their registrable domain, each list ascending. */
    private static Map<String, Ints> byDomain(AccountColumns columns, long[] sorted, int from, int to) {
        int[] ordinals = new int[to - from];
        for (int k = from; k < to; k++) {
            ordinals[k - from] = (int) sorted[k];
        }
        Arrays.sort(ordinals);
        Map<String, Ints> groups = new LinkedHashMap<>();
        for (int ordinal : ordinals) {
            groups.computeIfAbsent(columns.domain(ordinal), d -> new Ints()).add(ordinal);
        }
        return groups;
    }

    private int groupCount() {
        return myStart.length - 1;
    }

    private int myPopulations(AccountColumns mine, int group) {
        int mask = 0;
        for (int k = myStart[group]; k < myStart[group + 1]; k++) {
            mask |= mine.populations[myMembers[k]];
        }
        return mask;
    }

    private long[][] count(AccountColumns mine, AccountColumns theirs, int populations) {
        long[][] sums = new long[populations][populations];
        for (int g = 0; g < groupCount(); g++) {
            int their = 0;
            for (int k = theirStart[g]; k < theirStart[g + 1]; k++) {
                their |= theirs.populations[theirMembers[k]];
            }
            MatchSet.add(sums, myPopulations(mine, g), their);
        }
        return sums;
    }

    private long[][] countHomed(AccountColumns mine, AccountColumns theirs, int populations) {
        int[] home = new int[theirs.size()];
        Arrays.fill(home, -1);
        for (int g = 0; g < groupCount(); g++) {
            for (int k = theirStart[g]; k < theirStart[g + 1]; k++) {
                int t = theirMembers[k];
                int current = home[t];
                // a domain match is the home; else the name match with my smallest ordinal, that is account id
                if (current < 0 || current >= domainGroups && g >= domainGroups
                        && myMembers[myStart[g]] < myMembers[myStart[current]]) {
                    home[t] = g;
                }
            }
        }
        long[][] sums = new long[populations][populations];
        for (int g = 0; g < groupCount(); g++) {
            int their = 0;
            for (int k = theirStart[g]; k < theirStart[g + 1]; k++) {
                if (home[theirMembers[k]] == g) {
                    their |= theirs.populations[theirMembers[k]];
                }
            }
            MatchSet.add(sums, myPopulations(mine, g), their);
        }
        return sums;
    }

    /**
     * These matches as a {@link MatchSet} over the columns they were joined from (the caller's: the matches keep
     * none, so a cached pair does not hold on to columns a later change replaced).
     */
    MatchSet over(AccountColumns mine, AccountColumns theirs, Classifier classifier) {
        return new MatchSet() {
            @Override
            public long[][] counts(int populations) {
                return copy(counts);
            }

            @Override
            public long[][] homedCounts(int populations) {
                return copy(homed);
            }

            @Override
            public List<MatchGroup> groups() {
                return PairMatches.this.groups(mine, theirs, classifier.normalizer());
            }
        };
    }

    private List<MatchGroup> groups(AccountColumns mine, AccountColumns theirs, DomainNormalizer normalizer) {
        List<MatchGroup> groups = new ArrayList<>(groupCount());
        for (int g = 0; g < groupCount(); g++) {
            int first = myMembers[myStart[g]];
            Match match = g < domainGroups ? new Match(Match.Method.DOMAIN, 1.0, mine.domain(first))
                    : new Match(Match.Method.NAME, similarity[g - domainGroups], mine.name(first));
            groups.add(new MatchGroup(match, facts(mine, myMembers, myStart[g], myStart[g + 1], normalizer),
                    facts(theirs, theirMembers, theirStart[g], theirStart[g + 1], normalizer)));
        }
        return groups;
    }

    private static List<AccountFacts> facts(AccountColumns columns, int[] members, int from, int to,
            DomainNormalizer normalizer) {
        List<AccountFacts> facts = new ArrayList<>(to - from);
        for (int k = from; k < to; k++) {
            facts.add(columns.facts(members[k], normalizer));
        }
        return facts;
    }

    /** Bytes held beyond the two tenants' columns. */
    long retainedBytes() {
        return 4L * (myStart.length + myMembers.length + theirStart.length + theirMembers.length)
                + 8L * similarity.length;
    }

    private static long[][] copy(long[][] counts) {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    /**
     * Matched groups as they are found: per group, my accounts' ordinals and the partner's, and per group that is not
     * a domain match its similarity.
     */
    private static final class Groups {
        private final Ints myStart = new Ints();
        private final Ints myMembers = new Ints();
        private final Ints theirStart = new Ints();
        private final Ints theirMembers = new Ints();
        private final Doubles similarities = new Doubles();

        Groups() {
            myStart.add(0);
            theirStart.add(0);
        }

        int size() {
            return myStart.size() - 1;
        }

        /** The ordinals of my accounts in any group, of {@code accounts} of mine. */
        BitSet myMatched(int accounts) {
            BitSet matched = new BitSet(accounts);
            for (int k = 0; k < myMembers.size(); k++) {
                matched.set(myMembers.get(k));
            }
            return matched;
        }

        void addPair(int m, int t) {
            myMembers.add(m);
            myStart.add(myMembers.size());
            theirMembers.add(t);
            theirStart.add(theirMembers.size());
        }

        void addGroup(Ints mine, Ints theirs) {
            myMembers.addAll(mine);
            myStart.add(myMembers.size());
            theirMembers.addAll(theirs);
            theirStart.add(theirMembers.size());
        }

        /** Appends the groups of {@code other} after these. */
        void addAll(Groups other) {
            for (int g = 0; g < other.size(); g++) {
                for (int k = other.myStart.get(g); k < other.myStart.get(g + 1); k++) {
                    myMembers.add(other.myMembers.get(k));
                }
                myStart.add(myMembers.size());
                for (int k = other.theirStart.get(g); k < other.theirStart.get(g + 1); k++) {
                    theirMembers.add(other.theirMembers.get(k));
                }
                theirStart.add(theirMembers.size());
            }
            similarities.addAll(other.similarities);
        }
    }

    /** A growable {@code double[]}. */
    private static final class Doubles {
        private double[] values = new double[16];
        private int size;

        void add(double value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        void addAll(Doubles other) {
            for (int k = 0; k < other.size; k++) {
                add(other.values[k]);
            }
        }

        double[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    /** A growable {@code int[]}. */
    private static final class Ints {
        private int[] values = new int[16];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        void addAll(Ints other) {
            for (int k = 0; k < other.size; k++) {
                add(other.values[k]);
            }
        }

        int size() {
            return size;
        }

        int get(int index) {
            return values[index];
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
