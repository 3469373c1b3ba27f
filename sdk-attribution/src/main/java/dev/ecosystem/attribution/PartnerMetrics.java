package dev.ecosystem.attribution;

import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.AttributionModel;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Money;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One partner's figures for a period, each rate compared with the tenant's deals that no partner touched.
 * Pipeline counts deals created in the period, revenue won deals closed in it; sourced figures come from the
 * {@link AttributionModel#sourced()} model, influenced ones from {@link AttributionModel#influenced()}. A partner's
 * deals (for win rate, deal size and sales cycle) are those it earned either credit on.
 *
 * @param partner the partner
 * @param period the period
 * @param sourcedPipeline sourced credit on deals created in the period
 * @param influencedPipeline influenced credit on deals created in the period
 * @param sourcedRevenue sourced credit on deals won in the period
 * @param influencedRevenue influenced credit on deals won in the period
 * @param dealsCreated the partner's deals created in the period
 * @param dealsClosed the partner's deals closed (won or lost) in the period
 * @param dealsWon the partner's deals won in the period
 * @param winRate won over closed, as a fraction
 * @param averageDealSize the average full amount of deals won in the period
 * @param salesCycleDays the average days from creation to close of deals won in the period
 * @param retention6Months the fraction of customers won in the period (partner-sourced versus direct) still
 *     customers 6 months after the close, among those whose 6 months have passed
 * @param retention12Months the same after 12 months
 */
public record PartnerMetrics(
        CompanyId partner, ReportPeriod period,
        Money sourcedPipeline, Money influencedPipeline, Money sourcedRevenue, Money influencedRevenue,
        long dealsCreated, long dealsClosed, long dealsWon,
        Comparison winRate, Comparison averageDealSize, Comparison salesCycleDays,
        Comparison retention6Months, Comparison retention12Months) {

    /** Validates the required fields. */
    public PartnerMetrics {
        Checks.required(partner, "metrics partner");
        Checks.required(period, "metrics period");
        Checks.required(sourcedPipeline, "sourcedPipeline");
        Checks.required(influencedPipeline, "influencedPipeline");
        Checks.required(sourcedRevenue, "sourcedRevenue");
        Checks.required(influencedRevenue, "influencedRevenue");
        Checks.required(winRate, "winRate");
        Checks.required(averageDealSize, "averageDealSize");
        Checks.required(salesCycleDays, "salesCycleDays");
        Checks.required(retention6Months, "retention6Months");
        Checks.required(retention12Months, "retention12Months");
    }

    /**
     * A figure for the partner's deals next to the same figure for deals without a partner.
     *
     * @param partner the partner's figure, or {@code null} when it had no deals to measure
     * @param direct the figure for deals without a partner, or {@code null} when there were none
     */
    public record Comparison(@Nullable BigDecimal partner, @Nullable BigDecimal direct) {
    }
}
