package dev.ecosystem.spi;

import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.ProgramId;
import dev.ecosystem.model.TierChange;
import dev.ecosystem.model.TierReview;
import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Tier reviews of vendors' programs, the tier each partner holds under each program, and each partner's history of
 * promotions and demotions; visible to the vendor only. Not in the change feed: every read goes to the store.
 *
 * <p>What the queries need a durable store to index: (vendor, program, period) of reviews, (vendor, program, partner)
 * of current tiers, and (vendor, partner, period end) of changes.
 */
public interface TierRepository {
    /**
     * Stores a review: the review itself, each of its changes in the partner's history, and each assessed partner's
     * current tier under the program (its {@code after}; none when that is {@code null}).
     *
     * @throws dev.ecosystem.error.ConflictException when the program already has a review of the same period
     */
    void save(TierReview review);

    /** The review of exactly that period, or {@code null}. */
    @Nullable TierReview review(CompanyId vendor, ProgramId program, LocalDate from, LocalDate toExclusive);

    /** The review whose period ends last (then starts last), or {@code null} before the first review. */
    @Nullable TierReview latest(CompanyId vendor, ProgramId program);

    /** The current tier of every partner that holds one under the program. */
    Map<CompanyId, String> tiers(CompanyId vendor, ProgramId program);

    /** The partner's current tier under the program, or {@code null}. */
    @Nullable String tier(CompanyId vendor, ProgramId program, CompanyId partner);

    /**
     * The partner's promotions and demotions under every program of the vendor, oldest period first (ties by
     * period start, then program id).
     */
    Page<TierChange> history(CompanyId vendor, CompanyId partner, PageRequest page);
}
