package dev.ecosystem.memory;

import dev.ecosystem.EcosystemException;
import dev.ecosystem.spi.CompanyBlockRepository;
import dev.ecosystem.spi.CompanyRepository;
import dev.ecosystem.spi.ContactRepository;
import dev.ecosystem.spi.CrmSnapshotRepository;
import dev.ecosystem.spi.IdempotencyRepository;
import dev.ecosystem.spi.IntroductionRepository;
import dev.ecosystem.spi.OutboxRepository;
import dev.ecosystem.spi.PartnershipRepository;
import dev.ecosystem.spi.SharingPolicyRepository;
import dev.ecosystem.spi.StoreTransaction;
import dev.ecosystem.spi.TouchpointRepository;
import java.util.ArrayDeque;
import java.util.Deque;

/** One transaction over the store's tables: an undo log, and the repositories that write through it. */
final class MemoryTransaction implements StoreTransaction {
    private final Deque<Runnable> undo = new ArrayDeque<>();
    private final MemoryTables tables;
    private boolean open = true;

    MemoryTransaction(MemoryTables tables) {
        this.tables = tables;
    }

    /** Remembers how to take back one change. */
    void onRollback(Runnable restore) {
        undo.push(restore);
    }

    /** Takes back every change, newest first. */
    void rollback() {
        while (!undo.isEmpty()) {
            undo.pop().run();
        }
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
        return new MemoryPartnerships(checkOpen(), tables.partnerships);
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
        return new MemoryOutbox(checkOpen(), tables.outbox, tables.outboxByMessageId);
    }

    @Override
    public IdempotencyRepository idempotency() {
        return new MemoryIdempotency(checkOpen(), tables.idempotency);
    }

    @Override
    public CompanyBlockRepository blocks() {
        return new MemoryBlocks(checkOpen(), tables.blocks);
    }
}
