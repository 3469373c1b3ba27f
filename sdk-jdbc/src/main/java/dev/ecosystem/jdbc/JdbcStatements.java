package dev.ecosystem.jdbc;

import dev.ecosystem.error.ConflictException;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.StatementContent;
import dev.ecosystem.model.StatementId;
import dev.ecosystem.model.StoredStatement;
import dev.ecosystem.spi.StatementRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Statements in the {@code statements} table (migration V15): the whole record as a JSON body, beside the columns
 * the lookups filter on, a unique (vendor, partner, period, plan), and a {@code version} column for optimistic
 * concurrency.
 */
final class JdbcStatements implements StatementRepository {
    private static final String SELECT = "SELECT id, version, body FROM ";

    private final JdbcTransaction tx;
    private final String table;

    JdbcStatements(JdbcTransaction tx) {
        this.tx = tx;
        this.table = tx.table("statements");
    }

    @Override
    public StoredStatement insert(StoredStatement statement) {
        if (tx.queryOne("get statement " + statement.id(), SELECT + table + " WHERE id = ?",
                JdbcStatements::statement, statement.id().value()) != null) {
            throw new ConflictException("statement " + statement.id() + " already exists; choose a new id");
        }
        StatementContent content = statement.content();
        StoredStatement taken = find(statement.vendor(), content.partner(), content.periodStart(),
                content.periodEnd(), content.plan());
        if (taken != null) {
            throw new ConflictException("the " + content.describe() + " under plan " + content.plan()
                    + " is already stored as " + taken.id());
        }
        StoredStatement stored = statement.toBuilder().version(0).build();
        tx.update("insert statement " + stored.id(), "INSERT INTO " + table + " (vendor, partner, period_start,"
                + " period_end, plan_name, status, body, version, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                stored.vendor().value(), content.partner().value(), content.periodStart().toString(),
                content.periodEnd().toString(), content.plan(), stored.status().name(), Columns.json(stored),
                stored.version(), stored.id().value());
        return stored;
    }

    @Override
    public StoredStatement update(StoredStatement statement) {
        StoredStatement current = get(statement.vendor(), statement.id());
        if (current == null) {
            throw new NotFoundException("company " + statement.vendor() + " has no statement " + statement.id());
        }
        if (current.version() != statement.version()) {
            throw stale(statement, "is at version " + current.version());
        }
        StatementContent was = current.content();
        StatementContent next = statement.content();
        if (!was.partner().equals(next.partner()) || !was.periodStart().equals(next.periodStart())
                || !was.periodEnd().equals(next.periodEnd()) || !was.plan().equals(next.plan())) {
            throw new ConflictException("statement " + statement.id() + " cannot change its partner, period or plan");
        }
        StoredStatement stored = statement.toBuilder().version(current.version() + 1).build();
        int changed = tx.update("update statement " + stored.id(), "UPDATE " + table + " SET status = ?, body = ?,"
                + " version = ? WHERE id = ? AND vendor = ? AND version = ?", stored.status().name(),
                Columns.json(stored), stored.version(), stored.id().value(), stored.vendor().value(),
                statement.version());
        if (changed == 0) {
            throw stale(statement, "was changed concurrently");
        }
        return stored;
    }

    @Override
    public @Nullable StoredStatement get(CompanyId vendor, StatementId id) {
        return tx.queryOne("get statement " + id, SELECT + table + " WHERE id = ? AND vendor = ?",
                JdbcStatements::statement, id.value(), vendor.value());
    }

    @Override
    public @Nullable StoredStatement find(CompanyId vendor, CompanyId partner, LocalDate periodStart,
            LocalDate periodEnd, String plan) {
        return tx.queryOne("find statement of " + partner, SELECT + table + " WHERE vendor = ? AND partner = ?"
                + " AND period_start = ? AND period_end = ? AND plan_name = ?", JdbcStatements::statement,
                vendor.value(), partner.value(), periodStart.toString(), periodEnd.toString(), plan);
    }

    @Override
    public Page<StoredStatement> list(CompanyId vendor, @Nullable CompanyId partner, PageRequest page) {
        if (partner == null) {
            return tx.page("jdbc/statements/vendor", page, SELECT + table + " WHERE vendor = ?",
                    JdbcStatements::statement, statement -> statement.id().value(), vendor.value());
        }
        return tx.page("jdbc/statements/partner", page, SELECT + table + " WHERE vendor = ? AND partner = ?",
                JdbcStatements::statement, statement -> statement.id().value(), vendor.value(), partner.value());
    }

    private static ConflictException stale(StoredStatement statement, String stored) {
        return new ConflictException("statement " + statement.id() + " " + stored
                + " but the update was based on version " + statement.version() + "; read it again and retry");
    }

    private static StoredStatement statement(ResultSet row) throws SQLException {
        return Columns.record(row.getString("body"), StoredStatement.class).toBuilder()
                .version(row.getLong("version")).build();
    }
}
