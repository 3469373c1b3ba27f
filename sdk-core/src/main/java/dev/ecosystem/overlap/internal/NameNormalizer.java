package dev.ecosystem.overlap.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.jspecify.annotations.Nullable;

/**
 * Company names in a comparable form, and their similarity. Normalizing folds case and accents ({@code García} is
 * {@code garcia}), drops bracketed text ({@code (US)}), punctuation, the words "and" and "the", joins spelled-out
 * initials ({@code S.A.} is {@code sa}) and removes legal forms at the end ({@code Inc}, {@code LLC}, {@code GmbH},
 * {@code Ltd}, {@code Pty Ltd}, ...). The compared form has no spaces, so {@code Pioneer Solar} equals
 * {@code PioneerSolar}. Similarity is one minus the Levenshtein distance (Apache Commons Text) over the longer
 * length: one typo in ten letters gives 0.9. Jaro-Winkler was tried first and dropped: its bonus for a common
 * prefix rates different companies that share a first word ("Pinecrest Motors" and "Pinecrest Trust": 0.93) above
 * real variants, and on the sample CRMs it made hundreds of false matches. Thread-safe.
 */
public final class NameNormalizer {
    private static final Set<String> LEGAL_FORMS = Set.of(
            "inc", "incorporated", "corp", "corporation", "co", "company", "cos", "llc", "llp", "lp", "ltd", "limited",
            "plc", "pllc", "gmbh", "mbh", "ag", "kg", "ug", "se", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "oy",
            "oyj", "ab", "as", "asa", "aps", "pty", "pte", "kk", "bhd", "sdn", "pvt", "ltda", "sl", "ev");
    private static final int LONGEST_LEGAL_FORM = LEGAL_FORMS.stream().mapToInt(String::length).max().orElse(0);
    private static final Pattern BRACKETS = Pattern.compile("[(\\[{][^)\\]}]*[)\\]}]?");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final LevenshteinDistance LEVENSHTEIN = LevenshteinDistance.getDefaultInstance();

    private NameNormalizer() {
    }

    /** The comparable form of {@code name}: lower-case letters and digits only; empty when nothing is left. */
    public static String normalize(String name) {
        String ascii = normalizeAscii(name);
        return ascii != null ? ascii : normalizeUnicode(name);
    }

    /**
     * {@link #normalize} of a name of ASCII characters only, without the Unicode normalizer and regular expressions
     * (which cost most of an index build); {@code null} for any other name. Same steps: brackets with what they hold
     * become a space, runs of letters and digits are the tokens.
     */
    private static @Nullable String normalizeAscii(String name) {
        int n = name.length();
        char[] text = new char[n];
        int length = 0;
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            if (c >= 0x80) {
                return null;
            }
            if (c == '(' || c == '[' || c == '{') {
                int j = i + 1;
                for (; j < n && !closes(name.charAt(j)); j++) {
                    if (name.charAt(j) >= 0x80) {
                        return null;
                    }
                }
                i = j; // past the closing bracket, if there is one
                text[length++] = ' ';
            } else {
                text[length++] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            }
        }
        // tokens are written one after the other into out (joined, as the result is); ends[] marks where each ends
        char[] out = new char[length];
        int[] ends = new int[length / 2 + 1];
        int tokens = 0;
        int written = 0;
        boolean initials = false;
        int i = 0;
        while (i < length) {
            if (!letterOrDigit(text[i])) {
                i++;
                continue;
            }
            int start = i;
            while (i < length && letterOrDigit(text[i])) {
                i++;
            }
            if (i - start == 1 && text[start] >= 'a') {
                out[written++] = text[start];
                initials = true;
                continue;
            }
            if (initials) {
                ends[tokens++] = written;
                initials = false;
            }
            if (!isWord(text, start, i, "and") && !isWord(text, start, i, "the")) {
                System.arraycopy(text, start, out, written, i - start);
                written += i - start;
                ends[tokens++] = written;
            }
        }
        if (initials) {
            ends[tokens++] = written;
        }
        while (tokens > 1 && ends[tokens - 1] - ends[tokens - 2] <= LONGEST_LEGAL_FORM
                && LEGAL_FORMS.contains(new String(out, ends[tokens - 2], ends[tokens - 1] - ends[tokens - 2]))) {
            tokens--;
        }
        return tokens == 0 ? "" : new String(out, 0, ends[tokens - 1]);
    }

    private static boolean isWord(char[] text, int from, int to, String word) {
        if (to - from != word.length()) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (text[from + k] != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean closes(char c) {
        return c == ')' || c == ']' || c == '}';
    }

    private static boolean letterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    /** {@link #normalize} for any name (the reference the ASCII path must agree with). */
    static String normalizeUnicode(String name) {
        String text = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("");
        text = BRACKETS.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ");
        List<String> tokens = new ArrayList<>();
        StringBuilder initials = new StringBuilder();
        for (String token : text.split("[^\\p{L}\\p{N}]+")) {
            if (token.length() == 1 && Character.isLetter(token.charAt(0))) {
                initials.append(token);
                continue;
            }
            flush(initials, tokens);
            if (!token.isEmpty() && !token.equals("and") && !token.equals("the")) {
                tokens.add(token);
            }
        }
        flush(initials, tokens);
        return withoutLegalForms(tokens);
    }

    private static String withoutLegalForms(List<String> tokens) {
        while (tokens.size() > 1 && LEGAL_FORMS.contains(tokens.get(tokens.size() - 1))) {
            tokens.remove(tokens.size() - 1);
        }
        return String.join("", tokens);
    }

    private static void flush(StringBuilder initials, List<String> tokens) {
        if (initials.length() > 0) {
            tokens.add(initials.toString());
            initials.setLength(0);
        }
    }

    /** Similarity of two normalized names, 0 to 1: 1 - edit distance / longer length; 0 when either is empty. */
    public static double similarity(String normalizedA, String normalizedB) {
        if (normalizedA.isEmpty() || normalizedB.isEmpty()) {
            return 0;
        }
        int longer = Math.max(normalizedA.length(), normalizedB.length());
        return 1.0 - (double) LEVENSHTEIN.apply(normalizedA, normalizedB) / longer;
    }

    /**
     * {@link #similarity} when it is at least {@code threshold}, else -1: the edit distance is bounded by what the
     * threshold allows, so that unlike names are told apart after a few columns, and only names whose lengths allow
     * it are compared at all. Gives exactly {@link #similarity}'s value when it returns one.
     */
    static double similarityAtLeast(String normalizedA, String normalizedB, double threshold) {
        if (normalizedA.isEmpty() || normalizedB.isEmpty()) {
            return -1;
        }
        int longer = Math.max(normalizedA.length(), normalizedB.length());
        int allowed = allowedDistance(longer, threshold);
        if (Math.abs(normalizedA.length() - normalizedB.length()) > allowed) {
            return -1;
        }
        int distance = new LevenshteinDistance(allowed).apply(normalizedA, normalizedB);
        return distance < 0 ? -1 : 1.0 - (double) distance / longer;
    }

    /** The largest edit distance between names of which the longer has {@code longer} chars that reaches the threshold. */
    static int allowedDistance(int longer, double threshold) {
        int allowed = (int) Math.floor((1.0 - threshold) * longer) + 1;
        while (allowed > 0 && 1.0 - (double) allowed / longer < threshold) {
            allowed--;
        }
        return allowed;
    }

    /** The blocking key of a normalized name: candidates for a fuzzy match share it. Empty for an empty name. */
    public static String block(String normalized) {
        return normalized.length() <= 3 ? normalized : normalized.substring(0, 3);
    }
}
