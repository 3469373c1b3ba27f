package dev.ecosystem.jdbc;

import dev.ecosystem.error.ConflictException;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.IntroParty;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.IntroductionId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.spi.IntroductionRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Introductions in the {@code introductions} table: the whole record (consents, history) as a JSON body, beside the
 * columns queries filter on, and a {@code version} column for optimistic concurrency.
 */
final class JdbcIntroductions implements IntroductionRepository {
    private static final String SELECT = "SELECT version, body FROM ";

    private final JdbcTransaction tx;
    private final String table;

    JdbcIntroductions(JdbcTransaction tx) {
        this.tx = tx;
        this.table = tx.table("introductions");
    }

    @Override
    public Introduction insert(Introduction introduction) {
        if (stored(introduction.id()) != null) {
            throw new ConflictException("introduction " + introduction.id() + " already exists; choose a new id");
        }
        Introduction stored = introduction.withVersion(0);
        tx.update("insert introduction " + stored.id(), "INSERT INTO " + table + " (requester_company, requester,"
                + " target_company, target, status, is_open, created_at, next_due_at, body, version, id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", columns(stored, stored.id().value()));
        return stored;
    }

    @Override
    public Introduction update(Introduction introduction) {
        Introduction current = stored(introduction.id());
        if (current == null) {
            throw new NotFoundException("introduction " + introduction.id() + " does not exist; insert it first");
        }
        if (current.version() != introduction.version()) {
            throw stale(introduction, "is at version " + current.version());
        }
        if (!current.requesterCompany().equals(introduction.requesterCompany())
                || !current.targetCompany().equals(introduction.targetCompany())) {
            throw new ConflictException("introduction " + introduction.id() + " cannot change its companies");
        }
        Introduction stored = introduction.withVersion(current.version() + 1);
        Object[] values = columns(stored, stored.id().value(), introduction.version());
        int changed = tx.update("update introduction " + stored.id(), "UPDATE " + table + " SET requester_company = ?,"
                + " requester = ?, target_company = ?, target = ?, status = ?, is_open = ?, created_at = ?,"
                + " next_due_at = ?, body = ?, version = ? WHERE id = ? AND version = ?", values);
        if (changed == 0) {
            throw stale(introduction, "was changed concurrently");
        }
        return stored;
    }

    @Override
    public @Nullable Introduction get(CompanyId party, IntroductionId id) {
        return tx.queryOne("get introduction " + id, SELECT + table
                + " WHERE id = ? AND (requester_company = ? OR target_company = ?)", JdbcIntroductions::introduction,
                id.value(), party.value(), party.value());
    }

    @Override
    public Page<Introduction> list(CompanyId party, PageRequest page) {
        return tx.page("jdbc/introductions", page, "SELECT id, version, body FROM " + table
                + " WHERE (requester_company = ? OR target_company = ?)", JdbcIntroductions::introduction,
                introduction -> introduction.id().value(), party.value(), party.value());
    }

    @Override
    public List<Introduction> due(Instant now, int limit) {
        return tx.query("list due introductions", SELECT + table + " WHERE next_due_at IS NOT NULL AND next_due_at"
                + " <= ? ORDER BY next_due_at, id LIMIT ?", JdbcIntroductions::introduction,
                Columns.nanos(now, "now"), limit);
    }

    @Override
    public long countOpen(IntroParty party, CompanyId company, ContactId contact, Instant since) {
        String side = party == IntroParty.REQUESTER ? "requester" : "target";
        return tx.count("count open introductions", "SELECT COUNT(*) FROM " + table + " WHERE " + side
                + "_company = ? AND " + side + " = ? AND is_open = ? AND created_at >= ?", company.value(),
                contact.value(), true, Columns.nanos(since, "since"));
    }

    private @Nullable Introduction stored(IntroductionId id) {
        return tx.queryOne("get introduction " + id, SELECT + table + " WHERE id = ?",
                JdbcIntroductions::introduction, id.value());
    }

    /** The column values in the order insert and update name them, then {@code extra}. */
    private static Object[] columns(Introduction stored, Object... extra) {
        Object[] values = {stored.requesterCompany().value(), stored.requester().value(),
            stored.targetCompany().value(), stored.target().value(), stored.status().name(),
            !stored.status().isTerminal(), Columns.nanos(stored.createdAt(), "createdAt"),
            stored.nextDueAt() == null ? null : Columns.nanos(stored.nextDueAt(), "nextDueAt"),
            Columns.json(IntroductionBody.of(stored)), stored.version()};
        Object[] all = java.util.Arrays.copyOf(values, values.length + extra.length);
        System.arraycopy(extra, 0, all, values.length, extra.length);
        return all;
    }

    private static ConflictException stale(Introduction introduction, String stored) {
        return new ConflictException("introduction " + introduction.id() + " " + stored
                + " but the update was based on version " + introduction.version() + "; read it again and retry");
    }

    private static Introduction introduction(ResultSet row) throws SQLException {
        return Columns.record(row.getString("body"), IntroductionBody.class).introduction()
                .withVersion(row.getLong("version"));
    }
}
