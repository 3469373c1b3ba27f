package dev.ecosystem.overlap.internal;

import dev.ecosystem.internal.base.DataLines;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The data company names are compared with: legal forms, abbreviations and distinguishing words, per language, as
 * the SDK ships them ({@code dev/ecosystem/overlap/name-rules.txt}, which documents each section) and as a host
 * extends them through {@code OverlapSettings.builder()}. Entries are folded as names are ({@link NameNormalizer}),
 * so they may be written in any case, with or without accents, traditional or simplified. Immutable.
 */
public final class NameRules {
    private static final String RESOURCE = "/dev/ecosystem/overlap/name-rules.txt";
    private static final String HAN_RESOURCE = "/dev/ecosystem/overlap/han-variants.txt";
    /** Traditional Chinese characters and their simplified forms. */
    static final Map<Integer, Integer> HAN_VARIANTS = loadHanVariants();
    /** The rules the SDK ships. */
    public static final NameRules DEFAULT = load();

    /** Legal forms of one word (after initials are joined). */
    final Set<String> legalWords;
    /** Legal forms of several words, each as its words. */
    final List<String[]> legalPhrases;
    /** Legal forms in scripts written without spaces (Han, kana, Hangul), longest first. */
    final List<String> legalAffixes;
    /** Word or short form to the word it is compared as. */
    final Map<String, String> abbreviations;
    /** Words never taken for a typo of another. */
    final Set<String> distinguishing;
    private final int fingerprint;
    /** The word and short form pairs as given, in order: {@link #with} builds on them. */
    private final Map<String, String> given;

    private NameRules(Collection<String> legalForms, Map<String, String> abbreviations,
            Collection<String> distinguishing) {
        Set<String> words = new HashSet<>();
        List<String[]> phrases = new ArrayList<>();
        Set<String> affixes = new HashSet<>();
        for (String form : legalForms) {
            String folded = NameNormalizer.normalizeWords(form, null);
            if (folded.isEmpty()) {
                continue;
            }
            if (folded.indexOf(' ') >= 0) {
                phrases.add(folded.split(" "));
            } else if (NameNormalizer.unspaced(folded)) {
                affixes.add(folded);
            } else {
                words.add(folded);
            }
        }
        // each word and its short form are compared as the first word listed for that short form, the long one, so
        // that a typo in the long word is still a typo ("Insurnace" and "Insurance")
        Map<String, String> longByShort = new HashMap<>();
        Map<String, String> abbreviated = new HashMap<>();
        abbreviations.forEach((word, shortForm) -> {
            String key = NameNormalizer.normalizeWords(word, null);
            String value = NameNormalizer.normalizeWords(shortForm, null);
            if (!key.isEmpty() && !value.isEmpty() && key.indexOf(' ') < 0 && value.indexOf(' ') < 0) {
                String canonical = longByShort.computeIfAbsent(value, v -> abbreviated.getOrDefault(key, key));
                abbreviated.put(key, canonical);
                abbreviated.put(value, canonical);
            }
        });
        Set<String> distinct = new HashSet<>();
        for (String word : distinguishing) {
            String folded = NameNormalizer.normalizeWords(word, null);
            if (!folded.isEmpty()) {
                distinct.add(abbreviated.getOrDefault(folded, folded));
            }
        }
        this.legalWords = Set.copyOf(words);
        this.legalPhrases = List.copyOf(phrases);
        List<String> longestFirst = new ArrayList<>(affixes);
        longestFirst.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        this.legalAffixes = List.copyOf(longestFirst);
        this.abbreviations = Map.copyOf(abbreviated);
        this.distinguishing = Set.copyOf(distinct);
        this.given = new LinkedHashMap<>(abbreviations);
        this.fingerprint = 31 * (31 * new TreeMap<>(abbreviated).hashCode() + Set.copyOf(words).hashCode()
                + affixes.hashCode() + phrases.stream().mapToInt(p -> String.join(" ", p).hashCode()).sum())
                + distinct.hashCode();
    }

    /**
     * These rules with more entries.
     *
     * @param legalForms more legal forms (a form of several words, such as {@code sp z o o}, is removed as a whole)
     * @param abbreviations more abbreviations: word to its short form
     * @param distinguishing more distinguishing words
     */
    public NameRules with(Collection<String> legalForms, Map<String, String> abbreviations,
            Collection<String> distinguishing) {
        List<String> forms = new ArrayList<>(legalWords);
        forms.addAll(legalAffixes);
        legalPhrases.forEach(p -> forms.add(String.join(" ", p)));
        forms.addAll(legalForms);
        Map<String, String> abbreviated = new LinkedHashMap<>(given);
        abbreviated.putAll(abbreviations);
        List<String> words = new ArrayList<>(this.distinguishing);
        words.addAll(distinguishing);
        return new NameRules(forms, abbreviated, words);
    }

    /**
     * A number that differs (but for a 32-bit collision) between rules that normalize some name differently: stored
     * match keys carry it ({@link MatchKeys}), so keys made under other rules are recomputed. The same in every JVM.
     */
    int fingerprint() {
        return fingerprint;
    }

    private static NameRules load() {
        List<String> legal = new ArrayList<>();
        Map<String, String> abbreviations = new LinkedHashMap<>();
        List<String> distinguishing = new ArrayList<>();
        String section = "";
        for (String line : DataLines.read(NameRules.class, RESOURCE, "name rules")) {
            if (line.startsWith("[")) {
                section = line.substring(1, line.indexOf(']')).split(" ")[0];
                continue;
            }
            switch (section) {
                case "legal-forms" -> legal.add(line);
                case "abbreviations" -> {
                    String[] parts = line.split("\\s+");
                    if (parts.length != 2) {
                        throw new IllegalStateException("an abbreviation line of " + RESOURCE
                                + " must be a word and its short form, but was '" + line + "'");
                    }
                    abbreviations.put(parts[0], parts[1]);
                }
                case "distinguishing" -> distinguishing.add(line);
                default -> throw new IllegalStateException("a line of " + RESOURCE + " is outside a known section ("
                        + "legal-forms, abbreviations, distinguishing): '" + line + "'");
            }
        }
        return new NameRules(legal, abbreviations, distinguishing);
    }

    private static Map<Integer, Integer> loadHanVariants() {
        Map<Integer, Integer> variants = new HashMap<>();
        for (String line : DataLines.read(NameRules.class, HAN_RESOURCE, "Chinese character variants")) {
            for (String pair : line.split("\\s+")) {
                int[] chars = pair.codePoints().toArray();
                if (chars.length != 2) {
                    throw new IllegalStateException("each entry of " + HAN_RESOURCE
                            + " must be a traditional and a simplified character, but was '" + pair + "'");
                }
                if (chars[0] != chars[1]) {
                    variants.put(chars[0], chars[1]);
                }
            }
        }
        return Map.copyOf(variants);
    }
}
