package dev.ecosystem.attribution;

import static dev.ecosystem.attribution.Fixtures.at;
import static dev.ecosystem.attribution.Fixtures.partner;
import static dev.ecosystem.attribution.Fixtures.touchAt;
import static dev.ecosystem.attribution.Fixtures.usd;
import static dev.ecosystem.attribution.Fixtures.won;
import static dev.ecosystem.attribution.Fixtures.TENANT;
import static dev.ecosystem.model.TouchpointKind.CO_SELL;
import static dev.ecosystem.model.TouchpointKind.INTRODUCTION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecosystem.model.AttributionModel;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.Money;
import dev.ecosystem.model.Touchpoint;
import dev.ecosystem.model.TouchpointId;
import dev.ecosystem.model.TouchpointKind;
import java.time.Instant;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** An introduction sources a deal created at or after it connected, and only influences one created before. */
class IntroductionSourcedRuleTest {
    private static final Attribution ATTRIBUTION = Attribution.builder().build();

    private static Map<CompanyId, Money> totals(AttributionData data, AttributionModel model) {
        return ATTRIBUTION.attribute(data, model).totalsByPartner();
    }

    /** One won deal created on 2025-03-10 with one touch of {@code kind} by globex at {@code when}. */
    private static AttributionData oneTouch(TouchpointKind kind, Instant when) {
        return AttributionData.of(TENANT, List.of(won("d1", "100.00", "USD", "2025-03-10", "2025-04-01")),
                List.of(touchAt("t1", "globex", "d1", kind, when)));
    }

    @Test
    @DisplayName("An introduction that connected before the deal was created sources it, and does not influence it")
    void introductionBeforeCreation_isSourced() {
        AttributionData data = oneTouch(INTRODUCTION, at("2025-03-01"));

        assertThat(totals(data, AttributionModel.sourced())).containsExactly(Map.entry(partner("globex"),
                usd("100.00")));
        assertThat(totals(data, AttributionModel.influenced())).isEmpty();
    }

    @Test
    @DisplayName("An introduction that connected at the very instant the deal was created sources it")
    void introductionAtCreation_isSourced() {
        AttributionData data = oneTouch(INTRODUCTION, at("2025-03-10"));

        assertThat(totals(data, AttributionModel.sourced())).containsExactly(Map.entry(partner("globex"),
                usd("100.00")));
    }

    @Test
    @DisplayName("An introduction that connected after the deal was created influences it but does not source it")
    void introductionAfterCreation_isInfluenced() {
        AttributionData data = oneTouch(INTRODUCTION, at("2025-03-10").plus(Duration.ofSeconds(1)));

        assertThat(totals(data, AttributionModel.sourced())).isEmpty();
        assertThat(totals(data, AttributionModel.influenced())).containsExactly(Map.entry(partner("globex"),
                usd("100.00")));
    }

    @Test
    @DisplayName("Other kinds before the deal was created still do not source it")
    void coSellBeforeCreation_isNotSourced() {
        AttributionData data = oneTouch(CO_SELL, at("2025-03-01"));

        assertThat(totals(data, AttributionModel.sourced())).isEmpty();
    }

    @Test
    @DisplayName("An introduction's account-level entry and its deal-level credit from a sync count once")
    void introductionOnAccountAndDeal_countsOnce() {
        Touchpoint onAccount = Touchpoint.builder(TouchpointId.of("t1"), TENANT, partner("globex"), INTRODUCTION,
                at("2025-03-01")).account(AccountId.of("acct-d1")).origin("intro-1").build();
        Touchpoint onDeal = Touchpoint.builder(TouchpointId.of("intro-link/d1/0"), TENANT, partner("globex"),
                INTRODUCTION, at("2025-03-01")).account(AccountId.of("acct-d1")).deal(DealId.of("d1"))
                .origin("intro-1").build();
        Touchpoint cosell = touchAt("t2", "initech", "d1", CO_SELL, at("2025-03-20"));
        AttributionData data = AttributionData.of(TENANT, List.of(won("d1", "100.00", "USD", "2025-03-10",
                "2025-04-01")), List.of(onAccount, onDeal, cosell));

        assertThat(totals(data, AttributionModel.linear())).containsExactly(
                Map.entry(partner("globex"), usd("50.00")), Map.entry(partner("initech"), usd("50.00")));
    }
}
