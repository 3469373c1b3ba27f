package dev.ecosystem.jdbc;

import dev.ecosystem.error.ConflictException;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.RegistrationId;
import dev.ecosystem.model.Touchpoint;
import dev.ecosystem.model.TouchpointId;
import dev.ecosystem.model.TouchpointKind;
import dev.ecosystem.spi.TouchpointRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The append-only {@code touchpoints} ledger: this class only ever inserts into it. */
final class JdbcTouchpoints implements TouchpointRepository {
    private static final List<String> COLUMNS = List.of("owner", "id", "partner", "account_id", "deal_id", "registration_id",
            "kind", "occurred_at", "origin", "reverses");
    private static final String SELECT = "SELECT " + String.join(", ", COLUMNS) + " FROM ";

    private final JdbcTransaction tx;
    private final String table;

    JdbcTouchpoints(JdbcTransaction tx) {
        this.tx = tx;
        this.table = tx.table("touchpoints");
    }

    @Override
    public void append(Touchpoint touchpoint) {
        CompanyId owner = touchpoint.owner();
        if (get(owner, touchpoint.id()) != null) {
            throw new ConflictException("the ledger of " + owner + " already has touchpoint " + touchpoint.id()
                    + "; entries are never replaced: append a reversal and a new entry instead");
        }
        TouchpointId reversed = touchpoint.reverses();
        if (reversed != null && get(owner, reversed) == null) {
            throw new NotFoundException("touchpoint " + touchpoint.id() + " reverses " + reversed
                    + ", which is not in the ledger of " + owner);
        }
        tx.update("append touchpoint " + touchpoint.id(), "INSERT INTO " + table + " (" + String.join(", ", COLUMNS)
                + ") VALUES (" + Dialect.placeholders(COLUMNS.size()) + ")", owner.value(), touchpoint.id().value(),
                touchpoint.partner().value(), touchpoint.accountId() == null ? null : touchpoint.accountId().value(),
                touchpoint.dealId() == null ? null : touchpoint.dealId().value(),
                touchpoint.registration() == null ? null : touchpoint.registration().value(), touchpoint.kind().name(),
                Columns.nanos(touchpoint.occurredAt(), "occurredAt"), touchpoint.origin(),
                reversed == null ? null : reversed.value());
    }

    @Override
    public @Nullable Touchpoint get(CompanyId owner, TouchpointId id) {
        return tx.queryOne("get touchpoint " + id, SELECT + table + " WHERE owner = ? AND id = ?",
                JdbcTouchpoints::touchpoint, owner.value(), id.value());
    }

    @Override
    public Page<Touchpoint> list(CompanyId owner, PageRequest page) {
        return tx.page("jdbc/touchpoints", page, SELECT + table + " WHERE owner = ?", JdbcTouchpoints::touchpoint,
                touchpoint -> touchpoint.id().value(), owner.value());
    }

    private static Touchpoint touchpoint(ResultSet row) throws SQLException {
        String account = row.getString("account_id");
        String deal = row.getString("deal_id");
        String registration = row.getString("registration_id");
        String reverses = row.getString("reverses");
        return new Touchpoint(new TouchpointId(row.getString("id")), new CompanyId(row.getString("owner")),
                new CompanyId(row.getString("partner")), account == null ? null : new AccountId(account),
                deal == null ? null : new DealId(deal), registration == null ? null : new RegistrationId(registration),
                TouchpointKind.valueOf(row.getString("kind")),
                Columns.instant(row.getLong("occurred_at")), row.getString("origin"),
                reverses == null ? null : new TouchpointId(reverses));
    }
}
