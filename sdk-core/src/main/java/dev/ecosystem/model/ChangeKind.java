package dev.ecosystem.model;

/**
 * What kind of record a {@link StoreChange} is about. Only records that nodes derive in-memory state from, or that
 * guard what one company may see of another, are in the change feed; introductions, the outbox, touchpoints and
 * idempotency keys are not.
 */
public enum ChangeKind {
    /** A network profile was put or removed; the change's company is the profile's company. */
    COMPANY,
    /** A contact was put or removed; the change's company is the contact's company, its key the contact id. */
    CONTACT,
    /** A partnership record was put or removed; the company is its owner, the key the partnership id. */
    PARTNERSHIP,
    /** A block was added or lifted; the company is the blocking company, the key the blocked company's id. */
    BLOCK,
    /** A sharing policy was put or removed; the company is its owner, the key the partner's id. */
    SHARING_POLICY,
    /**
     * A tenant's CRM snapshot changed (accounts or deals put or removed): one change per tenant per transaction, not
     * one per record, so a sync of many records costs one row; the key is {@code null}.
     */
    CRM_SNAPSHOT
}
