package dev.ecosystem.memory;

import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.spi.support.StoreRules;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.CrmWriteBack;
import dev.ecosystem.model.CrmWriteBackStatus;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.TouchpointId;
import dev.ecosystem.spi.CrmWriteBackRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The CRM write-back queue: entries by tenant and id, by tenant and status, and the pending ones in due order (keyed by due time, tenant
 * and id), so a claim reads only what it returns.
 */
final class MemoryCrmWriteBacks implements CrmWriteBackRepository {
    private static final long SECONDS_SHIFT = 100_000_000_000_000_000L;

    private final MemoryTransaction tx;
    private final Table<CrmWriteBack> entries;
    private final Table<CrmWriteBack> byStatus;
    private final Table<CrmWriteBack> due;

    MemoryCrmWriteBacks(MemoryTransaction tx, Table<CrmWriteBack> entries, Table<CrmWriteBack> byStatus,
            Table<CrmWriteBack> due) {
        this.tx = tx;
        this.entries = entries;
        this.byStatus = byStatus;
        this.due = due;
    }

    @Override
    public boolean enqueue(CrmWriteBack entry) {
        tx.checkOpen();
        if (entries.get(entry.tenant(), entry.id().value()) != null) {
            return false;
        }
        store(null, entry);
        return true;
    }

    @Override
    public @Nullable CrmWriteBack get(CompanyId tenant, TouchpointId id) {
        tx.checkOpen();
        return entries.get(tenant, id.value());
    }

    @Override
    public List<CrmWriteBack> claimDue(Instant now, Instant leaseUntil, int limit) {
        tx.checkOpen();
        List<CrmWriteBack> ready = new ArrayList<>();
        for (Map.Entry<String, CrmWriteBack> row : due.rows(MemoryTables.ALL).headMap(dueKey(now, "\uffff", ""), true)
                .entrySet()) {
            if (ready.size() == limit) {
                break;
            }
            ready.add(row.getValue());
        }
        List<CrmWriteBack> claimed = new ArrayList<>(ready.size());
        for (CrmWriteBack entry : ready) {
            CrmWriteBack leased = entry.claimed(leaseUntil);
            store(entry, leased);
            claimed.add(leased);
        }
        return claimed;
    }

    @Override
    public void update(CrmWriteBack entry) {
        tx.checkOpen();
        CrmWriteBack current = entries.get(entry.tenant(), entry.id().value());
        if (current == null) {
            throw new NotFoundException("CRM write-back " + entry.id() + " of " + entry.tenant()
                    + " does not exist; enqueue it first");
        }
        StoreRules.checkWriteBackUpdate(current, entry);
        store(current, entry);
    }

    @Override
    public Page<CrmWriteBack> list(CompanyId tenant, CrmWriteBackStatus status, PageRequest page) {
        tx.checkOpen();
        return byStatus.page(statusPartition(tenant, status), page);
    }

    private void store(@Nullable CrmWriteBack previous, CrmWriteBack entry) {
        if (previous != null) {
            byStatus.remove(tx, statusPartition(previous.tenant(), previous.status()), previous.id().value());
            if (previous.status() == CrmWriteBackStatus.PENDING) {
                due.remove(tx, MemoryTables.ALL, dueKey(previous));
            }
        }
        entries.put(tx, entry.tenant(), entry.id().value(), entry);
        byStatus.put(tx, statusPartition(entry.tenant(), entry.status()), entry.id().value(), entry);
        if (entry.status() == CrmWriteBackStatus.PENDING) {
            due.put(tx, MemoryTables.ALL, dueKey(entry), entry);
        }
    }

    /** The partition of {@link #byStatus} that lists the tenant's entries in {@code status}. */
    private static String statusPartition(CompanyId tenant, CrmWriteBackStatus status) {
        return tenant.value() + " " + status;
    }

    private static String dueKey(CrmWriteBack entry) {
        return dueKey(entry.nextAttemptAt(), entry.tenant().value(), entry.id().value());
    }

    /**
     * Sorts by due time, then tenant, then id: the seconds are shifted past every negative {@link Instant} second and
     * zero-padded, so text order is time order.
     */
    private static String dueKey(Instant at, String tenant, String id) {
        return String.format("%019d.%09d", at.getEpochSecond() + SECONDS_SHIFT, at.getNano())
                + '\u0000' + tenant + '\u0000' + id;
    }
}
