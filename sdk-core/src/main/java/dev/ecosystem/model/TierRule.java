package dev.ecosystem.model;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A tier of a program and what qualifies a partner for it in a period: every threshold met (at least the value).
 * A program lists its tiers from the lowest to the highest; a partner holds the highest tier it qualifies for.
 *
 * @param tier the tier's name, as commission plans' tier rates name it, such as {@code gold}
 * @param thresholds the least value of each metric, all of which must be met; empty for an entry tier
 */
public record TierRule(String tier, Map<TierMetric, BigDecimal> thresholds) {
    /** Validates and copies: a one-line name of at most 100 characters, thresholds not negative. */
    public TierRule {
        tier = Checks.singleLine(tier, "tier", 100);
        Checks.required(thresholds, "tier thresholds");
        Map<TierMetric, BigDecimal> copy = new EnumMap<>(TierMetric.class);
        for (Map.Entry<TierMetric, BigDecimal> threshold : thresholds.entrySet()) {
            TierMetric metric = Checks.required(threshold.getKey(), "tier threshold metric");
            BigDecimal least = Checks.required(threshold.getValue(), "tier threshold of " + metric);
            if (least.signum() < 0) {
                throw new ValidationException("tier " + tier + " threshold of " + metric
                        + " must not be negative, but was " + least);
            }
            copy.put(metric, least);
        }
        thresholds = Collections.unmodifiableMap(copy);
    }

    /** A tier with one threshold, such as {@code TierRule.of("gold", TierMetric.SOURCED_REVENUE, "100000")}. */
    public static TierRule of(String tier, TierMetric metric, String least) {
        Checks.required(least, "tier threshold of " + metric);
        try {
            return new TierRule(tier, Map.of(Checks.required(metric, "tier threshold metric"),
                    new BigDecimal(least.strip())));
        } catch (NumberFormatException e) {
            throw new ValidationException("tier " + tier + " threshold of " + metric
                    + " must be a decimal number such as 100000 or 2.5, but was " + Checks.quote(least), e);
        }
    }
}
