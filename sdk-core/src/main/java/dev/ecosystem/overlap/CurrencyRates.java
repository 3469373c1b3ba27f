package dev.ecosystem.overlap;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Exchange rates the host supplies so that co-sell lists can rank deals in different currencies by one measure:
 * each rate says how many units of the host's reference currency one unit of a currency is worth. Set it with
 * {@link OverlapSettings.Builder#currencyRates(CurrencyRates)}; the SDK never fetches rates itself.
 *
 * <pre>{@code
 * CurrencyRates rates = CurrencyRates.of(Map.of(
 *         Currency.getInstance("USD"), BigDecimal.ONE,
 *         Currency.getInstance("EUR"), new BigDecimal("1.08")));
 * }</pre>
 *
 * <p>Must be thread-safe and fast: it is called while lists are ranked.
 */
@FunctionalInterface
public interface CurrencyRates {
    /**
     * The value of one unit of {@code currency} in the reference currency (greater than zero), or {@code null} when
     * the host has no rate for it; deals in such a currency then rank after every deal that could be converted.
     */
    @Nullable BigDecimal rate(Currency currency);

    /** Fixed rates from a map; currencies not in it have no rate. */
    static CurrencyRates of(Map<Currency, BigDecimal> rates) {
        Map<Currency, BigDecimal> copy = Map.copyOf(rates);
        return copy::get;
    }
}
