package dev.ecosystem.jdbc;

import dev.ecosystem.error.ConflictException;
import dev.ecosystem.model.ChangeKind;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.model.Partnership;
import dev.ecosystem.model.PartnershipId;
import dev.ecosystem.model.PartnershipStatus;
import dev.ecosystem.spi.PartnershipRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Partnership records in the {@code partnerships} table; a unique key allows one record per (owner, partner). */
final class JdbcPartnerships implements PartnershipRepository {
    private static final List<String> COLUMNS = List.of("owner", "id", "partner", "type", "status", "since");
    private static final String SELECT = "SELECT " + String.join(", ", COLUMNS) + " FROM ";

    private final JdbcTransaction tx;
    private final String table;

    JdbcPartnerships(JdbcTransaction tx) {
        this.tx = tx;
        this.table = tx.table("partnerships");
    }

    @Override
    public void put(Partnership partnership) {
        Partnership existing = findByPartner(partnership.owner(), partnership.partner());
        if (existing != null && !existing.id().equals(partnership.id())) {
            throw new ConflictException("company " + partnership.owner() + " already has partnership "
                    + existing.id() + " with " + partnership.partner() + "; update that record instead of adding "
                    + partnership.id());
        }
        tx.upsertWithChange("put partnership " + partnership.id(), table, List.of("owner", "id"), COLUMNS,
                new Object[] {partnership.owner().value(), partnership.id().value(), partnership.partner().value(),
                    partnership.type().name(), partnership.status().name(), partnership.since()},
                ChangeKind.PARTNERSHIP, partnership.owner(), partnership.id().value());
    }

    @Override
    public @Nullable Partnership get(CompanyId owner, PartnershipId id) {
        return tx.queryOne("get partnership " + id, SELECT + table + " WHERE owner = ? AND id = ?",
                JdbcPartnerships::partnership, owner.value(), id.value());
    }

    @Override
    public @Nullable Partnership findByPartner(CompanyId owner, CompanyId partner) {
        return tx.queryOne("find partnership with " + partner, SELECT + table + " WHERE owner = ? AND partner = ?",
                JdbcPartnerships::partnership, owner.value(), partner.value());
    }

    @Override
    public boolean remove(CompanyId owner, PartnershipId id) {
        return tx.changedIf(tx.update("remove partnership " + id, "DELETE FROM " + table
                + " WHERE owner = ? AND id = ?", owner.value(), id.value()) > 0, ChangeKind.PARTNERSHIP, owner,
                id.value());
    }

    @Override
    public Page<Partnership> list(CompanyId owner, PageRequest page) {
        return tx.page("jdbc/partnerships", page, SELECT + table + " WHERE owner = ?", JdbcPartnerships::partnership,
                partnership -> partnership.id().value(), owner.value());
    }

    private static Partnership partnership(ResultSet row) throws SQLException {
        return new Partnership(new PartnershipId(row.getString("id")), new CompanyId(row.getString("owner")),
                new CompanyId(row.getString("partner")), PartnerType.valueOf(row.getString("type")),
                PartnershipStatus.valueOf(row.getString("status")), row.getObject("since", LocalDate.class));
    }
}
