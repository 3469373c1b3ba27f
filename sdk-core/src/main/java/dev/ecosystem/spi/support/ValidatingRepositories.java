package dev.ecosystem.spi.support;

import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.CrmWriteBack;
import dev.ecosystem.model.CrmWriteBackStatus;
import dev.ecosystem.model.IntroParty;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.IntroductionId;
import dev.ecosystem.model.OutboxEntry;
import dev.ecosystem.model.OutboxEntryId;
import dev.ecosystem.model.OutboxStatus;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.Partnership;
import dev.ecosystem.model.PartnershipId;
import dev.ecosystem.model.SharingPolicy;
import dev.ecosystem.model.StoreChange;
import dev.ecosystem.model.Touchpoint;
import dev.ecosystem.model.TouchpointId;
import dev.ecosystem.spi.ChangeRepository;
import dev.ecosystem.spi.CompanyBlockRepository;
import dev.ecosystem.spi.CompanyRepository;
import dev.ecosystem.spi.ContactRepository;
import dev.ecosystem.spi.CrmWriteBackRepository;
import dev.ecosystem.spi.IntroductionRepository;
import dev.ecosystem.spi.OutboxRepository;
import dev.ecosystem.spi.PartnershipRepository;
import dev.ecosystem.spi.SharingPolicyRepository;
import dev.ecosystem.spi.TouchpointRepository;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The argument checks of the network, introduction, outbox and change repositories, for
 * {@link ValidatingPartnerStore}: each checks, then hands the call to the store's repository unchanged.
 */
final class ValidatingRepositories {
    private ValidatingRepositories() {
    }

    /** The page request of a list method. */
    static PageRequest page(@Nullable PageRequest page) {
        return Checks.required(page, "page");
    }

    /** The limit of a due-work query: 1 to {@link PageRequest#MAX_SIZE}. */
    static void dueLimit(Instant now, int limit) {
        Checks.required(now, "now");
        Checks.range(limit, 1, PageRequest.MAX_SIZE, "limit");
    }

    record Companies(CompanyRepository store) implements CompanyRepository {
        @Override
        public void put(Company company) {
            store.put(Checks.required(company, "company"));
        }

        @Override
        public @Nullable Company get(CompanyId id) {
            return store.get(Checks.required(id, "company id"));
        }

        @Override
        public boolean remove(CompanyId id) {
            return store.remove(Checks.required(id, "company id"));
        }

        @Override
        public Page<Company> list(PageRequest page) {
            return store.list(page(page));
        }

        @Override
        public long count() {
            return store.count();
        }
    }

    record Contacts(ContactRepository store) implements ContactRepository {
        @Override
        public void put(Contact contact) {
            store.put(Checks.required(contact, "contact"));
        }

        @Override
        public @Nullable Contact get(CompanyId company, ContactId id) {
            return store.get(Checks.required(company, "company"), Checks.required(id, "contact id"));
        }

        @Override
        public boolean remove(CompanyId company, ContactId id) {
            return store.remove(Checks.required(company, "company"), Checks.required(id, "contact id"));
        }

        @Override
        public Page<Contact> list(CompanyId company, PageRequest page) {
            return store.list(Checks.required(company, "company"), page(page));
        }
    }

    record Partnerships(PartnershipRepository store) implements PartnershipRepository {
        @Override
        public void put(Partnership partnership) {
            store.put(Checks.required(partnership, "partnership"));
        }

        @Override
        public @Nullable Partnership get(CompanyId owner, PartnershipId id) {
            return store.get(Checks.required(owner, "owner"), Checks.required(id, "partnership id"));
        }

        @Override
        public @Nullable Partnership findByPartner(CompanyId owner, CompanyId partner) {
            return store.findByPartner(Checks.required(owner, "owner"), Checks.required(partner, "partner"));
        }

        @Override
        public boolean remove(CompanyId owner, PartnershipId id) {
            return store.remove(Checks.required(owner, "owner"), Checks.required(id, "partnership id"));
        }

        @Override
        public Page<Partnership> list(CompanyId owner, PageRequest page) {
            return store.list(Checks.required(owner, "owner"), page(page));
        }
    }

    record Introductions(IntroductionRepository store) implements IntroductionRepository {
        @Override
        public Introduction insert(Introduction introduction) {
            return store.insert(Checks.required(introduction, "introduction"));
        }

        @Override
        public Introduction update(Introduction introduction) {
            return store.update(Checks.required(introduction, "introduction"));
        }

        @Override
        public @Nullable Introduction get(CompanyId party, IntroductionId id) {
            return store.get(Checks.required(party, "party"), Checks.required(id, "introduction id"));
        }

        @Override
        public Page<Introduction> list(CompanyId party, PageRequest page) {
            return store.list(Checks.required(party, "party"), page(page));
        }

        @Override
        public List<Introduction> due(Instant now, int limit) {
            dueLimit(now, limit);
            return store.due(now, limit);
        }

        @Override
        public long countOpen(IntroParty party, CompanyId company, ContactId contact, Instant since) {
            Checks.required(party, "party");
            Checks.required(company, "company");
            Checks.required(contact, "contact");
            Checks.required(since, "since");
            return store.countOpen(party, company, contact, since);
        }
    }

    record Sharing(SharingPolicyRepository store) implements SharingPolicyRepository {
        @Override
        public void put(CompanyId owner, CompanyId partner, SharingPolicy policy) {
            store.put(Checks.required(owner, "owner"), Checks.required(partner, "partner"),
                    Checks.required(policy, "policy"));
        }

        @Override
        public @Nullable SharingPolicy get(CompanyId owner, CompanyId partner) {
            return store.get(Checks.required(owner, "owner"), Checks.required(partner, "partner"));
        }

        @Override
        public boolean remove(CompanyId owner, CompanyId partner) {
            return store.remove(Checks.required(owner, "owner"), Checks.required(partner, "partner"));
        }
    }

    record Touchpoints(TouchpointRepository store) implements TouchpointRepository {
        @Override
        public void append(Touchpoint touchpoint) {
            store.append(Checks.required(touchpoint, "touchpoint"));
        }

        @Override
        public @Nullable Touchpoint get(CompanyId owner, TouchpointId id) {
            return store.get(Checks.required(owner, "owner"), Checks.required(id, "touchpoint id"));
        }

        @Override
        public Page<Touchpoint> list(CompanyId owner, PageRequest page) {
            return store.list(Checks.required(owner, "owner"), page(page));
        }
    }

    record Outbox(OutboxRepository store) implements OutboxRepository {
        @Override
        public void enqueue(OutboxEntry entry) {
            store.enqueue(Checks.required(entry, "outbox entry"));
        }

        @Override
        public @Nullable OutboxEntry get(OutboxEntryId id) {
            return store.get(Checks.required(id, "outbox entry id"));
        }

        @Override
        public List<OutboxEntry> claimDue(Instant now, Instant leaseUntil, int limit) {
            StoreRules.checkClaim(now, leaseUntil, limit);
            return store.claimDue(now, leaseUntil, limit);
        }

        @Override
        public void update(OutboxEntry entry) {
            store.update(Checks.required(entry, "outbox entry"));
        }

        @Override
        public Page<OutboxEntry> list(CompanyId tenant, OutboxStatus status, PageRequest page) {
            return store.list(Checks.required(tenant, "tenant"), Checks.required(status, "status"), page(page));
        }

        @Override
        public long count(OutboxStatus status) {
            return store.count(Checks.required(status, "status"));
        }
    }

    record Blocks(CompanyBlockRepository store) implements CompanyBlockRepository {
        @Override
        public boolean block(CompanyId owner, CompanyId blocked) {
            StoreRules.checkBlock(owner, blocked);
            return store.block(owner, blocked);
        }

        @Override
        public boolean unblock(CompanyId owner, CompanyId blocked) {
            return store.unblock(Checks.required(owner, "owner"), Checks.required(blocked, "blocked"));
        }

        @Override
        public boolean isBlocked(CompanyId owner, CompanyId other) {
            return store.isBlocked(Checks.required(owner, "owner"), Checks.required(other, "other"));
        }

        @Override
        public Page<CompanyId> list(CompanyId owner, PageRequest page) {
            return store.list(Checks.required(owner, "owner"), page(page));
        }

        @Override
        public Page<CompanyId> blockers(CompanyId blocked, PageRequest page) {
            return store.blockers(Checks.required(blocked, "blocked"), page(page));
        }
    }

    record Changes(ChangeRepository store) implements ChangeRepository {
        @Override
        public List<StoreChange> after(long revision, int limit) {
            StoreRules.checkChangesAfter(revision, limit);
            return store.after(revision, limit);
        }

        @Override
        public long latestRevision() {
            return store.latestRevision();
        }
    }

    record WriteBacks(CrmWriteBackRepository store) implements CrmWriteBackRepository {
        @Override
        public boolean enqueue(CrmWriteBack entry) {
            return store.enqueue(Checks.required(entry, "CRM write-back"));
        }

        @Override
        public @Nullable CrmWriteBack get(CompanyId tenant, TouchpointId id) {
            return store.get(Checks.required(tenant, "tenant"), Checks.required(id, "write-back id"));
        }

        @Override
        public List<CrmWriteBack> claimDue(Instant now, Instant leaseUntil, int limit) {
            StoreRules.checkClaim(now, leaseUntil, limit);
            return store.claimDue(now, leaseUntil, limit);
        }

        @Override
        public void update(CrmWriteBack entry) {
            store.update(Checks.required(entry, "CRM write-back"));
        }

        @Override
        public Page<CrmWriteBack> list(CompanyId tenant, CrmWriteBackStatus status, PageRequest page) {
            return store.list(Checks.required(tenant, "tenant"), Checks.required(status, "status"), page(page));
        }
    }
}
