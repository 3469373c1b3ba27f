package dev.ecosystem.jdbc;

import dev.ecosystem.model.ChangeKind;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.spi.CompanyBlockRepository;

/**
 * Introduction blocks in the {@code company_blocks} table, keyed by (owner, blocked), with an index on (blocked, owner)
 * for the companies that block a company.
 */
final class JdbcBlocks implements CompanyBlockRepository {
    private final JdbcTransaction tx;
    private final String table;

    JdbcBlocks(JdbcTransaction tx) {
        this.tx = tx;
        this.table = tx.table("company_blocks");
    }

    @Override
    public boolean block(CompanyId owner, CompanyId blocked) {
        if (isBlocked(owner, blocked)) {
            return false;
        }
        tx.update("block " + blocked, "INSERT INTO " + table + " (owner, blocked) VALUES (?, ?)", owner.value(),
                blocked.value());
        tx.changed(ChangeKind.BLOCK, owner, blocked.value());
        return true;
    }

    @Override
    public boolean unblock(CompanyId owner, CompanyId blocked) {
        return tx.changedIf(tx.update("unblock " + blocked, "DELETE FROM " + table
                + " WHERE owner = ? AND blocked = ?", owner.value(), blocked.value()) > 0, ChangeKind.BLOCK, owner,
                blocked.value());
    }

    @Override
    public boolean isBlocked(CompanyId owner, CompanyId other) {
        return tx.count("read block", "SELECT COUNT(*) FROM " + table + " WHERE owner = ? AND blocked = ?",
                owner.value(), other.value()) > 0;
    }

    @Override
    public Page<CompanyId> list(CompanyId owner, PageRequest page) {
        return tx.page("jdbc/blocks", page, "SELECT blocked FROM " + table + " WHERE owner = ?", "blocked",
                row -> new CompanyId(row.getString("blocked")), CompanyId::value, owner.value());
    }

    /** Read through the index on (blocked, owner) of migration V18, one page of it per call. */
    @Override
    public Page<CompanyId> blockers(CompanyId blocked, PageRequest page) {
        return tx.page("jdbc/blockers", page, "SELECT owner FROM " + table + " WHERE blocked = ?", "owner",
                row -> new CompanyId(row.getString("owner")), CompanyId::value, blocked.value());
    }
}
