package dev.ecosystem.overlap;

import dev.ecosystem.ValidationException;
import dev.ecosystem.internal.Checks;
import dev.ecosystem.model.Population;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one company shows one partner of each of its populations. A policy is one-way: it says only what its owner
 * shows; the partner's own policy says what the partner shows back. Populations without a rule are hidden.
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
 * @param minimumCount counts below this are shown to the partner as suppressed; 0 shows every count
 */
public record SharingPolicy(Map<Population, Rule> rules, int minimumCount) {
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
        /** Overlap counts only (subject to the minimum count), never records. */
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

        /** Validates and builds. */
        public SharingPolicy build() {
            return new SharingPolicy(rules, minimumCount);
        }
    }
}
