package dev.ecosystem.spi;

import dev.ecosystem.error.EcosystemException;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.Tag;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

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
     * Vendors' partner programs. A default method, so that stores written before programs still compile;
     * {@code PartnerStoreContract} fails them with this message until they implement it.
     *
     * @throws EcosystemException when the store keeps no programs
     */
    default ProgramRepository programs() {
        throw new EcosystemException("this PartnerStore keeps no partner programs: implement "
                + "StoreTransaction.programs() returning a ProgramRepository; see PartnerStoreContract in sdk-testkit "
                + "for the contract");
    }

    /**
     * Tier reviews, current tiers and tier history of vendors' programs. A default method, so that stores written
     * before tiers still compile; {@code PartnerStoreContract} fails them with this message until they implement it.
     *
     * @throws EcosystemException when the store keeps no tiers
     */
    default TierRepository tiers() {
        throw new EcosystemException("this PartnerStore keeps no program tiers: implement StoreTransaction.tiers() "
                + "returning a TierRepository; see PartnerStoreContract in sdk-testkit for the contract");
    }

    /**
     * Certifications of partners' people. A default method, so that stores written before certifications still
     * compile; {@code PartnerStoreContract} fails them with this message until they implement it.
     *
     * @throws EcosystemException when the store keeps no certifications
     */
    default CertificationRepository certifications() {
        throw new EcosystemException("this PartnerStore keeps no certifications: implement "
                + "StoreTransaction.certifications() returning a CertificationRepository; see PartnerStoreContract "
                + "in sdk-testkit for the contract");
    }

    /**
     * The partnership lifecycle: invitations, status histories, lifecycle states. A default method, so that stores
     * written before it still compile; {@code PartnerStoreContract} fails them with this message until they
     * implement it.
     *
     * @throws EcosystemException when the store keeps no partnership lifecycle
     */
    default PartnershipLifecycleRepository lifecycle() {
        throw new EcosystemException("this PartnerStore keeps no partnership lifecycle: implement "
                + "StoreTransaction.lifecycle() returning a PartnershipLifecycleRepository; see PartnerStoreContract in "
                + "sdk-testkit for the contract");
    }

    /**
     * Stored commission statements and their payout ledger. A default method, so that stores written before
     * statements still compile; {@code PartnerStoreContract} fails them with this message until they implement it.
     *
     * @throws EcosystemException when the store keeps no statements
     */
    default StatementRepository statements() {
        throw new EcosystemException("this PartnerStore keeps no commission statements: implement "
                + "StoreTransaction.statements() returning a StatementRepository; see PartnerStoreContract in "
                + "sdk-testkit for the contract");
    }

    /**
     * Vendors' enablement briefs and their deliveries. A default method, so that stores written before briefs still
     * compile; {@code PartnerStoreContract} fails them with this message until they implement it.
     *
     * @throws EcosystemException when the store keeps no briefs
     */
    default BriefRepository briefs() {
        throw new EcosystemException("this PartnerStore keeps no enablement briefs: implement "
                + "StoreTransaction.briefs() returning a BriefRepository; see PartnerStoreContract in sdk-testkit for "
                + "the contract");
    }

    /**
     * Hands every listed company to {@code action}, in ascending id order, with the role tags of its contacts: what
     * the Navigator builds its index from when an app node first searches. The default pages through
     * {@link #companies()} and each listed company's {@link #contacts()}; a store that can read all of them in one
     * pass overrides it, since a network of millions of companies is read whole on every node (the JDBC store
     * streams two cursors and builds no {@code Company} or {@code Contact}). Unlisted companies are left out.
     */
    default void forEachListedProfile(Consumer<ListedProfile> action) {
        Checks.required(action, "action");
        @Nullable String cursor = null;
        do {
            Page<Company> page = companies().list(PageRequest.after(cursor, PageRequest.MAX_SIZE));
            for (Company company : page.items()) {
                if (company.listed()) {
                    action.accept(ListedProfile.of(company, roleTags(company.id())));
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null);
    }

    private Set<Tag> roleTags(CompanyId company) {
        Set<Tag> roles = new TreeSet<>();
        @Nullable String cursor = null;
        do {
            Page<Contact> page = contacts().list(company, PageRequest.after(cursor, PageRequest.MAX_SIZE));
            page.items().forEach(contact -> roles.addAll(contact.roleTags()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return roles;
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
