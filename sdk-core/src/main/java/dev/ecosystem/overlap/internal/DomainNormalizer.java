package dev.ecosystem.overlap.internal;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Turns a domain or URL as people type it into CRMs into its registrable domain (eTLD+1), without allocating on the
 * common path: {@code "HTTPS://www.Shop.Acme.co.uk:8443/x?y"} gives {@code acme.co.uk}.
 *
 * <p>How: the common shapes ({@code [http[s]://]host[:port][/...]} with nothing but host characters in the host) are
 * read straight from the {@code String} in one pass that lower-cases the host through a table into a reused
 * {@code byte[]} and notes where its labels start. Any other shape (or a {@code CharSequence} that is not a
 * {@code String}) is copied into a reused {@code char[]} and read by the full scan, which gives the same outcome
 * (scheme, user info, port, path, query and fragment are skipped by index; no substring). Label hashes are then read
 * a word at a time ({@link NameTable#label}), and the suffixes are looked up in the public suffix table from the last
 * label leftwards, each one's hash extending the previous one's ({@link NameTable#extend}), until one is under no rule
 * that counts; the key is the public suffix plus one label, with its 64-bit hash ({@link #keyHash()}). Only hosts
 * with non-ASCII characters take the slow path through {@link IDN#toASCII}.
 *
 * <p>Accepted shapes: an optional scheme ({@code https://}, {@code //}, also {@code http:/} and {@code https//}),
 * optional user info ({@code user:pw@}; so an email address gives its domain), the host, then an optional port,
 * path, query or fragment. Surrounding spaces, quotes and angle brackets are ignored; of several domains separated
 * by {@code ,} {@code ;} or a space only the first counts. Unicode hosts are converted with {@link IDN#toASCII}, so
 * {@code münchen.de} and {@code xn--mnchen-3ya.de} give the same key (in punycode).
 *
 * <p>Outcomes other than {@link Outcome#DOMAIN}: blank input, a malformed host (bad characters, empty or over-long
 * labels, an IP address), a host under no rule of the public suffix list (such as {@code intranet.local}), a host
 * that is itself a public suffix ({@code co.uk}), or a generic domain (free mail). Same rules as Guava's
 * {@code InternetDomainName.topDomainUnderRegistrySuffix()} when private suffixes are off.
 *
 * <p>Not thread-safe: one instance per thread (it reuses its buffers).
 */
public final class DomainNormalizer {
    /** What {@link #normalize} found. */
    public enum Outcome {
        /** A registrable domain: see {@link #key()}. */
        DOMAIN("a registrable domain"),
        /** Nothing but spaces. */
        EMPTY("no domain given"),
        /** Not a host name. */
        MALFORMED("not a valid host name"),
        /** The public suffix list knows no suffix of it. */
        NO_PUBLIC_SUFFIX("under no public suffix"),
        /** It is a public suffix itself. */
        PUBLIC_SUFFIX("a public suffix itself, not a company's domain"),
        /** Listed as generic (free mail and the like). */
        GENERIC("a generic domain (free mail or similar) that never identifies a company");

        private final String description;

        Outcome(String description) {
            this.description = description;
        }

        /** What the outcome means, for explanations. */
        public String description() {
            return description;
        }
    }

    private static final int MAX_HOST = 253;
    private static final int MAX_LABELS = 128;
    private static final int RECENT_BITS = 8;
    /** Longest input whose copy is kept for the next call; a longer one gets a buffer of its own. */
    private static final int MAX_KEPT_INPUT = 4096;

    /** Per char: its lower-case form when allowed in a host label or a dot, else 0 (non-ASCII needs no range check). */
    private static final byte[] HOST_BYTE = new byte[Character.MAX_VALUE + 1];
    /** Per ASCII character: whether it is ignored around the input (spaces and controls, quotes, angle brackets). */
    private static final boolean[] WRAPPING = new boolean[128];
    /** Per ASCII character: 1 for the dash and the underscore, which may not start or end a label. */
    private static final byte[] DASH = new byte[128];
    /** Per ASCII character: how the authority scan treats it. */
    private static final byte[] SCAN = new byte[128];
    private static final byte SCAN_STOP = 1;
    private static final byte SCAN_AT = 2;
    private static final byte SCAN_COLON = 3;
    /** Per ASCII character: whether it may follow the first letter of a URL scheme. */
    private static final boolean[] SCHEME = new boolean[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            HOST_BYTE[c] = (byte) c;
            HOST_BYTE[c - 'a' + 'A'] = (byte) c;
        }
        for (char c = '0'; c <= '9'; c++) {
            HOST_BYTE[c] = (byte) c;
        }
        HOST_BYTE['-'] = '-';
        HOST_BYTE['_'] = '_';
        HOST_BYTE['.'] = '.';
        for (char c = 0; c < 128; c++) {
            WRAPPING[c] = c <= ' ' || c == '"' || c == '\'' || c == '<' || c == '>';
        }
        DASH['-'] = 1;
        DASH['_'] = 1;
        for (char c = 0; c < 128; c++) {
            SCHEME[c] = (HOST_BYTE[c] != 0 && c != '.' && c != '_') || c == '+';
        }
        for (char c : new char[] {'/', '?', '#', '\\', ',', ';', ' ', '\t'}) {
            SCAN[c] = SCAN_STOP;
        }
        SCAN['@'] = SCAN_AT;
        SCAN[':'] = SCAN_COLON;
    }

    private final DomainRules rules;
    private final boolean useQuickScan;
    private char[] input = new char[256];
    /**
     * The host, lower-case ASCII. The quick scan writes into it before it knows where the host ends, so it is as
     * long as the input buffer, plus room for {@link NameTable}'s word-wide reads past the end.
     */
    private byte[] host = new byte[256 + NameTable.PADDING];
    /** The start of each label in {@link #host}; the quick scan writes one entry per character, so sized like it. */
    private int[] labelStarts = new int[256 + 1];
    /** Per label, the hash of the host from its start ({@link NameTable#extend}), as far as they were needed. */
    private final long[] suffixHashes = new long[MAX_LABELS];
    /** Recent suffixes of up to 8 bytes ({@link NameTable#word}; 0: none) and their flags, by hash. */
    private final long[] recentWords = new long[1 << RECENT_BITS];
    private final int[] recentFlags = new int[1 << RECENT_BITS];
    private int keyStart;
    private int keyEnd;
    private long keyHash;

    /** A normalizer on these rules. */
    public DomainNormalizer(DomainRules rules) {
        this(rules, true);
    }

    /** A normalizer that reads every input with the full scan when {@code quickScan} is false (for tests). */
    DomainNormalizer(DomainRules rules, boolean quickScan) {
        this.rules = rules;
        this.useQuickScan = quickScan;
    }

    /** Normalizes {@code raw}; on {@link Outcome#DOMAIN} the result is in {@link #key()}. */
    public Outcome normalize(CharSequence raw) {
        int end = raw.length();
        if (input.length < end && end <= MAX_KEPT_INPUT) {
            int size = Math.max(end, Math.min(MAX_KEPT_INPUT, input.length * 2));
            input = new char[size];
            host = new byte[size + NameTable.PADDING];
            labelStarts = new int[size + 1];
        }
        if (useQuickScan && raw instanceof String text && end <= input.length) {
            Outcome quick = quickScan(text, end);
            if (quick != null) {
                return quick;
            }
        }
        char[] in = end <= input.length ? input : new char[end];
        if (raw instanceof String text) {
            text.getChars(0, end, in, 0);
        } else {
            for (int i = 0; i < end; i++) {
                in[i] = raw.charAt(i);
            }
        }
        int start = 0;
        while (start < end && isWrapping(in[start])) {
            start++;
        }
        while (end > start && isWrapping(in[end - 1])) {
            end--;
        }
        if (start == end) {
            return Outcome.EMPTY;
        }
        return fullScan(in, start, end);
    }

    /**
     * One pass over the common shapes ({@code [http[s]://]host[:port][/path...]} with only host characters in the
     * host), on the first {@code inputLength} characters of {@code in} (no copy): lower-cases the host into
     * {@link #host}, notes where its labels start and checks them while looking for its end. Returns {@code null}
     * for any other shape (another scheme, user info, a character not allowed in a host, a host with no dot), which
     * {@link #fullScan} then reads; both give the same outcome where both apply, which {@code DomainNormalizerTest}
     * checks on random inputs.
     */
    private @Nullable Outcome quickScan(String in, int inputLength) {
        int start = 0;
        int end = inputLength;
        while (start < end && isWrapping(in.charAt(start))) {
            start++;
        }
        while (end > start && isWrapping(in.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            return Outcome.EMPTY;
        }
        int from = quickScheme(in, start, end);
        if (from < 0) {
            return null;
        }
        byte[] out = host;
        int[] starts = labelStarts;
        starts[0] = 0;
        int dots = 0;
        int bad = 0;
        int i = from;
        byte[] hostBytes = HOST_BYTE;
        for (; i < end; i++) {
            byte b = hostBytes[in.charAt(i)];
            if (b == 0) {
                break;
            }
            out[i - from] = b;
            if (b == '.') {
                bad |= labelProblem(out, starts[dots], i - from);
                starts[++dots] = i - from + 1;
            }
        }
        int length = i - from;
        if (i < end) {
            char c = in.charAt(i);
            if (c == ':' ? userInfoFollows(in, i + 1, end) : c >= 128 || SCAN[c] != SCAN_STOP) {
                return null; // user info, or a character no host has
            }
        }
        if (length > 0 && out[length - 1] == '.') {
            length--; // a fully qualified name's root dot
            dots--;
        }
        if (dots <= 0) {
            return null; // no dot: a scheme typo ("https//x"), leading slashes, or a bare name; read in full
        }
        bad |= labelProblem(out, starts[dots], length);
        if (bad != 0 || length > MAX_HOST || dots >= MAX_LABELS) {
            return Outcome.MALFORMED;
        }
        return topLevel(dots + 1, length);
    }

    /**
     * Where the host starts after an optional {@code http://} or {@code https://} (any case), or -1 when the input
     * starts with another scheme or with slashes.
     */
    private static int quickScheme(String in, int start, int end) {
        if ((in.charAt(start) | 0x20) != 'h' || end - start < 8) {
            return in.charAt(start) == '/' ? -1 : start;
        }
        int i = start + 1;
        if ((in.charAt(i++) | 0x20) != 't' || (in.charAt(i++) | 0x20) != 't' || (in.charAt(i++) | 0x20) != 'p') {
            return start;
        }
        if ((in.charAt(i) | 0x20) == 's') {
            i++;
        }
        if (in.charAt(i) != ':') {
            return start;
        }
        return in.charAt(i + 1) == '/' && in.charAt(i + 2) == '/' ? i + 3 : -1;
    }

    /** Whether an {@code @} comes before the next character that ends the authority. */
    private static boolean userInfoFollows(String in, int from, int end) {
        for (int i = from; i < end; i++) {
            char c = in.charAt(i);
            if (c < 128) {
                if (SCAN[c] == SCAN_STOP) {
                    return false;
                }
                if (c == '@') {
                    return true;
                }
            }
        }
        return false;
    }

    /** Every shape: skips the scheme, then finds the host after any user info and before any port. */
    private Outcome fullScan(char[] in, int start, int end) {
        start = afterScheme(in, start, end);
        int hostStart = start;
        int colon = -1;
        int i = start;
        for (; i < end; i++) {
            char c = in[i];
            if (c < 128) {
                byte kind = SCAN[c];
                if (kind == SCAN_STOP) {
                    break;
                } else if (kind == SCAN_AT) {
                    hostStart = i + 1;
                    colon = -1;
                } else if (kind == SCAN_COLON && colon < 0) {
                    colon = i;
                }
            }
        }
        return host(in, hostStart, colon < 0 ? i : colon);
    }

    /** The registrable domain of the last successful {@link #normalize}, lower-case ASCII. */
    public String key() {
        return new String(host, keyStart, keyEnd - keyStart, StandardCharsets.ISO_8859_1);
    }

    /**
     * The buffer holding {@link #key()} as ASCII bytes at {@link #keyStart()} to {@link #keyEnd()}; valid until the
     * next call.
     */
    public byte[] buffer() {
        return host;
    }

    /** Where the key starts in {@link #buffer()}. */
    public int keyStart() {
        return keyStart;
    }

    /** Where the key ends (exclusive) in {@link #buffer()}. */
    public int keyEnd() {
        return keyEnd;
    }

    /** The 64-bit hash of the key: {@link NameTable#hash(byte[], int, int)} of its bytes. */
    public long keyHash() {
        return keyHash;
    }

    private static boolean isWrapping(char c) {
        return c < 128 ? WRAPPING[c] : c == '\u00a0';
    }

    /** Skips {@code scheme://}, {@code scheme:/}, {@code //} and the typo {@code http(s)//}. */
    private static int afterScheme(char[] in, int start, int end) {
        int i = start;
        char first = in[i];
        if (HOST_BYTE[first] >= 'a') {
            int limit = Math.min(end, start + 16);
            i++;
            char c;
            while (i < limit && (c = in[i]) < 128 && SCHEME[c]) {
                i++;
            }
        }
        if (i > start && i + 1 < end && in[i] == ':' && in[i + 1] == '/') {
            i++;
        } else if (i > start && i + 1 < end && in[i] == '/' && in[i + 1] == '/' && isHttp(in, start, i)) {
            // "https//acme.com": a missing colon
        } else {
            i = start;
        }
        while (i < end && in[i] == '/') {
            i++;
        }
        return i;
    }

    private static boolean isHttp(char[] in, int start, int end) {
        int length = end - start;
        if (length != 4 && length != 5) {
            return false;
        }
        String http = "https";
        for (int i = 0; i < length; i++) {
            if ((in[start + i] | 0x20) != http.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Copies the host {@code in[from, to)} lower-cased through {@link #HOST_BYTE}, noting where its labels start. */
    private Outcome host(char[] in, int from, int to) {
        if (to > from && in[to - 1] == '.') {
            to--; // a fully qualified name's root dot
        }
        int length = to - from;
        if (length == 0) {
            return Outcome.EMPTY;
        }
        if (length > MAX_HOST) {
            return Outcome.MALFORMED;
        }
        byte[] out = host;
        int labels = 1;
        labelStarts[0] = 0;
        for (int i = 0; i < length; i++) {
            char c = in[from + i];
            if (c >= 128) {
                return unicodeHost(new String(in, from, length));
            }
            byte b = HOST_BYTE[c];
            if (b == 0) {
                return Outcome.MALFORMED;
            }
            out[i] = b;
            if (b == '.') {
                labelStarts[labels++] = i + 1;
            }
        }
        return labels(length, labels);
    }

    /** Checks the labels of the host in {@link #host} (its first {@code length} bytes), then finds its key. */
    private Outcome labels(int length, int labels) {
        if (length > MAX_HOST || labels > MAX_LABELS) {
            return Outcome.MALFORMED;
        }
        int[] starts = labelStarts;
        int bad = 0;
        int to = length;
        for (int label = labels - 1; label >= 0; label--) {
            bad |= labelProblem(host, starts[label], to);
            to = starts[label] - 1;
        }
        return bad != 0 ? Outcome.MALFORMED : topLevel(labels, length);
    }

    /**
     * 1 when the label {@code out[from, to)} is not 1 to 63 characters or starts or ends with a dash or underscore
     * (as Guava's InternetDomainName), else 0; without branches, as nearly every label is fine.
     */
    private static int labelProblem(byte[] out, int from, int to) {
        int size = to - from;
        return (((size - 1) | (63 - size)) >>> 31) | DASH[out[from]] | DASH[out[Math.max(from, to - 1)]];
    }

    /** Refuses a host whose last label starts with a digit (an IP address), then finds its registrable domain. */
    private Outcome topLevel(int labels, int length) {
        byte lastFirst = host[labelStarts[labels - 1]];
        if (lastFirst >= '0' && lastFirst <= '9') {
            return Outcome.MALFORMED; // an IP address, or a top-level label no registry allows
        }
        return registrable(labels, length);
    }

    /** The slow path: converts a Unicode host to ASCII (punycode), then reads it as any other. */
    private Outcome unicodeHost(String unicode) {
        String ascii;
        try {
            ascii = IDN.toASCII(unicode, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            return Outcome.MALFORMED;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (ascii.charAt(i) >= 0x80) {
                return Outcome.MALFORMED;
            }
        }
        return host(ascii.toCharArray(), 0, ascii.length());
    }

    /**
     * {@code suffixes.flags(..)}, answered for suffixes of up to 8 bytes ({@code com}, {@code co.uk}) from a small
     * cache of recent ones, keyed by their bytes: the same few suffixes end most hosts.
     */
    private int suffixFlags(NameTable suffixes, long hash, byte[] bytes, int from, int end) {
        if (end - from > 8) {
            return suffixes.flags(hash, bytes, from, end);
        }
        long word = NameTable.word(bytes, from, end);
        int slot = (int) (hash >>> (64 - RECENT_BITS));
        if (recentWords[slot] == word) {
            return recentFlags[slot];
        }
        int flags = suffixes.flags(hash, bytes, from, end);
        recentWords[slot] = word;
        recentFlags[slot] = flags;
        return flags;
    }

    /**
     * Finds the public suffix the way Guava's {@code InternetDomainName} does (the longest one: the leftmost label
     * whose suffix is a rule; a wildcard rule {@code *.x} makes the label left of {@code x} a suffix; an exception
     * rule {@code !a.x} makes {@code x} the suffix), but walking from the last label leftwards and stopping at the
     * first suffix no rule that counts ends with.
     */
    private Outcome registrable(int labels, int length) {
        NameTable suffixes = rules.suffixes;
        byte[] bytes = host;
        int[] starts = labelStarts;
        long[] hashes = suffixHashes;
        int suffix = -1;
        int interiorMask = rules.interiorMask;
        long hash = NameTable.EMPTY;
        int to = length;
        int label = labels - 1;
        for (; label >= 0; label--) {
            int from = starts[label];
            hash = NameTable.extend(hash, NameTable.label(bytes, from, to));
            hashes[label] = hash;
            to = from - 1;
            int flags = suffixFlags(suffixes, hash, bytes, from, length);
            if (label > 0 && (flags & rules.underMask) != 0) {
                suffix = label - 1;
            } else if ((flags & rules.exactMask) != 0) {
                suffix = label;
            } else if ((flags & DomainRules.EXCLUDED) != 0) {
                suffix = label + 1;
            }
            if ((flags & interiorMask) == 0) {
                break;
            }
        }
        if (suffix < 0) {
            return Outcome.NO_PUBLIC_SUFFIX;
        }
        if (suffix == 0) {
            return Outcome.PUBLIC_SUFFIX;
        }
        int key = suffix - 1;
        for (label--; label >= key; label--) {
            int from = starts[label];
            hash = NameTable.extend(hash, NameTable.label(bytes, from, to));
            hashes[label] = hash;
            to = from - 1;
        }
        keyStart = starts[key];
        keyEnd = length;
        keyHash = hashes[key];
        if (rules.generic.flags(keyHash, bytes, keyStart, keyEnd) != 0) {
            return Outcome.GENERIC;
        }
        // a site under a generic host that is a (private) suffix itself, such as acme.github.io or acme.wixsite.com,
        // is a page on that host, not a company's domain; only suffixes of two labels or more can be such hosts
        if (suffix < labels - 1 && rules.generic.flags(hashes[suffix], bytes, starts[suffix], length) != 0) {
            return Outcome.GENERIC;
        }
        return Outcome.DOMAIN;
    }
}
