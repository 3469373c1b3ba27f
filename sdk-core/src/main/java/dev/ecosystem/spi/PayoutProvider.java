package dev.ecosystem.spi;

/**
 * Pays a partner the commission of a {@code READY} statement: the seam to a host's payment rails (the SDK has none
 * built in). Configure it with {@code EcosystemClient.builder().payoutProvider(...)}; without one, moving a statement
 * to {@code PAID} only records that the vendor paid it some other way.
 *
 * <p>The SDK never calls it inside a store transaction. It calls it again with the same
 * {@link PayoutRequest#idempotencyKey()} when an earlier call failed or its outcome is unknown (a timeout), so an
 * implementation must pay at most once per key: answer a repeated key with the first payment's receipt. Thread-safe.
 */
public interface PayoutProvider {
    /**
     * Pays, or answers the receipt of the payment already made under the request's idempotency key.
     *
     * @throws dev.ecosystem.spi.ProviderException when the payment failed or its outcome is unknown; the statement stays
     *     {@code READY} with the failure recorded, and a retry sends the same key
     */
    PayoutReceipt pay(PayoutRequest request);
}
