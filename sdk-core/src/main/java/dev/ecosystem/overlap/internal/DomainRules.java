package dev.ecosystem.overlap.internal;

import com.google.common.collect.ImmutableMap;
import com.google.thirdparty.publicsuffix.PublicSuffixPatterns;
import com.google.thirdparty.publicsuffix.PublicSuffixType;
import java.net.IDN;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What decides a registrable domain: the public suffix list (Guava's copy of publicsuffix.org, loaded once into a
 * {@link NameTable} in ASCII form), whether its private section counts, and the generic domains that never
 * identify a company.
 *
 * <p>Besides the rules, the suffix table flags every label suffix of a rule ({@code uk} for {@code co.uk},
 * {@code kawasaki.jp} for {@code *.kawasaki.jp}) as interior, separately for registry and private rules: a host's
 * suffixes can then be looked up from its last label leftwards, stopping at the first one that is not interior to a
 * rule that counts, since no longer suffix can be such a rule ({@code acme.com} is never looked up when private
 * suffixes are off, as {@code com} has only private rules under it).
 */
public final class DomainRules {
    static final int EXACT_REGISTRY = 1;
    static final int UNDER_REGISTRY = 2;
    static final int EXCLUDED = 4;
    static final int EXACT_PRIVATE = 8;
    static final int UNDER_PRIVATE = 16;
    /** A label suffix of a registry rule or an exception rule: the right-to-left walk goes on past it. */
    static final int INTERIOR_REGISTRY = 32;
    /** A label suffix of a private rule: the walk goes on past it when private suffixes count. */
    static final int INTERIOR_PRIVATE = 64;
    static final int GENERIC = 1;

    private static final NameTable SUFFIXES;
    /** {@link Map#hashCode} of the suffix entries: String and Integer hashes are specified, so every JVM agrees. */
    private static final int SUFFIX_FINGERPRINT;

    static {
        Map<String, Integer> entries = suffixEntries();
        SUFFIXES = new NameTable(entries);
        SUFFIX_FINGERPRINT = entries.hashCode();
    }

    final NameTable suffixes = SUFFIXES;
    final int exactMask;
    final int underMask;
    final int interiorMask;
    final NameTable generic;
    private final int fingerprint;

    private DomainRules(boolean privateSuffixes, Set<String> genericDomains) {
        this.exactMask = privateSuffixes ? EXACT_REGISTRY | EXACT_PRIVATE : EXACT_REGISTRY;
        this.underMask = privateSuffixes ? UNDER_REGISTRY | UNDER_PRIVATE : UNDER_REGISTRY;
        this.interiorMask = privateSuffixes ? INTERIOR_REGISTRY | INTERIOR_PRIVATE : INTERIOR_REGISTRY;
        Map<String, Integer> entries = new HashMap<>();
        for (String domain : genericDomains) {
            entries.put(IDN.toASCII(domain.strip(), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT), GENERIC);
        }
        this.generic = new NameTable(entries);
        this.fingerprint = 31 * (31 * SUFFIX_FINGERPRINT + (privateSuffixes ? 1 : 0)) + entries.hashCode();
    }

    /**
     * A number that differs (but for a 32-bit collision) between rules that can give some domain a different key:
     * the public suffix list, the private-suffix setting and the generic domains. Match keys stored at sync carry it
     * ({@link MatchKeys}), so a client with other rules recomputes instead of trusting them. The same in every JVM.
     */
    int fingerprint() {
        return fingerprint;
    }

    /**
     * Rules for matching.
     *
     * @param privateSuffixes whether suffixes of the list's private section (such as {@code github.io}) are suffixes,
     *     so that {@code alice.github.io} and {@code bob.github.io} are two registrable domains
     * @param genericDomains registrable domains that never identify a company (free mail and the like), any case,
     *     Unicode or punycode
     */
    public static DomainRules of(boolean privateSuffixes, Set<String> genericDomains) {
        return new DomainRules(privateSuffixes, genericDomains);
    }

    private static Map<String, Integer> suffixEntries() {
        Map<String, Integer> entries = new HashMap<>();
        add(entries, PublicSuffixPatterns.EXACT, EXACT_REGISTRY, EXACT_PRIVATE);
        add(entries, PublicSuffixPatterns.UNDER, UNDER_REGISTRY, UNDER_PRIVATE);
        add(entries, PublicSuffixPatterns.EXCLUDED, EXCLUDED, EXCLUDED);
        for (Map.Entry<String, Integer> rule : Map.copyOf(entries).entrySet()) {
            // exception rules apply whatever the private setting (as in Guava), so their suffixes are always walked
            int interior = (rule.getValue() & (EXACT_PRIVATE | UNDER_PRIVATE)) == rule.getValue()
                    ? INTERIOR_PRIVATE : INTERIOR_REGISTRY;
            String name = rule.getKey();
            for (int dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) {
                entries.merge(name.substring(dot + 1), interior, (a, b) -> a | b);
            }
        }
        return entries;
    }

    private static void add(Map<String, Integer> entries, ImmutableMap<String, PublicSuffixType> rules, int registry,
            int privateFlag) {
        rules.forEach((suffix, type) -> {
            String ascii;
            try {
                ascii = IDN.toASCII(suffix, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                return; // a rule IDN cannot encode can never equal an encoded host either
            }
            entries.merge(ascii, type == PublicSuffixType.PRIVATE ? privateFlag : registry, (a, b) -> a | b);
        });
    }
}
