package dev.ecosystem.memory;

import dev.ecosystem.model.ChangeKind;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.spi.CompanyBlockRepository;

/** Blocked companies partitioned by the company that blocks them. */
final class MemoryBlocks implements CompanyBlockRepository {
    private final MemoryTransaction tx;
    private final Table<CompanyId> blocks;

    MemoryBlocks(MemoryTransaction tx, Table<CompanyId> blocks) {
        this.tx = tx;
        this.blocks = blocks;
    }

    @Override
    public boolean block(CompanyId owner, CompanyId blocked) {
        tx.checkOpen();
        return tx.changedIf(blocks.put(tx, owner, blocked.value(), blocked) == null, ChangeKind.BLOCK, owner,
                blocked.value());
    }

    @Override
    public boolean unblock(CompanyId owner, CompanyId blocked) {
        tx.checkOpen();
        return tx.changedIf(blocks.remove(tx, owner, blocked.value()) != null, ChangeKind.BLOCK, owner,
                blocked.value());
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
}
