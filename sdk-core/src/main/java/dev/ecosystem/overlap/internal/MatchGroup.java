package dev.ecosystem.overlap.internal;

import dev.ecosystem.model.Match;
import java.util.List;

/**
 * One matched company: the accounts of each side that share a registrable domain, or one pair matched by name.
 *
 * @param match how they matched
 * @param mine the acting company's accounts
 * @param theirs the partner's accounts
 */
public record MatchGroup(Match match, List<AccountFacts> mine, List<AccountFacts> theirs) {
    /** Copies the lists. */
    public MatchGroup {
        mine = List.copyOf(mine);
        theirs = List.copyOf(theirs);
    }

    /** The union of the populations of my accounts. */
    public int myPopulations() {
        int mask = 0;
        for (AccountFacts facts : mine) {
            mask |= facts.populations();
        }
        return mask;
    }

    /** The union of the populations of the partner's accounts. */
    public int theirPopulations() {
        int mask = 0;
        for (AccountFacts facts : theirs) {
            mask |= facts.populations();
        }
        return mask;
    }
}
