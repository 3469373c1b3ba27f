package dev.ecosystem.spi;

/** The repositories of one open transaction of a {@link PartnerStore}. Valid only inside its callback. */
public interface StoreTransaction {
    /** Network profiles. */
    CompanyRepository companies();

    /** People, per company. */
    ContactRepository contacts();

    /** Each company's own partnership records. */
    PartnershipRepository partnerships();

    /** Introductions, visible to both companies involved. */
    IntroductionRepository introductions();

    /** Each tenant's CRM snapshot and sync checkpoint. */
    CrmSnapshotRepository crm();

    /** Each company's account-mapping sharing policy towards each partner. */
    SharingPolicyRepository sharing();

    /** Each tenant's append-only attribution ledger. */
    TouchpointRepository touchpoints();

    /** Emails waiting to be sent. */
    OutboxRepository outbox();

    /** Idempotency keys, per tenant. */
    IdempotencyRepository idempotency();

    /** Which companies each company blocked from introductions. */
    CompanyBlockRepository blocks();
}
