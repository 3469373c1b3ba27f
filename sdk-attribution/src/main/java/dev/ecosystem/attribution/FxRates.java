package dev.ecosystem.attribution;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The exchange-rate port: how many units of {@code to} one unit of {@code from} was worth on a day. Attribution
 * asks for the rate of a deal's close date (or its creation date while it is open), never today's. Implementations
 * must be thread-safe and return the same rate for the same question.
 *
 * <pre>{@code
 * FxRates rates = FxRates.table()
 *         .rate("EUR", "USD", LocalDate.of(2025, 1, 1), "1.04")
 *         .rate("EUR", "USD", LocalDate.of(2025, 2, 1), "1.08")
 *         .build();
 * }</pre>
 */
@FunctionalInterface
public interface FxRates {
    /**
     * The rate on {@code day}.
     *
     * @throws ValidationException when no rate is known for the pair on that day
     */
    BigDecimal rate(Currency from, Currency to, LocalDate day);

    /** Starts a static table of rates, the default implementation. */
    static TableBuilder table() {
        return new TableBuilder();
    }

    /**
     * Builds a static rate table. A rate holds from its day until the next rate of the same pair; the inverse pair
     * is derived when only one direction is given; a currency converts to itself at 1.
     */
    final class TableBuilder {
        private final Map<String, NavigableMap<LocalDate, BigDecimal>> rates = new HashMap<>();

        private TableBuilder() {
        }

        /** Adds a rate effective from {@code from} on: {@code 1 base = rate quote}. */
        public TableBuilder rate(String base, String quote, LocalDate effectiveFrom, String rate) {
            Currency b = Money.currency(Checks.required(base, "base currency"));
            Currency q = Money.currency(Checks.required(quote, "quote currency"));
            Checks.required(effectiveFrom, "rate day");
            BigDecimal value = Checks.decimal(rate, "rate " + b + "/" + q, "1.0350");
            if (value.signum() <= 0) {
                throw new ValidationException("rate " + b + "/" + q + " must be positive, but was " + rate);
            }
            if (b.equals(q)) {
                throw new ValidationException("rate needs two different currencies, but both were " + b);
            }
            rates.computeIfAbsent(key(b, q), k -> new TreeMap<>()).put(effectiveFrom, value);
            return this;
        }

        /** A thread-safe, immutable table of the rates added so far. */
        public FxRates build() {
            Map<String, NavigableMap<LocalDate, BigDecimal>> copy = new HashMap<>();
            rates.forEach((k, v) -> copy.put(k, new TreeMap<>(v)));
            return (from, to, day) -> lookup(copy, from, to, day);
        }

        private static BigDecimal lookup(
                Map<String, NavigableMap<LocalDate, BigDecimal>> rates, Currency from, Currency to, LocalDate day) {
            if (from.equals(to)) {
                return BigDecimal.ONE;
            }
            Map.@Nullable Entry<LocalDate, BigDecimal> direct = floor(rates.get(key(from, to)), day);
            if (direct != null) {
                return direct.getValue();
            }
            Map.@Nullable Entry<LocalDate, BigDecimal> inverse = floor(rates.get(key(to, from)), day);
            if (inverse != null) {
                return BigDecimal.ONE.divide(inverse.getValue(), MathContext.DECIMAL64);
            }
            throw new ValidationException("no FX rate from " + from + " to " + to + " on or before " + day
                    + "; add one with FxRates.table().rate(\"" + from + "\", \"" + to + "\", day, rate)");
        }

        private static Map.@Nullable Entry<LocalDate, BigDecimal> floor(
                @Nullable NavigableMap<LocalDate, BigDecimal> byDay, LocalDate day) {
            return byDay == null ? null : byDay.floorEntry(day);
        }

        private static String key(Currency from, Currency to) {
            return from.getCurrencyCode() + "/" + to.getCurrencyCode();
        }
    }
}
