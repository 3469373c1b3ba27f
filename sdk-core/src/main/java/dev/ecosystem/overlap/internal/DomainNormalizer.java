package dev.ecosystem.overlap.internal;

import java.net.IDN;
import java.nio.charset.StandardCharsets;

/**
 * Turns a domain or URL as people type it into CRMs into its registrable domain (eTLD+1), without allocating on the
 * common path: {@code "HTTPS://www.Shop.Acme.co.uk:8443/x?y"} gives {@code acme.co.uk}.
 *
 * <p>How: the input is copied once into a reused {@code char[]} and parsed in place (scheme, user info, port, path,
 * query and fragment are skipped by index; no substring). The host is validated and lower-cased through a table into
 * a reused {@code byte[]} while its prefix hashes are taken at each label start ({@link NameTable#fold}); the hash of
 * each label suffix then costs one multiply ({@link NameTable#suffixHash}). Suffixes are looked up in the public suffix
 * table last label first, until one is under no rule that counts; the key is the public suffix plus one label, with
 * its 64-bit hash ({@link #keyHash()}). Only hosts with non-ASCII characters take the slow path
 * through {@link IDN#toASCII}.
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
    /** Longest input whose copy is kept for the next call; a longer one gets a buffer of its own. */
    private static final int MAX_KEPT_INPUT = 4096;

    /** Per ASCII character: its lower-case form when allowed in a host label or a dot, 0 when not. */
    private static final byte[] HOST_BYTE = new byte[128];
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
            SCHEME[c] = (HOST_BYTE[c] != 0 && c != '.' && c != '_') || c == '+';
        }
        for (char c : new char[] {'/', '?', '#', '\\', ',', ';', ' ', '\t'}) {
            SCAN[c] = SCAN_STOP;
        }
        SCAN['@'] = SCAN_AT;
        SCAN[':'] = SCAN_COLON;
    }

    private final DomainRules rules;
    private char[] input = new char[256];
    private final byte[] host = new byte[MAX_HOST + 1];
    private final int[] labelStarts = new int[MAX_LABELS];
    /** The hash of the host up to the start of each label ({@link NameTable#fold}). */
    private final long[] prefixHashes = new long[MAX_LABELS];
    private int keyStart;
    private int keyEnd;
    private long keyHash;

    /** A normalizer on these rules. */
    public DomainNormalizer(DomainRules rules) {
        this.rules = rules;
    }

    /** Normalizes {@code raw}; on {@link Outcome#DOMAIN} the result is in {@link #key()}. */
    public Outcome normalize(CharSequence raw) {
        int end = raw.length();
        if (input.length < end && end <= MAX_KEPT_INPUT) {
            input = new char[Math.max(end, Math.min(MAX_KEPT_INPUT, input.length * 2))];
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

    /** The buffer holding {@link #key()} as ASCII bytes at {@link #keyStart()} to {@link #keyEnd()}; valid until the next call. */
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
        return c <= ' ' || c == '"' || c == '\'' || c == '<' || c == '>' || c == '\u00a0';
    }

    /** Skips {@code scheme://}, {@code scheme:/}, {@code //} and the typo {@code http(s)//}. */
    private static int afterScheme(char[] in, int start, int end) {
        int i = start;
        char first = in[i];
        if (first < 128 && HOST_BYTE[first] >= 'a') {
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

    /** Copies the host lower-cased through {@link #HOST_BYTE}, validating it and finding its labels in one pass. */
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
        int labels = 0;
        int labelStart = 0;
        long hash = 0;
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
                if (!validLabel(labelStart, i) || labels == MAX_LABELS - 1) {
                    return Outcome.MALFORMED;
                }
                labelStarts[labels++] = labelStart;
                labelStart = i + 1;
                prefixHashes[labels] = NameTable.fold(hash, b);
            }
            hash = NameTable.fold(hash, b);
        }
        if (!validLabel(labelStart, length)) {
            return Outcome.MALFORMED;
        }
        labelStarts[labels++] = labelStart;
        byte lastFirst = out[labelStart];
        if (lastFirst >= '0' && lastFirst <= '9') {
            return Outcome.MALFORMED; // an IP address, or a top-level label no registry allows
        }
        return registrable(labels, length, hash);
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

    /** 1 to 63 characters, not starting or ending with a dash or underscore (as Guava's InternetDomainName). */
    private boolean validLabel(int from, int to) {
        return to > from && to - from <= 63 && !isDash(host[from]) && !isDash(host[to - 1]);
    }

    private static boolean isDash(byte c) {
        return c == '-' || c == '_';
    }

    /**
     * Finds the public suffix the way Guava's {@code InternetDomainName} does (the longest one: the leftmost label
     * whose suffix is a rule; a wildcard rule {@code *.x} makes the label left of {@code x} a suffix; an exception
     * rule {@code !a.x} makes {@code x} the suffix), but walking from the last label leftwards and stopping at the
     * first suffix no rule that counts ends with.
     */
    private Outcome registrable(int labels, int length, long hostHash) {
        NameTable suffixes = rules.suffixes;
        byte[] bytes = host;
        int suffix = -1;
        int interiorMask = rules.interiorMask;
        for (int label = labels - 1; label >= 0; label--) {
            int from = labelStarts[label];
            long hash = NameTable.suffixHash(hostHash, prefixHashes[label], length - from);
            int flags = suffixes.flags(hash, bytes, from, length);
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
        keyStart = labelStarts[key];
        keyEnd = length;
        keyHash = NameTable.suffixHash(hostHash, prefixHashes[key], length - keyStart);
        if (rules.generic.flags(keyHash, bytes, keyStart, keyEnd) != 0) {
            return Outcome.GENERIC;
        }
        return Outcome.DOMAIN;
    }
}
