package dev.ecosystem.navigator;

import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.Criterion;
import java.util.List;

/**
 * One criterion's part of a {@link PartnerMatch}: the points it added to the score and why.
 *
 * @param criterion the criterion
 * @param points the points it contributes to the 0..100 score (the points of all criteria add up to the score)
 * @param matched what the candidate has that the profile asked for, such as {@code business:martech},
 *     {@code industry:saas} or {@code shared-customers:12}
 * @param missing what the profile asked for and the candidate lacks, such as {@code business:crm} or
 *     {@code competes:email-marketing}
 */
public record CriterionScore(Criterion criterion, double points, List<String> matched, List<String> missing) {
    /** Copies the lists. */
    public CriterionScore {
        Checks.required(criterion, "criterion");
        matched = Checks.copyNoNulls(matched, "matched");
        missing = Checks.copyNoNulls(missing, "missing");
    }
}
