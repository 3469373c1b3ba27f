package dev.ecosystem.overlap.internal;

import dev.ecosystem.model.MatchExplanation.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Whether two normalized names ({@link NameNormalizer}) are the same company's, word by word: the names are the
 * same, or have the same letters spaced differently, or have the same words but one, and that one is long (six
 * letters or more) and differs by one typo ({@link #oneTypo}) that does not turn one
 * {@link NameRules#distinguishing distinguishing} word into another ("Dental", "Rental"). A word more or less is
 * another company ("Alpine Dental" is not "Alpine Dental Group"), and so is a short word that differs ("Valley
 * National Bank" is not "Valley National Tank"). Words in Han, kana or Hangul are compared whole.
 *
 * <p>Each way of matching has a confidence calibrated on the labeled set in {@code benchmarks/} (the share of such
 * matches that are right there, rounded down); a match counts when its confidence reaches the threshold.
 */
final class NameComparison {
    /** Confidence of equal normalized names. */
    static final double SAME_NAME = 0.99;
    /** Confidence of the same letters with other spacing. */
    static final double SAME_LETTERS = 0.98;
    /** Confidence of one typo in one long word. */
    static final double TYPO = 0.97;
    /** Fewest letters of a word a typo may be in. */
    static final int LONG_WORD = 6;
    /** Most spaces one name may have more than the other and still be the other spaced differently. */
    static final int SPACES = 3;

    private NameComparison() {
    }

    /**
     * The verdict on two names.
     *
     * @param rule the rule that decided
     * @param confidence the rule's confidence when it matches, else 0
     * @param matched whether the names match at the threshold
     * @param same the words both have
     * @param different the words that differ, as {@code a ≠ b} or {@code a ~ b} (a typo)
     * @param why one sentence, written when {@link #reason} is asked (an explanation), not by a join's comparisons
     */
    record Verdict(Rule rule, double confidence, boolean matched, List<String> same, List<String> different,
            Supplier<String> why) {
        /** One sentence: why the names match or not. */
        String reason() {
            return why.get();
        }
    }

    /** The verdict on the normalized names {@code a} and {@code b} at {@code threshold} under {@code rules}. */
    static Verdict compare(String a, String b, double threshold, NameRules rules) {
        if (a.isEmpty() || b.isEmpty()) {
            return new Verdict(Rule.EMPTY_NAME, 0, false, List.of(), List.of(),
                    () -> "at least one name is empty once case, punctuation and legal forms are removed");
        }
        String[] wa = a.split(" ");
        String[] wb = b.split(" ");
        if (a.equals(b)) {
            return decided(Rule.SAME_NAME, SAME_NAME, threshold, List.of(wa), List.of(), () -> "the normalized names are equal");
        }
        if (Math.abs(wa.length - wb.length) <= SPACES && NameNormalizer.compact(a).equals(NameNormalizer.compact(b))) {
            return decided(Rule.SAME_LETTERS, SAME_LETTERS, threshold, List.of(NameNormalizer.compact(a)),
                    List.of(a + " ≠ " + b), () -> "the names have the same letters, spaced differently");
        }
        List<String> same = new ArrayList<>();
        List<String> different = new ArrayList<>();
        if (wa.length != wb.length) {
            String[] longer = wa.length > wb.length ? wa : wb;
            String[] shorter = wa.length > wb.length ? wb : wa;
            List<String> rest = new ArrayList<>(List.of(shorter));
            for (String word : longer) {
                if (rest.remove(word)) {
                    same.add(word);
                } else {
                    different.add("+" + word);
                }
            }
            rest.forEach(word -> different.add("+" + word));
            return new Verdict(Rule.WORD_COUNT_DIFFERS, 0, false, same, different, () -> String.format(Locale.ROOT,
                    "the names have %d and %d words: a word more or less (%s) makes another company",
                    wa.length, wb.length, String.join(", ", different)));
        }
        int at = -1;
        for (int i = 0; i < wa.length; i++) {
            if (wa[i].equals(wb[i])) {
                same.add(wa[i]);
            } else {
                different.add(wa[i] + " ≠ " + wb[i]);
                at = i;
            }
        }
        if (different.size() > 1) {
            return new Verdict(Rule.WORDS_DIFFER, 0, false, same, different,
                    () -> "more than one word differs (" + String.join(", ", different) + ")");
        }
        String x = wa[at];
        String y = wb[at];
        if (NameNormalizer.unspaced(x) || NameNormalizer.unspaced(y)) {
            return new Verdict(Rule.WORDS_DIFFER, 0, false, same, different,
                    () -> "the words " + x + " and " + y + " differ, and words in Han, kana or Hangul are compared whole");
        }
        if (Math.abs(x.length() - y.length()) > 1) {
            return new Verdict(Rule.WORDS_DIFFER, 0, false, same, different,
                    () -> "the words " + x + " and " + y + " differ by more than one typo");
        }
        if (Math.max(x.length(), y.length()) < LONG_WORD || Math.min(x.length(), y.length()) < LONG_WORD - 1) {
            return new Verdict(Rule.SHORT_WORD_DIFFERS, 0, false, same, different, () -> "the short words " + x + " and "
                    + y + " differ: a word under " + LONG_WORD + " letters must be equal, as one letter makes another "
                    + "word");
        }
        if (rules.distinguishing.contains(x) && rules.distinguishing.contains(y)) {
            return new Verdict(Rule.DISTINGUISHING_WORD_DIFFERS, 0, false, same, different, () -> "the words " + x
                    + " and " + y + " differ, and both are distinguishing words (kinds of business): one letter "
                    + "makes another company, not a typo");
        }
        if (!oneTypo(x, y, NameNormalizer.compact(a).length())) {
            return new Verdict(x.length() == y.length() && x.length() < LONG_WORD ? Rule.SHORT_WORD_DIFFERS
                    : Rule.WORDS_DIFFER, 0, false, same, different, () -> "the words " + x + " and " + y
                    + " differ by more than one typo in a long enough word");
        }
        return decided(Rule.TYPO, TYPO, threshold, same, List.of(x + " ~ " + y),
                () -> "the names are equal but for one typo in a long word (" + x + " ~ " + y + ")");
    }

    private static Verdict decided(Rule rule, double confidence, double threshold, List<String> same,
            List<String> different, Supplier<String> reason) {
        if (confidence >= threshold) {
            return new Verdict(rule, confidence, true, same, different, () -> String.format(Locale.ROOT,
                    "%s: confidence %.2f (threshold %.2f)", reason.get(), confidence, threshold));
        }
        return new Verdict(Rule.BELOW_THRESHOLD, 0, false, same, different, () -> String.format(Locale.ROOT,
                "%s, but that rule's confidence %.2f is below the threshold %.2f", reason.get(), confidence, threshold));
    }

    /**
     * Whether two different words differ by one typo a match allows: one letter changed (both of {@link #LONG_WORD}
     * letters or more), added or dropped (the longer of {@link #LONG_WORD} or more), or two neighbours swapped (both
     * of {@link #LONG_WORD} or more, in a name of seven letters or more, {@code nameLength} without spaces). Each of
     * these leaves either the first three letters of the name as they were or the rest after the fourth (after the
     * third in the shorter name), which the join's blocks rely on.
     */
    static boolean oneTypo(String x, String y, int nameLength) {
        int n = x.length();
        int m = y.length();
        if (Math.abs(n - m) > 1 || Math.max(n, m) < LONG_WORD) {
            return false;
        }
        int prefix = 0;
        while (prefix < Math.min(n, m) && x.charAt(prefix) == y.charAt(prefix)) {
            prefix++;
        }
        if (n == m) {
            if (n < LONG_WORD) {
                return false;
            }
            if (x.regionMatches(prefix + 1, y, prefix + 1, n - prefix - 1)) {
                return true;
            }
            return nameLength >= LONG_WORD + 1 && prefix + 1 < n && x.charAt(prefix) == y.charAt(prefix + 1)
                    && x.charAt(prefix + 1) == y.charAt(prefix)
                    && x.regionMatches(prefix + 2, y, prefix + 2, n - prefix - 2);
        }
        String longer = n > m ? x : y;
        String shorter = n > m ? y : x;
        return longer.regionMatches(prefix + 1, shorter, prefix, shorter.length() - prefix);
    }
}
