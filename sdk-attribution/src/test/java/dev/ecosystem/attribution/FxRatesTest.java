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
import dev.ecosystem.model.AttributionModel;
import dev.ecosystem.model.DealStatus;
import dev.ecosystem.model.Money;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FxRatesTest {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency USD = Currency.getInstance("USD");

    private final FxRates rates = FxRates.table()
            .rate("EUR", "USD", LocalDate.of(2025, 1, 1), "1.04")
            .rate("EUR", "USD", LocalDate.of(2025, 2, 1), "1.10")
            .rate("EUR", "USD", LocalDate.of(2025, 6, 1), "1.20")
            .build();

    @Test
    @DisplayName("a rate holds from its day until the next rate; the inverse pair is derived")
    void table_lookup() {
        assertThat(rates.rate(EUR, USD, LocalDate.of(2025, 1, 31))).isEqualByComparingTo("1.04");
        assertThat(rates.rate(EUR, USD, LocalDate.of(2025, 2, 1))).isEqualByComparingTo("1.10");
        assertThat(rates.rate(USD, EUR, LocalDate.of(2025, 6, 2))).isEqualByComparingTo("0.8333333333333333");
        assertThat(rates.rate(USD, USD, LocalDate.of(1999, 1, 1))).isEqualByComparingTo("1");
        assertThatThrownBy(() -> rates.rate(EUR, USD, LocalDate.of(2024, 12, 31)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("no FX rate from EUR to USD on or before 2024-12-31");
        assertThatThrownBy(() -> FxRates.table().rate("EUR", "USD", LocalDate.of(2025, 1, 1), "-1"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("must be positive, but was -1");
        assertThatThrownBy(() -> FxRates.table().rate("EUR", "XXY", LocalDate.of(2025, 1, 1), "1"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("ISO 4217");
    }

    @Test
    @DisplayName("won deals convert at the close date's rate, open deals at the creation date's, never today's")
    void attribution_convertsAtCloseOrCreationDate() {
        AttributionData data = AttributionData.of(TENANT,
                List.of(won("won", "100.00", "EUR", "2025-01-15", "2025-02-10"),
                        deal("open", "100.00", "EUR", DealStatus.OPEN, "2025-01-15", null)),
                List.of(touch("t1", "A", "won", SOURCED_REFERRAL, "2025-01-10"),
                        touch("t2", "A", "open", SOURCED_REFERRAL, "2025-01-10")));
        Attribution attribution = Attribution.builder().reportingCurrency("USD").fxRates(rates)
                .clock(Clock.fixed(Instant.parse("2025-07-01T00:00:00Z"), ZoneOffset.UTC)).build();
        AttributionResult result = attribution.attribute(data, AttributionModel.sourced());
        assertThat(result.credits()).extracting(c -> c.deal().value() + "=" + c.amount() + "@" + c.day())
                .containsExactly("open=104.00 USD@2025-01-15", "won=110.00 USD@2025-02-10");
        assertThat(result.total(partner("A"))).isEqualTo(usd("214.00"));
    }

    @Test
    @DisplayName("a missing rate fails with the pair and the day; a reporting currency without cents works")
    void attribution_missingRateAndOtherMinorUnits() {
        AttributionData data = AttributionData.of(TENANT,
                List.of(won("gbp", "100.00", "GBP", "2025-01-15", "2025-02-10")),
                List.of(touch("t1", "A", "gbp", SOURCED_REFERRAL, "2025-01-10")));
        assertThatThrownBy(() -> Attribution.builder().fxRates(rates).build()
                .attribute(data, AttributionModel.sourced()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("no FX rate from GBP to USD on or before 2025-02-10");
        Attribution yen = Attribution.builder().reportingCurrency("JPY")
                .fxRates(FxRates.table().rate("GBP", "JPY", LocalDate.of(2025, 1, 1), "190.555").build()).build();
        assertThat(yen.attribute(data, AttributionModel.sourced()).total(partner("A")))
                .isEqualTo(Money.of("19056", "JPY"));
    }
}
