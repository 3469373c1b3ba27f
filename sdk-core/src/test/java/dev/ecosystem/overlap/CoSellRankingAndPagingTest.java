package dev.ecosystem.overlap;

import static dev.ecosystem.overlap.OverlapFixture.ACME;
import static dev.ecosystem.overlap.OverlapFixture.GLOBEX;
import static dev.ecosystem.overlap.OverlapFixture.NOW;
import static dev.ecosystem.overlap.OverlapFixture.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.DealStatus;
import dev.ecosystem.model.Money;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Co-sell lists rank amounts in different currencies by a documented rule, and every overlap list pages by keyset. */
class CoSellRankingAndPagingTest {
    private static final PageRequest ALL = PageRequest.first(100);

    /** Acme's open deals on a2, a5, a7 and a8, each a Globex customer. */
    private static OverlapFixture fixture(OverlapSettings settings) {
        OverlapFixture fixture = new OverlapFixture(settings);
        fixture.acmeCrm.put(account(ACME, "a7", "Nine", "nine.com", "lead"));
        fixture.acmeCrm.put(account(ACME, "a8", "Ten", "ten.jp", "lead"));
        fixture.globexCrm.put(account(GLOBEX, "g7", "Nine", "nine.com", "customer"));
        fixture.globexCrm.put(account(GLOBEX, "g8", "Ten", "ten.jp", "customer"));
        fixture.acmeCrm.put(deal(ACME, "d5", "a5", "9000", "USD"));
        fixture.acmeCrm.put(deal(ACME, "d2", "a2", "5000", "EUR"));
        fixture.acmeCrm.put(deal(ACME, "d7", "a7", "8000", "EUR"));
        fixture.acmeCrm.put(deal(ACME, "d8", "a8", "900000", "JPY"));
        fixture.partnered();
        shareAll(fixture);
        return fixture;
    }

    private static void shareAll(OverlapFixture fixture) {
        SharingRulesTest.shareAllAsRecords(fixture.globex(), ACME);
        SharingRulesTest.shareAllAsRecords(fixture.acme(), GLOBEX);
    }

    private static Deal deal(CompanyId owner, String id, String account, String amount, String currency) {
        return Deal.builder(owner, DealId.of(id), "Deal " + id).account(AccountId.of(account))
                .amount(Money.of(amount, currency)).stage("Qualification", DealStatus.OPEN).createdAt(NOW).build();
    }

    private static List<String> asks(Overlaps overlaps) {
        return overlaps.askForIntro(GLOBEX, ALL).items().stream().map(e -> e.myAccount().id().value()).toList();
    }

    @Test
    void askForIntro_withoutRates_groupsByCurrencyCode_largestFirstWithinACurrency() {
        OverlapFixture fixture = fixture(OverlapSettings.defaults());

        // EUR 8000, EUR 5000, then JPY 900000, then USD 9000: never 900000 JPY first as the largest number
        assertThat(asks(fixture.acme())).containsExactly("a7", "a2", "a8", "a5");
    }

    @Test
    void askForIntro_withRates_ranksByConvertedAmount_andCurrenciesWithoutARateLast() {
        CurrencyRates rates = CurrencyRates.of(Map.of(Currency.getInstance("USD"), BigDecimal.ONE,
                Currency.getInstance("EUR"), new BigDecimal("1.10")));
        OverlapFixture fixture = fixture(OverlapSettings.builder().currencyRates(rates).build());

        // 9000 USD = 9000, 8000 EUR = 8800, 5000 EUR = 5500; JPY has no rate
        assertThat(asks(fixture.acme())).containsExactly("a5", "a7", "a2", "a8");
    }

    @Test
    void askForIntro_withRates_convertsBeforeComparing() {
        CurrencyRates rates = currency -> switch (currency.getCurrencyCode()) {
            case "USD" -> BigDecimal.ONE;
            case "EUR" -> new BigDecimal("1.20");
            case "JPY" -> new BigDecimal("0.0067");
            default -> null;
        };
        OverlapFixture fixture = fixture(OverlapSettings.builder().currencyRates(rates).build());

        // 8000 EUR = 9600, 9000 USD = 9000, 900000 JPY = 6030, 5000 EUR = 6000
        assertThat(asks(fixture.acme())).containsExactly("a7", "a5", "a8", "a2");
    }

    @Test
    void askForIntro_withANonPositiveRate_isRefusedNamingTheCurrency() {
        CurrencyRates rates = currency -> currency.getCurrencyCode().equals("EUR") ? BigDecimal.ZERO : BigDecimal.ONE;
        OverlapFixture fixture = fixture(OverlapSettings.builder().currencyRates(rates).build());

        assertThatThrownBy(() -> fixture.acme().askForIntro(GLOBEX, ALL))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("currency rate for EUR must be greater than 0, but was 0");
    }

    @Test
    void askForIntro_pagesByKeyset_soADealRankedBeforeTheCursorNeitherRepeatsNorShiftsTheNextPage() {
        OverlapFixture fixture = fixture(OverlapSettings.defaults());
        Page<CoSellEntry> first = fixture.acme().askForIntro(GLOBEX, PageRequest.first(2));
        assertThat(first.items()).extracting(e -> e.myAccount().id().value()).containsExactly("a7", "a2");

        // a new deal that ranks first: offset paging would show a2 again
        fixture.acmeCrm.put(account(ACME, "a9", "Eleven", "eleven.com", "lead"));
        fixture.globexCrm.put(account(GLOBEX, "g9", "Eleven", "eleven.com", "customer"));
        fixture.acmeCrm.put(deal(ACME, "d9", "a9", "99000", "EUR"));
        fixture.acme().syncChanges();
        fixture.globex().syncChanges();

        Page<CoSellEntry> second = fixture.acme().askForIntro(GLOBEX, PageRequest.after(first.nextCursor(), 2));
        assertThat(second.items()).extracting(e -> e.myAccount().id().value()).containsExactly("a8", "a5");
        assertThat(second.nextCursor()).isNull();
        assertThat(asks(fixture.acme())).containsExactly("a9", "a7", "a2", "a8", "a5");
    }

    @Test
    void records_pageByKeyset_whileAccountsAreAddedAndRemoved() {
        OverlapFixture fixture = new OverlapFixture().partnered();
        shareAll(fixture);
        Page<OverlapRecord> first = fixture.acme().records(GLOBEX, null, null, PageRequest.first(2));
        List<String> seen = new ArrayList<>(ids(first));
        assertThat(seen).containsExactly("a1=g1", "a2=g2");

        // removed before the cursor: offset paging would skip a3
        fixture.acmeCrm.removeAccount(AccountId.of("a1"));
        fixture.acme().syncCrm();
        Page<OverlapRecord> second = fixture.acme().records(GLOBEX, null, null,
                PageRequest.after(first.nextCursor(), 2));
        seen.addAll(ids(second));

        // added before the cursor: offset paging would repeat a4
        fixture.acmeCrm.put(account(ACME, "a0", "Eight", "eight.com", "lead"));
        fixture.acme().syncChanges();
        Page<OverlapRecord> third = fixture.acme().records(GLOBEX, null, null,
                PageRequest.after(second.nextCursor(), 2));
        seen.addAll(ids(third));

        assertThat(seen).containsExactly("a1=g1", "a2=g2", "a3=g3", "a4=g4", "a5=g5");
        assertThat(third.nextCursor()).isNull();
    }

    @Test
    void offerHelp_pagesByKeyset_acrossEveryEntryOnce() {
        OverlapFixture fixture = fixture(OverlapSettings.defaults());
        List<String> all = fixture.globex().offerHelp(ACME, ALL).items().stream()
                .map(e -> e.theirAccount().id().value()).toList();
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            Page<CoSellEntry> page = fixture.globex().offerHelp(ACME, PageRequest.after(cursor, 1));
            page.items().forEach(e -> paged.add(e.theirAccount().id().value()));
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(all).containsExactly("a7", "a2", "a8", "a5");
        assertThat(paged).isEqualTo(all);
    }

    @Test
    void cursors_thatAreMalformedOrFromAnotherListing_areRefused() {
        OverlapFixture fixture = fixture(OverlapSettings.defaults());
        String asks = fixture.acme().askForIntro(GLOBEX, PageRequest.first(1)).nextCursor();

        assertThatThrownBy(() -> fixture.acme().records(GLOBEX, null, null, PageRequest.after(asks, 1)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("cursor is malformed");
        assertThatThrownBy(() -> fixture.acme().askForIntro(GLOBEX, PageRequest.after("bm90LWEtY3Vyc29y", 1)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("cursor is malformed");
        String tampered = dev.ecosystem.spi.support.Cursors.encode("overlap/ask-for-intro/" + GLOBEX, "3:abc");
        assertThatThrownBy(() -> fixture.acme().askForIntro(GLOBEX, PageRequest.after(tampered, 1)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("cursor is malformed");
    }

    private static List<String> ids(Page<OverlapRecord> page) {
        return page.items().stream().map(r -> r.mine().id() + "=" + r.theirs().id()).toList();
    }
}
