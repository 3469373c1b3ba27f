package dev.ecosystem.overlap;

import static dev.ecosystem.overlap.OverlapFixture.ACME;
import static dev.ecosystem.overlap.OverlapFixture.GLOBEX;
import static dev.ecosystem.overlap.OverlapFixture.account;
import static dev.ecosystem.overlap.OverlapFixture.closedDeal;
import static dev.ecosystem.overlap.OverlapFixture.openDeal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.DealStatus;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.Population;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import dev.ecosystem.model.Match;
import dev.ecosystem.model.MatchExplanation;
import dev.ecosystem.model.SharingPolicy;

/** Matrix, records and co-sell lists of two partners, and how they follow changes in either CRM. */
class AccountMappingTest {
    private static final PageRequest ALL = PageRequest.first(100);

    @Test
    void askForIntro_listsMyOpenOpportunitiesThatAreTheirCustomers_largestDealFirst() {
        OverlapFixture fixture = new OverlapFixture().partnered();
        SharingRulesTest.shareAllAsRecords(fixture.globex(), ACME);

        List<CoSellEntry> asks = fixture.acme().askForIntro(GLOBEX, ALL).items();

        assertThat(asks).extracting(e -> e.myAccount().id().value()).containsExactly("a5", "a2");
        CoSellEntry first = asks.get(0);
        assertThat(first.kind()).isEqualTo(CoSellEntry.Kind.ASK_FOR_INTRO);
        assertThat(first.partner()).isEqualTo(GLOBEX);
        assertThat(first.myDeal().id()).isEqualTo(DealId.of("d5"));
        assertThat(first.theirAccount().id()).isEqualTo(AccountId.of("g5"));
        assertThat(first.theirAccount().field("name")).isEqualTo("Seven Group");
        assertThat(first.match().method()).isEqualTo(Match.Method.DOMAIN);
        assertThat(first.match().key()).isEqualTo("seven.com");
    }

    @Test
    void coSellEntry_startsAnIntroductionDirectly_once() {
        OverlapFixture fixture = new OverlapFixture().partnered();
        SharingRulesTest.shareAllAsRecords(fixture.globex(), ACME);
        fixture.client.as(ACME).contacts().save(Contact.builder(ContactId.of("rep"), ACME, "Ada Rep", "ada@acme.io")
                .roleTags("sales").build());
        fixture.client.as(GLOBEX).contacts().save(Contact.builder(ContactId.of("pm"), GLOBEX, "Grace Pm",
                "grace@globex.com").roleTags("partnerships").reachableForIntroductions(true).build());
        CoSellEntry ask = fixture.acme().askForIntro(GLOBEX, ALL).items().get(0);

        Introduction first = fixture.client.as(ACME).intros()
                .request(ask.introRequest(ContactId.of("rep"), ContactId.of("pm")).build());
        Introduction again = fixture.client.as(ACME).intros()
                .request(ask.introRequest(ContactId.of("rep"), ContactId.of("pm")).build());

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(first.account()).isEqualTo(AccountId.of("a5"));
        assertThat(first.deal()).isEqualTo(DealId.of("d5"));
        assertThat(first.targetCompany()).isEqualTo(GLOBEX);
    }

    @Test
    void askForIntro_withEqualAmounts_ranksTheLaterStageFirst() {
        OverlapFixture fixture = new OverlapFixture();
        fixture.acmeCrm.put(openDeal(ACME, "d5", "a5", "5000", "Prospecting"));
        fixture.acmeCrm.put(openDeal(ACME, "d2", "a2", "5000", "Negotiation/Review"));
        fixture.partnered();
        SharingRulesTest.shareAllAsRecords(fixture.globex(), ACME);

        assertThat(fixture.acme().askForIntro(GLOBEX, ALL).items()).extracting(e -> e.myAccount().id().value())
                .containsExactly("a2", "a5");
    }

    @Test
    void offerHelp_listsTheirOpenOpportunitiesThatAreMyCustomers() {
        OverlapFixture fixture = new OverlapFixture().partnered();
        SharingRulesTest.shareAllAsRecords(fixture.globex(), ACME);
        SharingRulesTest.shareAllAsRecords(fixture.acme(), GLOBEX);

        List<CoSellEntry> offers = fixture.acme().offerHelp(GLOBEX, ALL).items();
        assertThat(offers).hasSize(1);
        assertThat(offers.get(0).kind()).isEqualTo(CoSellEntry.Kind.OFFER_HELP);
        assertThat(offers.get(0).myAccount().id().value()).isEqualTo("a3");
        assertThat(offers.get(0).theirAccount().id().value()).isEqualTo("g3");
        assertThat(offers.get(0).theirDeal().id()).isEqualTo(DealId.of("h3"));

        assertThat(fixture.globex().offerHelp(ACME, ALL).items()).extracting(e -> e.theirAccount().id().value())
                .containsExactly("a5", "a2");
        assertThat(fixture.globex().askForIntro(ACME, ALL).items()).extracting(e -> e.myAccount().id().value())
                .containsExactly("g3");
    }

    @Test
    void coSellLists_page() {
        OverlapFixture fixture = new OverlapFixture().partnered();
        SharingRulesTest.shareAllAsRecords(fixture.globex(), ACME);

        var first = fixture.acme().askForIntro(GLOBEX, PageRequest.first(1));
        var second = fixture.acme().askForIntro(GLOBEX, PageRequest.after(first.nextCursor(), 1));

        assertThat(first.items()).extracting(e -> e.myAccount().id().value()).containsExactly("a5");
        assertThat(second.items()).extracting(e -> e.myAccount().id().value()).containsExactly("a2");
        assertThat(second.nextCursor()).isNull();
    }

    @Test
    void aChangeInEitherCrm_isInTheNextResult() {
        OverlapFixture fixture = new OverlapFixture().partnered();
        SharingRulesTest.shareAllAsCounts(fixture.globex(), ACME, 0);
        assertThat(fixture.acme().matrix(GLOBEX).cell(Population.PROSPECTS, Population.CUSTOMERS).count()).isZero();

        // globex gains a customer that acme has as a prospect, acme's a2 wins its deal, globex loses g1
        fixture.globexCrm.put(account(GLOBEX, "g7", "Six Inc", "https://www.six.com/", "customer"));
        fixture.acmeCrm.put(closedDeal(ACME, "d2", "a2", DealStatus.WON));
        fixture.globexCrm.removeAccount(AccountId.of("g1"));
        var acmeSync = fixture.acme().syncChanges();
        var globexSync = fixture.globex().syncChanges();

        assertThat(acmeSync.deals()).isEqualTo(1);
        assertThat(acmeSync.accounts()).isZero();
        assertThat(globexSync.accounts()).isEqualTo(1);
        assertThat(globexSync.removedAccounts()).isEqualTo(1);
        PopulationMatrix matrix = fixture.acme().matrix(GLOBEX);
        assertThat(matrix.cell(Population.PROSPECTS, Population.CUSTOMERS).count()).isEqualTo(1L);
        assertThat(matrix.cell(Population.CUSTOMERS, Population.CUSTOMERS).count()).isEqualTo(1L); // two.com
        assertThat(matrix.cell(Population.OPEN_OPPORTUNITIES, Population.CUSTOMERS).count()).isEqualTo(1L);
    }

    @Test
    void writesToTheSnapshotOutsideASync_areSeenToo() {
        OverlapFixture fixture = new OverlapFixture().partnered();
        SharingRulesTest.shareAllAsCounts(fixture.globex(), ACME, 0);
        fixture.acme().matrix(GLOBEX);

        fixture.client.store().useTransaction(tx -> tx.crm().putAccounts(ACME,
                List.of(account(ACME, "a9", "Eight", "eight.com", "customer"))));

        assertThat(fixture.acme().matrix(GLOBEX).cell(Population.CUSTOMERS, Population.CUSTOMERS).count())
                .isEqualTo(2L);
    }

    @Test
    void customPopulations_andChangedRules_drawTheirOwnRowsAndColumns() {
        OverlapSettings settings = OverlapSettings.builder()
                .customers((acct, deals) -> "customer".equals(acct.lifecycleStage()))
                .customPopulation("gold-tier", acct -> "gold".equals(acct.properties().get("tier")))
                .build();
        OverlapFixture fixture = new OverlapFixture(settings).partnered();
        Population gold = Population.custom("gold-tier");
        fixture.globex().shareWith(ACME, SharingPolicy.builder().records(gold, "tier").build());

        PopulationMatrix matrix = fixture.acme().matrix(GLOBEX);

        assertThat(fixture.acme().populations()).containsExactly(Population.CUSTOMERS,
                Population.OPEN_OPPORTUNITIES, Population.PROSPECTS, gold);
        assertThat(matrix.theirs()).containsExactly(gold);
        assertThat(matrix.cell(Population.CUSTOMERS, gold).count()).isEqualTo(1L);
        List<OverlapRecord> records = fixture.acme().records(GLOBEX, null, gold, ALL).items();
        assertThat(records).extracting(r -> r.theirs().id().value()).containsExactly("g1");
        assertThat(records.get(0).theirs().fields()).containsOnlyKeys("tier");
        assertThat(records.get(0).theirs().populations()).containsExactly(gold);
    }

    @Test
    void nameMatches_sayHowAndWithWhatConfidence_andTheThresholdDecides() {
        OverlapFixture fixture = new OverlapFixture();
        fixture.globexCrm.put(account(GLOBEX, "g4", "Fourfold Analytic", null, "lead"));
        fixture.partnered();
        SharingRulesTest.shareAllAsRecords(fixture.globex(), ACME);

        List<OverlapRecord> byName = fixture.acme().records(GLOBEX, Population.PROSPECTS, null, ALL).items();
        assertThat(byName).hasSize(1);
        assertThat(byName.get(0).match().method()).isEqualTo(Match.Method.NAME);
        assertThat(byName.get(0).match().confidence()).isBetween(0.9, 0.99);

        OverlapFixture strict = new OverlapFixture(OverlapSettings.builder().nameThreshold(0.99).build());
        strict.globexCrm.put(account(GLOBEX, "g4", "Fourfold Analytic", null, "lead"));
        strict.partnered();
        SharingRulesTest.shareAllAsRecords(strict.globex(), ACME);
        assertThat(strict.acme().records(GLOBEX, Population.PROSPECTS, null, ALL).items()).isEmpty();

        OverlapFixture off = new OverlapFixture(OverlapSettings.builder().nameMatching(false).build()).partnered();
        SharingRulesTest.shareAllAsRecords(off.globex(), ACME);
        assertThat(off.acme().records(GLOBEX, Population.PROSPECTS, null, ALL).items()).isEmpty();
    }

    @Test
    void explain_saysWhyTwoAccountsMatchOrNot() {
        Overlaps overlaps = new OverlapFixture().acme();

        MatchExplanation domain = overlaps.explain(account(ACME, "x", "Acme", "https://shop.acme.co.uk/", null),
                account(GLOBEX, "y", "ACME Holdings", "www.acme.co.uk", null));
        assertThat(domain.matched()).isTrue();
        assertThat(domain.match().method()).isEqualTo(Match.Method.DOMAIN);
        assertThat(domain.match().confidence()).isEqualTo(1.0);
        assertThat(domain.reason()).contains("acme.co.uk");

        MatchExplanation differentDomains = overlaps.explain(account(ACME, "x", "Acme", "acme.com", null),
                account(GLOBEX, "y", "Acme", "acme-group.de", null));
        assertThat(differentDomains.matched()).isFalse();
        assertThat(differentDomains.reason()).contains("domains differ");

        MatchExplanation generic = overlaps.explain(account(ACME, "x", "Acme, Inc.", "jane@gmail.com", null),
                account(GLOBEX, "y", "ACME LLC", "acme.com", null));
        assertThat(generic.matched()).isTrue();
        assertThat(generic.domainA()).contains("generic");
        assertThat(generic.match().method()).isEqualTo(Match.Method.NAME);
        assertThat(generic.nameA()).isEqualTo("acme");

        MatchExplanation unlike = overlaps.explain(account(ACME, "x", "Acme", null, null),
                account(GLOBEX, "y", "Acmetric", null, null));
        assertThat(unlike.matched()).isFalse();
        assertThat(unlike.nameSimilarity()).isZero();
        assertThat(unlike.rule()).isEqualTo(MatchExplanation.Rule.WORDS_DIFFER);
        assertThat(unlike.differentWords()).containsExactly("acme ≠ acmetric");
        assertThat(unlike.reason()).contains("more than one typo");

        MatchExplanation empty = overlaps.explain(account(ACME, "x", "(unknown)", null, null),
                account(GLOBEX, "y", "- - -", "not a domain", null));
        assertThat(empty.matched()).isFalse();
        assertThat(empty.reason()).contains("empty");
    }

    @Test
    void idnForms_matchEachOther() {
        Overlaps overlaps = new OverlapFixture().acme();

        MatchExplanation idn = overlaps.explain(account(ACME, "x", "Bäckerei", "https://www.bäckerei-müller.de", null),
                account(GLOBEX, "y", "Baeckerei Mueller", "xn--bckerei-mller-bfb28a.de", null));

        assertThat(idn.matched()).isTrue();
        assertThat(idn.match().method()).isEqualTo(Match.Method.DOMAIN);
    }

    @Test
    void records_page_inStableOrder() {
        OverlapFixture fixture = new OverlapFixture().partnered();
        SharingRulesTest.shareAllAsRecords(fixture.globex(), ACME);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = fixture.acme().records(GLOBEX, null, null, PageRequest.after(cursor, 2));
            page.items().forEach(r -> seen.add(r.mine().id() + "=" + r.theirs().id()));
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(seen).containsExactly("a1=g1", "a2=g2", "a3=g3", "a4=g4", "a5=g5");
        List<Account> mine = fixture.acme().accounts(ALL).items();
        assertThat(mine).hasSize(6);
    }
}
