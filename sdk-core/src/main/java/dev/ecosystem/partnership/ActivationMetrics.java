package dev.ecosystem.partnership;

import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.PartnerType;
import java.time.YearMonth;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Activation figures of one partner type of a vendor: of the partners recruited in a period, how many activated and
 * how fast, per monthly cohort; and how many partners of the type are active and dormant now.
 *
 * @param type the partner type
 * @param recruited partners recruited in the period (their record became RECRUITED on a day in it)
 * @param activated how many of them became ACTIVE (by now)
 * @param medianDaysToActivation the median of whole days from recruitment to activation of those activated, or
 *     {@code null} when none activated
 * @param meanDaysToActivation the mean of the same, or {@code null} when none activated
 * @param cohorts one entry per month of recruitment that has recruits, in month order
 * @param active partners of the type whose record is ACTIVE now, whenever recruited
 * @param dormant of those, how many are flagged dormant
 */
public record ActivationMetrics(PartnerType type, int recruited, int activated,
        @Nullable Double medianDaysToActivation, @Nullable Double meanDaysToActivation, List<Cohort> cohorts,
        int active, int dormant) {

    /** Validates and copies. */
    public ActivationMetrics {
        Checks.required(type, "type");
        cohorts = List.copyOf(Checks.noNulls(cohorts, "cohorts"));
    }

    /** The share of recruits that activated, from 0 to 1; 0 without recruits. */
    public double activationRate() {
        return recruited == 0 ? 0 : (double) activated / recruited;
    }

    /**
     * The partners recruited in one month.
     *
     * @param month the month of recruitment
     * @param recruited how many were recruited in it
     * @param activated how many of them activated (by now)
     */
    public record Cohort(YearMonth month, int recruited, int activated) {
        /** Validates. */
        public Cohort {
            Checks.required(month, "cohort month");
        }

        /** The share of the cohort that activated, from 0 to 1; 0 without recruits. */
        public double activationRate() {
            return recruited == 0 ? 0 : (double) activated / recruited;
        }
    }
}
