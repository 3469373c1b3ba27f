package dev.ecosystem.memory;

import dev.ecosystem.model.Account;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.OutboxEntry;
import dev.ecosystem.model.Partnership;
import dev.ecosystem.model.Touchpoint;
import dev.ecosystem.overlap.SharingPolicy;

/** Every table of one in-memory store. Partitions are tenants, parties, or {@link #ALL}. */
final class MemoryTables {
    /** The partition of tables that are not partitioned. */
    static final Object ALL = "all";

    final Table<Company> companies = new Table<>("companies");
    final Table<Contact> contacts = new Table<>("contacts");
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
    final MemoryChangeLog changes = new MemoryChangeLog();
}
