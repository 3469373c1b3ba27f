package dev.ecosystem.attribution;

import static dev.ecosystem.attribution.Fixtures.TENANT;
import static dev.ecosystem.attribution.Fixtures.accountTouch;
import static dev.ecosystem.attribution.Fixtures.at;
import static dev.ecosystem.attribution.Fixtures.partner;
import static dev.ecosystem.attribution.Fixtures.reversal;
import static dev.ecosystem.attribution.Fixtures.touch;
import static dev.ecosystem.attribution.Fixtures.touchAt;
import static dev.ecosystem.attribution.Fixtures.usd;
import static dev.ecosystem.attribution.Fixtures.won;
import static dev.ecosystem.model.TouchpointKind.CO_SELL;
import static dev.ecosystem.model.TouchpointKind.INFLUENCE;
import static dev.ecosystem.model.TouchpointKind.INTRODUCTION;
import static dev.ecosystem.model.TouchpointKind.MANUAL;
import static dev.ecosystem.model.TouchpointKind.SOURCED_REFERRAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.model.AttributionModel;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.Money;
import dev.ecosystem.model.Touchpoint;
import dev.ecosystem.model.TouchpointId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every model on one hand-computed deal: 1,000.00 USD, created 2025-01-10, won 2025-03-01, with
 * t1 A sourced 01-05 (before creation, inside the lookback), t2 B co-sell 01-20, t3 C influence 02-10,
 * t4 B intro 02-20, t5 D influence 03-05 (after the close: never counts), t6 E manual 2024-01-01 (before the
 * 180-day lookback: never counts).
 */
class AttributionModelTest {
    private final Attribution attribution = Attribution.builder().build();
    private final AttributionData data = AttributionData.of(TENANT,
            List.of(won("d1", "1000.00", "USD", "2025-01-10", "2025-03-01")),
            List.of(touch("t1", "A", "d1", SOURCED_REFERRAL, "2025-01-05"),
                    touch("t2", "B", "d1", CO_SELL, "2025-01-20"),
                    touch("t3", "C", "d1", INFLUENCE, "2025-02-10"),
                    touch("t4", "B", "d1", INTRODUCTION, "2025-02-20"),
                    touch("t5", "D", "d1", INFLUENCE, "2025-03-05"),
                    touch("t6", "E", "d1", MANUAL, "2024-01-01")));

    private Map<CompanyId, Money> run(AttributionModel model) {
        return attribution.attribute(data, model).totalsByPartner();
    }

    @Test
    @DisplayName("sourced: only the partner with a sourced referral gets credit")
    void sourced_creditsTheReferrer() {
        assertThat(run(AttributionModel.sourced())).containsExactly(Map.entry(partner("A"), usd("1000.00")));
    }

    @Test
    @DisplayName("influenced: partners that touched the open deal share it equally, once each")
    void influenced_sharesAmongPartnersInsideTheOpenWindow() {
        assertThat(run(AttributionModel.influenced())).containsExactly(
                Map.entry(partner("B"), usd("500.00")), Map.entry(partner("C"), usd("500.00")));
    }

    @Test
    @DisplayName("first and last touch: the earliest and the latest counted touch take everything")
    void firstAndLastTouch() {
        assertThat(run(AttributionModel.firstTouch())).containsExactly(Map.entry(partner("A"), usd("1000.00")));
        assertThat(run(AttributionModel.lastTouch())).containsExactly(Map.entry(partner("B"), usd("1000.00")));
    }

    @Test
    @DisplayName("linear: four counted touches, B has two of them")
    void linear_weighsEveryTouchTheSame() {
        assertThat(run(AttributionModel.linear())).containsExactly(
                Map.entry(partner("A"), usd("250.00")), Map.entry(partner("B"), usd("500.00")),
                Map.entry(partner("C"), usd("250.00")));
    }

    @Test
    @DisplayName("time decay: ages 46, 31, 10 and 0 days with a 10-day half-life")
    void timeDecay_halvesPerHalfLife() {
        // weights 2^-4.6 (A), 2^-3.1 + 1 (B), 2^-1 (C): exact shares 2487.21, 67353.49, 30159.29 cents;
        // floors sum to 99,999 so the last cent goes to the largest remainder (B, .49).
        assertThat(run(AttributionModel.timeDecay(Duration.ofDays(10)))).containsExactly(
                Map.entry(partner("A"), usd("24.87")), Map.entry(partner("B"), usd("673.54")),
                Map.entry(partner("C"), usd("301.59")));
    }

    @Test
    @DisplayName("position based 40/40: first A 40 %, last B 40 %, the two middle touches 10 % each")
    void positionBased_givesFirstAndLastTheirShares() {
        assertThat(run(AttributionModel.positionBased(0.4, 0.4))).containsExactly(
                Map.entry(partner("A"), usd("400.00")), Map.entry(partner("B"), usd("500.00")),
                Map.entry(partner("C"), usd("100.00")));
    }

    @Test
    @DisplayName("position based with two touches splits in the ratio first:last")
    void positionBased_twoTouches() {
        AttributionData two = AttributionData.of(TENANT,
                List.of(won("d1", "90.00", "USD", "2025-01-10", "2025-03-01")),
                List.of(touch("t1", "A", "d1", CO_SELL, "2025-01-11"), touch("t2", "B", "d1", CO_SELL, "2025-01-12")));
        assertThat(attribution.attribute(two, AttributionModel.positionBased(0.5, 0.25)).totalsByPartner())
                .containsExactly(Map.entry(partner("A"), usd("60.00")), Map.entry(partner("B"), usd("30.00")));
    }

    @Test
    @DisplayName("the lookback decides how early a touch still counts")
    void lookback_isConfigurable() {
        Attribution wide = Attribution.builder().lookback(Duration.ofDays(500)).build();
        assertThat(wide.attribute(data, AttributionModel.firstTouch()).totalsByPartner())
                .containsExactly(Map.entry(partner("E"), usd("1000.00")));
        Attribution none = Attribution.builder().lookback(Duration.ZERO).build();
        assertThat(none.attribute(data, AttributionModel.firstTouch()).totalsByPartner())
                .containsExactly(Map.entry(partner("B"), usd("1000.00")));
    }

    @Test
    @DisplayName("a credit names the deal, its status and day, and the entries that earned it")
    void credit_isTraceable() {
        AttributionResult linear = attribution.attribute(data, AttributionModel.linear());
        assertThat(linear.creditsFor(partner("B"))).singleElement().satisfies(c -> {
            assertThat(c.deal()).isEqualTo(DealId.of("d1"));
            assertThat(c.amount()).isEqualTo(usd("500.00"));
            assertThat(c.day()).hasToString("2025-03-01");
            assertThat(c.touchpoints()).containsExactly(TouchpointId.of("t2"), TouchpointId.of("t4"));
        });
        assertThat(linear.creditsFor(DealId.of("d1"))).extracting(Credit::partner)
                .containsExactly(partner("A"), partner("B"), partner("C"));
        assertThat(attribution.attribute(data, AttributionModel.lastTouch()).creditsFor(partner("B")).get(0)
                .touchpoints()).containsExactly(TouchpointId.of("t4"));
        assertThat(linear.total(partner("Z"))).isEqualTo(usd("0.00"));
    }

    @Test
    @DisplayName("a reversed entry no longer counts; reversing the reversal restores it")
    void reversals_cancelEntries() {
        Touchpoint t1 = touch("t1", "A", "d1", SOURCED_REFERRAL, "2025-01-05");
        Touchpoint fix = reversal("t1-fix", t1);
        List<dev.ecosystem.model.Deal> deals = List.of(won("d1", "1000.00", "USD", "2025-01-10", "2025-03-01"));
        Touchpoint t2 = touch("t2", "B", "d1", SOURCED_REFERRAL, "2025-01-06");
        assertThat(attribution.attribute(AttributionData.of(TENANT, deals, List.of(t1, t2, fix)),
                AttributionModel.sourced()).totalsByPartner()).containsExactly(Map.entry(partner("B"),
                usd("1000.00")));
        Touchpoint undo = reversal("t1-fix-undo", fix);
        assertThat(attribution.attribute(AttributionData.of(TENANT, deals, List.of(t1, t2, fix, undo)),
                AttributionModel.sourced()).totalsByPartner()).containsExactly(
                Map.entry(partner("A"), usd("500.00")), Map.entry(partner("B"), usd("500.00")));
    }

    @Test
    @DisplayName("a touch naming only an account counts for the account's deals")
    void accountTouch_countsForTheAccountsDeals() {
        AttributionData byAccount = AttributionData.of(TENANT,
                List.of(won("d1", "10.00", "USD", "2025-01-10", "2025-03-01"),
                        won("d2", "20.00", "USD", "2025-01-10", "2025-03-01")),
                List.of(accountTouch("t1", "A", "acct-d2", CO_SELL, "2025-02-01")));
        assertThat(attribution.attribute(byAccount, AttributionModel.linear()).credits())
                .extracting(c -> c.deal().value() + "=" + c.amount()).containsExactly("d2=20.00 USD");
    }

    @Test
    @DisplayName("touches at the same instant are ordered by touchpoint id")
    void sameInstant_tiesByTouchpointId() {
        AttributionData tie = AttributionData.of(TENANT,
                List.of(won("d1", "10.00", "USD", "2025-01-10", "2025-03-01")),
                List.of(touchAt("t-b", "B", "d1", CO_SELL, at("2025-02-01")),
                        touchAt("t-a", "A", "d1", CO_SELL, at("2025-02-01"))));
        assertThat(attribution.attribute(tie, AttributionModel.firstTouch()).totalsByPartner().keySet())
                .containsExactly(partner("A"));
        assertThat(attribution.attribute(tie, AttributionModel.lastTouch()).totalsByPartner().keySet())
                .containsExactly(partner("B"));
    }

    @Test
    @DisplayName("rounding: leftover cents go to the largest remainder, ties to the smaller partner id")
    void rounding_largestRemainderThenPartnerId() {
        AttributionData three = AttributionData.of(TENANT,
                List.of(won("d1", "100.00", "USD", "2025-01-10", "2025-03-01")),
                List.of(touch("t1", "p-c", "d1", CO_SELL, "2025-02-01"),
                        touch("t2", "p-a", "d1", CO_SELL, "2025-02-02"),
                        touch("t3", "p-b", "d1", CO_SELL, "2025-02-03")));
        assertThat(attribution.attribute(three, AttributionModel.linear()).totalsByPartner()).containsExactly(
                Map.entry(partner("p-a"), usd("33.34")), Map.entry(partner("p-b"), usd("33.33")),
                Map.entry(partner("p-c"), usd("33.33")));
        AttributionData twoToOne = AttributionData.of(TENANT,
                List.of(won("d1", "1.00", "USD", "2025-01-10", "2025-03-01")),
                List.of(touch("t1", "p-a", "d1", CO_SELL, "2025-02-01"),
                        touch("t2", "p-b", "d1", CO_SELL, "2025-02-02"),
                        touch("t3", "p-b", "d1", CO_SELL, "2025-02-03")));
        assertThat(attribution.attribute(twoToOne, AttributionModel.linear()).totalsByPartner()).containsExactly(
                Map.entry(partner("p-a"), usd("0.33")), Map.entry(partner("p-b"), usd("0.67")));
    }

    @Test
    @DisplayName("open deals count touches after creation with no end; deals without amount earn nothing")
    void openDealsAndMissingAmounts() {
        AttributionData open = AttributionData.of(TENANT,
                List.of(Fixtures.deal("d1", "50.00", "USD", dev.ecosystem.model.DealStatus.OPEN, "2025-01-10", null),
                        Fixtures.deal("d2", null, "USD", dev.ecosystem.model.DealStatus.OPEN, "2025-01-10", null)),
                List.of(touch("t1", "A", "d1", CO_SELL, "2026-06-01"), touch("t2", "A", "d2", CO_SELL, "2025-06-01")));
        assertThat(attribution.attribute(open, AttributionModel.influenced()).credits())
                .extracting(c -> c.deal().value() + "=" + c.amount() + "@" + c.day())
                .containsExactly("d1=50.00 USD@2025-01-10");
    }

    @Test
    @DisplayName("bad model parameters and foreign records fail with what was wrong")
    void validation() {
        assertThatThrownBy(() -> AttributionModel.positionBased(0.7, 0.5)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("first=0.7, last=0.5");
        assertThatThrownBy(() -> AttributionModel.timeDecay(Duration.ZERO)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("halfLife must be at least 1 second, but was PT0S");
        assertThatThrownBy(() -> AttributionData.of(CompanyId.of("other"), data.deals(), List.of()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("deal d1 belongs to acme");
        assertThatThrownBy(() -> AttributionData.of(TENANT, List.of(data.deals().get(0), data.deals().get(0)),
                List.of())).isInstanceOf(ValidationException.class).hasMessageContaining("d1 came twice");
        assertThatThrownBy(() -> Attribution.builder().lookback(Duration.ofDays(-1)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("lookback must be between");
        assertThat(AttributionModel.all()).extracting(AttributionModel::name).containsExactly("sourced",
                "influenced", "first-touch", "last-touch", "linear", "time-decay(PT168H)",
                "position-based(0.4,0.4)");
    }
}
