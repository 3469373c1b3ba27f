package dev.ecosystem.model;

import dev.ecosystem.overlap.Overlaps;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Why two accounts match or not, from {@link Overlaps#explain}: the rule that decided, and the words of the
 * normalized names that are the same and those that differ.
 *
 * <pre>{@code
 * MatchExplanation why = overlaps.explain(a, b);
 * // rule TYPO, sameWords [valley, natl], differentWords [riverside ~ rverside]
 * }</pre>
 *
 * @param match how they match, or {@code null} when they do not
 * @param domainA the registrable domain of the first account, or what was wrong with its domain
 * @param domainB the same for the second account
 * @param nameA the first account's normalized name (words separated by one space)
 * @param nameB the second account's normalized name
 * @param nameSimilarity the confidence of the name rule that matched (0 to 1), or 0 when the names did not match or
 *     were not compared
 * @param reason one sentence saying why
 * @param rule the rule that decided
 * @param sameWords the words both normalized names have (empty when names were not compared)
 * @param differentWords the words that differ: {@code a ≠ b} for two words at the same place, {@code a ~ b} for a
 *     typo, {@code +word} for a word only one name has
 */
public record MatchExplanation(@Nullable Match match, String domainA, String domainB, String nameA, String nameB,
        double nameSimilarity, String reason, Rule rule, List<String> sameWords, List<String> differentWords) {
    /** Copies the word lists. */
    public MatchExplanation {
        sameWords = List.copyOf(sameWords);
        differentWords = List.copyOf(differentWords);
    }

    /** An explanation that names no rule ({@link Rule#UNSPECIFIED}) and no words, as stored before rules were named. */
    public MatchExplanation(@Nullable Match match, String domainA, String domainB, String nameA, String nameB,
            double nameSimilarity, String reason) {
        this(match, domainA, domainB, nameA, nameB, nameSimilarity, reason, Rule.UNSPECIFIED, List.of(), List.of());
    }

    /** Whether the two accounts match. */
    public boolean matched() {
        return match != null;
    }

    /** The rule that decided whether two accounts match. */
    public enum Rule {
        /** Both have the same registrable domain: a match, confidence 1. */
        SAME_DOMAIN,
        /** Both have a registrable domain and they differ: no match, names are not compared. */
        DIFFERENT_DOMAINS,
        /** At least one has no usable domain and name matching is off. */
        NAME_MATCHING_OFF,
        /** At least one normalized name is empty. */
        EMPTY_NAME,
        /** The normalized names are equal: a match. */
        SAME_NAME,
        /** The normalized names have the same letters, spaced differently ("Pioneer Solar", "PioneerSolar"). */
        SAME_LETTERS,
        /** The names have the same words but one long word with one typo ("Riverside", "Rverside"): a match. */
        TYPO,
        /** One name has a word more or less: a name that merely starts with another is another company. */
        WORD_COUNT_DIFFERS,
        /** A word under six letters differs ("Bank", "Tank"): one letter makes another word. */
        SHORT_WORD_DIFFERS,
        /** A distinguishing word (an industry, such as "Dental" and "Rental") differs. */
        DISTINGUISHING_WORD_DIFFERS,
        /** More than one word differs, or a word differs by more than one typo. */
        WORDS_DIFFER,
        /** A name rule matched, but its confidence is below the configured threshold. */
        BELOW_THRESHOLD,
        /** Made without naming its rule (explanations built by hand or stored before rules were named). */
        UNSPECIFIED
    }
}
