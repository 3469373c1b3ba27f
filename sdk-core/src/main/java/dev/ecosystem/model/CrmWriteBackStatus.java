package dev.ecosystem.model;

/** Where a {@link CrmWriteBack} stands. */
public enum CrmWriteBackStatus {
    /** Waiting for its first or next attempt. */
    PENDING,
    /** The CRM accepted it. */
    DONE,
    /** Given up: it failed for good or too often; the host may retry it after fixing the cause. */
    PARKED
}
