package dev.ecosystem.attribution;

import static dev.ecosystem.attribution.Fixtures.TENANT;
import static dev.ecosystem.attribution.Fixtures.deal;
import static dev.ecosystem.attribution.Fixtures.partner;
import static dev.ecosystem.attribution.Fixtures.touch;
import static dev.ecosystem.attribution.Fixtures.usd;
import static dev.ecosystem.attribution.Fixtures.won;
import static dev.ecosystem.model.TouchpointKind.SOURCED_REFERRAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.DealStatus;
import dev.ecosystem.model.TouchpointId;
import dev.ecosystem.model.CommissionLine;
import dev.ecosystem.model.CommissionLine.Kind;
import dev.ecosystem.model.PayoutStatus;
import dev.ecosystem.model.CommissionPlan;
import dev.ecosystem.model.Rate;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Partner A sourced three won deals in 2025-Q1: d1 1,000.00 (closed 01-20), d2 3,000.00 (02-15), d3 2,000.00
 * (03-10), and one lost deal of 5,000.00 that earns nothing. Partner B sourced d5 (another 1,000.00).
 */
class CommissionTest {
    private static final ReportPeriod Q1 = ReportPeriod.quarter(2025, 1);
    private static final ReportPeriod Q2 = ReportPeriod.quarter(2025, 2);

    private final Attribution attribution = Attribution.builder().build();
    private final AttributionData data = AttributionData.of(TENANT,
            List.of(won("d1", "1000.00", "USD", "2025-01-02", "2025-01-20"),
                    won("d2", "3000.00", "USD", "2025-01-03", "2025-02-15"),
                    won("d3", "2000.00", "USD", "2025-01-04", "2025-03-10"),
                    deal("d4", "5000.00", "USD", DealStatus.LOST, "2025-01-05", "2025-03-01"),
                    won("d5", "1000.00", "USD", "2025-01-06", "2025-02-01")),
            List.of(touch("t1", "A", "d1", SOURCED_REFERRAL, "2025-01-01"),
                    touch("t2", "A", "d2", SOURCED_REFERRAL, "2025-01-01"),
                    touch("t3", "A", "d3", SOURCED_REFERRAL, "2025-01-01"),
                    touch("t4", "A", "d4", SOURCED_REFERRAL, "2025-01-01"),
                    touch("t5", "B", "d5", SOURCED_REFERRAL, "2025-01-01")));

    private CommissionStatement statement(CommissionPlan plan, ReportPeriod period) {
        return attribution.statement(data, plan, partner("A"), period);
    }

    private static List<String> lines(CommissionStatement statement) {
        return statement.lines().stream()
                .map(l -> l.kind() + " " + l.deal() + " " + l.day() + " " + l.amount().amount()).toList();
    }

    @Test
    @DisplayName("percentage: 10 % of each won deal's attributed revenue, one line per deal, traceable")
    void percentage() {
        CommissionStatement statement = statement(CommissionPlan.builder("Flat").rate(Rate.percent("10")).build(), Q1);
        assertThat(lines(statement)).containsExactly(
                "EARNING d1 2025-01-20 100.00", "EARNING d2 2025-02-15 300.00", "EARNING d3 2025-03-10 200.00");
        assertThat(statement.total()).isEqualTo(usd("600.00"));
        assertThat(statement.status()).isEqualTo(PayoutStatus.DRAFT);
        CommissionLine first = statement.lines().get(0);
        assertThat(first.deal()).isEqualTo(DealId.of("d1"));
        assertThat(first.touchpoints()).containsExactly(TouchpointId.of("t1"));
        assertThat(first.base()).isEqualTo(usd("1000.00"));
        assertThat(first.rate()).isEqualByComparingTo("10");
        assertThat(statement(CommissionPlan.builder("Flat").rate(Rate.percent("10")).build(), Q2).lines()).isEmpty();
        assertThat(attribution.statement(data, CommissionPlan.builder("Flat").rate(Rate.percent("10"))
                .build(), partner("B"), Q1)
                .total()).isEqualTo(usd("100.00"));
    }

    @Test
    @DisplayName("partner tiers: a gold partner earns the gold rate, an unknown tier the plan rate")
    void tierRates() {
        CommissionPlan plan = CommissionPlan.builder("Tiers").rate(Rate.percent("10"))
                .tierRate("gold", Rate.percent("15")).build();
        assertThat(attribution.statement(data, plan, partner("A"), "gold", Q1).total()).isEqualTo(usd("900.00"));
        assertThat(attribution.statement(data, plan, partner("A"), "silver", Q1).total()).isEqualTo(usd("600.00"));
    }

    @Test
    @DisplayName("marginal volume tiers: only the volume above each threshold earns its rate")
    void marginalVolumeTiers() {
        CommissionPlan plan = CommissionPlan.builder("Volume").rate(Rate.percent("10"))
                .volumeTier("2500", Rate.percent("20"))
                .volumeTier("5000", Rate.percent("30")).marginal().build();
        // d1: 0..1000 at 10 % = 100; d2: 1000..2500 at 10 % + 2500..4000 at 20 % = 450;
        // d3: 4000..5000 at 20 % + 5000..6000 at 30 % = 500.
        assertThat(lines(statement(plan, Q1))).containsExactly(
                "EARNING d1 2025-01-20 100.00", "EARNING d2 2025-02-15 450.00", "EARNING d3 2025-03-10 500.00");
        assertThat(statement(plan, Q1).lines().get(1).rate()).isEqualByComparingTo("15");
    }

    @Test
    @DisplayName("whole-volume tiers: reaching a tier lifts the year's earlier earnings through adjustment lines")
    void wholeVolumeTiers() {
        CommissionPlan plan = CommissionPlan.builder("Volume").rate(Rate.percent("10"))
                .volumeTier("2500", Rate.percent("20"))
                .volumeTier("5000", Rate.percent("30")).wholeVolume().build();
        CommissionStatement statement = statement(plan, Q1);
        assertThat(lines(statement)).containsExactly(
                "EARNING d1 2025-01-20 100.00",
                "TIER_ADJUSTMENT d1 2025-02-15 100.00", "EARNING d2 2025-02-15 600.00",
                "TIER_ADJUSTMENT d1 2025-03-10 100.00", "TIER_ADJUSTMENT d2 2025-03-10 300.00",
                "EARNING d3 2025-03-10 600.00");
        assertThat(statement.total()).isEqualTo(usd("1800.00"));
        assertThat(statement.lines().get(1).reverses()).isEqualTo(statement.lines().get(0).id());
    }

    @Test
    @DisplayName("recurring: an annual amount earns 1/12 a month for N months, and a churn ends it")
    void recurring() {
        AttributionData yearly = AttributionData.of(TENANT,
                List.of(won("d1", "1200.00", "USD", "2025-01-02", "2025-01-20")),
                List.of(touch("t1", "A", "d1", SOURCED_REFERRAL, "2025-01-01")));
        CommissionPlan plan = CommissionPlan.builder("Recurring").rate(Rate.percent("10")).recurringMonths(6).build();
        assertThat(lines(attribution.statement(yearly, plan, partner("A"), Q1))).containsExactly(
                "EARNING d1 2025-01-20 10.00", "EARNING d1 2025-02-20 10.00", "EARNING d1 2025-03-20 10.00");
        assertThat(lines(attribution.statement(yearly, plan, partner("A"), Q2))).containsExactly(
                "EARNING d1 2025-04-20 10.00", "EARNING d1 2025-05-20 10.00", "EARNING d1 2025-06-20 10.00");
        AttributionData churned = yearly.withEvents(List.of(CustomerEvent.churn(DealId.of("d1"),
                LocalDate.of(2025, 5, 1))));
        assertThat(lines(attribution.statement(churned, plan, partner("A"), Q2)))
                .containsExactly("EARNING d1 2025-04-20 10.00");
    }

    @Test
    @DisplayName("recurring splits the annual amount to the cent: 1,000.00 is 83.34 x 4 and 83.33 x 8")
    void recurring_splitsExactly() {
        CommissionPlan plan = CommissionPlan.builder("Recurring").rate(Rate.percent("100")).recurringMonths(12).build();
        AttributionData one = AttributionData.of(TENANT,
                List.of(won("d1", "1000.00", "USD", "2025-01-02", "2025-01-20")),
                List.of(touch("t1", "A", "d1", SOURCED_REFERRAL, "2025-01-01")));
        CommissionStatement year = attribution.statement(one, plan, partner("A"),
                ReportPeriod.custom(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1)));
        assertThat(year.lines()).hasSize(12);
        assertThat(year.lines().get(3).amount()).isEqualTo(usd("83.34"));
        assertThat(year.lines().get(4).amount()).isEqualTo(usd("83.33"));
        assertThat(year.total()).isEqualTo(usd("1000.00"));
    }

    @Test
    @DisplayName("annual cap: earnings stop at the cap, and the capped line says so")
    void annualCap() {
        CommissionStatement statement = statement(CommissionPlan.builder("Capped").rate(Rate.percent("10"))
                .annualCap("250")
                .build(), Q1);
        assertThat(lines(statement)).containsExactly(
                "EARNING d1 2025-01-20 100.00", "EARNING d2 2025-02-15 150.00", "EARNING d3 2025-03-10 0.00");
        assertThat(statement.lines().get(1).note()).isEqualTo("capped at annual cap 250");
        assertThat(statement.total()).isEqualTo(usd("250.00"));
    }

    @Test
    @DisplayName("hold period: lines become payable after the hold; READY and PAID wait for every hold")
    void holdAndPayoutStates() {
        CommissionStatement statement = statement(CommissionPlan.builder("Held").rate(Rate.percent("10"))
                .holdDays(30).build(),
                Q1);
        assertThat(statement.lines().get(0).payableOn()).isEqualTo(LocalDate.of(2025, 2, 19));
        assertThat(statement.payableOn(LocalDate.of(2025, 3, 20))).isEqualTo(usd("400.00"));
        assertThat(statement.heldUntil()).isEqualTo(LocalDate.of(2025, 4, 9));
        CommissionStatement pending = statement.moveTo(PayoutStatus.PENDING, LocalDate.of(2025, 4, 1));
        assertThatThrownBy(() -> pending.moveTo(PayoutStatus.READY, LocalDate.of(2025, 4, 8)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("cannot be READY before 2025-04-09");
        CommissionStatement paid = pending.moveTo(PayoutStatus.READY, LocalDate.of(2025, 4, 9))
                .moveTo(PayoutStatus.PAID, LocalDate.of(2025, 4, 10));
        assertThat(paid.status()).isEqualTo(PayoutStatus.PAID);
        assertThat(pending.moveTo(PayoutStatus.DRAFT, LocalDate.of(2025, 4, 1)).status())
                .isEqualTo(PayoutStatus.DRAFT);
        assertThatThrownBy(() -> paid.moveTo(PayoutStatus.DRAFT, LocalDate.of(2025, 5, 1)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("cannot move from PAID to DRAFT");
        assertThatThrownBy(() -> statement.moveTo(PayoutStatus.READY, LocalDate.of(2026, 1, 1)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("from DRAFT to READY");
    }

    @Test
    @DisplayName("clawback: a refund or churn inside the window reverses earnings with lines in the event's period")
    void clawbacks() {
        CommissionPlan plan = CommissionPlan.builder("Clawback").rate(Rate.percent("10")).clawbackDays(90).build();
        AttributionData withEvents = data.withEvents(List.of(
                CustomerEvent.refund(DealId.of("d2"), LocalDate.of(2025, 4, 5), usd("500.00")),
                CustomerEvent.churn(DealId.of("d1"), LocalDate.of(2025, 3, 15)),
                CustomerEvent.churn(DealId.of("d3"), LocalDate.of(2025, 7, 1))));
        CommissionStatement q1 = attribution.statement(withEvents, plan, partner("A"), Q1);
        assertThat(lines(q1)).containsExactly("EARNING d1 2025-01-20 100.00", "EARNING d2 2025-02-15 300.00",
                "EARNING d3 2025-03-10 200.00", "CLAWBACK d1 2025-03-15 -100.00");
        assertThat(q1.total()).isEqualTo(usd("500.00"));
        CommissionLine reversal = q1.lines().get(3);
        assertThat(reversal.reverses()).isEqualTo(q1.lines().get(0).id());
        assertThat(reversal.touchpoints()).containsExactly(TouchpointId.of("t1"));
        CommissionStatement q2 = attribution.statement(withEvents, plan, partner("A"), Q2);
        assertThat(lines(q2)).containsExactly("CLAWBACK d2 2025-04-05 -50.00");
        assertThat(lines(attribution.statement(withEvents, plan, partner("A"), ReportPeriod.quarter(2025, 3))))
                .isEmpty();
        CommissionPlan noWindow = CommissionPlan.builder("No clawback").rate(Rate.percent("10")).build();
        assertThat(attribution.statement(withEvents, noWindow, partner("A"), Q2).lines()).isEmpty();
    }

    @Test
    @DisplayName("clawback on a recurring plan reverses every month earned before the churn")
    void clawback_recurring() {
        AttributionData yearly = AttributionData.of(TENANT,
                        List.of(won("d1", "1200.00", "USD", "2025-01-02", "2025-01-20")),
                        List.of(touch("t1", "A", "d1", SOURCED_REFERRAL, "2025-01-01")))
                .withEvents(List.of(CustomerEvent.churn(DealId.of("d1"), LocalDate.of(2025, 3, 25))));
        CommissionPlan plan = CommissionPlan.builder("R").rate(Rate.percent("10")).recurringMonths(12)
                .clawbackDays(90).build();
        CommissionStatement q1 = attribution.statement(yearly, plan, partner("A"), Q1);
        assertThat(q1.lines()).filteredOn(l -> l.kind() == Kind.CLAWBACK).hasSize(3);
        assertThat(q1.total()).isEqualTo(usd("0.00"));
        assertThat(attribution.statement(yearly, plan, partner("A"), Q2).lines()).isEmpty();
    }

    @Test
    @DisplayName("re-running a statement gives the same lines and ids")
    void statement_isDeterministic() {
        CommissionPlan plan = CommissionPlan.builder("Volume").rate(Rate.percent("10"))
                .volumeTier("2500", Rate.percent("20")).wholeVolume()
                .build();
        assertThat(statement(plan, Q1)).isEqualTo(statement(plan, Q1));
    }

    @Test
    @DisplayName("bad plans fail with the field and the value")
    void validation() {
        assertThatThrownBy(() -> CommissionPlan.builder("x").rate(Rate.percent("120")).build())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("rate must be a percentage from 0 to 100, but was 120");
        assertThatThrownBy(() -> CommissionPlan.builder("x").rate(Rate.percent("ten")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("\"ten\"");
        assertThatThrownBy(() -> CommissionPlan.builder("x").volumeTier("0", Rate.percent("5")).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("threshold must be positive");
        assertThatThrownBy(() -> CommissionPlan.builder("x").recurringMonths(-1).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("recurringMonths must be between");
        assertThatThrownBy(() -> CustomerEvent.refund(DealId.of("d1"), LocalDate.of(2025, 1, 1), usd("-5")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("positive amount");
        assertThatThrownBy(() -> data.withEvents(List.of(CustomerEvent.churn(DealId.of("nope"),
                LocalDate.of(2025, 1, 1))))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("names deal nope");
    }
}
