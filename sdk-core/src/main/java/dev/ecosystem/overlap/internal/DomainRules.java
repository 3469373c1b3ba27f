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
 * {@link RegionTable} in ASCII form), whether its private section counts, and the generic domains that never
 * identify a company.
 */
public final class DomainRules {
    static final int EXACT_REGISTRY = 1;
    static final int UNDER_REGISTRY = 2;
    static final int EXCLUDED = 4;
    static final int EXACT_PRIVATE = 8;
    static final int UNDER_PRIVATE = 16;
    static final int GENERIC = 1;

    private static final RegionTable SUFFIXES = loadSuffixes();

    final RegionTable suffixes = SUFFIXES;
    final int exactMask;
    final int underMask;
    final RegionTable generic;

    private DomainRules(boolean privateSuffixes, Set<String> genericDomains) {
        this.exactMask = privateSuffixes ? EXACT_REGISTRY | EXACT_PRIVATE : EXACT_REGISTRY;
        this.underMask = privateSuffixes ? UNDER_REGISTRY | UNDER_PRIVATE : UNDER_REGISTRY;
        Map<String, Integer> entries = new HashMap<>();
        for (String domain : genericDomains) {
            entries.put(IDN.toASCII(domain.strip(), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT), GENERIC);
        }
        this.generic = new RegionTable(entries);
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

    private static RegionTable loadSuffixes() {
        Map<String, Integer> entries = new HashMap<>();
        add(entries, PublicSuffixPatterns.EXACT, EXACT_REGISTRY, EXACT_PRIVATE);
        add(entries, PublicSuffixPatterns.UNDER, UNDER_REGISTRY, UNDER_PRIVATE);
        add(entries, PublicSuffixPatterns.EXCLUDED, EXCLUDED, EXCLUDED);
        return new RegionTable(entries);
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
