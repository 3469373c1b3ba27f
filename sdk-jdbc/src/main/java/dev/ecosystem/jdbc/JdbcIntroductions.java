package dev.ecosystem.jdbc;

import dev.ecosystem.ConflictException;
import dev.ecosystem.NotFoundException;
import dev.ecosystem.internal.Checks;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.IntroductionId;
import dev.ecosystem.model.IntroductionStatus;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.spi.IntroductionRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Introductions in the {@code introductions} table, with a {@code version} column for optimistic concurrency. */
final class JdbcIntroductions implements IntroductionRepository {
    private static final List<String> COLUMNS = List.of("id", "requester_company", "requester", "target_company",
            "target", "introducer", "context", "status", "created_at", "updated_at", "version");
    private static final String SELECT = "SELECT " + String.join(", ", COLUMNS) + " FROM ";

    private final JdbcTransaction tx;
    private final String table;

    JdbcIntroductions(JdbcTransaction tx) {
        this.tx = tx;
        this.table = tx.table("introductions");
    }

    @Override
    public Introduction insert(Introduction introduction) {
        Checks.required(introduction, "introduction");
        if (stored(introduction.id()) != null) {
            throw new ConflictException("introduction " + introduction.id() + " already exists; choose a new id");
        }
        Introduction stored = introduction.withVersion(0);
        tx.update("insert introduction " + stored.id(), "INSERT INTO " + table + " (" + String.join(", ", COLUMNS)
                + ") VALUES (" + Dialect.placeholders(COLUMNS.size()) + ")", stored.id().value(),
                stored.requesterCompany().value(), stored.requester().value(), stored.targetCompany().value(),
                stored.target().value(), stored.introducer() == null ? null : stored.introducer().value(),
                stored.context(), stored.status().name(), Columns.nanos(stored.createdAt(), "createdAt"),
                Columns.nanos(stored.updatedAt(), "updatedAt"), 0L);
        return stored;
    }

    @Override
    public Introduction update(Introduction introduction) {
        Checks.required(introduction, "introduction");
        Introduction current = stored(introduction.id());
        if (current == null) {
            throw new NotFoundException("introduction " + introduction.id() + " does not exist; insert it first");
        }
        if (current.version() != introduction.version()) {
            throw stale(introduction, current.version());
        }
        if (!current.requesterCompany().equals(introduction.requesterCompany())
                || !current.targetCompany().equals(introduction.targetCompany())) {
            throw new ConflictException("introduction " + introduction.id() + " cannot change its companies");
        }
        Introduction stored = introduction.withVersion(current.version() + 1);
        int changed = tx.update("update introduction " + stored.id(), "UPDATE " + table
                + " SET requester = ?, target = ?, introducer = ?, context = ?, status = ?, created_at = ?,"
                + " updated_at = ?, version = ? WHERE id = ? AND version = ?", stored.requester().value(),
                stored.target().value(), stored.introducer() == null ? null : stored.introducer().value(),
                stored.context(), stored.status().name(), Columns.nanos(stored.createdAt(), "createdAt"),
                Columns.nanos(stored.updatedAt(), "updatedAt"), stored.version(), stored.id().value(),
                introduction.version());
        if (changed == 0) {
            // A concurrent transaction committed a newer version between the read and the write.
            throw stale(introduction, -1);
        }
        return stored;
    }

    @Override
    public @Nullable Introduction get(CompanyId party, IntroductionId id) {
        Checks.required(party, "party");
        Checks.required(id, "introduction id");
        return tx.queryOne("get introduction " + id, SELECT + table
                + " WHERE id = ? AND (requester_company = ? OR target_company = ?)", JdbcIntroductions::introduction,
                id.value(), party.value(), party.value());
    }

    @Override
    public Page<Introduction> list(CompanyId party, PageRequest page) {
        Checks.required(party, "party");
        return tx.page("jdbc/introductions", page, SELECT + table + " WHERE (requester_company = ? OR "
                + "target_company = ?)", JdbcIntroductions::introduction, introduction -> introduction.id().value(),
                party.value(), party.value());
    }

    private @Nullable Introduction stored(IntroductionId id) {
        return tx.queryOne("get introduction " + id, SELECT + table + " WHERE id = ?",
                JdbcIntroductions::introduction, id.value());
    }

    private static ConflictException stale(Introduction introduction, long storedVersion) {
        String stored = storedVersion < 0 ? "was changed concurrently" : "is at version " + storedVersion;
        return new ConflictException("introduction " + introduction.id() + " " + stored
                + " but the update was based on version " + introduction.version() + "; read it again and retry");
    }

    private static Introduction introduction(ResultSet row) throws SQLException {
        String introducer = row.getString("introducer");
        return new Introduction(new IntroductionId(row.getString("id")),
                new CompanyId(row.getString("requester_company")), new ContactId(row.getString("requester")),
                new CompanyId(row.getString("target_company")), new ContactId(row.getString("target")),
                introducer == null ? null : new ContactId(introducer), row.getString("context"),
                IntroductionStatus.valueOf(row.getString("status")), Columns.instant(row.getLong("created_at")),
                Columns.instant(row.getLong("updated_at")), row.getLong("version"));
    }
}
