package dev.ecosystem.model;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/**
 * What a commission statement says: whose, for which period, under which plan, and its lines. The store keeps it
 * inside a {@link StoredStatement}; {@code CommissionStatement.content()} in {@code sdk-attribution} makes one.
 *
 * @param partner the partner the commission is owed to
 * @param periodLabel how reports name the period, such as {@code 2025-Q1}
 * @param periodStart the period's first day
 * @param periodEnd the day after the period's last day
 * @param plan the commission plan's name
 * @param currency the reporting currency; every line's amounts are in it
 * @param lines the lines, by day then id
 */
public record StatementContent(CompanyId partner, String periodLabel, LocalDate periodStart, LocalDate periodEnd,
        String plan, Currency currency, List<CommissionLine> lines) {

    /** Validates and copies. */
    public StatementContent {
        Checks.required(partner, "statement partner");
        periodLabel = Checks.singleLine(periodLabel, "period label", 100);
        Checks.required(periodStart, "period start");
        Checks.required(periodEnd, "period end");
        if (!periodEnd.isAfter(periodStart)) {
            throw new ValidationException("period end must be after its start " + periodStart + ", but was "
                    + periodEnd);
        }
        plan = Checks.singleLine(plan, "statement plan", 200);
        Checks.required(currency, "statement currency");
        lines = List.copyOf(Checks.noNulls(lines, "statement lines"));
        for (CommissionLine line : lines) {
            if (!line.amount().currency().equals(currency) || !line.base().currency().equals(currency)) {
                throw new ValidationException("statement lines must be in the statement currency " + currency
                        + ", but line " + line.id() + " was in " + line.amount().currency());
            }
        }
    }

    /** The sum of every line; clawbacks count negative. */
    public Money total() {
        return payableOn(LocalDate.MAX);
    }

    /** The sum of the lines payable on {@code day}, that is past their hold. */
    public Money payableOn(LocalDate day) {
        Checks.required(day, "day");
        BigDecimal total = BigDecimal.valueOf(0, Math.max(0, currency.getDefaultFractionDigits()));
        for (CommissionLine line : lines) {
            if (!line.payableOn().isAfter(day)) {
                total = total.add(line.amount().amount());
            }
        }
        return new Money(total, currency);
    }

    /** The last day a line is held until; the period's start when there are no lines. */
    public LocalDate heldUntil() {
        return lines.stream().map(CommissionLine::payableOn).max(LocalDate::compareTo).orElse(periodStart);
    }

    /** How messages name the statement: {@code statement of <partner> for <period label>}. */
    public String describe() {
        return "statement of " + partner + " for " + periodLabel;
    }
}
