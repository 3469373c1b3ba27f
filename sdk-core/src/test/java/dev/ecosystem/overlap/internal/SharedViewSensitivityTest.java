package dev.ecosystem.overlap.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Match;
import dev.ecosystem.model.Population;
import dev.ecosystem.model.SharingPolicy;
import dev.ecosystem.overlap.OverlapSettings;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The counts that are noised move by at most 1 per cell when one partner account comes or goes. */
class SharedViewSensitivityTest {
    private static final CompanyId ME = CompanyId.of("acme");
    private static final CompanyId PARTNER = CompanyId.of("globex");
    private static final int CUSTOMERS = 1;
    private static final int OPEN = 2;
    private static final int PROSPECTS = 4;

    @Test
    @DisplayName("A partner account name-matching three of mine, and sharing a domain group, moves each noised cell by"
            + " at most 1, in no more cells than the sensitivity")
    void onePartnerAccount_movesEachCellByAtMostOne() {
        AccountFacts nameless = facts(PARTNER, "g9", null, CUSTOMERS);
        AccountFacts sharedDomain = facts(PARTNER, "g8", "one.com", CUSTOMERS);
        List<MatchGroup> without = new ArrayList<>(List.of(
                new MatchGroup(new Match(Match.Method.DOMAIN, 1.0, "one.com"),
                        List.of(facts(ME, "a0", "one.com", CUSTOMERS), facts(ME, "a0b", "one.com", PROSPECTS)),
                        List.of(facts(PARTNER, "g1", "one.com", CUSTOMERS)))));
        List<MatchGroup> with = new ArrayList<>(List.of(
                new MatchGroup(without.get(0).match(), without.get(0).mine(),
                        List.of(facts(PARTNER, "g1", "one.com", CUSTOMERS), sharedDomain))));
        for (String mine : List.of("a1", "a2", "a3")) {
            with.add(new MatchGroup(new Match(Match.Method.NAME, 0.95, "fourfold"),
                    List.of(facts(ME, mine, null, mine.equals("a1") ? CUSTOMERS : mine.equals("a2") ? OPEN : PROSPECTS)),
                    List.of(nameless)));
        }
        SharingPolicy counts = SharingPolicy.builder().counts(Population.CUSTOMERS).build();

        long[][] before = view(counts, without).homedCounts(3);
        long[][] after = view(counts, with).homedCounts(3);
        int moved = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(Math.abs(after[i][j] - before[i][j])).as("cell (%d, %d)", i, j).isLessThanOrEqualTo(1);
                moved += after[i][j] != before[i][j] ? 1 : 0;
            }
        }
        assertThat(moved).isLessThanOrEqualTo(3);
        assertThat(after[0][0]).as("g9 counts in its home, the name match with a1").isEqualTo(2);
        assertThat(after[2][0]).as("and not again beside a3").isEqualTo(1);
        SharingPolicy exact = SharingPolicy.builder().counts(Population.CUSTOMERS).exactCounts().build();
        assertThat(view(exact, with).matrix(null).cell(Population.PROSPECTS, Population.CUSTOMERS).count())
                .as("exact counts count it in each name match").isEqualTo(2L);
        assertThat(view(counts, with).matrix(null).cell(Population.CUSTOMERS,
                Population.CUSTOMERS).count()).as("no release: suppressed").isNull();
    }

    private static SharedView view(SharingPolicy policy, List<MatchGroup> groups) {
        return new SharedView(PARTNER, policy, OverlapSettings.defaults(), groups);
    }

    private static AccountFacts facts(CompanyId owner, String id, @Nullable String domain, int populations) {
        Account account = Account.builder(owner, AccountId.of(id), "Fourfold " + id).domain(domain).build();
        return new AccountFacts(account, List.of(), domain, domain == null ? DomainNormalizer.Outcome.EMPTY
                : DomainNormalizer.Outcome.DOMAIN, "fourfold", populations);
    }
}
