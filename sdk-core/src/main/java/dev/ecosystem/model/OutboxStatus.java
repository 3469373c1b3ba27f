package dev.ecosystem.model;

/** Where an outbox entry stands. */
public enum OutboxStatus {
    /** Waiting to be sent, or to be retried. */
    PENDING,
    /** Sent; the receipt is stored. */
    SENT,
    /** Failed too often; waits for the host to retry it. */
    PARKED
}
