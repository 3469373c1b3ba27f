package dev.ecosystem.jdbc;

import dev.ecosystem.error.ConflictException;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.spi.support.StoreRules;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.MailReceipt;
import dev.ecosystem.model.OutboxEntry;
import dev.ecosystem.model.OutboxEntryId;
import dev.ecosystem.model.OutboxStatus;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.spi.OutboxRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code outbox} table. Claims lock the due rows with {@code FOR UPDATE SKIP LOCKED} (PostgreSQL, and H2 2.2
 * and later), so dispatchers on many nodes take disjoint sets without waiting on each other, then move the rows'
 * {@code next_attempt_at} to the lease end and raise their {@code claim}, so no claim returns them again until the
 * lease ran out, and the previous holder's updates are refused.
 */
final class JdbcOutbox implements OutboxRepository {
    /** The most entries one claim returns, as for the in-memory store. */
    static final int MAX_CLAIM = 1000;

    private static final List<String> COLUMNS = List.of("id", "tenant", "message_id", "message", "origin", "status",
            "attempts", "next_attempt_at", "last_error", "receipt_message_id", "receipt_provider_id",
            "receipt_thread_id", "receipt_sent_at", "created_at", "claim", "look_up_from");
    private static final String SELECT = "SELECT " + String.join(", ", COLUMNS) + " FROM ";

    private final JdbcTransaction tx;
    private final String table;

    JdbcOutbox(JdbcTransaction tx) {
        this.tx = tx;
        this.table = tx.table("outbox");
    }

    @Override
    public void enqueue(OutboxEntry entry) {
        String id = entry.id().value();
        if (get(entry.id()) != null) {
            throw new ConflictException("outbox entry " + id + " already exists");
        }
        String messageId = entry.message().messageId();
        String holder = tx.queryOne("find Message-ID", "SELECT id FROM " + table + " WHERE message_id = ?",
                row -> row.getString(1), messageId);
        if (holder != null) {
            throw new ConflictException("Message-ID " + messageId + " is already used by outbox entry " + holder
                    + "; every email needs its own Message-ID");
        }
        tx.update("enqueue outbox entry " + id, "INSERT INTO " + table + " (" + String.join(", ", COLUMNS)
                + ") VALUES (" + Dialect.placeholders(COLUMNS.size()) + ")", values(entry));
    }

    @Override
    public @Nullable OutboxEntry get(OutboxEntryId id) {
        return tx.queryOne("get outbox entry " + id, SELECT + table + " WHERE id = ?", JdbcOutbox::entry,
                id.value());
    }

    @Override
    public List<OutboxEntry> claimDue(Instant now, Instant leaseUntil, int limit) {
        long lease = Columns.nanos(leaseUntil, "leaseUntil");
        tx.beginClaim("claim due outbox entries");
        List<OutboxEntry> due = tx.query("claim due outbox entries", SELECT + table
                + " WHERE status = ? AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?"
                + " FOR UPDATE SKIP LOCKED", JdbcOutbox::entry, OutboxStatus.PENDING.name(),
                Columns.nanos(now, "now"), limit);
        List<Object[]> leases = new ArrayList<>(due.size());
        List<OutboxEntry> claimed = new ArrayList<>(due.size());
        for (OutboxEntry entry : due) {
            leases.add(new Object[] {lease, entry.id().value()});
            claimed.add(entry.claimed(leaseUntil));
        }
        tx.batch("lease outbox entries", "UPDATE " + table + " SET next_attempt_at = ?, claim = claim + 1 WHERE id = ?",
                leases);
        return claimed;
    }

    @Override
    public void update(OutboxEntry entry) {
        String id = entry.id().value();
        OutboxEntry current = get(entry.id());
        if (current == null) {
            throw new NotFoundException("outbox entry " + id + " does not exist; enqueue it first");
        }
        StoreRules.checkOutboxUpdate(current, entry);
        List<Object> values = new ArrayList<>(Arrays.asList(values(entry)).subList(1, COLUMNS.size()));
        values.add(id);
        tx.update("update outbox entry " + id, "UPDATE " + table + " SET "
                + String.join(" = ?, ", COLUMNS.subList(1, COLUMNS.size())) + " = ? WHERE id = ?", values.toArray());
    }

    @Override
    public Page<OutboxEntry> list(CompanyId tenant, OutboxStatus status, PageRequest page) {
        return tx.page("jdbc/outbox", page, SELECT + table + " WHERE tenant = ? AND status = ?", JdbcOutbox::entry,
                entry -> entry.id().value(), tenant.value(), status.name());
    }

    @Override
    public long count(OutboxStatus status) {
        return tx.count("count outbox entries", "SELECT COUNT(*) FROM " + table + " WHERE status = ?", status.name());
    }

    private static @Nullable Object[] values(OutboxEntry entry) {
        MailReceipt receipt = entry.receipt();
        return new Object[] {entry.id().value(), entry.tenant().value(), entry.message().messageId(),
            Columns.json(entry.message()), entry.origin(), entry.status().name(), entry.attempts(),
            Columns.nanos(entry.nextAttemptAt(), "nextAttemptAt"), entry.lastError(),
            receipt == null ? null : receipt.messageId(), receipt == null ? null : receipt.providerMessageId(),
            receipt == null ? null : receipt.threadId(),
            receipt == null ? null : Columns.nanos(receipt.sentAt(), "receipt sentAt"),
            Columns.nanos(entry.createdAt(), "createdAt"), entry.claim(),
            entry.lookUpFrom() == null ? null : Columns.nanos(entry.lookUpFrom(), "lookUpFrom")};
    }

    private static OutboxEntry entry(ResultSet row) throws SQLException {
        String receiptMessageId = row.getString("receipt_message_id");
        Instant sentAt = Columns.getInstant(row, "receipt_sent_at");
        MailReceipt receipt = receiptMessageId == null || sentAt == null ? null : new MailReceipt(receiptMessageId,
                row.getString("receipt_provider_id"), row.getString("receipt_thread_id"), sentAt);
        return new OutboxEntry(new OutboxEntryId(row.getString("id")), new CompanyId(row.getString("tenant")),
                Columns.message(row.getString("message")), row.getString("origin"),
                OutboxStatus.valueOf(row.getString("status")), row.getInt("attempts"),
                Columns.instant(row.getLong("next_attempt_at")), row.getString("last_error"), receipt,
                Columns.instant(row.getLong("created_at")), row.getLong("claim"),
                Columns.getInstant(row, "look_up_from"));
    }
}
