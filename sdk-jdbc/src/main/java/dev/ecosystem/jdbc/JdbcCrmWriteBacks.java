package dev.ecosystem.jdbc;

import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.spi.support.StoreRules;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.CrmWriteBack;
import dev.ecosystem.model.CrmWriteBackStatus;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.TouchpointId;
import dev.ecosystem.spi.CrmWriteBackRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code crm_write_backs} table. Claims lock the due rows with {@code FOR UPDATE SKIP LOCKED}, as the outbox's
 * do, so dispatchers on many nodes take disjoint sets, then move them to the lease end and raise their claim.
 */
final class JdbcCrmWriteBacks implements CrmWriteBackRepository {
    private static final List<String> COLUMNS = List.of("tenant", "id", "deal_id", "partner", "partner_name",
            "status", "attempts", "next_attempt_at", "last_error", "created_at", "claim");
    private static final String SELECT = "SELECT " + String.join(", ", COLUMNS) + " FROM ";

    private final JdbcTransaction tx;
    private final String table;

    JdbcCrmWriteBacks(JdbcTransaction tx) {
        this.tx = tx;
        this.table = tx.table("crm_write_backs");
    }

    @Override
    public boolean enqueue(CrmWriteBack entry) {
        if (get(entry.tenant(), entry.id()) != null) {
            return false;
        }
        tx.update("enqueue CRM write-back " + entry.id(), "INSERT INTO " + table + " (" + String.join(", ", COLUMNS)
                + ") VALUES (" + Dialect.placeholders(COLUMNS.size()) + ")", values(entry));
        return true;
    }

    @Override
    public @Nullable CrmWriteBack get(CompanyId tenant, TouchpointId id) {
        return tx.queryOne("get CRM write-back " + id, SELECT + table + " WHERE tenant = ? AND id = ?",
                JdbcCrmWriteBacks::entry, tenant.value(), id.value());
    }

    @Override
    public List<CrmWriteBack> claimDue(Instant now, Instant leaseUntil, int limit) {
        long lease = Columns.nanos(leaseUntil, "leaseUntil");
        tx.beginClaim("claim due CRM write-backs");
        List<CrmWriteBack> due = tx.query("claim due CRM write-backs", SELECT + table
                + " WHERE status = ? AND next_attempt_at <= ? ORDER BY next_attempt_at, tenant, id LIMIT ?"
                + " FOR UPDATE SKIP LOCKED", JdbcCrmWriteBacks::entry, CrmWriteBackStatus.PENDING.name(),
                Columns.nanos(now, "now"), limit);
        List<Object[]> leases = new ArrayList<>(due.size());
        List<CrmWriteBack> claimed = new ArrayList<>(due.size());
        for (CrmWriteBack entry : due) {
            leases.add(new Object[] {lease, entry.tenant().value(), entry.id().value()});
            claimed.add(entry.claimed(leaseUntil));
        }
        tx.batch("lease CRM write-backs", "UPDATE " + table
                + " SET next_attempt_at = ?, claim = claim + 1 WHERE tenant = ? AND id = ?", leases);
        return claimed;
    }

    @Override
    public void update(CrmWriteBack entry) {
        CrmWriteBack current = get(entry.tenant(), entry.id());
        if (current == null) {
            throw new NotFoundException("CRM write-back " + entry.id() + " of " + entry.tenant()
                    + " does not exist; enqueue it first");
        }
        StoreRules.checkWriteBackUpdate(current, entry);
        tx.update("update CRM write-back " + entry.id(), "UPDATE " + table + " SET partner_name = ?, status = ?, "
                + "attempts = ?, next_attempt_at = ?, last_error = ? WHERE tenant = ? AND id = ?",
                entry.partnerName(), entry.status().name(), entry.attempts(),
                Columns.nanos(entry.nextAttemptAt(), "nextAttemptAt"), entry.lastError(), entry.tenant().value(),
                entry.id().value());
    }

    @Override
    public Page<CrmWriteBack> list(CompanyId tenant, CrmWriteBackStatus status, PageRequest page) {
        return tx.page("jdbc/crm-write-backs", page, SELECT + table + " WHERE tenant = ? AND status = ?",
                JdbcCrmWriteBacks::entry, entry -> entry.id().value(), tenant.value(), status.name());
    }

    private static @Nullable Object[] values(CrmWriteBack entry) {
        return new Object[] {entry.tenant().value(), entry.id().value(), entry.deal().value(),
            entry.partner().value(), entry.partnerName(), entry.status().name(), entry.attempts(),
            Columns.nanos(entry.nextAttemptAt(), "nextAttemptAt"), entry.lastError(),
            Columns.nanos(entry.createdAt(), "createdAt"), entry.claim()};
    }

    private static CrmWriteBack entry(ResultSet row) throws SQLException {
        return new CrmWriteBack(new TouchpointId(row.getString("id")), new CompanyId(row.getString("tenant")),
                new DealId(row.getString("deal_id")), new CompanyId(row.getString("partner")),
                row.getString("partner_name"), CrmWriteBackStatus.valueOf(row.getString("status")),
                row.getInt("attempts"), Columns.instant(row.getLong("next_attempt_at")), row.getString("last_error"),
                Columns.instant(row.getLong("created_at")), row.getLong("claim"));
    }
}
