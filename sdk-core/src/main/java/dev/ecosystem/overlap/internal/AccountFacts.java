package dev.ecosystem.overlap.internal;

import dev.ecosystem.model.Account;
import dev.ecosystem.model.Deal;
import dev.ecosystem.overlap.internal.DomainNormalizer.Outcome;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What matching needs of one account, computed once per change of the account or its deals.
 *
 * @param account the account
 * @param deals its deals in the snapshot
 * @param domain the registrable domain, or {@code null} when {@code outcome} is not {@link Outcome#DOMAIN}
 * @param outcome what normalizing the domain gave
 * @param name the normalized name (may be empty)
 * @param populations bit {@code i} set when the account is in population {@code i} of the settings' order
 */
public record AccountFacts(Account account, List<Deal> deals, @Nullable String domain, Outcome outcome, String name,
        int populations) {
}
