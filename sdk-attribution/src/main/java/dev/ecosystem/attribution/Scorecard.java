package dev.ecosystem.attribution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.intro.FunnelCounts;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Money;
import dev.ecosystem.referral.RegistrationCounts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a partner sees of its own results for a period: its pipeline and revenue, conversion, deal size, sales
 * cycle, retention of the customers it sourced, its introductions, and its pipeline month by month. It holds only
 * this partner's figures (no other partner's, and no figures of the tenant's direct deals), so a host may send it
 * to the partner as {@link #toJson() JSON} or as a self-contained {@link #toHtml() HTML page}.
 *
 * <p>A final class with a {@link Builder} rather than a record, so a figure added in a later release does not break
 * code that builds one (a test's expected scorecard, a host's own report).
 */
public final class Scorecard {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final CompanyId partner;
    private final String partnerName;
    private final ReportPeriod period;
    private final LocalDate generatedOn;
    private final Money sourcedPipeline;
    private final Money influencedPipeline;
    private final Money sourcedRevenue;
    private final Money influencedRevenue;
    private final long dealsCreated;
    private final long dealsWon;
    private final @Nullable BigDecimal winRate;
    private final @Nullable BigDecimal averageDealSize;
    private final @Nullable BigDecimal salesCycleDays;
    private final @Nullable BigDecimal retention6Months;
    private final @Nullable BigDecimal retention12Months;
    private final List<MonthlyPipeline> pipeline;
    private final FunnelCounts introductions;
    private final RegistrationCounts registrations;

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

    private Scorecard(Builder b) {
        this.partner = Checks.required(b.partner, "scorecard partner");
        this.partnerName = Checks.text(b.partnerName, "partnerName", 500);
        this.period = Checks.required(b.period, "scorecard period");
        this.generatedOn = Checks.required(b.generatedOn, "scorecard generatedOn");
        this.sourcedPipeline = Checks.required(b.sourcedPipeline, "sourcedPipeline");
        this.influencedPipeline = Checks.required(b.influencedPipeline, "influencedPipeline");
        this.sourcedRevenue = Checks.required(b.sourcedRevenue, "sourcedRevenue");
        this.influencedRevenue = Checks.required(b.influencedRevenue, "influencedRevenue");
        this.dealsCreated = b.dealsCreated;
        this.dealsWon = b.dealsWon;
        this.winRate = b.winRate;
        this.averageDealSize = b.averageDealSize;
        this.salesCycleDays = b.salesCycleDays;
        this.retention6Months = b.retention6Months;
        this.retention12Months = b.retention12Months;
        this.pipeline = List.copyOf(Checks.noNulls(b.pipeline, "scorecard pipeline"));
        this.introductions = Checks.required(b.introductions, "scorecard introductions");
        this.registrations = Checks.required(b.registrations, "scorecard registrations");
    }

    /**
     * A builder with no figure set. The partner, its name, the period, the day, the four amounts, the introduction
     * funnel and the referral counts are required; the months of pipeline default to none, the deal counts to 0 and
     * the ratios to {@code null}.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this scorecard's figures, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.partner = partner;
        b.partnerName = partnerName;
        b.period = period;
        b.generatedOn = generatedOn;
        b.sourcedPipeline = sourcedPipeline;
        b.influencedPipeline = influencedPipeline;
        b.sourcedRevenue = sourcedRevenue;
        b.influencedRevenue = influencedRevenue;
        b.dealsCreated = dealsCreated;
        b.dealsWon = dealsWon;
        b.winRate = winRate;
        b.averageDealSize = averageDealSize;
        b.salesCycleDays = salesCycleDays;
        b.retention6Months = retention6Months;
        b.retention12Months = retention12Months;
        b.pipeline = pipeline;
        b.introductions = introductions;
        b.registrations = registrations;
        return b;
    }

    /** The partner. */
    public CompanyId partner() {
        return partner;
    }

    /** The partner's display name. */
    public String partnerName() {
        return partnerName;
    }

    /** The period. */
    public ReportPeriod period() {
        return period;
    }

    /** The day it was computed. */
    public LocalDate generatedOn() {
        return generatedOn;
    }

    /** Sourced credit on deals created in the period. */
    public Money sourcedPipeline() {
        return sourcedPipeline;
    }

    /** Influenced credit on deals created in the period. */
    public Money influencedPipeline() {
        return influencedPipeline;
    }

    /** Sourced credit on deals won in the period. */
    public Money sourcedRevenue() {
        return sourcedRevenue;
    }

    /** Influenced credit on deals won in the period. */
    public Money influencedRevenue() {
        return influencedRevenue;
    }

    /** The partner's deals created in the period. */
    public long dealsCreated() {
        return dealsCreated;
    }

    /** The partner's deals won in the period. */
    public long dealsWon() {
        return dealsWon;
    }

    /** Won over closed in the period, a fraction, or {@code null} when none closed. */
    public @Nullable BigDecimal winRate() {
        return winRate;
    }

    /** The average amount of its deals won in the period, or {@code null}. */
    public @Nullable BigDecimal averageDealSize() {
        return averageDealSize;
    }

    /** The average days from creation to close of its deals won, or {@code null}. */
    public @Nullable BigDecimal salesCycleDays() {
        return salesCycleDays;
    }

    /** The fraction of its sourced customers still customers after 6 months, or {@code null}. */
    public @Nullable BigDecimal retention6Months() {
        return retention6Months;
    }

    /** The same after 12 months, or {@code null}. */
    public @Nullable BigDecimal retention12Months() {
        return retention12Months;
    }

    /** Its sourced and influenced pipeline for each of the 12 months up to the period's end. */
    public List<MonthlyPipeline> pipeline() {
        return pipeline;
    }

    /** Its introduction funnel, from {@link dev.ecosystem.intro.Introductions#funnel}. */
    public FunnelCounts introductions() {
        return introductions;
    }

    /** What its referrals (deal registrations) did, from {@link dev.ecosystem.referral.Referrals#counts}. */
    public RegistrationCounts registrations() {
        return registrations;
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

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Scorecard that && partner.equals(that.partner)
                && partnerName.equals(that.partnerName)
                && period.equals(that.period)
                && generatedOn.equals(that.generatedOn)
                && sourcedPipeline.equals(that.sourcedPipeline)
                && influencedPipeline.equals(that.influencedPipeline)
                && sourcedRevenue.equals(that.sourcedRevenue)
                && influencedRevenue.equals(that.influencedRevenue)
                && dealsCreated == that.dealsCreated
                && dealsWon == that.dealsWon
                && Objects.equals(winRate, that.winRate)
                && Objects.equals(averageDealSize, that.averageDealSize)
                && Objects.equals(salesCycleDays, that.salesCycleDays)
                && Objects.equals(retention6Months, that.retention6Months)
                && Objects.equals(retention12Months, that.retention12Months)
                && pipeline.equals(that.pipeline)
                && introductions.equals(that.introductions)
                && registrations.equals(that.registrations);
    }

    @Override
    public int hashCode() {
        return Objects.hash(partner, partnerName, period, generatedOn, sourcedPipeline, influencedPipeline,
                sourcedRevenue, influencedRevenue, dealsCreated, dealsWon, winRate, averageDealSize, salesCycleDays,
                retention6Months, retention12Months, pipeline, introductions, registrations);
    }

    /** Every figure, as a record would show them. */
    @Override
    public String toString() {
        return "Scorecard[partner=" + partner + ", partnerName=" + partnerName + ", period=" + period
                + ", generatedOn=" + generatedOn + ", sourcedPipeline=" + sourcedPipeline
                + ", influencedPipeline=" + influencedPipeline + ", sourcedRevenue=" + sourcedRevenue
                + ", influencedRevenue=" + influencedRevenue + ", dealsCreated=" + dealsCreated
                + ", dealsWon=" + dealsWon + ", winRate=" + winRate + ", averageDealSize=" + averageDealSize
                + ", salesCycleDays=" + salesCycleDays + ", retention6Months=" + retention6Months
                + ", retention12Months=" + retention12Months + ", pipeline=" + pipeline
                + ", introductions=" + introductions + ", registrations=" + registrations + "]";
    }

    /** Collects a {@link Scorecard}'s figures; {@link #build()} validates them. Not thread-safe. */
    public static final class Builder {
        private @Nullable CompanyId partner;
        private @Nullable String partnerName;
        private @Nullable ReportPeriod period;
        private @Nullable LocalDate generatedOn;
        private @Nullable Money sourcedPipeline;
        private @Nullable Money influencedPipeline;
        private @Nullable Money sourcedRevenue;
        private @Nullable Money influencedRevenue;
        private long dealsCreated;
        private long dealsWon;
        private @Nullable BigDecimal winRate;
        private @Nullable BigDecimal averageDealSize;
        private @Nullable BigDecimal salesCycleDays;
        private @Nullable BigDecimal retention6Months;
        private @Nullable BigDecimal retention12Months;
        private @Nullable List<MonthlyPipeline> pipeline = List.of();
        private @Nullable FunnelCounts introductions;
        private @Nullable RegistrationCounts registrations;

        private Builder() {
        }

        /** Sets the partner. */
        public Builder partner(CompanyId partner) {
            this.partner = partner;
            return this;
        }

        /** Sets the partner's display name. */
        public Builder partnerName(String partnerName) {
            this.partnerName = partnerName;
            return this;
        }

        /** Sets the period. */
        public Builder period(ReportPeriod period) {
            this.period = period;
            return this;
        }

        /** Sets the day it was computed. */
        public Builder generatedOn(LocalDate generatedOn) {
            this.generatedOn = generatedOn;
            return this;
        }

        /** Sets sourced credit on deals created in the period. */
        public Builder sourcedPipeline(Money sourcedPipeline) {
            this.sourcedPipeline = sourcedPipeline;
            return this;
        }

        /** Sets influenced credit on deals created in the period. */
        public Builder influencedPipeline(Money influencedPipeline) {
            this.influencedPipeline = influencedPipeline;
            return this;
        }

        /** Sets sourced credit on deals won in the period. */
        public Builder sourcedRevenue(Money sourcedRevenue) {
            this.sourcedRevenue = sourcedRevenue;
            return this;
        }

        /** Sets influenced credit on deals won in the period. */
        public Builder influencedRevenue(Money influencedRevenue) {
            this.influencedRevenue = influencedRevenue;
            return this;
        }

        /** Sets the partner's deals created in the period. */
        public Builder dealsCreated(long dealsCreated) {
            this.dealsCreated = dealsCreated;
            return this;
        }

        /** Sets the partner's deals won in the period. */
        public Builder dealsWon(long dealsWon) {
            this.dealsWon = dealsWon;
            return this;
        }

        /** Sets won over closed in the period, a fraction, or {@code null} when none closed. */
        public Builder winRate(@Nullable BigDecimal winRate) {
            this.winRate = winRate;
            return this;
        }

        /** Sets the average amount of its deals won in the period, or {@code null}. */
        public Builder averageDealSize(@Nullable BigDecimal averageDealSize) {
            this.averageDealSize = averageDealSize;
            return this;
        }

        /** Sets the average days from creation to close of its deals won, or {@code null}. */
        public Builder salesCycleDays(@Nullable BigDecimal salesCycleDays) {
            this.salesCycleDays = salesCycleDays;
            return this;
        }

        /** Sets the fraction of its sourced customers still customers after 6 months, or {@code null}. */
        public Builder retention6Months(@Nullable BigDecimal retention6Months) {
            this.retention6Months = retention6Months;
            return this;
        }

        /** Sets the same after 12 months, or {@code null}. */
        public Builder retention12Months(@Nullable BigDecimal retention12Months) {
            this.retention12Months = retention12Months;
            return this;
        }

        /** Sets its sourced and influenced pipeline for each of the 12 months up to the period's end. */
        public Builder pipeline(List<MonthlyPipeline> pipeline) {
            this.pipeline = pipeline;
            return this;
        }

        /** Sets its introduction funnel, from {@link dev.ecosystem.intro.Introductions#funnel}. */
        public Builder introductions(FunnelCounts introductions) {
            this.introductions = introductions;
            return this;
        }

        /** Sets what its referrals (deal registrations) did, from {@link dev.ecosystem.referral.Referrals#counts}. */
        public Builder registrations(RegistrationCounts registrations) {
            this.registrations = registrations;
            return this;
        }

        /**
         * The scorecard.
         *
         * @throws dev.ecosystem.error.ValidationException when a required figure is missing or the name is blank
         */
        public Scorecard build() {
            return new Scorecard(this);
        }
    }
}
