package dev.ecosystem.memory;

import dev.ecosystem.error.EcosystemException;
import dev.ecosystem.internal.ListedCompanies;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.ChangeKind;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.StoreChange;
import dev.ecosystem.model.Tag;
import dev.ecosystem.spi.BriefRepository;
import dev.ecosystem.spi.CertificationRepository;
import dev.ecosystem.spi.ChangeRepository;
import dev.ecosystem.spi.CompanyBlockRepository;
import dev.ecosystem.spi.CompanyRepository;
import dev.ecosystem.spi.ContactRepository;
import dev.ecosystem.spi.CrmSnapshotRepository;
import dev.ecosystem.spi.CrmWriteBackRepository;
import dev.ecosystem.spi.IdempotencyRepository;
import dev.ecosystem.spi.IntroductionRepository;
import dev.ecosystem.spi.OutboxRepository;
import dev.ecosystem.spi.PartnershipLifecycleRepository;
import dev.ecosystem.spi.PartnershipRepository;
import dev.ecosystem.spi.ProgramRepository;
import dev.ecosystem.spi.RegistrationRepository;
import dev.ecosystem.spi.SharingPolicyRepository;
import dev.ecosystem.spi.StatementRepository;
import dev.ecosystem.spi.StoreTransaction;
import dev.ecosystem.spi.TierRepository;
import dev.ecosystem.spi.TouchpointRepository;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * One transaction over the store's tables: an undo log, the changes it will add to the feed when it commits, and the
 * repositories that write through it.
 */
final class MemoryTransaction implements StoreTransaction, ListedCompanies {
    private final Deque<Runnable> undo = new ArrayDeque<>();
    private final Set<MemoryChangeLog.Pending> changed = new LinkedHashSet<>();
    private final MemoryTables tables;
    private boolean open = true;

    MemoryTransaction(MemoryTables tables) {
        this.tables = tables;
    }

    /** Remembers how to take back one change. */
    void onRollback(Runnable restore) {
        undo.push(restore);
    }

    /** Notes a write for the change feed; the same record written twice in one transaction gives one change. */
    void changed(ChangeKind kind, CompanyId company, @Nullable String key) {
        changed.add(new MemoryChangeLog.Pending(kind, company, key));
    }

    /** Notes a write for the change feed when {@code written}, and returns {@code written}. */
    boolean changedIf(boolean written, ChangeKind kind, CompanyId company, @Nullable String key) {
        if (written) {
            changed(kind, company, key);
        }
        return written;
    }

    /** Takes back every change, newest first; none of them reaches the change feed. */
    void rollback() {
        while (!undo.isEmpty()) {
            undo.pop().run();
        }
        changed.clear();
    }

    /** Adds the transaction's changes to the feed; call under the store's lock, as it commits. */
    void commit(Instant at) {
        tables.changes.commit(changed, at);
        changed.clear();
    }

    void close() {
        open = false;
        undo.clear();
    }

    /** Fails when the callback that owned this transaction has returned. */
    MemoryTransaction checkOpen() {
        if (!open) {
            throw new EcosystemException("this StoreTransaction was used after its callback returned; "
                    + "do all work inside the inTransaction callback");
        }
        return this;
    }

    @Override
    public CompanyRepository companies() {
        return new MemoryCompanies(checkOpen(), tables.companies);
    }

    @Override
    public ContactRepository contacts() {
        return new MemoryContacts(checkOpen(), tables.contacts);
    }

    @Override
    public PartnershipRepository partnerships() {
        return new MemoryPartnerships(checkOpen(), tables.partnerships, tables.partnershipsByPartner);
    }

    @Override
    public IntroductionRepository introductions() {
        return new MemoryIntroductions(checkOpen(), tables.introductions, tables.introductionsByParty);
    }

    @Override
    public CrmSnapshotRepository crm() {
        return new MemoryCrmSnapshots(checkOpen(), tables.accounts, tables.deals, tables.checkpoints,
                tables.crmRevisions);
    }

    @Override
    public SharingPolicyRepository sharing() {
        return new MemorySharing(checkOpen(), tables.sharing);
    }

    @Override
    public TouchpointRepository touchpoints() {
        return new MemoryTouchpoints(checkOpen(), tables.touchpoints);
    }

    @Override
    public OutboxRepository outbox() {
        return new MemoryOutbox(checkOpen(), tables.outbox, tables.outboxByStatus, tables.outboxByMessageId);
    }

    @Override
    public IdempotencyRepository idempotency() {
        return new MemoryIdempotency(checkOpen(), tables.idempotency);
    }

    @Override
    public CompanyBlockRepository blocks() {
        return new MemoryBlocks(checkOpen(), tables.blocks, tables.blockers);
    }

    @Override
    public CrmWriteBackRepository crmWriteBacks() {
        return new MemoryCrmWriteBacks(checkOpen(), tables.crmWriteBacks, tables.crmWriteBacksByStatus,
                tables.crmWriteBacksDue);
    }

    @Override
    public RegistrationRepository registrations() {
        return new MemoryRegistrations(checkOpen(), tables.registrations);
    }

    @Override
    public ProgramRepository programs() {
        return new MemoryPrograms(checkOpen(), tables.programs);
    }

    @Override
    public TierRepository tiers() {
        return new MemoryTiers(checkOpen(), tables.tiers);
    }

    @Override
    public CertificationRepository certifications() {
        return new MemoryCertifications(checkOpen(), tables.certifications);
    }

    @Override
    public PartnershipLifecycleRepository lifecycle() {
        return new MemoryLifecycle(checkOpen(), tables.lifecycle);
    }

    @Override
    public StatementRepository statements() {
        return new MemoryStatements(checkOpen(), tables.statements);
    }

    @Override
    public BriefRepository briefs() {
        return new MemoryBriefs(checkOpen(), tables.briefs);
    }

    @Override
    public long companyCount() {
        checkOpen();
        return tables.companies.count(MemoryTables.ALL);
    }

    @Override
    public void forEachListedCompany(BiConsumer<Company, Collection<Tag>> action) {
        checkOpen();
        List<Tag> roles = new ArrayList<>();
        tables.companies.forEach(MemoryTables.ALL, company -> {
            if (company.listed()) {
                roles.clear();
                tables.contacts.forEach(company.id(), contact -> roles.addAll(contact.roleTags()));
                action.accept(company, roles);
            }
        });
    }

    @Override
    public List<Tag> roleTags(CompanyId company) {
        Checks.required(company, "company");
        checkOpen();
        List<Tag> roles = new ArrayList<>();
        tables.contacts.forEach(company, contact -> roles.addAll(contact.roleTags()));
        return roles;
    }

    @Override
    public ChangeRepository changes() {
        checkOpen();
        return new ChangeRepository() {
            @Override
            public List<StoreChange> after(long revision, int limit) {
                checkOpen();
                return tables.changes.after(revision, limit);
            }

            @Override
            public long latestRevision() {
                checkOpen();
                return tables.changes.latestRevision();
            }
        };
    }
}
