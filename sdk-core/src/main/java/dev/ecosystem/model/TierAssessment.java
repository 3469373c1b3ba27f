package dev.ecosystem.model;

import dev.ecosystem.internal.base.Checks;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One partner's result in a {@link TierReview}: its figures for the period and its tier before and after.
 *
 * @param partner the partner
 * @param metrics the partner's figure of every metric the program's tiers name
 * @param before the partner's tier before the review, or {@code null} for none
 * @param after the tier the review gave it, or {@code null} when it met no tier's thresholds
 */
public record TierAssessment(CompanyId partner, Map<TierMetric, BigDecimal> metrics, @Nullable String before,
        @Nullable String after) {
    /** Validates and copies. */
    public TierAssessment {
        Checks.required(partner, "assessment partner");
        Map<TierMetric, BigDecimal> copy = new EnumMap<>(TierMetric.class);
        Checks.required(metrics, "assessment metrics").forEach((metric, value) ->
                copy.put(Checks.required(metric, "assessment metric"), Checks.required(value, "metric " + metric)));
        metrics = Collections.unmodifiableMap(copy);
    }

    /** Whether the review changed the partner's tier. */
    public boolean changed() {
        return !Objects.equals(before, after);
    }
}
