package dev.ecosystem.overlap.internal;

import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.Match;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The matches of two snapshots as {@link SharedView} reads them: counts for the matrix, and the matched companies
 * with their accounts' facts for records. {@link PairMatches} keeps them compactly; {@link #of} wraps a list.
 */
interface MatchSet {
    /** {@code counts[i][j]}: matched companies with an account of mine in population i and one of theirs in j. */
    long[][] counts(int populations);

    /**
     * The counts in which each partner account counts in one matched company only, its home: its domain match, else
     * its name match with my smallest account id (see {@link SharedView#matrix}).
     */
    long[][] homedCounts(int populations);

    /** Every matched company. */
    List<MatchGroup> groups();

    /** The match set of these groups. */
    static MatchSet of(List<MatchGroup> groups) {
        return new Listed(List.copyOf(groups));
    }

    /** Adds 1 to each cell (i, j) with population i in {@code mine} and j in {@code theirs}. */
    static void add(long[][] counts, int mine, int theirs) {
        for (int a = mine; a != 0; a &= a - 1) {
            long[] row = counts[Integer.numberOfTrailingZeros(a)];
            for (int b = theirs; b != 0; b &= b - 1) {
                row[Integer.numberOfTrailingZeros(b)]++;
            }
        }
    }

    /** Matches held as a list of groups: the plain form, and the reference {@link PairMatches} is tested against. */
    final class Listed implements MatchSet {
        private static final Comparator<MatchGroup> HOME_ORDER = Comparator
                .comparing((MatchGroup g) -> g.match().method() != Match.Method.DOMAIN)
                .thenComparing(g -> g.mine().stream().map(m -> m.account().id().value()).min(String::compareTo)
                        .orElse(""));
        private final List<MatchGroup> groups;

        private Listed(List<MatchGroup> groups) {
            this.groups = groups;
        }

        @Override
        public long[][] counts(int populations) {
            long[][] counts = new long[populations][populations];
            for (MatchGroup group : groups) {
                add(counts, group.myPopulations(), group.theirPopulations());
            }
            return counts;
        }

        @Override
        public long[][] homedCounts(int populations) {
            Map<AccountId, MatchGroup> home = new HashMap<>();
            for (MatchGroup group : groups) {
                for (AccountFacts t : group.theirs()) {
                    home.merge(t.account().id(), group, (a, b) -> HOME_ORDER.compare(a, b) <= 0 ? a : b);
                }
            }
            long[][] counts = new long[populations][populations];
            for (MatchGroup group : groups) {
                int theirs = 0;
                for (AccountFacts t : group.theirs()) {
                    if (home.get(t.account().id()) == group) {
                        theirs |= t.populations();
                    }
                }
                add(counts, group.myPopulations(), theirs);
            }
            return counts;
        }

        @Override
        public List<MatchGroup> groups() {
            return groups;
        }
    }
}
