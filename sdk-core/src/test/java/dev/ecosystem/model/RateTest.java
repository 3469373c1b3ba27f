package dev.ecosystem.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.error.ValidationException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RateTest {
    @Test
    void percentAndFraction_ofTheSameRate_areEqual() {
        assertThat(Rate.fraction("0.10").percent()).isEqualByComparingTo("10");
        assertThat(Rate.percent("10").fraction()).isEqualByComparingTo("0.10");
        assertThat(Rate.percent("7.5")).hasToString("7.5 %");
    }

    @Test
    void plan_storesTheRateInPercent_whicheverFactoryWasUsed() {
        CommissionPlan plan = CommissionPlan.builder("p").rate(Rate.fraction("0.10"))
                .tierRate("gold", Rate.percent("15")).volumeTier("50000", Rate.fraction("0.12")).build();

        assertThat(plan.rate()).isEqualByComparingTo("10");
        assertThat(plan.baseRate("gold")).isEqualByComparingTo("15");
        assertThat(plan.volumeTiers().get(new BigDecimal("50000"))).isEqualByComparingTo("12");
    }

    @Test
    void fraction_aboveOne_failsNamingTheValue_andPointsToPercent() {
        assertThatThrownBy(() -> Rate.fraction("10"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("Rate.fraction must be from 0 to 1, but was \"10\"; for a percentage write "
                        + "Rate.percent(\"10\")");
    }

    @Test
    void percent_aboveHundred_failsNamingTheValue_andBothForms() {
        assertThatThrownBy(() -> Rate.percent("120"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("rate must be a percentage from 0 to 100, but was 120")
                .hasMessageContaining("Rate.percent(\"10\")").hasMessageContaining("Rate.fraction(\"0.10\")");
        assertThatThrownBy(() -> Rate.percent("-1")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("but was -1");
    }

    @Test
    void notADecimal_failsNamingTheFactoryAndTheValue() {
        assertThatThrownBy(() -> Rate.percent("10%"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("Rate.percent must be a decimal number such as 10 or 7.5, but was \"10%\"");
    }
}
