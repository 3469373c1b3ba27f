package dev.ecosystem.overlap.internal;

import dev.ecosystem.overlap.Match;
import dev.ecosystem.overlap.MatchExplanation;
import dev.ecosystem.overlap.OverlapSettings;
import org.jspecify.annotations.Nullable;

/** The one decision both the join and {@code explain} use: do two accounts match, how, and why. */
final class MatchRule {
    private final OverlapSettings settings;

    MatchRule(OverlapSettings settings) {
        this.settings = settings;
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
                        a.name(), b.name(), 0, "both have the registrable domain " + a.domain());
            }
            return new MatchExplanation(null, domainA, domainB, a.name(), b.name(), 0,
                    "their registrable domains differ; names are compared only where a domain is missing or generic");
        }
        if (!settings.nameMatching()) {
            return new MatchExplanation(null, domainA, domainB, a.name(), b.name(), 0,
                    "at least one has no usable domain and name matching is off");
        }
        if (a.name().isEmpty() || b.name().isEmpty()) {
            return new MatchExplanation(null, domainA, domainB, a.name(), b.name(), 0,
                    "at least one name is empty once case, punctuation and legal forms are removed");
        }
        if (!NameNormalizer.block(a.name()).equals(NameNormalizer.block(b.name()))) {
            return new MatchExplanation(null, domainA, domainB, a.name(), b.name(), 0,
                    "the normalized names start differently (first three letters), so they are not compared");
        }
        double similarity = NameNormalizer.similarity(a.name(), b.name());
        if (similarity >= settings.nameThreshold()) {
            return new MatchExplanation(new Match(Match.Method.NAME, similarity, a.name()), domainA, domainB,
                    a.name(), b.name(), similarity, String.format(java.util.Locale.ROOT,
                            "at least one has no usable domain and the names are %.3f similar (threshold %.3f)",
                            similarity, settings.nameThreshold()));
        }
        return new MatchExplanation(null, domainA, domainB, a.name(), b.name(), similarity,
                String.format(java.util.Locale.ROOT, "the names are only %.3f similar (threshold %.3f)", similarity,
                        settings.nameThreshold()));
    }

    private static String describe(AccountFacts facts) {
        return facts.domain() != null ? facts.domain() : facts.outcome().description();
    }
}
