package dev.ecosystem.model;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.overlap.OverlapSettings;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one company shows one partner of each of its populations. A policy is one-way: it says only what its owner
 * shows; the partner's own policy says what the partner shows back. Populations without a rule are hidden.
 *
 * <p><b>Counts are noised, because a minimum count alone can be bypassed.</b> The partner controls its own
 * populations through its own CRM, so it can put four known overlaps plus one probe account in a row and read the
 * probe's membership from whether a cell shows 5 or 4 (or from the difference of two rows, or of two syncs).
 * Suppression and rules about the partner's populations cannot stop that. So, unless the policy says
 * {@link Builder#exactCounts()}, every cell of a population shared as {@link Visibility#COUNTS} is released with
 * integer noise: the count of matched companies plus two-sided geometric (discrete Laplace) noise, clamped at 0,
 * and only then compared with {@link #minimumCount()}. Cells of populations shared as {@link Visibility#RECORDS},
 * records, co-sell lists and the partner's own populations are exact: records reveal membership anyway.
 *
 * <p><b>The guarantee.</b> Each release (the matrix of one pair of snapshot revisions) is
 * {@code epsilon}-differentially private with respect to any one of the owner's accounts: being present or absent,
 * or in a population or not, changes the probability of any matrix the partner can see by a factor of at most
 * {@code e^epsilon}. The noise scale is {@code sensitivity / epsilon}, where the sensitivity is the number of cells
 * one owner account can move by 1: it counts in one matched company only (its domain match, else its name match
 * with the partner's smallest account id), which may lie in all {@code r} of the partner's populations (rows), and
 * it lies in at most one standard population plus its custom ones (columns), so the sensitivity is
 * {@code r x (min(1, standard counts columns) + custom counts columns)}: 3 with the default populations.
 * The noise is a keyed hash (HMAC-SHA256) of a per-partnership secret (generated on first use and kept in the
 * owner's idempotency keys under {@code overlap-noise/secret/<partner>}), both revisions and the cell, so asking
 * again gives the same matrix and averaging repeated asks gains nothing. A sync on either side gives fresh noise, so
 * the partner gets at most {@link OverlapSettings#countReleases()} distinct revision pairs per
 * {@link OverlapSettings#countPeriod()} (stored as idempotency keys {@code overlap-noise/release/<partner>/...}, so
 * every app node shares the budget); beyond it, counts cells come back suppressed until the next period. By basic
 * composition the partner learns at most {@code countReleases x epsilon} about any one account per period.
 *
 * <p><b>Defaults</b> ({@link OverlapSettings}): {@code epsilon} 1 per release, 4 releases per 7 days. With the
 * default populations the noise has scale 3 (standard deviation about 4.2, 95% within about 9), so a cell of 200
 * stays useful while a cell of 5 is mostly noise. A partner guessing one probe account's membership from one release
 * is right with probability at most {@code e / (1 + e)}, about 73%, whatever it did to its own CRM.
 *
 * <p><b>Residual risk.</b> The bound composes: an account probed in all 4 releases of a week is protected only at
 * {@code epsilon} 4 (a guess at most 98% right), and the budget renews every period, so a patient partner gains
 * {@code 4 x epsilon} a week. Large cells remain accurate by design (that is their use), so facts true of many
 * accounts are learned. Two partners that collude, or a partner with several tenants, get a budget each.
 * The noise comes from doubles (a logarithm of a 53-bit uniform), so the bound holds up to floating-point rounding,
 * and it assumes HMAC-SHA256 is a pseudorandom function and the secret stays in the store: whoever can read the
 * owner's idempotency keys can remove the noise (but could read the CRM snapshot anyway).
 * With {@link Builder#exactCounts()} none of this holds: the differencing attack reads memberships one by one.
 *
 * <pre>{@code
 * SharingPolicy policy = SharingPolicy.builder()
 *         .records(Population.CUSTOMERS, "name", "domain")
 *         .records(Population.OPEN_OPPORTUNITIES, "name", "openDeals")
 *         .counts(Population.PROSPECTS)
 *         .minimumCount(3)
 *         .build();
 * }</pre>
 *
 * @param rules the rule of each population that is not hidden
 * @param minimumCount counts below this are shown to the partner as suppressed; 0 shows every count. Applied to the
 *     noisy count, so a suppressed cell says nothing exact either
 * @param exactCounts whether cells of populations shared as counts are exact instead of noised: the owner accepts
 *     that the partner can read its accounts' memberships by differencing (see above)
 */
public record SharingPolicy(Map<Population, Rule> rules, int minimumCount, boolean exactCounts) {
    /** Shares nothing: the policy of a partnership until its owner sets one. */
    public static final SharingPolicy NOTHING = new SharingPolicy(Map.of(), 0);

    /** Field name of a shared account's open deals (amount and stage), for {@link Rule#fields()}. */
    public static final String OPEN_DEALS = "openDeals";

    /** Validates and copies; hidden rules are dropped. */
    public SharingPolicy {
        Checks.noNulls(Checks.required(rules, "rules").keySet(), "rules populations");
        Checks.noNulls(rules.values(), "rules");
        Map<Population, Rule> visible = new TreeMap<>();
        rules.forEach((population, rule) -> {
            if (rule.visibility() != Visibility.HIDDEN) {
                visible.put(population, rule);
            }
        });
        rules = Map.copyOf(visible);
        Checks.range(minimumCount, 0, 1_000_000, "minimumCount");
    }

    /** A policy whose counts are noised (the default), as {@link #SharingPolicy(Map, int, boolean)} with false. */
    public SharingPolicy(Map<Population, Rule> rules, int minimumCount) {
        this(rules, minimumCount, false);
    }

    /** The rule for a population; {@link Visibility#HIDDEN} when none was set. */
    public Rule rule(Population population) {
        return rules.getOrDefault(population, Rule.HIDDEN);
    }

    /** A new builder that hides everything until told otherwise. */
    public static Builder builder() {
        return new Builder();
    }

    /** What the partner sees of a population. */
    public enum Visibility {
        /** Nothing: the population does not appear at all. */
        HIDDEN,
        /**
         * Overlap counts only, noised unless {@link Builder#exactCounts()}, subject to the minimum count; never
         * records.
         */
        COUNTS,
        /** Counts, and the overlapping records with the allow-listed fields. */
        RECORDS
    }

    /**
     * The rule of one population.
     *
     * @param visibility what the partner sees
     * @param fields for {@link Visibility#RECORDS}: the fields the partner may read, by name ({@code name},
     *     {@code domain}, {@code lifecycleStage}, {@code updatedAt}, {@value #OPEN_DEALS} or a CRM property name);
     *     empty otherwise
     */
    public record Rule(Visibility visibility, Set<String> fields) {
        /** Hidden. */
        public static final Rule HIDDEN = new Rule(Visibility.HIDDEN, Set.of());

        /** Validates and copies. */
        public Rule {
            Checks.required(visibility, "visibility");
            Checks.noNulls(fields, "fields");
            Set<String> names = new TreeSet<>();
            for (String field : fields) {
                names.add(Checks.singleLine(field, "shared field name", 200));
            }
            if (visibility != Visibility.RECORDS && !names.isEmpty()) {
                throw new ValidationException("fields can be shared only with visibility RECORDS, but visibility was "
                        + visibility + " with fields " + names);
            }
            fields = Set.copyOf(names);
        }
    }

    /** Builds a {@link SharingPolicy}. */
    public static final class Builder {
        private final Map<Population, Rule> rules = new TreeMap<>();
        private int minimumCount;
        private boolean exactCounts;

        private Builder() {
        }

        /** Hides the population (the default). */
        public Builder hidden(Population population) {
            rules.remove(Checks.required(population, "population"));
            return this;
        }

        /** Shows overlap counts of the population, never its records. */
        public Builder counts(Population population) {
            rules.put(Checks.required(population, "population"), new Rule(Visibility.COUNTS, Set.of()));
            return this;
        }

        /** Shows counts and overlapping records of the population with these fields. */
        public Builder records(Population population, String... fields) {
            Checks.required(fields, "fields");
            rules.put(Checks.required(population, "population"),
                    new Rule(Visibility.RECORDS, Set.copyOf(Arrays.asList(fields))));
            return this;
        }

        /** Counts below {@code minimumCount} are suppressed (0, the default, shows all). */
        public Builder minimumCount(int minimumCount) {
            this.minimumCount = minimumCount;
            return this;
        }

        /**
         * Releases counts-only cells exact instead of noised. Only for a partner trusted with memberships: with exact
         * counts the partner learns whether any account of its choice is in a counts-only population, one sync at a
         * time, whatever the minimum count (see the class comment).
         */
        public Builder exactCounts() {
            this.exactCounts = true;
            return this;
        }

        /** Validates and builds. */
        public SharingPolicy build() {
            return new SharingPolicy(rules, minimumCount, exactCounts);
        }
    }
}
