package dev.ecosystem.memory;

import dev.ecosystem.error.ConflictException;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.ProgramId;
import dev.ecosystem.model.TierAssessment;
import dev.ecosystem.model.TierChange;
import dev.ecosystem.model.TierReview;
import dev.ecosystem.spi.TierRepository;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import org.jspecify.annotations.Nullable;

/**
 * Reviews by (vendor, program) keyed by period end then start, current tiers by (vendor, program) keyed by partner,
 * and changes by (vendor, partner) keyed by period end, start and program: each key sorts as its listing orders.
 */
final class MemoryTiers implements TierRepository {
    private final MemoryTransaction tx;
    private final MemoryTables.TierTables tables;

    MemoryTiers(MemoryTransaction tx, MemoryTables.TierTables tables) {
        this.tx = tx;
        this.tables = tables;
    }

    @Override
    public void save(TierReview review) {
        tx.checkOpen();
        List<Object> program = List.of(review.vendor(), review.program());
        String key = periodKey(review.from(), review.toExclusive());
        if (tables.reviews().get(program, key) != null) {
            throw new ConflictException("program " + review.program() + " already has a tier review of "
                    + review.from() + " to " + review.toExclusive());
        }
        tables.reviews().put(tx, program, key, review);
        for (TierAssessment assessment : review.assessments()) {
            if (assessment.after() == null) {
                tables.tiers().remove(tx, program, assessment.partner().value());
            } else {
                tables.tiers().put(tx, program, assessment.partner().value(), assessment.after());
            }
        }
        for (TierChange change : review.changes()) {
            tables.history().put(tx, List.of(review.vendor(), change.partner()),
                    key + '\u0000' + change.program().value(), change);
        }
    }

    @Override
    public @Nullable TierReview review(CompanyId vendor, ProgramId program, LocalDate from, LocalDate toExclusive) {
        return tables.reviews().get(partition(vendor, program), periodKey(from, toExclusive));
    }

    @Override
    public @Nullable TierReview latest(CompanyId vendor, ProgramId program) {
        NavigableMap<String, TierReview> reviews = tables.reviews().rows(partition(vendor, program));
        return reviews.isEmpty() ? null : reviews.lastEntry().getValue();
    }

    @Override
    public Map<CompanyId, String> tiers(CompanyId vendor, ProgramId program) {
        Map<CompanyId, String> tiers = new HashMap<>();
        tables.tiers().rows(partition(vendor, program)).forEach((partner, tier) -> tiers.put(CompanyId.of(partner),
                tier));
        return tiers;
    }

    @Override
    public @Nullable String tier(CompanyId vendor, ProgramId program, CompanyId partner) {
        return tables.tiers().get(partition(vendor, program), partner.value());
    }

    @Override
    public Page<TierChange> history(CompanyId vendor, CompanyId partner, PageRequest page) {
        tx.checkOpen();
        return tables.history().page(List.of(vendor, partner), page);
    }

    private List<Object> partition(CompanyId vendor, ProgramId program) {
        tx.checkOpen();
        return List.of(vendor, program);
    }

    /** Sorts by period end, then start: ISO dates of years 0 to 9999 sort as they follow. */
    static String periodKey(LocalDate from, LocalDate toExclusive) {
        return toExclusive + "\u0000" + from;
    }
}
