package dev.ecosystem.attribution;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.CommissionLine;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Money;
import dev.ecosystem.model.PayoutStatus;
import dev.ecosystem.model.StatementContent;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/**
 * A partner's commission lines for one period, with where its payout stands. Immutable: {@link #moveTo} returns a
 * new statement.
 *
 * @param partner the partner
 * @param period the period whose earnings, adjustments and clawbacks it lists
 * @param plan the plan's name
 * @param currency the reporting currency
 * @param lines the lines, by day then id
 * @param status where the payout stands
 */
public record CommissionStatement(
        CompanyId partner, ReportPeriod period, String plan, Currency currency, List<CommissionLine> lines,
        PayoutStatus status) {

    /** Validates and copies. */
    public CommissionStatement {
        Checks.required(partner, "statement partner");
        Checks.required(period, "statement period");
        Checks.required(plan, "statement plan");
        Checks.required(currency, "statement currency");
        lines = List.copyOf(Checks.noNulls(lines, "statement lines"));
        Checks.required(status, "statement status");
    }

    /** The sum of every line; clawbacks count negative. */
    public Money total() {
        return content().total();
    }

    /** The sum of the lines payable on {@code day}, that is past their hold. */
    public Money payableOn(LocalDate day) {
        return content().payableOn(day);
    }

    /** The last day a line of the statement is held until; the period's start when it has no lines. */
    public LocalDate heldUntil() {
        return content().heldUntil();
    }

    /**
     * Moves the payout on. {@code READY} and {@code PAID} also need every hold to have passed on {@code today}.
     *
     * @throws ValidationException when the move is not allowed (see {@link PayoutStatus}) or a line is still held
     */
    public CommissionStatement moveTo(PayoutStatus next, LocalDate today) {
        PayoutStatus moved = status.moveTo(next, heldUntil(), today, content().describe());
        return new CommissionStatement(partner, period, plan, currency, lines, moved);
    }

    /**
     * What the store keeps of this statement: store it with
     * {@code client.as(vendor).payouts().store(statement.content(), actor)}, which adds the payout ledger.
     */
    public StatementContent content() {
        return new StatementContent(partner, period.label(), period.start(), period.end(), plan, currency, lines);
    }

    /** The statement as one self-contained HTML page, every text escaped; {@code partnerName} heads it. */
    public String toHtml(String partnerName) {
        return new StatementPage(this, Checks.singleLine(partnerName, "partnerName", 200)).render();
    }
}
