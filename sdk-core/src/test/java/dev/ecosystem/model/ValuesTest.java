package dev.ecosystem.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.error.ValidationException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ValuesTest {
    private static final CompanyId OWNER = CompanyId.of("owner");

    @Test
    void money_keepsTheExactAmount() {
        Money money = Money.of("1200.50", "eur");
        assertThat(money.amount()).isEqualTo(new BigDecimal("1200.50"));
        assertThat(money.currency().getCurrencyCode()).isEqualTo("EUR");
        assertThat(money).hasToString("1200.50 EUR");
    }

    @Test
    void money_badInput_namesTheValue() {
        assertThatThrownBy(() -> Money.of("12,00", "USD")).hasMessageContaining("amount must be a decimal number")
                .hasMessageContaining("12,00");
        assertThatThrownBy(() -> Money.of("12", "XYZW")).hasMessageContaining("ISO 4217").hasMessageContaining("XYZW");
    }

    @Test
    void money_finerThanTheMinorUnit_failsNamingTheValueAndWhatIsAllowed() {
        assertThatThrownBy(() -> Money.of("12.345", "USD"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("amount must be exact to the minor unit of USD (at most 2 decimal places)")
                .hasMessageContaining("but was \"12.345\"");
        assertThatThrownBy(() -> Money.of("1200.5", "JPY"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("minor unit of JPY (at most 0 decimal places), but was \"1200.5\"");
    }

    @Test
    void money_trailingZerosBeyondTheMinorUnit_areExact_andKeptAsGiven() {
        assertThat(Money.of("12.500", "USD").amount()).isEqualTo(new BigDecimal("12.500"));
        assertThat(Money.of("1200", "JPY").amount()).isEqualByComparingTo("1200");
        assertThat(Money.of("1.234", "BHD").amount()).isEqualByComparingTo("1.234");
    }

    @Test
    void money_constructor_keepsComputedAmountsAsGiven() {
        assertThat(new Money(new BigDecimal("0.8333"), Money.currency("USD")).amount())
                .isEqualTo(new BigDecimal("0.8333"));
    }

    @Test
    void pageRequest_sizeOutOfRange_isRejected() {
        assertThatThrownBy(() -> PageRequest.first(0))
                .isInstanceOf(ValidationException.class)
                .hasMessage("page size must be between 1 and 1000, but was 0");
    }

    @Test
    void deal_closedWithoutCloseDate_isRejected() {
        assertThatThrownBy(() -> Deal.builder(OWNER, DealId.of("d1"), "Deal").stage("won", DealStatus.WON)
                .createdAt(Instant.EPOCH).build())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("closeDate is required when status is WON");
    }

    @Test
    void deal_repeatedAccount_isKeptOnce() {
        Deal deal = Deal.builder(OWNER, DealId.of("d1"), "Deal").account(AccountId.of("a")).account(AccountId.of("a"))
                .stage("won", DealStatus.WON).createdAt(Instant.EPOCH).closeDate(LocalDate.of(2026, 1, 2)).build();
        assertThat(deal.accountIds()).containsExactly(AccountId.of("a"));
    }

    @Test
    void partnership_withItself_isRejected() {
        assertThatThrownBy(() -> new Partnership(PartnershipId.of("p"), OWNER, OWNER, PartnerType.REFERRAL,
                PartnershipStatus.ACTIVE, LocalDate.EPOCH))
                .hasMessageContaining("partner must differ from its owner");
    }

    @Test
    void population_customNameOfAStandardOne_isRejected() {
        assertThat(Population.custom("Enterprise Customers").name()).isEqualTo("enterprise-customers");
        assertThatThrownBy(() -> Population.custom("Customers")).hasMessageContaining("must differ from the standard");
    }

    @Test
    void touchpoint_withoutAccountOrDeal_isRejected() {
        assertThatThrownBy(() -> Touchpoint.builder(TouchpointId.of("t"), OWNER, CompanyId.of("p"),
                TouchpointKind.MANUAL, Instant.EPOCH).build())
                .hasMessageContaining("must name an accountId, a dealId or a registration");
    }
}
