package dev.ecosystem.model;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What a partner earns on the revenue attributed to it (won deals, credited by the plan's model).
 *
 * <pre>{@code
 * CommissionPlan plan = CommissionPlan.builder("Referral 2025")
 *         .model(AttributionModel.sourced())
 *         .rate(Rate.percent("10"))                 // 10 % of attributed revenue
 *         .tierRate("gold", Rate.percent("15"))      // partners of tier "gold" earn 15 %
 *         .volumeTier("50000", Rate.fraction("0.12")) // from 50,000 of yearly volume on: 12 %
 *         .marginal()                        // only the volume above a threshold earns its rate
 *         .recurringMonths(12)               // deal amounts are annual: 1/12 is earned each month
 *         .annualCap("20000")
 *         .holdDays(30)
 *         .clawbackDays(90)
 *         .build();
 * }</pre>
 *
 * <p>Volume tiers and caps count per calendar year of the earning day, in the reporting currency. With
 * {@link Builder#wholeVolume()}, crossing a threshold lifts the year's earlier earnings to the new rate through
 * tier-adjustment lines. A refund or churn no later than {@code clawbackDays} after the close reverses the deal's
 * earnings so far (in proportion for a partial refund) through clawback lines; a churn also ends recurring
 * earnings. The builder takes rates only as a {@link Rate}, whose factory names the unit ({@code Rate.percent("10")} or
 * {@code Rate.fraction("0.10")}), so a bare {@code "0.10"} cannot be misread; this record's rate components hold
 * percentages ({@code 10} for ten percent). Amounts are rounded half-even to the minor unit.
 *
 * @param name the plan's name, shown on statements
 * @param model the model that credits revenue to partners
 * @param rate the percentage without a tier ({@code 10} for ten percent)
 * @param tierRates percentages by partner tier name
 * @param volumeTiers percentages from a yearly volume threshold on (a threshold of 0 is implied at {@code rate})
 * @param wholeVolume whether a volume tier's rate applies to the whole year's volume (else only above it)
 * @param recurringMonths 0 for one earning at the close, else the number of monthly earnings of 1/12 each
 * @param annualCap the most a partner earns per calendar year, or {@code null} for no cap
 * @param holdDays days an earning is held before it may be paid
 * @param clawbackDays days after the close during which refunds and churns claw back; 0 for none
 */
public record CommissionPlan(
        String name, AttributionModel model, BigDecimal rate, Map<String, BigDecimal> tierRates,
        NavigableMap<BigDecimal, BigDecimal> volumeTiers, boolean wholeVolume, int recurringMonths,
        @Nullable BigDecimal annualCap, int holdDays, int clawbackDays) {

    /** Validates every field. */
    public CommissionPlan {
        name = Checks.singleLine(name, "plan name", 200);
        Checks.required(model, "plan model");
        percentage(rate, "plan rate");
        Checks.required(tierRates, "plan tierRates").forEach((tier, r) -> percentage(r, "tier rate " + tier));
        tierRates = Map.copyOf(tierRates);
        Checks.required(volumeTiers, "plan volumeTiers").forEach((threshold, r) -> {
            if (threshold.signum() <= 0) {
                throw new ValidationException("volume tier threshold must be positive, but was " + threshold);
            }
            percentage(r, "volume tier rate");
        });
        volumeTiers = Collections.unmodifiableNavigableMap(new TreeMap<>(volumeTiers));
        Checks.range(recurringMonths, 0, 120, "plan recurringMonths");
        if (annualCap != null && annualCap.signum() < 0) {
            throw new ValidationException("plan annualCap must not be negative, but was " + annualCap);
        }
        Checks.range(holdDays, 0, 3650, "plan holdDays");
        Checks.range(clawbackDays, 0, 3650, "plan clawbackDays");
    }

    /** Starts a plan at 0 %, sourced model, one earning per deal, no cap, hold or clawback. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The percentage a partner of {@code tier} earns before volume tiers; {@code null} tier means none. */
    public BigDecimal baseRate(@Nullable String tier) {
        return tier == null ? rate : tierRates.getOrDefault(tier, rate);
    }

    private static void percentage(@Nullable BigDecimal value, String field) {
        BigDecimal percentage = Checks.required(value, field);
        if (percentage.signum() < 0 || percentage.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new ValidationException(field + " must be a percentage from 0 to 100, but was " + value);
        }
    }

    /** Builds a {@link CommissionPlan}. */
    public static final class Builder {
        private final String name;
        private AttributionModel model = AttributionModel.sourced();
        private BigDecimal rate = BigDecimal.ZERO;
        private final Map<String, BigDecimal> tierRates = new TreeMap<>();
        private final NavigableMap<BigDecimal, BigDecimal> volumeTiers = new TreeMap<>();
        private boolean wholeVolume;
        private int recurringMonths;
        private @Nullable BigDecimal annualCap;
        private int holdDays;
        private int clawbackDays;

        private Builder(String name) {
            this.name = name;
        }

        /** The model that credits revenue; default {@link AttributionModel#sourced()}. */
        public Builder model(AttributionModel model) {
            this.model = Checks.required(model, "plan model");
            return this;
        }

        /** The rate of attributed revenue, such as {@code Rate.percent("10")} or {@code Rate.fraction("0.075")}. */
        public Builder rate(Rate rate) {
            this.rate = Checks.required(rate, "plan rate").percent();
            return this;
        }

        /** The rate for partners of a tier (the host's tier names, such as {@code "gold"}). */
        public Builder tierRate(String tier, Rate rate) {
            tierRates.put(Checks.singleLine(tier, "tier", 100), Checks.required(rate, "tier rate " + tier).percent());
            return this;
        }

        /** The rate from a yearly volume threshold on (reporting currency, such as {@code "50000"}). */
        public Builder volumeTier(String threshold, Rate rate) {
            volumeTiers.put(Checks.decimal(threshold, "volume tier threshold", "50000"),
                    Checks.required(rate, "volume tier rate").percent());
            return this;
        }

        /** Each volume tier's rate applies only to the volume above its threshold (the default). */
        public Builder marginal() {
            wholeVolume = false;
            return this;
        }

        /** The rate of the highest tier reached applies to the whole year's volume. */
        public Builder wholeVolume() {
            wholeVolume = true;
            return this;
        }

        /** Deal amounts are annual; 1/12 is earned each month for {@code months} months from the close. */
        public Builder recurringMonths(int months) {
            this.recurringMonths = months;
            return this;
        }

        /** The most a partner earns per calendar year (reporting currency). */
        public Builder annualCap(String amount) {
            this.annualCap = Checks.decimal(amount, "plan annualCap", "20000");
            return this;
        }

        /** Days an earning is held before it may be paid. */
        public Builder holdDays(int days) {
            this.holdDays = days;
            return this;
        }

        /** Days after the close during which refunds and churns claw back earnings. */
        public Builder clawbackDays(int days) {
            this.clawbackDays = days;
            return this;
        }

        /** Validates and builds. */
        public CommissionPlan build() {
            return new CommissionPlan(name, model, rate, tierRates, volumeTiers, wholeVolume, recurringMonths,
                    annualCap, holdDays, clawbackDays);
        }
    }
}
