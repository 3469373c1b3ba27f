package dev.ecosystem.overlap.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.CompanyId;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Match keys stored at sync: what they hold, and which rules they are current for. */
class MatchKeysTest {
    private static final CompanyId ME = CompanyId.of("me");
    private static final Set<String> GENERIC = Set.of("gmail.com");

    @Test
    void keys_holdTheRegistrableDomainItsHashAndTheNormalizedName() {
        DomainRules rules = DomainRules.of(false, GENERIC);
        DomainNormalizer normalizer = new DomainNormalizer(rules);
        List<byte[]> keys = new MatchKeys(rules, NameRules.DEFAULT).of(List.of(
                account("a", "Acme Widgets, Inc.", "https://WWW.Acme.co.uk/about"),
                account("b", "Jane's Bakery", "jane@gmail.com"),
                account("c", "Initech", null)), normalizer);

        normalizer.normalize("acme.co.uk");
        assertThat(MatchKeys.domainHash(keys.get(0))).isEqualTo(AccountColumns.hashOf(normalizer.keyHash()));
        assertThat(text(keys.get(0), MatchKeys.DOMAIN, MatchKeys.domainTo(keys.get(0)))).isEqualTo("acme.co.uk");
        assertThat(text(keys.get(0), MatchKeys.domainTo(keys.get(0)), keys.get(0).length))
                .isEqualTo(NameNormalizer.normalize("Acme Widgets, Inc."));
        assertThat(MatchKeys.idHash(keys.get(0))).isEqualTo("a".hashCode());
        byte[] name = NameNormalizer.normalize("Acme Widgets, Inc.").getBytes(StandardCharsets.UTF_8);
        assertThat(MatchKeys.nameMask(keys.get(0))).isEqualTo(AccountColumns.charMask(name, 0, name.length));
        assertThat(MatchKeys.domainHash(keys.get(1))).as("a generic domain is no key").isZero();
        assertThat(MatchKeys.domainTo(keys.get(1))).isEqualTo(MatchKeys.DOMAIN);
        assertThat(MatchKeys.domainHash(keys.get(2))).isZero();
        assertThat(text(keys.get(2), MatchKeys.domainTo(keys.get(2)), keys.get(2).length)).isEqualTo("initech");
    }

    @Test
    void keys_areCurrentOnlyUnderRulesThatGiveTheSameKeys() {
        byte[] keys = new MatchKeys(DomainRules.of(false, GENERIC), NameRules.DEFAULT)
                .of(List.of(account("a", "Acme", "acme.com")), new DomainNormalizer(DomainRules.of(false, GENERIC)))
                .get(0);

        assertThat(new MatchKeys(DomainRules.of(false, Set.of("gmail.com")), NameRules.DEFAULT).current(keys))
                .as("equal rules made again (another client, another node)").isTrue();
        assertThat(new MatchKeys(DomainRules.of(true, GENERIC), NameRules.DEFAULT).current(keys)).as("private suffixes on").isFalse();
        assertThat(new MatchKeys(DomainRules.of(false, Set.of("gmail.com", "acme.com")), NameRules.DEFAULT).current(keys))
                .as("another generic domain").isFalse();
        assertThat(new MatchKeys(DomainRules.of(false, GENERIC), NameRules.DEFAULT).current(Arrays.copyOf(keys, 5)))
                .as("cut short").isFalse();
        assertThat(new MatchKeys(DomainRules.of(false, GENERIC), NameRules.DEFAULT).current(null)).isFalse();
        assertThat(new MatchKeys(DomainRules.of(false, GENERIC), NameRules.DEFAULT.with(Set.of("sp k"), Map.of(),
                Set.of())).current(keys)).as("another legal form").isFalse();
        assertThat(new MatchKeys(DomainRules.of(false, GENERIC), NameRules.DEFAULT.with(Set.of(),
                Map.of("holdings", "hldgs"), Set.of())).current(keys)).as("another abbreviation").isFalse();
    }

    private static Account account(String id, String name, String domain) {
        Account.Builder builder = Account.builder(ME, AccountId.of(id), name);
        if (domain != null) {
            builder.domain(domain);
        }
        return builder.build();
    }

    private static String text(byte[] bytes, int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }
}
