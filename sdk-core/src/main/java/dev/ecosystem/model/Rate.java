package dev.ecosystem.model;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import java.math.BigDecimal;

/**
 * A commission rate whose unit is part of how it is written, so that ten percent cannot be misread as a tenth of a
 * percent: {@code Rate.percent("10")} and {@code Rate.fraction("0.10")} are the same rate.
 *
 * <pre>{@code
 * CommissionPlan.builder("Referral 2026").rate(Rate.percent("10")).tierRate("gold", Rate.percent("15")).build();
 * }</pre>
 *
 * <p>A plain decimal such as {@code "0.10"} is never taken as a rate on its own: the builder of
 * {@link CommissionPlan} takes only a {@code Rate}, and each factory rejects a value outside its unit's range
 * with a message that names the other factory.
 *
 * @param percent the rate in percent, from 0 to 100 ({@code 10} for ten percent), scale as given
 */
public record Rate(BigDecimal percent) {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Validates that the rate is a percentage from 0 to 100. */
    public Rate {
        Checks.required(percent, "rate percent");
        if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
            throw new ValidationException("rate must be a percentage from 0 to 100, but was " + percent.toPlainString()
                    + " (Rate.percent(\"10\") is ten percent; Rate.fraction(\"0.10\") is the same rate as a fraction)");
        }
    }

    /**
     * A rate in percent: {@code Rate.percent("10")} is ten percent, {@code Rate.percent("7.5")} seven and a half.
     *
     * @throws ValidationException when the text is not a decimal number from 0 to 100
     */
    public static Rate percent(String percent) {
        return new Rate(Checks.decimal(percent, "Rate.percent", "10 or 7.5"));
    }

    /**
     * A rate as a fraction of one: {@code Rate.fraction("0.10")} is ten percent.
     *
     * @throws ValidationException when the text is not a decimal number from 0 to 1 (for {@code "10"} meaning ten
     *     percent, use {@link #percent(String)})
     */
    public static Rate fraction(String fraction) {
        BigDecimal value = Checks.decimal(fraction, "Rate.fraction", "0.10 or 0.075");
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new ValidationException("Rate.fraction must be from 0 to 1, but was " + Checks.quote(fraction.strip())
                    + "; for a percentage write Rate.percent(" + Checks.quote(fraction.strip()) + ")");
        }
        return new Rate(value.movePointRight(2));
    }

    /** The rate as a fraction of one ({@code 0.10} for ten percent). */
    public BigDecimal fraction() {
        return percent.movePointLeft(2);
    }

    /** {@code "10 %"}. */
    @Override
    public String toString() {
        return percent.toPlainString() + " %";
    }
}
