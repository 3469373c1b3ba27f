package dev.ecosystem.memory;

import dev.ecosystem.error.ConflictException;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.spi.support.StoreRules;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.OutboxEntry;
import dev.ecosystem.model.OutboxEntryId;
import dev.ecosystem.model.OutboxStatus;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.spi.OutboxRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The outbox: entries by id, the same entries partitioned by tenant and status (so a listing reads only the rows it
 * returns), and the Message-IDs taken.
 */
final class MemoryOutbox implements OutboxRepository {
    private static final Comparator<OutboxEntry> OLDEST_DUE_FIRST =
            Comparator.comparing(OutboxEntry::nextAttemptAt).thenComparing(entry -> entry.id().value());

    private final MemoryTransaction tx;
    private final Table<OutboxEntry> entries;
    private final Table<OutboxEntry> byStatus;
    private final Table<String> messageIds;

    MemoryOutbox(MemoryTransaction tx, Table<OutboxEntry> entries, Table<OutboxEntry> byStatus,
            Table<String> messageIds) {
        this.tx = tx;
        this.entries = entries;
        this.byStatus = byStatus;
        this.messageIds = messageIds;
    }

    /** The partition of {@link #byStatus} that lists {@code entry}. */
    private static String statusPartition(CompanyId tenant, OutboxStatus status) {
        return tenant.value() + " " + status;
    }

    /** Stores {@code entry} in place of {@code previous} (or as a new one) in both tables. */
    private void write(@Nullable OutboxEntry previous, OutboxEntry entry) {
        String id = entry.id().value();
        entries.put(tx, MemoryTables.ALL, id, entry);
        if (previous != null && (previous.status() != entry.status() || !previous.tenant().equals(entry.tenant()))) {
            byStatus.remove(tx, statusPartition(previous.tenant(), previous.status()), id);
        }
        byStatus.put(tx, statusPartition(entry.tenant(), entry.status()), id, entry);
    }

    @Override
    public void enqueue(OutboxEntry entry) {
        tx.checkOpen();
        String id = entry.id().value();
        if (entries.get(MemoryTables.ALL, id) != null) {
            throw new ConflictException("outbox entry " + id + " already exists");
        }
        String messageId = entry.message().messageId();
        String holder = messageIds.get(MemoryTables.ALL, messageId);
        if (holder != null) {
            throw new ConflictException("Message-ID " + messageId + " is already used by outbox entry " + holder
                    + "; every email needs its own Message-ID");
        }
        write(null, entry);
        messageIds.put(tx, MemoryTables.ALL, messageId, id);
    }

    @Override
    public @Nullable OutboxEntry get(OutboxEntryId id) {
        tx.checkOpen();
        return entries.get(MemoryTables.ALL, id.value());
    }

    @Override
    public List<OutboxEntry> claimDue(Instant now, Instant leaseUntil, int limit) {
        tx.checkOpen();
        List<OutboxEntry> due = new ArrayList<>();
        for (OutboxEntry entry : entries.rows(MemoryTables.ALL).values()) {
            if (entry.status() == OutboxStatus.PENDING && !entry.nextAttemptAt().isAfter(now)) {
                due.add(entry);
            }
        }
        due.sort(OLDEST_DUE_FIRST);
        List<OutboxEntry> claimed = new ArrayList<>(Math.min(limit, due.size()));
        for (OutboxEntry entry : due.subList(0, Math.min(limit, due.size()))) {
            OutboxEntry leased = entry.claimed(leaseUntil);
            write(entry, leased);
            claimed.add(leased);
        }
        return claimed;
    }

    @Override
    public void update(OutboxEntry entry) {
        tx.checkOpen();
        String id = entry.id().value();
        OutboxEntry current = entries.get(MemoryTables.ALL, id);
        if (current == null) {
            throw new NotFoundException("outbox entry " + id + " does not exist; enqueue it first");
        }
        StoreRules.checkOutboxUpdate(current, entry);
        write(current, entry);
    }

    @Override
    public Page<OutboxEntry> list(CompanyId tenant, OutboxStatus status, PageRequest page) {
        tx.checkOpen();
        return byStatus.page(statusPartition(tenant, status), page);
    }

    @Override
    public long count(OutboxStatus status) {
        tx.checkOpen();
        long count = 0;
        for (OutboxEntry entry : entries.rows(MemoryTables.ALL).values()) {
            if (entry.status() == status) {
                count++;
            }
        }
        return count;
    }
}
