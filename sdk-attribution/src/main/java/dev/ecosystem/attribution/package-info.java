/**
 * Partner attribution: which partners earned credit for which deals under which model, partner metrics per period,
 * commission statements and partner scorecards. Start at {@link dev.ecosystem.attribution.Attribution}; to send
 * each active partner its scorecard and statement once per period, use
 * {@link dev.ecosystem.attribution.PartnerReports}. Statements are stored, with their payout ledger, through
 * {@code scope.payouts()} ({@link dev.ecosystem.payout.Payouts}).
 *
 * <p><b>Rounding rule.</b> Amounts are converted into the reporting currency once per deal (at the close date, or
 * the creation date for open deals), rounded half-even to the currency's minor unit. The model then gives each
 * partner a weight; each partner receives the whole minor units of its exact share (rounded down), and the minor
 * units left over go one each to the partners with the largest remaining fractions, ties to the smaller partner id.
 * So the credits of a deal always sum to the deal's amount to the cent, and a re-run gives the same result.
 */
@NullMarked
package dev.ecosystem.attribution;

import org.jspecify.annotations.NullMarked;
