package dev.ecosystem.spi;

import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Money;
import dev.ecosystem.model.StatementId;

/**
 * One payment a {@link PayoutProvider} is asked to make.
 *
 * @param idempotencyKey the same on every attempt to pay this statement: pay at most once per key
 * @param vendor the paying company
 * @param partner the company paid
 * @param statement the statement paid
 * @param periodLabel the statement's period, such as {@code 2025-Q1}, for the payment's description
 * @param amount the statement's total
 */
public record PayoutRequest(String idempotencyKey, CompanyId vendor, CompanyId partner, StatementId statement,
        String periodLabel, Money amount) {
    /** Validates every field. */
    public PayoutRequest {
        idempotencyKey = Checks.singleLine(idempotencyKey, "idempotencyKey", 200);
        Checks.required(vendor, "vendor");
        Checks.required(partner, "partner");
        Checks.required(statement, "statement");
        periodLabel = Checks.singleLine(periodLabel, "periodLabel", 100);
        Checks.required(amount, "amount");
    }
}
