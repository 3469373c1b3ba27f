package dev.ecosystem.model;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a company looks for in partners of one type: tags it requires, prefers (with a weight each) and excludes,
 * and how much each {@link Criterion} counts. Immutable; build one with {@link #builder(PartnerType)}.
 *
 * <pre>{@code
 * IdealPartnerProfile profile = IdealPartnerProfile.builder(PartnerType.TECHNOLOGY)
 *         .requireBusiness("saas")
 *         .preferBusiness("martech", 3)
 *         .preferBusiness("crm", 2)
 *         .preferRole("partnerships", 1)
 *         .excludeBusiness("agency")
 *         .preferSignal("runs-partner-program", 2)
 *         .weight(Criterion.INDUSTRIES, 15)
 *         .includeExistingPartners(false)
 *         .build();
 * }</pre>
 *
 * <p>Industries, regions and product categories are compared with the searcher's own profile; size bands too,
 * unless {@link Builder#sizeBands} names the wanted ones.
 */
public final class IdealPartnerProfile {
    /** The largest criterion weight. */
    public static final int MAX_WEIGHT = 100;
    /** The largest weight of one preferred tag or signal. */
    public static final int MAX_TAG_WEIGHT = 10;

    private final PartnerType partnerType;
    private final SortedSet<Tag> required;
    private final SortedMap<Tag, Integer> preferred;
    private final SortedSet<Tag> excluded;
    private final SortedMap<String, Integer> preferredSignals;
    private final Set<SizeBand> sizeBands;
    private final Map<Criterion, Integer> weights;
    private final int overlapTarget;
    private final boolean includeExistingPartners;

    private IdealPartnerProfile(Builder builder) {
        this.partnerType = builder.partnerType;
        this.required = Collections.unmodifiableSortedSet(new TreeSet<>(builder.required));
        this.preferred = Collections.unmodifiableSortedMap(new TreeMap<>(builder.preferred));
        this.excluded = Collections.unmodifiableSortedSet(new TreeSet<>(builder.excluded));
        this.preferredSignals = Collections.unmodifiableSortedMap(new TreeMap<>(builder.preferredSignals));
        this.sizeBands = Collections.unmodifiableSet(builder.sizeBands.isEmpty()
                ? EnumSet.noneOf(SizeBand.class) : EnumSet.copyOf(builder.sizeBands));
        this.weights = Collections.unmodifiableMap(new EnumMap<>(builder.weights));
        this.overlapTarget = builder.overlapTarget;
        this.includeExistingPartners = builder.includeExistingPartners;
    }

    /** Starts a profile for partners of {@code type}, with that type's default criterion weights. */
    public static Builder builder(PartnerType type) {
        return new Builder(Checks.required(type, "partnerType"));
    }

    /** The kind of partner this profile describes. */
    public PartnerType partnerType() {
        return partnerType;
    }

    /** Tags a candidate must have (directly or through the taxonomy). */
    public SortedSet<Tag> required() {
        return required;
    }

    /** Preferred tags and their weights (1 to {@value #MAX_TAG_WEIGHT}). */
    public SortedMap<Tag, Integer> preferred() {
        return preferred;
    }

    /** Tags a candidate must not have. */
    public SortedSet<Tag> excluded() {
        return excluded;
    }

    /** Preferred commercial motivation signals and their weights (1 to {@value #MAX_TAG_WEIGHT}). */
    public SortedMap<String, Integer> preferredSignals() {
        return preferredSignals;
    }

    /** The wanted size bands; empty means the searcher's own. */
    public Set<SizeBand> sizeBands() {
        return sizeBands;
    }

    /** The weight of a criterion, 0 to {@value #MAX_WEIGHT}. */
    public int weight(Criterion criterion) {
        // Every criterion has a weight: the builder starts from the partner type's defaults.
        return Objects.requireNonNull(weights.get(Checks.required(criterion, "criterion")));
    }

    /** Shared customers at which {@link Criterion#OVERLAP} gives full points. */
    public int overlapTarget() {
        return overlapTarget;
    }

    /** Whether companies the searcher already partners with are candidates too. */
    public boolean includeExistingPartners() {
        return includeExistingPartners;
    }

    /** Equal when every field is: a stored profile reads back equal to the one saved. */
    @Override
    public boolean equals(Object other) {
        return other instanceof IdealPartnerProfile p && p.partnerType == partnerType && p.required.equals(required)
                && p.preferred.equals(preferred) && p.excluded.equals(excluded)
                && p.preferredSignals.equals(preferredSignals) && p.sizeBands.equals(sizeBands)
                && p.weights.equals(weights) && p.overlapTarget == overlapTarget
                && p.includeExistingPartners == includeExistingPartners;
    }

    @Override
    public int hashCode() {
        return Objects.hash(partnerType, required, preferred, excluded, preferredSignals, sizeBands, weights,
                overlapTarget, includeExistingPartners);
    }

    @Override
    public String toString() {
        return "IdealPartnerProfile[" + partnerType + ", required=" + required + ", preferred=" + preferred
                + ", excluded=" + excluded + ", signals=" + preferredSignals + ", sizeBands=" + sizeBands
                + ", weights=" + weights + ", overlapTarget=" + overlapTarget + ", includeExistingPartners="
                + includeExistingPartners + "]";
    }

    /** Collects the profile; {@link #build()} checks it as a whole. Tag values are normalized like {@link Tag}. */
    public static final class Builder {
        private final PartnerType partnerType;
        private final Set<Tag> required = new TreeSet<>();
        private final Map<Tag, Integer> preferred = new TreeMap<>();
        private final Set<Tag> excluded = new TreeSet<>();
        private final Map<String, Integer> preferredSignals = new TreeMap<>();
        private final Set<SizeBand> sizeBands = EnumSet.noneOf(SizeBand.class);
        private final Map<Criterion, Integer> weights;
        private int overlapTarget = 25;
        private boolean includeExistingPartners;

        private Builder(PartnerType partnerType) {
            this.partnerType = partnerType;
            this.weights = Criterion.defaultWeights(partnerType);
        }

        /** Candidates must have these business tags. */
        public Builder requireBusiness(String... values) {
            for (String value : Checks.required(values, "required business tags")) {
                require(Tag.business(value));
            }
            return this;
        }

        /** Candidates must have these role tags (on one of their people). */
        public Builder requireRole(String... values) {
            for (String value : Checks.required(values, "required role tags")) {
                require(Tag.role(value));
            }
            return this;
        }

        /** Candidates must have this tag. */
        public Builder require(Tag tag) {
            required.add(Checks.required(tag, "required tag"));
            return this;
        }

        /** Prefers candidates with this business tag; {@code weight} from 1 to {@value #MAX_TAG_WEIGHT}. */
        public Builder preferBusiness(String value, int weight) {
            return prefer(Tag.business(value), weight);
        }

        /** Prefers candidates with this role tag; {@code weight} from 1 to {@value #MAX_TAG_WEIGHT}. */
        public Builder preferRole(String value, int weight) {
            return prefer(Tag.role(value), weight);
        }

        /** Prefers candidates with this tag; {@code weight} from 1 to {@value #MAX_TAG_WEIGHT}. */
        public Builder prefer(Tag tag, int weight) {
            Checks.required(tag, "preferred tag");
            preferred.put(tag, Checks.range(weight, 1, MAX_TAG_WEIGHT, "weight of preferred tag " + tag));
            return this;
        }

        /** Candidates must not have these business tags. */
        public Builder excludeBusiness(String... values) {
            for (String value : Checks.required(values, "excluded business tags")) {
                exclude(Tag.business(value));
            }
            return this;
        }

        /** Candidates must not have these role tags. */
        public Builder excludeRole(String... values) {
            for (String value : Checks.required(values, "excluded role tags")) {
                exclude(Tag.role(value));
            }
            return this;
        }

        /** Candidates must not have this tag. */
        public Builder exclude(Tag tag) {
            excluded.add(Checks.required(tag, "excluded tag"));
            return this;
        }

        /** Prefers candidates showing this signal; {@code weight} from 1 to {@value #MAX_TAG_WEIGHT}. */
        public Builder preferSignal(String signal, int weight) {
            String value = Tag.normalize(signal, "preferred signal");
            preferredSignals.put(value, Checks.range(weight, 1, MAX_TAG_WEIGHT, "weight of preferred signal "
                    + value));
            return this;
        }

        /** The wanted size bands of candidates; by default the searcher's own. */
        public Builder sizeBands(SizeBand... bands) {
            sizeBands.clear();
            for (SizeBand band : Checks.required(bands, "sizeBands")) {
                sizeBands.add(Checks.required(band, "size band"));
            }
            return this;
        }

        /** How much a criterion counts, 0 (not at all) to {@value #MAX_WEIGHT}. */
        public Builder weight(Criterion criterion, int weight) {
            Checks.required(criterion, "criterion");
            weights.put(criterion, Checks.range(weight, 0, MAX_WEIGHT, "weight of criterion " + criterion));
            return this;
        }

        /** Shared customers at which {@link Criterion#OVERLAP} gives full points, 1 to 1,000,000; default 25. */
        public Builder overlapTarget(int sharedCustomers) {
            overlapTarget = Checks.range(sharedCustomers, 1, 1_000_000, "overlapTarget");
            return this;
        }

        /** Whether companies the searcher already partners with are candidates too; default false. */
        public Builder includeExistingPartners(boolean include) {
            includeExistingPartners = include;
            return this;
        }

        /**
         * Checks the profile as a whole and builds it.
         *
         * @throws ValidationException when it names no required or preferred tag, or a tag is both excluded and
         *     required or preferred
         */
        public IdealPartnerProfile build() {
            if (required.isEmpty() && preferred.isEmpty()) {
                throw new ValidationException("ideal partner profile must require or prefer at least one business "
                        + "or role tag, but had none (excluded: " + excluded + ")");
            }
            for (Tag tag : excluded) {
                if (required.contains(tag)) {
                    throw new ValidationException("ideal partner profile is contradictory: tag " + tag
                            + " is both required and excluded");
                }
                if (preferred.containsKey(tag)) {
                    throw new ValidationException("ideal partner profile is contradictory: tag " + tag
                            + " is both preferred and excluded");
                }
            }
            return new IdealPartnerProfile(this);
        }
    }
}
