package dev.ecosystem.memory;

import dev.ecosystem.model.Account;
import dev.ecosystem.model.BriefDelivery;
import dev.ecosystem.model.Certification;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.CrmWriteBack;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.Invitation;
import dev.ecosystem.model.OutboxEntry;
import dev.ecosystem.model.PartnerProgram;
import dev.ecosystem.model.Partnership;
import dev.ecosystem.model.PartnershipLifecycle;
import dev.ecosystem.model.PartnershipTransition;
import dev.ecosystem.model.ProgramBrief;
import dev.ecosystem.model.Registration;
import dev.ecosystem.model.SharingPolicy;
import dev.ecosystem.model.StoredStatement;
import dev.ecosystem.model.TierChange;
import dev.ecosystem.model.TierReview;
import dev.ecosystem.model.Touchpoint;

/** Every table of one in-memory store. Partitions are tenants, parties, or {@link #ALL}. */
final class MemoryTables {
    /** The partition of tables that are not partitioned. */
    static final Object ALL = "all";

    final Table<Company> companies = Table.keyedBy("companies", company -> company.id().value());
    final Table<MemoryContacts.Row> contacts = Table.keyedBy("contacts", MemoryContacts.Row::id);
    final Table<Partnership> partnerships = new Table<>("partnerships");
    final Table<String> partnershipsByPartner = new Table<>("partnerships-by-partner");
    final Table<Introduction> introductions = new Table<>("introductions");
    final Table<Introduction> introductionsByParty = new Table<>("introductions");
    /** {@link dev.ecosystem.model.Account}s, or accounts stored with match keys ({@link MemoryCrmSnapshots}). */
    final Table<Object> accounts = Table.keyedBy("accounts", MemoryCrmSnapshots::accountId);
    final Table<Deal> deals = Table.keyedBy("deals", deal -> deal.id().value());
    final Table<String> checkpoints = new Table<>("checkpoints");
    final Table<Long> crmRevisions = new Table<>("crm-revisions");
    final Table<SharingPolicy> sharing = new Table<>("sharing");
    final Table<Touchpoint> touchpoints = new Table<>("touchpoints");
    final Table<OutboxEntry> outbox = new Table<>("outbox");
    final Table<OutboxEntry> outboxByStatus = new Table<>("outbox");
    final Table<String> outboxByMessageId = new Table<>("outbox-message-ids");
    final Table<String> idempotency = new Table<>("idempotency");
    final Table<CompanyId> blocks = new Table<>("blocks");
    /** {@link #blocks} the other way round: the companies that block a company, partitioned by it. */
    final Table<CompanyId> blockers = new Table<>("blockers");
    final Table<CrmWriteBack> crmWriteBacks = new Table<>("crm-write-backs");
    final Table<CrmWriteBack> crmWriteBacksByStatus = new Table<>("crm-write-backs");
    final Table<CrmWriteBack> crmWriteBacksDue = new Table<>("crm-write-backs-due");
    final MemoryChangeLog changes = new MemoryChangeLog();
    final RegistrationTables registrations = new RegistrationTables(new Table<>("registrations"),
            new Table<>("registrations"), new Table<>("registrations"), new Table<>("registrations"),
            new Table<>("open-registrations"), new Table<>("accepted-registrations"),
            new Table<>("accepted-registrations"), new Table<>("accepted-registrations"));

    final ProgramTables programs = new ProgramTables(new Table<>("programs"), new Table<>("program-versions"),
            new Table<>("programs-by-type"));

    final TierTables tiers = new TierTables(new Table<>("tier-reviews"), new Table<>("tiers"),
            new Table<>("tier-history"));

    final CertificationTables certifications = new CertificationTables(new Table<>("certifications"),
            new Table<>("certifications-by-vendor"));

    /** Tier reviews, current tiers and tier history (see {@link MemoryTiers}). */
    record TierTables(Table<TierReview> reviews, Table<String> tiers, Table<TierChange> history) {
    }

    /** Certifications by partner and by vendor (see {@link MemoryCertifications}). */
    record CertificationTables(Table<Certification> byPartner, Table<Certification> byVendor) {
    }

    final LifecycleTables lifecycle = new LifecycleTables(new Table<>("invitations"), new Table<>("invitations"),
            new Table<>("invitations"), new Table<>("partnership-transitions"), new Table<>("partnership-lifecycles"),
            new Table<>("partnership-lifecycles"));

    /** Invitations, transitions and lifecycle states, and their indexes (see {@link MemoryLifecycle}). */
    record LifecycleTables(Table<Invitation> invitations, Table<Invitation> byVendor, Table<Invitation> byInvitee,
            Table<PartnershipTransition> transitions, Table<PartnershipLifecycle> lifecycles,
            Table<PartnershipLifecycle> allLifecycles) {
    }

    /** Programs' current versions, every version, and current ids by type (see {@link MemoryPrograms}). */
    record ProgramTables(Table<PartnerProgram> current, Table<PartnerProgram> versions, Table<String> byType) {
    }

    final StatementTables statements = new StatementTables(new Table<>("statements"), new Table<>("statements"),
            new Table<>("statements"), new Table<>("statement-keys"));

    /** Statements by id, by vendor, by (vendor, partner), and ids by (vendor, partner, period, plan). */
    record StatementTables(Table<StoredStatement> byId, Table<StoredStatement> byVendor,
            Table<StoredStatement> byPartner, Table<String> byKey) {
    }

    final BriefTables briefs = new BriefTables(new Table<>("briefs"), new Table<>("brief-versions"),
            new Table<>("approved-briefs"), new Table<>("brief-deliveries"), new Table<>("brief-delivery-counts"));

    /** Briefs' latest, every and latest approved version, deliveries and their counts (see {@link MemoryBriefs}). */
    record BriefTables(Table<ProgramBrief> latest, Table<ProgramBrief> versions, Table<ProgramBrief> approved,
            Table<BriefDelivery> deliveries, Table<Long> deliveryCounts) {
    }

    /** The registrations and their indexes (see {@link MemoryRegistrations}). */
    record RegistrationTables(Table<Registration> byId, Table<Registration> byVendor, Table<Registration> byPartner,
            Table<Registration> byPartnerVendor, Table<Registration> openByPair,
            Table<Registration> acceptedByDomain, Table<Registration> acceptedByName,
            Table<Registration> acceptedByEnd) {
    }
}
