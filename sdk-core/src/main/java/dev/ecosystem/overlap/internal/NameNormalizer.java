package dev.ecosystem.overlap.internal;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;

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
    /** Per ASCII character: its lower-case form when it is a letter or digit, else 0. */
    private static final byte[] LOWER = new byte[128];
    /** {@link #LEGAL_FORMS} as {@link #code}s, sorted. */
    private static final long[] LEGAL_FORM_CODES;

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            LOWER[c] = (byte) c;
            LOWER[c - 'a' + 'A'] = (byte) c;
        }
        for (char c = '0'; c <= '9'; c++) {
            LOWER[c] = (byte) c;
        }
        LEGAL_FORM_CODES = LEGAL_FORMS.stream()
                .mapToLong(form -> code(form.getBytes(StandardCharsets.US_ASCII), 0, form.length())).sorted().toArray();
    }

    private NameNormalizer() {
    }

    /** The comparable form of {@code name}: lower-case letters and digits only; empty when nothing is left. */
    public static String normalize(String name) {
        Writer writer = new Writer();
        byte[] out = new byte[name.length()];
        int length = writer.writeAscii(name, out, 0);
        return length >= 0 ? new String(out, 0, length, StandardCharsets.ISO_8859_1) : normalizeUnicode(name);
    }

    /**
     * Writes {@link #normalize} of names as UTF-8 bytes, reusing its buffers: the path an index build takes for
     * every account. Not thread-safe: one per thread.
     */
    static final class Writer {
        private int[] ends = new int[32];

        /**
         * Writes the normalized {@code name} into {@code out} at {@code at} (which must have room for
         * {@code name.length()} bytes, what an ASCII name can give at most) and returns its length in bytes. A name
         * with other characters than ASCII goes through {@link #normalizeUnicode}, and its UTF-8 bytes may need
         * more room: then nothing is written and {@code -1 - (bytes needed)} is returned.
         */
        int write(String name, byte[] out, int at) {
            int length = writeAscii(name, out, at);
            if (length >= 0) {
                return length;
            }
            byte[] unicode = normalizeUnicode(name).getBytes(StandardCharsets.UTF_8);
            if (out.length - at < unicode.length) {
                return -1 - unicode.length;
            }
            System.arraycopy(unicode, 0, out, at, unicode.length);
            return unicode.length;
        }

        /**
         * {@link #normalize} of a name of ASCII characters only, written as bytes into {@code out} at {@code at},
         * without the Unicode normalizer and regular expressions (which cost most of an index build) and without
         * allocating; -1 for any other name (nothing written that counts). Same steps in one pass: brackets with what
         * they hold separate tokens as a space does, runs of letters and digits (lower-cased) are the tokens; single
         * letters in a row join into one token; "and" and "the" are dropped; legal forms at the end are removed
         * while another token is left.
         */
        int writeAscii(String name, byte[] out, int at) {
            int n = name.length();
            if (ends.length < n / 2 + 2) {
                ends = new int[n / 2 + 2];
            }
            int[] tokenEnds = ends;
            int tokens = 0;
            int written = at;
            boolean initials = false;
            int i = 0;
            while (i < n) {
                char c = name.charAt(i);
                if (c >= 0x80) {
                    return -1;
                }
                int lower = LOWER[c];
                if (lower == 0) {
                    if (c == '(' || c == '[' || c == '{') {
                        int j = i + 1;
                        for (; j < n && !closes(name.charAt(j)); j++) {
                            if (name.charAt(j) >= 0x80) {
                                return -1;
                            }
                        }
                        i = j; // at the closing bracket, if there is one
                    }
                    i++;
                    continue;
                }
                int start = written;
                out[written++] = (byte) lower;
                i++;
                while (i < n && (c = name.charAt(i)) < 0x80 && LOWER[c] != 0) {
                    out[written++] = LOWER[c];
                    i++;
                }
                int size = written - start;
                if (size == 1 && lower >= 'a') {
                    initials = true; // a single letter: joins the initials before it, where it already is
                    continue;
                }
                if (initials) {
                    // the initials end where this token starts: move the token's end mark in front of it
                    tokenEnds[tokens++] = start;
                    initials = false;
                }
                if (size == 3 && (isWord(out, start, "and") || isWord(out, start, "the"))) {
                    written = start;
                } else {
                    tokenEnds[tokens++] = written;
                }
            }
            if (initials) {
                tokenEnds[tokens++] = written;
            }
            while (tokens > 1 && isLegalForm(out, tokenEnds[tokens - 2], tokenEnds[tokens - 1])) {
                tokens--;
            }
            return tokens == 0 ? 0 : tokenEnds[tokens - 1] - at;
        }
    }

    /** Whether the lower-case letters and digits {@code bytes[from, to)} are a legal form. */
    private static boolean isLegalForm(byte[] bytes, int from, int to) {
        return to - from <= LONGEST_LEGAL_FORM && Arrays.binarySearch(LEGAL_FORM_CODES, code(bytes, from, to)) >= 0;
    }

    /**
     * Lower-case letters and digits, at most 12 of them, as one number in base 37 (letters 1 to 26, digits 27 to 36):
     * distinct for distinct texts.
     */
    private static long code(byte[] bytes, int from, int to) {
        long code = 0;
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            code = code * 37 + (b >= 'a' ? b - 'a' + 1 : b - '0' + 27);
        }
        return code;
    }

    private static boolean isWord(byte[] text, int from, String word) {
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
