package dev.ecosystem.memory;

import dev.ecosystem.internal.Checks;
import dev.ecosystem.spi.support.StoreRules;
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
        StoreRules.checkBlock(owner, blocked);
        tx.checkOpen();
        return tx.changedIf(blocks.put(tx, owner, blocked.value(), blocked) == null, ChangeKind.BLOCK, owner,
                blocked.value());
    }

    @Override
    public boolean unblock(CompanyId owner, CompanyId blocked) {
        Checks.required(owner, "owner");
        Checks.required(blocked, "blocked");
        tx.checkOpen();
        return tx.changedIf(blocks.remove(tx, owner, blocked.value()) != null, ChangeKind.BLOCK, owner,
                blocked.value());
    }

    @Override
    public boolean isBlocked(CompanyId owner, CompanyId other) {
        Checks.required(owner, "owner");
        Checks.required(other, "other");
        tx.checkOpen();
        return blocks.get(owner, other.value()) != null;
    }

    @Override
    public Page<CompanyId> list(CompanyId owner, PageRequest page) {
        Checks.required(owner, "owner");
        tx.checkOpen();
        return blocks.page(owner, page);
    }
}
