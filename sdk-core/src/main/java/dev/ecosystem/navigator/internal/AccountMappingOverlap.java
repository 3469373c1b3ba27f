package dev.ecosystem.navigator.internal;

import dev.ecosystem.error.AccessDeniedException;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Population;
import dev.ecosystem.overlap.Overlaps;
import dev.ecosystem.overlap.PopulationMatrix;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The navigator's overlap signal when the host supplies none: the searcher's shared customers with each current
 * partner from account mapping, that is the customers-by-customers cell of {@link Overlaps#matrix}, and only where the
 * partner's sharing policy shows that count (a hidden population, a suppressed count below the partner's minimum, a
 * partnership not active on both sides or a company without a synced CRM gives no count). Account mapping needs a
 * partnership, so only partners ever have a count. Each matrix comes from the overlap engine, which caches its join on
 * both snapshots' revisions.
 */
final class AccountMappingOverlap {
    private AccountMappingOverlap() {
    }

    /** The known shared customer counts of the searcher whose account mapping is {@code overlaps}. */
    static Map<CompanyId, Integer> sharedCustomers(Overlaps overlaps, Collection<CompanyId> partners) {
        Map<CompanyId, Integer> counts = new HashMap<>();
        for (CompanyId partner : partners) {
            PopulationMatrix matrix;
            try {
                matrix = overlaps.matrix(partner);
            } catch (AccessDeniedException | NotFoundException e) {
                continue; // no mutual partnership or no CRM: nothing is known
            }
            if (!matrix.mine().contains(Population.CUSTOMERS) || !matrix.theirs().contains(Population.CUSTOMERS)) {
                continue; // the partner hides its customers
            }
            Long count = matrix.cell(Population.CUSTOMERS, Population.CUSTOMERS).count();
            if (count != null) {
                counts.put(partner, (int) Math.min(Integer.MAX_VALUE, count));
            }
        }
        return counts;
    }
}
