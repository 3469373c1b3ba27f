package dev.ecosystem.model;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The tier review of one program for one period, as recorded: every partner of the program's type with its figures
 * and its tier before and after, and the promotions and demotions that followed. A period is reviewed once;
 * reviewing it again returns this record unchanged.
 *
 * @param vendor the company that runs the program
 * @param program the program
 * @param programVersion the version of the terms whose tiers were applied
 * @param from the period's first day (UTC)
 * @param toExclusive the day after the period's last day
 * @param at when the review ran
 * @param by who ran it: {@code evaluation} for the SDK's own review
 * @param assessments one per partner, in ascending partner id order
 * @param changes the promotions and demotions, in ascending partner id order
 */
public record TierReview(CompanyId vendor, ProgramId program, int programVersion, LocalDate from,
        LocalDate toExclusive, Instant at, String by, List<TierAssessment> assessments, List<TierChange> changes) {
    /** Validates and copies. */
    public TierReview {
        Checks.required(vendor, "review vendor");
        Checks.required(program, "review program");
        Checks.range(programVersion, 1, Integer.MAX_VALUE, "review programVersion");
        Checks.required(from, "review from");
        Checks.required(toExclusive, "review toExclusive");
        if (!toExclusive.isAfter(from)) {
            throw new ValidationException("review toExclusive must be after from " + from + ", but was "
                    + toExclusive);
        }
        Checks.required(at, "review at");
        by = Checks.singleLine(by, "review by", 200);
        assessments = List.copyOf(Checks.noNulls(assessments, "review assessments"));
        changes = List.copyOf(Checks.noNulls(changes, "review changes"));
    }
}
