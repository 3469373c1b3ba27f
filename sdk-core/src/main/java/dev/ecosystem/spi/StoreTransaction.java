package dev.ecosystem.spi;

import dev.ecosystem.EcosystemException;

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

    /**
     * Writes to tenants' CRMs waiting to be carried out (partner sources recorded on deals). A default method, so
     * that stores written before it still compile; {@code PartnerStoreContract} fails them with this message.
     *
     * @throws EcosystemException when the store keeps no such queue
     */
    default CrmWriteBackRepository crmWriteBacks() {
        throw new EcosystemException("this PartnerStore has no CRM write-back queue: implement "
                + "StoreTransaction.crmWriteBacks() returning a CrmWriteBackRepository; see PartnerStoreContract in "
                + "sdk-testkit for the exact contract");
    }

    /**
     * Referrals (deal registrations). A default method, so that stores written before referrals still compile;
     * {@code PartnerStoreContract} fails them with this message until they implement it.
     *
     * @throws EcosystemException when the store keeps no registrations
     */
    default RegistrationRepository registrations() {
        throw new EcosystemException("this PartnerStore keeps no referrals: implement StoreTransaction.registrations()"
                + " returning a RegistrationRepository; see PartnerStoreContract in sdk-testkit for the contract");
    }

    /**
     * The store's change feed, which app nodes sharing the store follow to see each other's writes. A default
     * method, so that stores written before the feed still compile; they run on one node only, and
     * {@code PartnerStoreContract} fails them with this message until they implement it.
     *
     * @throws EcosystemException when the store keeps no change feed
     */
    default ChangeRepository changes() {
        throw new EcosystemException("this PartnerStore has no change feed: implement StoreTransaction.changes() "
                + "returning a ChangeRepository, and have every write of a company, contact, partnership, block, "
                + "sharing policy or CRM snapshot append a StoreChange in the same transaction; see "
                + "PartnerStoreContract in sdk-testkit for the exact contract");
    }
}
