package dev.ecosystem.overlap;

import dev.ecosystem.model.Account;
import dev.ecosystem.model.Match;
import dev.ecosystem.model.Population;
import java.util.Set;

/**
 * One overlapping account: the acting company's own record, the partner's record as far as it is shared, and how
 * they were matched.
 *
 * @param mine the acting company's account, complete
 * @param myPopulations the acting company's populations the account is in
 * @param theirs the partner's account, limited to what the partner shares
 * @param match how the two were matched
 */
public record OverlapRecord(Account mine, Set<Population> myPopulations, SharedAccount theirs, Match match) {
    /** Copies the set. */
    public OverlapRecord {
        myPopulations = Set.copyOf(myPopulations);
    }
}
