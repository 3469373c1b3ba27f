package dev.ecosystem.model;

import java.util.EnumMap;
import java.util.Map;

/**
 * The criteria of an {@link IdealPartnerProfile}. Each has a weight from 0 to 100 (0 turns it off); a criterion
 * that has nothing to compare (no preferred tags, a searcher without industries...) does not count, so the score of
 * a match is always its share of what could be matched, from 0 to 100.
 */
public enum Criterion {
    /** Preferred business tags, each with its own weight. */
    BUSINESS_TAGS,
    /** Preferred role tags, each with its own weight; a company has the role tags of its people. */
    ROLE_TAGS,
    /** Industries served in common with the searcher's own. */
    INDUSTRIES,
    /** Regions served in common with the searcher's own. */
    REGIONS,
    /** The candidate's size band is one of the wanted bands (by default the searcher's own). */
    SIZE_BANDS,
    /**
     * A product category upstream or downstream of one of the searcher's, per the host's category relations, and
     * no head-on competition: a candidate with the searcher's primary category scores nothing here.
     */
    COMPLEMENTARITY,
    /** Preferred commercial motivation signals (such as {@code runs-partner-program}), each with its own weight. */
    SIGNALS,
    /** Customers shared with the searcher, where the host's overlap signal knows them; more scores higher. */
    OVERLAP;

    /** The weights a profile of {@code type} starts with; change them with the profile builder. */
    static Map<Criterion, Integer> defaultWeights(PartnerType type) {
        Map<Criterion, Integer> weights = new EnumMap<>(Criterion.class);
        // Technology partners are chosen for fit of product; referral partners for reach into the same customers.
        int[] values = switch (type) {
            case TECHNOLOGY -> new int[] {40, 10, 10, 5, 5, 20, 5, 5};
            case SERVICES -> new int[] {35, 10, 20, 15, 10, 0, 5, 5};
            case REFERRAL -> new int[] {30, 10, 15, 10, 5, 5, 10, 15};
            case ALLIANCE -> new int[] {30, 10, 15, 15, 10, 10, 5, 5};
        };
        for (Criterion criterion : values()) {
            weights.put(criterion, values[criterion.ordinal()]);
        }
        return weights;
    }
}
