package dev.ecosystem.jdbc;

import dev.ecosystem.error.ConflictException;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.ProgramId;
import dev.ecosystem.model.TierAssessment;
import dev.ecosystem.model.TierChange;
import dev.ecosystem.model.TierReview;
import dev.ecosystem.spi.TierRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Tier reviews, current tiers and tier history in the tables of migration V12: {@code program_tier_reviews} (the
 * whole review as JSON, keyed by period end then start), {@code program_tiers} (one row per partner holding a tier)
 * and {@code program_tier_changes} (the history, keyed by period end, start and program).
 */
final class JdbcTiers implements TierRepository {
    private final JdbcTransaction tx;
    private final String reviews;
    private final String tiers;
    private final String changes;

    JdbcTiers(JdbcTransaction tx) {
        this.tx = tx;
        this.reviews = tx.table("program_tier_reviews");
        this.tiers = tx.table("program_tiers");
        this.changes = tx.table("program_tier_changes");
    }

    @Override
    public void save(TierReview review) {
        String vendor = review.vendor().value();
        String program = review.program().value();
        String key = periodKey(review.from(), review.toExclusive());
        if (review(review.vendor(), review.program(), review.from(), review.toExclusive()) != null) {
            throw new ConflictException("program " + review.program() + " already has a tier review of "
                    + review.from() + " to " + review.toExclusive());
        }
        tx.update("insert tier review", "INSERT INTO " + reviews + " (vendor, program, review_key, body)"
                + " VALUES (?, ?, ?, ?)", vendor, program, key, Columns.json(review));
        List<Object[]> removed = new ArrayList<>();
        List<Object[]> held = new ArrayList<>();
        for (TierAssessment assessment : review.assessments()) {
            removed.add(new Object[] {vendor, program, assessment.partner().value()});
            if (assessment.after() != null) {
                held.add(new Object[] {vendor, program, assessment.partner().value(), assessment.after()});
            }
        }
        tx.batch("clear current tiers", "DELETE FROM " + tiers + " WHERE vendor = ? AND program = ? AND partner = ?",
                removed);
        tx.batch("store current tiers", "INSERT INTO " + tiers + " (vendor, program, partner, tier)"
                + " VALUES (?, ?, ?, ?)", held);
        List<Object[]> history = new ArrayList<>();
        for (TierChange change : review.changes()) {
            history.add(new Object[] {vendor, change.partner().value(), key + '/' + program, Columns.json(change)});
        }
        tx.batch("record tier changes", "INSERT INTO " + changes + " (vendor, partner, change_key, body)"
                + " VALUES (?, ?, ?, ?)", history);
    }

    @Override
    public @Nullable TierReview review(CompanyId vendor, ProgramId program, LocalDate from, LocalDate toExclusive) {
        String key = periodKey(from, toExclusive);
        return tx.queryOne("get tier review", "SELECT body FROM " + reviews
                + " WHERE vendor = ? AND program = ? AND review_key = ?", JdbcTiers::review, vendor.value(),
                program.value(), key);
    }

    @Override
    public @Nullable TierReview latest(CompanyId vendor, ProgramId program) {
        return tx.queryOne("get latest tier review", "SELECT body FROM " + reviews
                + " WHERE vendor = ? AND program = ? ORDER BY vendor, program, review_key DESC LIMIT 1",
                JdbcTiers::review, vendor.value(), program.value());
    }

    @Override
    public Map<CompanyId, String> tiers(CompanyId vendor, ProgramId program) {
        Map<CompanyId, String> held = new HashMap<>();
        tx.query("list current tiers", "SELECT partner, tier FROM " + tiers + " WHERE vendor = ? AND program = ?",
                row -> Map.entry(CompanyId.of(row.getString(1)), row.getString(2)), vendor.value(), program.value())
                .forEach(entry -> held.put(entry.getKey(), entry.getValue()));
        return held;
    }

    @Override
    public @Nullable String tier(CompanyId vendor, ProgramId program, CompanyId partner) {
        return tx.queryOne("get current tier", "SELECT tier FROM " + tiers
                + " WHERE vendor = ? AND program = ? AND partner = ?", row -> row.getString(1), vendor.value(),
                program.value(), partner.value());
    }

    @Override
    public Page<TierChange> history(CompanyId vendor, CompanyId partner, PageRequest page) {
        // The cursor carries the last change's key; its period and program make it.
        return tx.page("jdbc/tier-history", page, "SELECT change_key, body FROM " + changes
                + " WHERE vendor = ? AND partner = ?", "change_key",
                row -> Columns.record(row.getString("body"), TierChange.class),
                change -> periodKey(change.periodFrom(), change.periodToExclusive()) + '/' + change.program().value(),
                vendor.value(), partner.value());
    }

    /** Sorts by period end, then start (ISO days of years 0 to 9999 sort as they follow). */
    private static String periodKey(LocalDate from, LocalDate toExclusive) {
        return toExclusive + "/" + from;
    }

    private static TierReview review(ResultSet row) throws SQLException {
        return Columns.record(row.getString("body"), TierReview.class);
    }
}
