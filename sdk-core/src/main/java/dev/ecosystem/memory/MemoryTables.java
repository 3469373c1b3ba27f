package dev.ecosystem.memory;

import dev.ecosystem.model.Account;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.CrmWriteBack;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.OutboxEntry;
import dev.ecosystem.model.Partnership;
import dev.ecosystem.model.Touchpoint;
import dev.ecosystem.overlap.SharingPolicy;
import dev.ecosystem.program.PartnerProgram;
import dev.ecosystem.referral.Registration;

/** Every table of one in-memory store. Partitions are tenants, parties, or {@link #ALL}. */
final class MemoryTables {
    /** The partition of tables that are not partitioned. */
    static final Object ALL = "all";

    final Table<Company> companies = Table.keyedBy("companies", company -> company.id().value());
    final Table<Contact> contacts = Table.keyedBy("contacts", contact -> contact.id().value());
    final Table<Partnership> partnerships = new Table<>("partnerships");
    final Table<String> partnershipsByPartner = new Table<>("partnerships-by-partner");
    final Table<Introduction> introductions = new Table<>("introductions");
    final Table<Introduction> introductionsByParty = new Table<>("introductions");
    final Table<Account> accounts = new Table<>("accounts");
    final Table<Deal> deals = new Table<>("deals");
    final Table<String> checkpoints = new Table<>("checkpoints");
    final Table<Long> crmRevisions = new Table<>("crm-revisions");
    final Table<SharingPolicy> sharing = new Table<>("sharing");
    final Table<Touchpoint> touchpoints = new Table<>("touchpoints");
    final Table<OutboxEntry> outbox = new Table<>("outbox");
    final Table<OutboxEntry> outboxByStatus = new Table<>("outbox");
    final Table<String> outboxByMessageId = new Table<>("outbox-message-ids");
    final Table<String> idempotency = new Table<>("idempotency");
    final Table<CompanyId> blocks = new Table<>("blocks");
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

    /** Programs' current versions, every version, and current ids by type (see {@link MemoryPrograms}). */
    record ProgramTables(Table<PartnerProgram> current, Table<PartnerProgram> versions, Table<String> byType) {
    }

    /** The registrations and their indexes (see {@link MemoryRegistrations}). */
    record RegistrationTables(Table<Registration> byId, Table<Registration> byVendor, Table<Registration> byPartner,
            Table<Registration> byPartnerVendor, Table<Registration> openByPair,
            Table<Registration> acceptedByDomain, Table<Registration> acceptedByName,
            Table<Registration> acceptedByEnd) {
    }
}
