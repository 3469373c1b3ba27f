package dev.ecosystem.model;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/**
 * An amount in a currency. Amounts are exact ({@link BigDecimal}); no floating point is used anywhere money is.
 *
 * @param amount the amount, as given (scale kept)
 * @param currency the ISO 4217 currency
 */
public record Money(BigDecimal amount, Currency currency) {
    /** Validates both fields. */
    public Money {
        Checks.required(amount, "amount");
        Checks.required(currency, "currency");
    }

    /**
     * {@code Money.of("1200.50", "EUR")}: an amount exact to the currency's minor unit (cents for EUR and USD, whole
     * yen for JPY). Trailing zeros are allowed ({@code "12.500"} is 12.50); a finer amount such as
     * {@code Money.of("12.345", "USD")} fails, since rounding it silently would change money. Amounts computed from
     * other sources (a CRM's deal amount, a currency conversion) go through the constructor, which keeps them as given.
     *
     * @throws ValidationException when the amount is not a decimal number, is finer than the currency's minor unit,
     *     or the currency is not an ISO 4217 code
     */
    public static Money of(String amount, String currencyCode) {
        Checks.required(currencyCode, "currency");
        BigDecimal value = Checks.decimal(amount, "amount", "1200.50");
        Currency currency = currency(currencyCode);
        int digits = currency.getDefaultFractionDigits();
        if (digits >= 0 && value.stripTrailingZeros().scale() > digits) {
            throw new ValidationException("amount must be exact to the minor unit of " + currency.getCurrencyCode()
                    + " (at most " + digits + " decimal place" + (digits == 1 ? "" : "s") + "), but was "
                    + Checks.quote(amount.strip()) + "; round it first, such as with "
                    + "new BigDecimal(amount).setScale(" + digits + ", RoundingMode.HALF_EVEN)");
        }
        return new Money(value, currency);
    }

    /** Parses an ISO 4217 code such as {@code USD}, with an error that names the value. */
    public static Currency currency(String code) {
        try {
            return Currency.getInstance(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("currency must be an ISO 4217 code such as USD or EUR, but was "
                    + Checks.quote(code), e);
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
