package dev.ecosystem.model;

import dev.ecosystem.ValidationException;
import dev.ecosystem.internal.Checks;
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

    /** {@code Money.of("1200.50", "EUR")}. */
    public static Money of(String amount, String currencyCode) {
        Checks.required(amount, "amount");
        Checks.required(currencyCode, "currency");
        BigDecimal value;
        try {
            value = new BigDecimal(amount.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException("amount must be a decimal number such as 1200.50, but was "
                    + Checks.quote(amount), e);
        }
        return new Money(value, currency(currencyCode));
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
