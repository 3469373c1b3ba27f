package dev.ecosystem.overlap.internal;

import java.net.IDN;

/**
 * Turns a domain or URL as people type it into CRMs into its registrable domain (eTLD+1), without allocating on the
 * common path: {@code "HTTPS://www.Shop.Acme.co.uk:8443/x?y"} gives {@code acme.co.uk}.
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

    private final DomainRules rules;
    private final char[] host = new char[MAX_HOST + 1];
    private final int[] labelStarts = new int[MAX_LABELS];
    private final int[] suffixHashes = new int[MAX_LABELS];
    private int keyStart;
    private int keyEnd;
    private int keyHash;

    /** A normalizer on these rules. */
    public DomainNormalizer(DomainRules rules) {
        this.rules = rules;
    }

    /** Normalizes {@code raw}; on {@link Outcome#DOMAIN} the result is in {@link #key()}. */
    public Outcome normalize(CharSequence raw) {
        int end = raw.length();
        int start = 0;
        while (start < end && isWrapping(raw.charAt(start))) {
            start++;
        }
        while (end > start && isWrapping(raw.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            return Outcome.EMPTY;
        }
        start = afterScheme(raw, start, end);
        int authorityEnd = start;
        int hostStart = start;
        while (authorityEnd < end) {
            char c = raw.charAt(authorityEnd);
            if (c == '/' || c == '?' || c == '#' || c == '\\' || c == ',' || c == ';' || c == ' ' || c == '\t') {
                break;
            }
            if (c == '@') {
                hostStart = authorityEnd + 1;
            }
            authorityEnd++;
        }
        int hostEnd = hostStart;
        while (hostEnd < authorityEnd && raw.charAt(hostEnd) != ':') {
            hostEnd++;
        }
        return host(raw, hostStart, hostEnd);
    }

    /** The registrable domain of the last successful {@link #normalize}, lower-case ASCII. */
    public String key() {
        return new String(host, keyStart, keyEnd - keyStart);
    }

    /** The buffer holding {@link #key()} at {@link #keyStart()} to {@link #keyEnd()}; valid until the next call. */
    public char[] buffer() {
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

    /** A hash of the key, equal for equal keys. */
    public int keyHash() {
        return keyHash;
    }

    private static boolean isWrapping(char c) {
        return c <= ' ' || c == '"' || c == '\'' || c == '<' || c == '>' || c == '\u00a0';
    }

    /** Skips {@code scheme://}, {@code scheme:/}, {@code //} and the typo {@code http(s)//}. */
    private static int afterScheme(CharSequence raw, int start, int end) {
        int i = start;
        while (i < end && i - start < 16 && isSchemeChar(raw.charAt(i), i == start)) {
            i++;
        }
        if (i > start && i + 1 < end && raw.charAt(i) == ':' && raw.charAt(i + 1) == '/') {
            i++;
        } else if (i > start && i + 1 < end && raw.charAt(i) == '/' && raw.charAt(i + 1) == '/'
                && isHttp(raw, start, i)) {
            // "https//acme.com": a missing colon
        } else {
            i = start;
        }
        while (i < end && raw.charAt(i) == '/') {
            i++;
        }
        return i;
    }

    private static boolean isSchemeChar(char c, boolean first) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                || (!first && ((c >= '0' && c <= '9') || c == '+' || c == '-'));
    }

    private static boolean isHttp(CharSequence raw, int start, int end) {
        int length = end - start;
        if (length != 4 && length != 5) {
            return false;
        }
        String http = "https";
        for (int i = 0; i < length; i++) {
            if ((raw.charAt(start + i) | 0x20) != http.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Copies the host lower-cased, validating it and finding its labels in the same pass. */
    private Outcome host(CharSequence raw, int from, int to) {
        if (to > from && raw.charAt(to - 1) == '.') {
            to--; // a fully qualified name's root dot
        }
        int length = to - from;
        if (length == 0) {
            return Outcome.EMPTY;
        }
        if (length > MAX_HOST) {
            return Outcome.MALFORMED;
        }
        int labels = 0;
        int labelStart = 0;
        for (int i = 0; i < length; i++) {
            char c = raw.charAt(from + i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
                host[i] = c;
            } else if (c >= 'A' && c <= 'Z') {
                host[i] = (char) (c | 0x20);
            } else if (c == '.') {
                host[i] = c;
                if (!validLabel(labelStart, i) || labels == MAX_LABELS - 1) {
                    return Outcome.MALFORMED;
                }
                labelStarts[labels++] = labelStart;
                labelStart = i + 1;
            } else if (c >= 0x80) {
                return unicodeHost(raw.subSequence(from, to).toString());
            } else {
                return Outcome.MALFORMED;
            }
        }
        if (!validLabel(labelStart, length)) {
            return Outcome.MALFORMED;
        }
        labelStarts[labels++] = labelStart;
        char lastFirst = host[labelStart];
        if (lastFirst >= '0' && lastFirst <= '9') {
            return Outcome.MALFORMED; // an IP address, or a top-level label no registry allows
        }
        int hash = 0;
        int label = labels - 1;
        for (int i = length - 1; i >= 0; i--) {
            hash = 31 * hash + host[i];
            if (i == labelStarts[label]) {
                suffixHashes[label--] = hash;
            }
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
        return host(ascii, 0, ascii.length());
    }

    /** 1 to 63 characters, not starting or ending with a dash or underscore (as Guava's InternetDomainName). */
    private boolean validLabel(int from, int to) {
        return to > from && to - from <= 63 && !isDash(host[from]) && !isDash(host[to - 1]);
    }

    private static boolean isDash(char c) {
        return c == '-' || c == '_';
    }

    private Outcome registrable(int labels, int length) {
        RegionTable suffixes = rules.suffixes;
        int suffix = -1;
        for (int i = 0; i < labels; i++) {
            int flags = suffixes.flags(host, labelStarts[i], length, suffixHashes[i]);
            if (i > 0 && (flags & rules.underMask) != 0) {
                suffix = i - 1;
                break;
            }
            if ((flags & rules.exactMask) != 0) {
                suffix = i;
                break;
            }
            if ((flags & DomainRules.EXCLUDED) != 0) {
                suffix = i + 1;
                break;
            }
        }
        if (suffix < 0) {
            return Outcome.NO_PUBLIC_SUFFIX;
        }
        if (suffix == 0) {
            return Outcome.PUBLIC_SUFFIX;
        }
        keyStart = labelStarts[suffix - 1];
        keyEnd = length;
        keyHash = suffixHashes[suffix - 1];
        if (rules.generic.flags(host, keyStart, keyEnd, keyHash) != 0) {
            return Outcome.GENERIC;
        }
        return Outcome.DOMAIN;
    }
}
