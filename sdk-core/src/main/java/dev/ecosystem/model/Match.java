package dev.ecosystem.model;

import dev.ecosystem.internal.base.Checks;

/**
 * How two accounts of two companies were matched: never silently, always with a method and a confidence.
 *
 * @param method by registrable domain or by company name
 * @param confidence 1.0 for a domain match; for a name match, the confidence of the name rule that matched (at or
 *     above the configured threshold), calibrated on the labeled set in {@code benchmarks/}: about that share of such
 *     matches is right there
 * @param key the registrable domain both share, or, for a name match, the acting company's normalized name
 */
public record Match(Method method, double confidence, String key) {
    /** Validates the fields. */
    public Match {
        Checks.required(method, "method");
        Checks.required(key, "key");
        if (!(confidence > 0 && confidence <= 1)) {
            throw new dev.ecosystem.error.ValidationException("confidence must be in (0, 1], but was " + confidence);
        }
    }

    /** How a match was made. */
    public enum Method {
        /** Both accounts have the same registrable domain. */
        DOMAIN,
        /**
         * At least one account has no usable domain (or the domains differ in their public suffix only) and the
         * normalized names match by a name rule.
         */
        NAME
    }
}
