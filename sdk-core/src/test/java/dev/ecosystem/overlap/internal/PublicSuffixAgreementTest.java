package dev.ecosystem.overlap.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.net.InternetDomainName;
import com.google.thirdparty.publicsuffix.PublicSuffixPatterns;
import dev.ecosystem.overlap.internal.DomainNormalizer.Outcome;
import java.net.IDN;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The normalizer's right-to-left suffix walk finds the same registrable domain as Guava's {@code InternetDomainName}
 * for hosts built on every rule of the public suffix list: the rule itself, one label under it, several labels under
 * it, and under its wildcard and exception forms.
 */
class PublicSuffixAgreementTest {
    @ParameterizedTest(name = "private suffixes {0}")
    @ValueSource(booleans = {false, true})
    void everyRuleOfTheList_givesGuavasRegistrableDomain(boolean privateSuffixes) {
        DomainNormalizer normalizer = new DomainNormalizer(DomainRules.of(privateSuffixes, Set.of()));
        Set<String> rules = new TreeSet<>();
        rules.addAll(PublicSuffixPatterns.EXACT.keySet());
        rules.addAll(PublicSuffixPatterns.UNDER.keySet());
        rules.addAll(PublicSuffixPatterns.EXCLUDED.keySet());
        List<String> disagreements = new ArrayList<>();
        int checked = 0;
        for (String rule : rules) {
            for (String host : List.of(rule, "acme." + rule, "www.acme." + rule, "a.b.acme." + rule,
                    "x-1." + rule.substring(rule.indexOf('.') + 1))) {
                String expected = guava(host, privateSuffixes);
                Outcome outcome = normalizer.normalize(host);
                String actual = outcome == Outcome.DOMAIN ? normalizer.key() : null;
                if (expected == null ? actual != null : !expected.equals(actual)) {
                    disagreements.add(host + ": guava " + expected + ", ours " + actual + " (" + outcome + ")");
                }
                if (actual != null) {
                    assertThat(normalizer.keyHash()).isEqualTo(NameTable.hash(actual));
                }
                checked++;
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(checked).isGreaterThan(40_000);
    }

    /** Guava's registrable domain of a host, in punycode, or null when it has none. */
    private static String guava(String host, boolean privateSuffixes) {
        InternetDomainName name;
        try {
            name = InternetDomainName.from(host);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String top;
        if (privateSuffixes) {
            top = name.isUnderPublicSuffix() ? name.topPrivateDomain().toString() : null;
        } else {
            top = name.isUnderRegistrySuffix() ? name.topDomainUnderRegistrySuffix().toString() : null;
        }
        if (top == null) {
            return null;
        }
        try {
            return IDN.toASCII(top, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
