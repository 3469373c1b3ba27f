package dev.ecosystem.attribution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecosystem.internal.Checks;
import dev.ecosystem.intro.FunnelCounts;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Money;
import dev.ecosystem.referral.RegistrationCounts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a partner sees of its own results for a period: its pipeline and revenue, conversion, deal size, sales
 * cycle, retention of the customers it sourced, its introductions, and its pipeline month by month. It holds only
 * this partner's figures (no other partner's, and no figures of the tenant's direct deals), so a host may send it
 * to the partner as {@link #toJson() JSON} or as a self-contained {@link #toHtml() HTML page}.
 *
 * @param partner the partner
 * @param partnerName the partner's display name
 * @param period the period
 * @param generatedOn the day it was computed
 * @param sourcedPipeline sourced credit on deals created in the period
 * @param influencedPipeline influenced credit on deals created in the period
 * @param sourcedRevenue sourced credit on deals won in the period
 * @param influencedRevenue influenced credit on deals won in the period
 * @param dealsCreated the partner's deals created in the period
 * @param dealsWon the partner's deals won in the period
 * @param winRate won over closed in the period, a fraction, or {@code null} when none closed
 * @param averageDealSize the average amount of its deals won in the period, or {@code null}
 * @param salesCycleDays the average days from creation to close of its deals won, or {@code null}
 * @param retention6Months the fraction of its sourced customers still customers after 6 months, or {@code null}
 * @param retention12Months the same after 12 months, or {@code null}
 * @param pipeline its sourced and influenced pipeline for each of the 12 months up to the period's end
 * @param introductions its introduction funnel, from {@link dev.ecosystem.intro.Introductions#funnel}
 * @param registrations what its referrals (deal registrations) did, from
 *     {@link dev.ecosystem.referral.Referrals#counts}
 */
public record Scorecard(
        CompanyId partner, String partnerName, ReportPeriod period, LocalDate generatedOn,
        Money sourcedPipeline, Money influencedPipeline, Money sourcedRevenue, Money influencedRevenue,
        long dealsCreated, long dealsWon, @Nullable BigDecimal winRate, @Nullable BigDecimal averageDealSize,
        @Nullable BigDecimal salesCycleDays, @Nullable BigDecimal retention6Months,
        @Nullable BigDecimal retention12Months, List<MonthlyPipeline> pipeline, FunnelCounts introductions,
        RegistrationCounts registrations) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One month of a partner's pipeline.
     *
     * @param month the month
     * @param sourced sourced credit on deals created in the month
     * @param influenced influenced credit on deals created in the month
     */
    public record MonthlyPipeline(YearMonth month, Money sourced, Money influenced) {
        /** Validates the fields. */
        public MonthlyPipeline {
            Checks.required(month, "month");
            Checks.required(sourced, "sourced");
            Checks.required(influenced, "influenced");
        }
    }

    /** Validates and copies. */
    public Scorecard {
        Checks.required(partner, "scorecard partner");
        partnerName = Checks.text(partnerName, "partnerName", 500);
        Checks.required(period, "scorecard period");
        Checks.required(generatedOn, "scorecard generatedOn");
        Checks.required(sourcedPipeline, "sourcedPipeline");
        Checks.required(influencedPipeline, "influencedPipeline");
        Checks.required(sourcedRevenue, "sourcedRevenue");
        Checks.required(influencedRevenue, "influencedRevenue");
        pipeline = List.copyOf(Checks.noNulls(pipeline, "scorecard pipeline"));
        Checks.required(introductions, "scorecard introductions");
        Checks.required(registrations, "scorecard registrations");
    }

    /** The scorecard as a JSON document (amounts as decimal strings with their currency). */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("partnerId", partner.value());
        root.put("partnerName", partnerName);
        ObjectNode p = root.putObject("period");
        p.put("label", period.label());
        p.put("start", period.start().toString());
        p.put("end", period.end().toString());
        root.put("generatedOn", generatedOn.toString());
        root.put("currency", sourcedPipeline.currency().getCurrencyCode());
        root.put("sourcedPipeline", sourcedPipeline.amount().toPlainString());
        root.put("influencedPipeline", influencedPipeline.amount().toPlainString());
        root.put("sourcedRevenue", sourcedRevenue.amount().toPlainString());
        root.put("influencedRevenue", influencedRevenue.amount().toPlainString());
        root.put("dealsCreated", dealsCreated);
        root.put("dealsWon", dealsWon);
        root.put("winRate", winRate);
        root.put("averageDealSize", averageDealSize == null ? null : averageDealSize.toPlainString());
        root.put("salesCycleDays", salesCycleDays);
        root.put("retention6Months", retention6Months);
        root.put("retention12Months", retention12Months);
        ArrayNode months = root.putArray("pipelineByMonth");
        for (MonthlyPipeline m : pipeline) {
            ObjectNode month = months.addObject();
            month.put("month", m.month().toString());
            month.put("sourced", m.sourced().amount().toPlainString());
            month.put("influenced", m.influenced().amount().toPlainString());
        }
        ObjectNode funnel = root.putObject("introductions");
        funnel.put("requested", introductions.requested());
        funnel.put("consented", introductions.consented());
        funnel.put("connected", introductions.connected());
        funnel.put("declined", introductions.declined());
        funnel.put("expired", introductions.expired());
        funnel.put("cancelled", introductions.cancelled());
        funnel.put("open", introductions.open());
        funnel.put("averageTimeToConnect", introductions.averageTimeToConnect() == null ? null
                : introductions.averageTimeToConnect().toString());
        funnel.put("medianTimeToConnect", introductions.medianTimeToConnect() == null ? null
                : introductions.medianTimeToConnect().toString());
        ObjectNode referrals = root.putObject("registrations");
        referrals.put("submitted", registrations.submitted());
        referrals.put("accepted", registrations.accepted());
        referrals.put("rejected", registrations.rejected());
        referrals.put("won", registrations.won());
        referrals.put("lost", registrations.lost());
        referrals.put("expired", registrations.expired());
        referrals.put("open", registrations.open());
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /**
     * The scorecard as one self-contained HTML page: inline styles, inline SVG charts of the pipeline over time and
     * of the introduction funnel, no scripts and no external assets. Every text is HTML-escaped.
     */
    public String toHtml() {
        return new ScorecardPage(this).render();
    }
}
