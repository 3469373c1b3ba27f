package dev.ecosystem.overlap.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.DealStatus;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Deals are linked to the accounts they name by id, whatever the ids' hashes. */
class DealLinksTest {
    private static final CompanyId ME = CompanyId.of("me");

    @Test
    void accountsWhoseIdsShareAHash_getOnlyTheirOwnDeals_inDealOrder() {
        // "Aa" and "BB" have the same String.hashCode, as have "AaAa", "AaBB", "BBAa" and "BBBB"
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        Account aa = account("AaAa");
        Account bb = account("BBBB");
        Account alone = account("c");
        Deal[] deals = {deal("d1", "BBBB"), deal("d2", "AaAa", "BBBB"), deal("d3", "AaBB"), deal("d4", "AaAa")};
        DealLinks links = DealLinks.of(deals);

        assertThat(links.size()).isEqualTo(5);
        assertThat(dealsOf(links, aa)).containsExactly(1, 3);
        assertThat(dealsOf(links, bb)).containsExactly(0, 1);
        assertThat(dealsOf(links, alone)).isEmpty();
        assertThat(dealsOf(links, account("BBAa"))).as("same hash, no deal").isEmpty();
    }

    @Test
    void noDeals_linkNothing() {
        DealLinks links = DealLinks.of(new Deal[0]);

        assertThat(links.size()).isZero();
        assertThat(dealsOf(links, account("a"))).isEmpty();
    }

    private static int[] dealsOf(DealLinks links, Account account) {
        int[] out = new int[links.size() + 1];
        int end = links.dealsOf(account, account.id().value().hashCode(), out, 1);
        return Arrays.copyOfRange(out, 1, end);
    }

    private static Account account(String id) {
        return Account.builder(ME, AccountId.of(id), "Account " + id).build();
    }

    private static Deal deal(String id, String... accounts) {
        Deal.Builder deal = Deal.builder(ME, DealId.of(id), "Deal").stage("Qualification", DealStatus.OPEN)
                .createdAt(Instant.parse("2026-12-01T00:00:00Z"));
        for (String account : accounts) {
            deal.account(AccountId.of(account));
        }
        return deal.build();
    }
}
