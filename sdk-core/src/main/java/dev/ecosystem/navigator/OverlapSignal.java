package dev.ecosystem.navigator;

import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Criterion;
import java.util.Map;

/**
 * Supplies, for a searching company, how many customers it shares with other companies, as far as the host knows
 * (typically from account mapping). Used by {@link Criterion#OVERLAP}. Must be thread-safe; it is called once per
 * search or evaluation, as the searcher.
 *
 * <pre>{@code
 * OverlapSignal signal = searcher -> overlapService.sharedCustomerCounts(searcher);
 * }</pre>
 */
@FunctionalInterface
public interface OverlapSignal {
    /**
     * Shared customer counts of {@code searcher} with other companies; companies without a known count are left out.
     * Only the searcher's own counts may be returned: they are its own knowledge, shown only to it.
     */
    Map<CompanyId, Integer> sharedCustomers(CompanyId searcher);

    /** Knows no overlap: the overlap criterion never counts. */
    static OverlapSignal none() {
        return searcher -> Map.of();
    }
}
