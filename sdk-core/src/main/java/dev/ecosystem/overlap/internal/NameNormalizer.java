package dev.ecosystem.overlap.internal;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Company names in a comparable form: their words, folded, separated by one space. Normalizing
 * <ul>
 *   <li>applies Unicode compatibility composition (NFKC: full-width forms become ASCII, Hangul syllables and Japanese
 *       voiced kana stay whole, which decomposition would split), then lower case;</li>
 *   <li>folds scripts: accents of Latin, Greek and Cyrillic letters are removed ({@code García} is {@code garcia}),
 *       {@code ø æ œ ß ł đ þ} are spelled {@code o ae oe ss l d th}, katakana become hiragana, traditional Chinese
 *       characters common in company names become simplified ({@link NameRules#HAN_VARIANTS});</li>
 *   <li>drops bracketed text ({@code (US)}, {@code (株)}), apostrophes ({@code Int'l} is {@code intl}), other
 *       punctuation and the words and, the, of, und, et; joins
 *       spelled-out initials ({@code S.A.} is {@code sa}, {@code Α.Ε.} is {@code αε});</li>
 *   <li>writes each word as its short form where the rules know one ({@code International} is {@code intl},
 *       {@code Saint} is {@code st});</li>
 *   <li>removes legal forms of the rules at the end ({@code Inc}, {@code GmbH}, {@code Pty Ltd}), those in Cyrillic,
 *       Greek, Han, kana or Hangul at the start too ({@code ООО}, {@code 주식회사}), and, in scripts written without
 *       spaces, where a word starts or ends with one ({@code 株式会社トヨタ}), while something is left.</li>
 * </ul>
 * How two normalized names are compared is {@link NameComparison}'s. Thread-safe.
 */
public final class NameNormalizer {
    private static final Set<String> STOP_WORDS = Set.of("and", "the", "of", "und", "et");

    private NameNormalizer() {
    }

    /** The comparable form of {@code name} under the shipped rules; empty when nothing is left. */
    public static String normalize(String name) {
        return normalize(name, NameRules.DEFAULT);
    }

    /** The comparable form of {@code name} under {@code rules}; empty when nothing is left. */
    public static String normalize(String name, NameRules rules) {
        return normalizeWords(name, rules);
    }

    /**
     * Writes {@link #normalize} of names as UTF-8 bytes: the path an index build and the match keys take for every
     * account. Not thread-safe: one per thread.
     */
    static final class Writer {
        private final NameRules rules;

        Writer() {
            this(NameRules.DEFAULT);
        }

        Writer(NameRules rules) {
            this.rules = rules;
        }

        /**
         * Writes the normalized {@code name} into {@code out} at {@code at} and returns its length in bytes; when
         * {@code out} has not room enough nothing is written and {@code -1 - (bytes needed)} is returned.
         */
        int write(String name, byte[] out, int at) {
            String normalized = normalize(name, rules);
            int n = normalized.length();
            boolean ascii = true;
            for (int i = 0; i < n && ascii; i++) {
                ascii = normalized.charAt(i) < 0x80;
            }
            if (ascii) {
                if (out.length - at < n) {
                    return -1 - n;
                }
                for (int i = 0; i < n; i++) {
                    out[at + i] = (byte) normalized.charAt(i); // ASCII: each char is its byte
                }
                return n;
            }
            byte[] unicode = normalized.getBytes(StandardCharsets.UTF_8);
            if (out.length - at < unicode.length) {
                return -1 - unicode.length;
            }
            System.arraycopy(unicode, 0, out, at, unicode.length);
            return unicode.length;
        }
    }

    /** The words of {@code text}, folded; with {@code rules}, abbreviated and without legal forms. */
    static String normalizeWords(String text, @Nullable NameRules rules) {
        String folded = fold(text);
        List<String> tokens = new ArrayList<>(8);
        StringBuilder initials = new StringBuilder();
        int n = folded.length();
        int i = 0;
        while (i < n) {
            int c = folded.codePointAt(i);
            if (!wordChar(c)) {
                i += Character.charCount(c);
                continue;
            }
            int start = i;
            while (i < n && wordChar(c = folded.codePointAt(i))) {
                i += Character.charCount(c);
            }
            String token = folded.substring(start, i);
            if (token.codePointCount(0, token.length()) == 1 && Character.isLetter(token.codePointAt(0))
                    && !unspaced(token)) {
                initials.append(token);
                continue;
            }
            flush(initials, tokens, rules);
            if (!STOP_WORDS.contains(token)) {
                add(token, tokens, rules);
            }
        }
        flush(initials, tokens, rules);
        if (rules != null) {
            removeLegalForms(tokens, rules);
        }
        return String.join(" ", tokens);
    }

    private static void flush(StringBuilder initials, List<String> tokens, @Nullable NameRules rules) {
        if (initials.length() > 0) {
            add(initials.toString(), tokens, rules);
            initials.setLength(0);
        }
    }

    private static void add(String token, List<String> tokens, @Nullable NameRules rules) {
        tokens.add(rules == null ? token : rules.abbreviations.getOrDefault(token, token));
    }

    private static void removeLegalForms(List<String> tokens, NameRules rules) {
        boolean removed = true;
        while (removed && tokens.size() > 1) {
            removed = false;
            String last = tokens.get(tokens.size() - 1);
            String first = tokens.get(0);
            if (rules.legalWords.contains(last) || rules.legalAffixes.contains(last)) {
                tokens.remove(tokens.size() - 1);
                removed = true;
            } else if (!ascii(first) && (rules.legalWords.contains(first) || rules.legalAffixes.contains(first))) {
                tokens.remove(0);
                removed = true;
            } else {
                for (String[] phrase : rules.legalPhrases) {
                    if (phrase.length < tokens.size() && endsWith(tokens, phrase)) {
                        tokens.subList(tokens.size() - phrase.length, tokens.size()).clear();
                        removed = true;
                        break;
                    }
                }
            }
        }
        for (int t = 0; t < tokens.size(); t++) {
            String token = tokens.get(t);
            if (unspaced(token)) {
                tokens.set(t, withoutAffixes(token, rules));
            }
        }
    }

    /** A word of a script written without spaces without the legal forms it starts or ends with. */
    private static String withoutAffixes(String word, NameRules rules) {
        String rest = word;
        boolean removed = true;
        while (removed) {
            removed = false;
            for (String form : rules.legalAffixes) {
                if (rest.length() > form.length() && rest.endsWith(form)) {
                    rest = rest.substring(0, rest.length() - form.length());
                    removed = true;
                } else if (rest.length() > form.length() && rest.startsWith(form)) {
                    rest = rest.substring(form.length());
                    removed = true;
                }
            }
        }
        return rest;
    }

    private static boolean endsWith(List<String> tokens, String[] phrase) {
        int offset = tokens.size() - phrase.length;
        for (int k = 0; k < phrase.length; k++) {
            if (!tokens.get(offset + k).equals(phrase[k])) {
                return false;
            }
        }
        return true;
    }

    private static boolean wordChar(int c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        }
        int type = Character.getType(c);
        return Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    /** Whether the text is ASCII. */
    static boolean ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Whether the word holds Han, kana or Hangul: scripts written without spaces between words. */
    static boolean unspaced(String word) {
        for (int i = 0; i < word.length(); ) {
            int c = word.codePointAt(i);
            if (c >= 0x1100) {
                Character.UnicodeScript script = Character.UnicodeScript.of(c);
                if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                        || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL) {
                    return true;
                }
            }
            i += Character.charCount(c);
        }
        return false;
    }

    /**
     * Lower case, brackets and what they hold replaced by a space, scripts folded (see the class comment); ASCII
     * text takes a path without the Unicode normalizer.
     */
    static String fold(String text) {
        String composed = ascii(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFKC);
        String lower = composed.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        int n = lower.length();
        int i = 0;
        while (i < n) {
            int c = lower.codePointAt(i);
            i += Character.charCount(c);
            if (c == '(' || c == '[' || c == '{') {
                while (i < n && !closes(lower.charAt(i))) {
                    i++;
                }
                i++;
                out.append(' ');
                continue;
            }
            if (c == '\'' || c == '\u2019') {
                continue; // an apostrophe joins: Int'l is intl, Jane's is janes
            }
            if (c < 0x80) {
                out.append((char) c);
            } else {
                foldChar(c, out);
            }
        }
        return out.toString();
    }

    private static void foldChar(int c, StringBuilder out) {
        switch (c) {
            case 'ø' -> out.append('o');
            case 'æ' -> out.append("ae");
            case 'œ' -> out.append("oe");
            case 'ß' -> out.append("ss");
            case 'ł' -> out.append('l');
            case 'đ', 'ð' -> out.append('d');
            case 'þ' -> out.append("th");
            case 'ı' -> out.append('i');
            case 'ħ' -> out.append('h');
            case 'ς' -> out.append('σ');
            default -> {
                if (c >= 0x30A1 && c <= 0x30F6) {
                    out.appendCodePoint(c - 0x60); // katakana as hiragana
                    return;
                }
                Integer simplified = NameRules.HAN_VARIANTS.get(c);
                if (simplified != null) {
                    out.appendCodePoint(simplified);
                    return;
                }
                Character.UnicodeScript script = Character.UnicodeScript.of(c);
                if (script == Character.UnicodeScript.LATIN || script == Character.UnicodeScript.GREEK
                        || script == Character.UnicodeScript.CYRILLIC) {
                    String decomposed = Normalizer.normalize(new String(Character.toChars(c)), Normalizer.Form.NFD);
                    for (int k = 0; k < decomposed.length(); k++) {
                        char d = decomposed.charAt(k);
                        if (Character.getType(d) != Character.NON_SPACING_MARK) {
                            out.append(d);
                        }
                    }
                    return;
                }
                out.appendCodePoint(c);
            }
        }
    }

    private static boolean closes(char c) {
        return c == ')' || c == ']' || c == '}';
    }

    /** The name without its spaces: names that differ only in spacing have the same compact form. */
    static String compact(String normalized) {
        return normalized.indexOf(' ') < 0 ? normalized : normalized.replace(" ", "");
    }

    /**
     * The blocking key of a normalized name: its first three UTF-16 chars but spaces. Candidates for a match share
     * it, or differ by a typo within it and then share the rest of the name after it (see
     * {@code AccountColumns.restCode}): a match differs by one typo at most ({@link NameComparison}).
     */
    public static String block(String normalized) {
        String compact = compact(normalized);
        return compact.length() <= 3 ? compact : compact.substring(0, 3);
    }
}
