package dev.ecosystem.overlap;

import dev.ecosystem.model.Account;
import dev.ecosystem.model.Deal;
import java.util.List;

/**
 * Decides whether an account belongs to a population, from the account and its deals in the snapshot. Must be
 * thread-safe and side-effect free; it is called again whenever the account or one of its deals changes.
 *
 * <pre>{@code
 * PopulationRule enterprise = (account, deals) -> "Enterprise".equals(account.properties().get("segment"));
 * }</pre>
 */
@FunctionalInterface
public interface PopulationRule {
    /**
     * Whether {@code account} is in the population.
     *
     * @param account the account
     * @param deals the deals associated with the account in the same snapshot, in any order
     */
    boolean test(Account account, List<Deal> deals);
}
