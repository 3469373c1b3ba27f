package dev.ecosystem.overlap.internal;

import dev.ecosystem.model.Match;
import dev.ecosystem.model.MatchExplanation;
import dev.ecosystem.model.MatchExplanation.Rule;
import dev.ecosystem.overlap.OverlapSettings;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The one decision both the join and {@code explain} use: do two accounts match, how, and why. Two registrable
 * domains decide alone (equal: a match; different: none), but for domains that differ in their public suffix only
 * ({@code acme.com}, {@code acme.de}); there, and where at least one account has no usable domain (none, malformed,
 * or generic such as a {@code linkedin.com/company/...} page), the names decide ({@link NameComparison}).
 */
final class MatchRule {
    private final OverlapSettings settings;
    private final NameRules nameRules;

    MatchRule(OverlapSettings settings, NameRules nameRules) {
        this.settings = settings;
        this.nameRules = nameRules;
    }

    /** The match of two accounts, or {@code null}. */
    @Nullable Match match(AccountFacts a, AccountFacts b) {
        return explain(a, b).match();
    }

    /** Why two accounts match or not. */
    MatchExplanation explain(AccountFacts a, AccountFacts b) {
        String domainA = describe(a);
        String domainB = describe(b);
        if (a.domain() != null && b.domain() != null) {
            if (a.domain().equals(b.domain())) {
                return new MatchExplanation(new Match(Match.Method.DOMAIN, 1.0, a.domain()), domainA, domainB,
                        a.name(), b.name(), 0, "both have the registrable domain " + a.domain(), Rule.SAME_DOMAIN,
                        List.of(), List.of());
            }
            if (!settings.nameMatching()
                    || !AccountColumns.label(a.domain()).equals(AccountColumns.label(b.domain()))) {
                return new MatchExplanation(null, domainA, domainB, a.name(), b.name(), 0,
                        "their registrable domains differ; names are compared only where a domain is missing or "
                        + "generic, or where the domains differ in their public suffix only", Rule.DIFFERENT_DOMAINS,
                        List.of(), List.of());
            }
            NameComparison.Verdict verdict = NameComparison.compare(a.name(), b.name(), settings.nameThreshold(),
                    nameRules);
            return new MatchExplanation(verdict.matched() ? new Match(Match.Method.NAME, verdict.confidence(),
                    a.name()) : null, domainA, domainB, a.name(), b.name(), verdict.confidence(), "the domains "
                    + a.domain() + " and " + b.domain() + " differ in their public suffix only (a company in another "
                    + "country, or another company), so the names decide: " + verdict.reason(), verdict.rule(),
                    verdict.same(), verdict.different());
        }
        if (!settings.nameMatching()) {
            return new MatchExplanation(null, domainA, domainB, a.name(), b.name(), 0,
                    "at least one has no usable domain and name matching is off", Rule.NAME_MATCHING_OFF, List.of(),
                    List.of());
        }
        NameComparison.Verdict verdict = NameComparison.compare(a.name(), b.name(), settings.nameThreshold(),
                nameRules);
        Match match = verdict.matched() ? new Match(Match.Method.NAME, verdict.confidence(), a.name()) : null;
        String reason = (a.domain() == null || b.domain() == null) && !verdict.rule().equals(Rule.EMPTY_NAME)
                ? "at least one has no usable domain, so the names decide: " + verdict.reason() : verdict.reason();
        return new MatchExplanation(match, domainA, domainB, a.name(), b.name(), verdict.confidence(), reason,
                verdict.rule(), verdict.same(), verdict.different());
    }

    private static String describe(AccountFacts facts) {
        return facts.domain() != null ? facts.domain() : facts.outcome().description();
    }
}
