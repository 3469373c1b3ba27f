package dev.ecosystem.overlap.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecosystem.overlap.internal.DomainNormalizer.Outcome;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DomainNormalizerTest {
    private static final DomainRules RULES = DomainRules.of(true, Set.of("gmail.com", "yahoo.com", "outlook.com",
            "hotmail.com", "gmx.de", "mail.ru", "qq.com"));

    /** Real-world shapes of what CRMs hold in a "domain" or "website" field, with the registrable domain. */
    static Stream<Arguments> shapes() {
        return Stream.of(
                // plain and cased
                Arguments.of("acme.com", "acme.com"),
                Arguments.of("ACME.COM", "acme.com"),
                Arguments.of("Acme.Com", "acme.com"),
                Arguments.of("  acme.com  ", "acme.com"),
                Arguments.of("acme.com.", "acme.com"),
                Arguments.of("\tacme.com\n", "acme.com"),
                // sub-domains and www
                Arguments.of("www.acme.com", "acme.com"),
                Arguments.of("WWW.ACME.COM", "acme.com"),
                Arguments.of("www2.acme.com", "acme.com"),
                Arguments.of("shop.acme.com", "acme.com"),
                Arguments.of("app.eu.acme.com", "acme.com"),
                Arguments.of("a.b.c.d.e.acme.com", "acme.com"),
                Arguments.of("my.castillo-utilities.us", "castillo-utilities.us"),
                Arguments.of("go.rossi-cloud.co", "rossi-cloud.co"),
                // schemes
                Arguments.of("http://acme.com", "acme.com"),
                Arguments.of("https://acme.com", "acme.com"),
                Arguments.of("HTTPS://WWW.ACME.COM", "acme.com"),
                Arguments.of("Https://Acme.com", "acme.com"),
                Arguments.of("//acme.com", "acme.com"),
                Arguments.of("ftp://files.acme.com", "acme.com"),
                Arguments.of("http:/acme.com", "acme.com"),
                Arguments.of("https//acme.com", "acme.com"),
                Arguments.of("http:///acme.com", "acme.com"),
                Arguments.of("sftp://user@files.acme.com:22", "acme.com"),
                // paths, queries, fragments
                Arguments.of("acme.com/", "acme.com"),
                Arguments.of("https://acme.com/", "acme.com"),
                Arguments.of("https://acme.com/en-us", "acme.com"),
                Arguments.of("https://www.acme.com/about/team.html", "acme.com"),
                Arguments.of("https://acme.com/?utm_source=linkedin", "acme.com"),
                Arguments.of("https://acme.com?ref=crm", "acme.com"),
                Arguments.of("https://acme.com#pricing", "acme.com"),
                Arguments.of("acme.com/contact", "acme.com"),
                Arguments.of("acme.com\\path", "acme.com"),
                Arguments.of("https://acme.com/a/b/c?x=1&y=2#z", "acme.com"),
                // ports
                Arguments.of("acme.com:443", "acme.com"),
                Arguments.of("http://acme.com:8080", "acme.com"),
                Arguments.of("https://www.acme.com:8443/login", "acme.com"),
                Arguments.of("http://ACME.COM:8080/", "acme.com"),
                Arguments.of("acme.com:", "acme.com"),
                // user info and email addresses
                Arguments.of("https://user:secret@acme.com", "acme.com"),
                Arguments.of("jane@acme.com", "acme.com"),
                Arguments.of("mailto:jane.doe@acme.co.uk", "acme.co.uk"),
                Arguments.of("jane.doe+crm@acme.com", "acme.com"),
                // multi-part public suffixes
                Arguments.of("acme.co.uk", "acme.co.uk"),
                Arguments.of("shop.acme.co.uk", "acme.co.uk"),
                Arguments.of("https://www.acme.co.uk/x", "acme.co.uk"),
                Arguments.of("acme.org.uk", "acme.org.uk"),
                Arguments.of("acme.ltd.uk", "acme.ltd.uk"),
                Arguments.of("acme.com.au", "acme.com.au"),
                Arguments.of("www.acme.net.au", "acme.net.au"),
                Arguments.of("acme.com.br", "acme.com.br"),
                Arguments.of("http://www.vectordock.com.br", "vectordock.com.br"),
                Arguments.of("acme.co.jp", "acme.co.jp"),
                Arguments.of("acme.co.in", "acme.co.in"),
                Arguments.of("acme.com.sg", "acme.com.sg"),
                Arguments.of("acme.co.nz", "acme.co.nz"),
                Arguments.of("acme.co.za", "acme.co.za"),
                Arguments.of("acme.com.mx", "acme.com.mx"),
                Arguments.of("acme.com.cn", "acme.com.cn"),
                Arguments.of("acme.com.tr", "acme.com.tr"),
                Arguments.of("acme.gov.uk", "acme.gov.uk"),
                Arguments.of("cs.stanford.edu", "stanford.edu"),
                Arguments.of("dept.ox.ac.uk", "ox.ac.uk"),
                Arguments.of("acme.k12.ca.us", "acme.k12.ca.us"),
                Arguments.of("city.kawasaki.jp", "city.kawasaki.jp"),
                Arguments.of("www.city.kawasaki.jp", "city.kawasaki.jp"),
                Arguments.of("foo.bar.kawasaki.jp", "foo.bar.kawasaki.jp"),
                // country and new generic top-level domains
                Arguments.of("acme.de", "acme.de"),
                Arguments.of("acme.fr", "acme.fr"),
                Arguments.of("acme.io", "acme.io"),
                Arguments.of("eu.signaldesk.io", "signaldesk.io"),
                Arguments.of("acme.ai", "acme.ai"),
                Arguments.of("acme.app", "acme.app"),
                Arguments.of("acme.dev", "acme.dev"),
                Arguments.of("acme.tech", "acme.tech"),
                Arguments.of("acme.ch", "acme.ch"),
                Arguments.of("acme.nl", "acme.nl"),
                Arguments.of("acme.ie", "acme.ie"),
                Arguments.of("acme.us", "acme.us"),
                Arguments.of("acme.ca", "acme.ca"),
                Arguments.of("acme.london", "acme.london"),
                // hyphens, digits, underscores
                Arguments.of("acme-corp.com", "acme-corp.com"),
                Arguments.of("3m.com", "3m.com"),
                Arguments.of("www.7-eleven.com", "7-eleven.com"),
                Arguments.of("xn--80ak6aa92e.com", "xn--80ak6aa92e.com"),
                Arguments.of("dev_env.acme.com", "acme.com"),
                // private suffixes (on): each site is its own registrable domain
                Arguments.of("acme.github.io", "acme.github.io"),
                Arguments.of("https://acme.github.io/docs", "acme.github.io"),
                Arguments.of("acme.herokuapp.com", "acme.herokuapp.com"),
                Arguments.of("acme.blogspot.com", "acme.blogspot.com"),
                Arguments.of("acme.myshopify.com", "acme.myshopify.com"),
                Arguments.of("acme.azurewebsites.net", "acme.azurewebsites.net"),
                Arguments.of("acme.s3.amazonaws.com", "acme.s3.amazonaws.com"),
                Arguments.of("acme.netlify.app", "acme.netlify.app"),
                Arguments.of("acme.vercel.app", "acme.vercel.app"),
                // internationalized domain names: Unicode and punycode agree
                Arguments.of("münchen.de", "xn--mnchen-3ya.de"),
                Arguments.of("xn--mnchen-3ya.de", "xn--mnchen-3ya.de"),
                Arguments.of("https://www.MÜNCHEN.de/stadt", "xn--mnchen-3ya.de"),
                Arguments.of("bücher.example.com", "example.com"),
                Arguments.of("例え.jp", "xn--r8jz45g.jp"),
                Arguments.of("пример.рф", "xn--e1afmkfd.xn--p1ai"),
                Arguments.of("xn--e1afmkfd.xn--p1ai", "xn--e1afmkfd.xn--p1ai"),
                Arguments.of("acme。com", "acme.com"),
                // several values in one field: the first counts
                Arguments.of("acme.com, acme.de", "acme.com"),
                Arguments.of("acme.com; acme.co.uk", "acme.com"),
                Arguments.of("acme.com acme.net", "acme.com"),
                // wrapping
                Arguments.of("\"acme.com\"", "acme.com"),
                Arguments.of("<https://acme.com>", "acme.com"),
                Arguments.of("'www.acme.com'", "acme.com"));
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                Arguments.of("", Outcome.EMPTY),
                Arguments.of("   ", Outcome.EMPTY),
                Arguments.of("https://", Outcome.EMPTY),
                Arguments.of("http:///", Outcome.EMPTY),
                Arguments.of("localhost", Outcome.NO_PUBLIC_SUFFIX),
                Arguments.of("acme", Outcome.NO_PUBLIC_SUFFIX),
                Arguments.of("intranet.local", Outcome.NO_PUBLIC_SUFFIX),
                Arguments.of("acme.internal", Outcome.NO_PUBLIC_SUFFIX),
                Arguments.of("192.168.0.1", Outcome.MALFORMED),
                Arguments.of("http://10.0.0.1:8080/admin", Outcome.MALFORMED),
                Arguments.of("[2001:db8::1]", Outcome.MALFORMED),
                Arguments.of("acme..com", Outcome.MALFORMED),
                Arguments.of(".acme.com", Outcome.MALFORMED),
                Arguments.of("-acme.com", Outcome.MALFORMED),
                Arguments.of("acme-.com", Outcome.MALFORMED),
                Arguments.of("acme!.com", Outcome.MALFORMED),
                Arguments.of("acme%20.com", Outcome.MALFORMED),
                Arguments.of("a".repeat(64) + ".com", Outcome.MALFORMED),
                Arguments.of("a.".repeat(130) + "com", Outcome.MALFORMED),
                Arguments.of("n/a", Outcome.NO_PUBLIC_SUFFIX),
                Arguments.of("co.uk", Outcome.PUBLIC_SUFFIX),
                Arguments.of("www.co.uk", Outcome.DOMAIN),
                Arguments.of("com", Outcome.PUBLIC_SUFFIX),
                Arguments.of("github.io", Outcome.PUBLIC_SUFFIX),
                Arguments.of("gmail.com", Outcome.GENERIC),
                Arguments.of("jane.doe@gmail.com", Outcome.GENERIC),
                Arguments.of("https://mail.yahoo.com", Outcome.GENERIC),
                Arguments.of("GMX.DE", Outcome.GENERIC),
                Arguments.of("qq.com", Outcome.GENERIC));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("shapes")
    void normalize_realWorldShapes_giveTheRegistrableDomain(String raw, String expected) {
        DomainNormalizer normalizer = new DomainNormalizer(RULES);
        assertThat(normalizer.normalize(raw)).isEqualTo(Outcome.DOMAIN);
        assertThat(normalizer.key()).isEqualTo(expected);
        assertThat(normalizer.keyHash()).isEqualTo(NameTable.hash(expected));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("rejected")
    void normalize_badOrGenericInput_hasADocumentedOutcome(String raw, Outcome expected) {
        assertThat(new DomainNormalizer(RULES).normalize(raw)).isEqualTo(expected);
    }

    @Test
    void table_hasAtLeastOneHundredShapes() {
        assertThat(shapes().count() + rejected().count()).isGreaterThanOrEqualTo(100);
    }

    @Test
    void privateSuffixesOff_collapseHostedSitesIntoThePlatformDomain() {
        DomainNormalizer registryOnly = new DomainNormalizer(DomainRules.of(false, Set.of()));
        assertThat(registryOnly.normalize("acme.github.io")).isEqualTo(Outcome.DOMAIN);
        assertThat(registryOnly.key()).isEqualTo("github.io");
        assertThat(registryOnly.normalize("shop.acme.co.uk")).isEqualTo(Outcome.DOMAIN);
        assertThat(registryOnly.key()).isEqualTo("acme.co.uk");
    }

    @Test
    void quickScan_givesTheFullScansOutcome_onRandomShapes() {
        String[] parts = {"http", "https", "HTTPS", "ftp", "mailto", ":", "://", ":/", "//", "/", "@", ".", "..", "www",
            "acme", "ACME", "co", "uk", "com", "io", "github", "gmail", "-", "_", "8080", "?", "#", " ", "\t", ",",
            ";", "\\", "user:pw@", "ü", "münchen", "xn--mnchen-3ya", "10", "1", "\"", "<", ">", "+", "%", "日本",
            "a".repeat(64), "kawasaki.jp", "city.kawasaki.jp", "s3.amazonaws.com"};
        DomainNormalizer quick = new DomainNormalizer(RULES);
        DomainNormalizer full = new DomainNormalizer(RULES, false);
        java.util.Random random = new java.util.Random(7);
        int domains = 0;
        for (int n = 0; n < 200_000; n++) {
            StringBuilder raw = new StringBuilder();
            for (int k = 1 + random.nextInt(9); k > 0; k--) {
                raw.append(parts[random.nextInt(parts.length)]);
            }
            String input = raw.toString();
            Outcome expected = full.normalize(input);
            assertThat(quick.normalize(input)).as(input).isEqualTo(expected);
            if (expected == Outcome.DOMAIN) {
                domains++;
                assertThat(quick.key()).as(input).isEqualTo(full.key());
                assertThat(quick.keyHash()).as(input).isEqualTo(full.keyHash());
            }
        }
        assertThat(domains).isGreaterThan(5_000);
    }

    @Test
    void oneNormalizer_givesTheSameResults_whateverItReadBefore() {
        DomainNormalizer reused = new DomainNormalizer(RULES);
        String longUrl = "https://www." + "sub.".repeat(1_500) + "acme.com/" + "x".repeat(3_000);
        for (String raw : new String[] {longUrl, "https://acme.co.uk/x", longUrl.substring(0, 4_000), "acme.com.",
            "https://a.b.c.d.e.acme.com", "x.io"}) {
            Outcome outcome = reused.normalize(raw);
            DomainNormalizer fresh = new DomainNormalizer(RULES);
            assertThat(outcome).as(raw).isEqualTo(fresh.normalize(raw));
            if (outcome == Outcome.DOMAIN) {
                assertThat(reused.key()).isEqualTo(fresh.key());
                assertThat(reused.keyHash()).isEqualTo(NameTable.hash(fresh.key()));
            }
        }
    }
}
