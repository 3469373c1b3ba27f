package dev.ecosystem.navigator;

import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.Criterion;
import java.util.List;

/**
 * A company scored against an ideal partner profile.
 *
 * @param company the candidate's listed profile
 * @param score how well it fits, from 0 to 100; the sum of the criteria's points
 * @param criteria each counted criterion's contribution and explanation, in {@link Criterion} order
 */
public record PartnerMatch(Company company, double score, List<CriterionScore> criteria) {
    /** Copies the list. */
    public PartnerMatch {
        Checks.required(company, "company");
        criteria = Checks.copyNoNulls(criteria, "criteria");
    }
}
