package dev.ecosystem.attribution;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.Money;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Something that happened to the customer a won deal brought: it churned, was refunded, or renewed. Retention reads
 * churns and renewals; commissions claw back on refunds and churns inside the plan's clawback window.
 *
 * @param deal the won deal the customer came with
 * @param kind what happened
 * @param on the day it happened
 * @param amount how much was refunded (required for {@link Kind#REFUND}, {@code null} otherwise)
 */
public record CustomerEvent(DealId deal, Kind kind, LocalDate on, @Nullable Money amount) {

    /** What happened to the customer. */
    public enum Kind {
        /** The customer left. */
        CHURN,
        /** Money was paid back to the customer. */
        REFUND,
        /** The customer renewed (and is a customer again if it had churned). */
        RENEWAL
    }

    /** Validates the fields. */
    public CustomerEvent {
        Checks.required(deal, "event deal");
        Checks.required(kind, "event kind");
        Checks.required(on, "event day");
        if (kind == Kind.REFUND && (amount == null || amount.amount().signum() <= 0)) {
            throw new ValidationException("refund event for deal " + deal + " needs a positive amount, but was "
                    + amount);
        }
        if (kind != Kind.REFUND && amount != null) {
            throw new ValidationException(kind + " event for deal " + deal + " takes no amount, but was " + amount);
        }
    }

    /** The customer of {@code deal} churned on {@code on}. */
    public static CustomerEvent churn(DealId deal, LocalDate on) {
        return new CustomerEvent(deal, Kind.CHURN, on, null);
    }

    /** The customer of {@code deal} got {@code amount} back on {@code on}. */
    public static CustomerEvent refund(DealId deal, LocalDate on, Money amount) {
        return new CustomerEvent(deal, Kind.REFUND, on, amount);
    }

    /** The customer of {@code deal} renewed on {@code on}. */
    public static CustomerEvent renewal(DealId deal, LocalDate on) {
        return new CustomerEvent(deal, Kind.RENEWAL, on, null);
    }
}
