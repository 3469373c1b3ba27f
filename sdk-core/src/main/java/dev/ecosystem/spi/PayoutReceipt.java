package dev.ecosystem.spi;

import dev.ecosystem.internal.base.Checks;

/**
 * What a {@link PayoutProvider} answers for a payment made.
 *
 * @param reference the provider's reference of the payment (a transfer id), recorded on the statement
 */
public record PayoutReceipt(String reference) {
    /** Validates the reference: one line of at most 500 characters. */
    public PayoutReceipt {
        reference = Checks.singleLine(reference, "payment reference", 500);
    }
}
