package dev.ecosystem.model;

import dev.ecosystem.internal.base.Checks;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One line of a commission statement, traceable to its deal and the ledger entries that earned the credit.
 *
 * @param id a stable id, the same on every run over the same inputs
 * @param kind what the line is
 * @param deal the deal
 * @param day the day the line belongs to (earning, adjustment or clawback day)
 * @param payableOn the first day it may be paid (after the plan's hold)
 * @param base the attributed revenue the line is computed on
 * @param rate the percentage applied (effective rate for marginal tiers and caps)
 * @param amount the commission; negative for clawbacks
 * @param touchpoints the ledger entries that earned the credit
 * @param reverses the id of the line a clawback reverses or an adjustment lifts, or {@code null}
 * @param note why the line is what it is, such as {@code "capped at annual cap 20000"}, or {@code null}
 */
public record CommissionLine(
        String id, Kind kind, DealId deal, LocalDate day, LocalDate payableOn, Money base, BigDecimal rate,
        Money amount, List<TouchpointId> touchpoints, @Nullable String reverses, @Nullable String note) {

    /** What a line is. */
    public enum Kind {
        /** Commission earned on attributed revenue. */
        EARNING,
        /** A whole-volume tier was reached: an earlier earning of the year lifted to the new rate. */
        TIER_ADJUSTMENT,
        /** A refund or churn inside the clawback window reversed an earlier line. */
        CLAWBACK
    }

    /** Validates and copies. */
    public CommissionLine {
        Checks.text(id, "line id", 500);
        Checks.required(kind, "line kind");
        Checks.required(deal, "line deal");
        Checks.required(day, "line day");
        Checks.required(payableOn, "line payableOn");
        Checks.required(base, "line base");
        Checks.required(rate, "line rate");
        Checks.required(amount, "line amount");
        touchpoints = List.copyOf(Checks.required(touchpoints, "line touchpoints"));
    }
}
