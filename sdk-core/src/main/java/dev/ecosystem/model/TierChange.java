package dev.ecosystem.model;

import dev.ecosystem.internal.base.Checks;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A promotion or demotion of a partner, as a tier review recorded it: the partner's tier history is a list of these.
 *
 * @param program the program whose tiers changed
 * @param partner the partner
 * @param from the tier before, or {@code null} for none
 * @param to the tier after, or {@code null} for none
 * @param promoted whether {@code to} ranks above {@code from} in the program's tiers (else a demotion)
 * @param periodFrom the first day of the period evaluated
 * @param periodToExclusive the day after the period's last day
 * @param metrics the partner's figures for the period
 * @param at when the review ran
 * @param by who ran it: {@code evaluation} for the SDK's own review
 */
public record TierChange(ProgramId program, CompanyId partner, @Nullable String from, @Nullable String to,
        boolean promoted, LocalDate periodFrom, LocalDate periodToExclusive, Map<TierMetric, BigDecimal> metrics,
        Instant at, String by) {
    /** Validates and copies. */
    public TierChange {
        Checks.required(program, "change program");
        Checks.required(partner, "change partner");
        Checks.required(periodFrom, "change periodFrom");
        Checks.required(periodToExclusive, "change periodToExclusive");
        metrics = new TierAssessment(partner, metrics, from, to).metrics();
        Checks.required(at, "change at");
        by = Checks.singleLine(by, "change by", 200);
    }
}
