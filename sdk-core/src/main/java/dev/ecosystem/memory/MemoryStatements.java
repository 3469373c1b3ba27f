package dev.ecosystem.memory;

import dev.ecosystem.error.ConflictException;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.StatementContent;
import dev.ecosystem.model.StatementId;
import dev.ecosystem.model.StoredStatement;
import dev.ecosystem.spi.StatementRepository;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Statements by id, with a copy under the vendor and (vendor, partner), and ids by (vendor, partner, period, plan). */
final class MemoryStatements implements StatementRepository {
    private final MemoryTransaction tx;
    private final MemoryTables.StatementTables tables;

    MemoryStatements(MemoryTransaction tx, MemoryTables.StatementTables tables) {
        this.tx = tx;
        this.tables = tables;
    }

    @Override
    public StoredStatement insert(StoredStatement statement) {
        tx.checkOpen();
        if (tables.byId().get(MemoryTables.ALL, statement.id().value()) != null) {
            throw new ConflictException("statement " + statement.id() + " already exists; choose a new id");
        }
        String key = key(statement.content());
        String taken = tables.byKey().get(statement.vendor(), key);
        if (taken != null) {
            throw new ConflictException("the " + statement.content().describe() + " under plan "
                    + statement.content().plan() + " is already stored as " + taken);
        }
        StoredStatement stored = statement.toBuilder().version(0).build();
        write(stored);
        tables.byKey().put(tx, stored.vendor(), key, stored.id().value());
        return stored;
    }

    @Override
    public StoredStatement update(StoredStatement statement) {
        tx.checkOpen();
        StoredStatement current = tables.byId().get(MemoryTables.ALL, statement.id().value());
        if (current == null || !current.vendor().equals(statement.vendor())) {
            throw new NotFoundException("company " + statement.vendor() + " has no statement " + statement.id());
        }
        if (current.version() != statement.version()) {
            throw new ConflictException("statement " + statement.id() + " is at version " + current.version()
                    + " but the update was based on version " + statement.version() + "; read it again and retry");
        }
        if (!key(current.content()).equals(key(statement.content()))) {
            throw new ConflictException("statement " + statement.id()
                    + " cannot change its partner, period or plan");
        }
        StoredStatement stored = statement.toBuilder().version(current.version() + 1).build();
        write(stored);
        return stored;
    }

    private void write(StoredStatement stored) {
        String id = stored.id().value();
        tables.byId().put(tx, MemoryTables.ALL, id, stored);
        tables.byVendor().put(tx, stored.vendor(), id, stored);
        tables.byPartner().put(tx, List.of(stored.vendor(), stored.partner()), id, stored);
    }

    @Override
    public @Nullable StoredStatement get(CompanyId vendor, StatementId id) {
        tx.checkOpen();
        return tables.byVendor().get(vendor, id.value());
    }

    @Override
    public @Nullable StoredStatement find(CompanyId vendor, CompanyId partner, LocalDate periodStart,
            LocalDate periodEnd, String plan) {
        tx.checkOpen();
        String id = tables.byKey().get(vendor, key(partner, periodStart, periodEnd, plan));
        return id == null ? null : tables.byVendor().get(vendor, id);
    }

    @Override
    public Page<StoredStatement> list(CompanyId vendor, @Nullable CompanyId partner, PageRequest page) {
        tx.checkOpen();
        return partner == null ? tables.byVendor().page(vendor, page)
                : tables.byPartner().page(List.of(vendor, partner), page);
    }

    private static String key(StatementContent content) {
        return key(content.partner(), content.periodStart(), content.periodEnd(), content.plan());
    }

    private static String key(CompanyId partner, LocalDate periodStart, LocalDate periodEnd, String plan) {
        return partner.value() + '\u0000' + periodStart + '\u0000' + periodEnd + '\u0000' + plan;
    }
}
