package dev.ecosystem.overlap;

import org.jspecify.annotations.Nullable;

/**
 * Why two accounts match or not, from {@link Overlaps#explain}.
 *
 * @param match how they match, or {@code null} when they do not
 * @param domainA the registrable domain of the first account, or what was wrong with its domain
 * @param domainB the same for the second account
 * @param nameA the first account's normalized name
 * @param nameB the second account's normalized name
 * @param nameSimilarity similarity of the normalized names (1 - Levenshtein distance / longer length) (0 to 1), or 0 when names were not compared
 * @param reason one sentence saying why
 */
public record MatchExplanation(@Nullable Match match, String domainA, String domainB, String nameA, String nameB,
        double nameSimilarity, String reason) {
    /** Whether the two accounts match. */
    public boolean matched() {
        return match != null;
    }
}
