package dev.ecosystem.memory;

import dev.ecosystem.model.ChangeKind;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.spi.CompanyBlockRepository;

/**
 * Blocked companies partitioned by the company that blocks them, and the same blocks partitioned by the blocked
 * company, so that listing either side reads one page of rows.
 */
final class MemoryBlocks implements CompanyBlockRepository {
    private final MemoryTransaction tx;
    private final Table<CompanyId> blocks;
    private final Table<CompanyId> blockers;

    MemoryBlocks(MemoryTransaction tx, Table<CompanyId> blocks, Table<CompanyId> blockers) {
        this.tx = tx;
        this.blocks = blocks;
        this.blockers = blockers;
    }

    @Override
    public boolean block(CompanyId owner, CompanyId blocked) {
        tx.checkOpen();
        boolean added = blocks.put(tx, owner, blocked.value(), blocked) == null;
        if (added) {
            blockers.put(tx, blocked, owner.value(), owner);
        }
        return tx.changedIf(added, ChangeKind.BLOCK, owner, blocked.value());
    }

    @Override
    public boolean unblock(CompanyId owner, CompanyId blocked) {
        tx.checkOpen();
        boolean removed = blocks.remove(tx, owner, blocked.value()) != null;
        if (removed) {
            blockers.remove(tx, blocked, owner.value());
        }
        return tx.changedIf(removed, ChangeKind.BLOCK, owner, blocked.value());
    }

    @Override
    public boolean isBlocked(CompanyId owner, CompanyId other) {
        tx.checkOpen();
        return blocks.get(owner, other.value()) != null;
    }

    @Override
    public Page<CompanyId> list(CompanyId owner, PageRequest page) {
        tx.checkOpen();
        return blocks.page(owner, page);
    }

    @Override
    public Page<CompanyId> blockers(CompanyId blocked, PageRequest page) {
        tx.checkOpen();
        return blockers.page(blocked, page);
    }
}
