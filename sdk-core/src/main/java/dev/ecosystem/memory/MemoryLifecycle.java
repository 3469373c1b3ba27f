package dev.ecosystem.memory;

import dev.ecosystem.error.ConflictException;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Invitation;
import dev.ecosystem.model.InvitationId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.PartnershipId;
import dev.ecosystem.model.PartnershipLifecycle;
import dev.ecosystem.model.PartnershipTransition;
import dev.ecosystem.spi.PartnershipLifecycleRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Invitations (by id, by vendor, by invitee), transitions per partnership record (keyed by a zero-padded sequence),
 * and lifecycle states (by owner, and all of them for the dormancy scan). The scheduler's scans read every row: the
 * in-memory store serves one process of demo size.
 */
final class MemoryLifecycle implements PartnershipLifecycleRepository {
    private final MemoryTransaction tx;
    private final MemoryTables.LifecycleTables tables;

    MemoryLifecycle(MemoryTransaction tx, MemoryTables.LifecycleTables tables) {
        this.tx = tx;
        this.tables = tables;
    }

    @Override
    public Invitation insertInvitation(Invitation invitation) {
        tx.checkOpen();
        if (tables.invitations().get(MemoryTables.ALL, invitation.id().value()) != null) {
            throw new ConflictException("invitation " + invitation.id() + " already exists; choose a new id");
        }
        Invitation stored = invitation.toBuilder().version(0).build();
        write(null, stored);
        return stored;
    }

    @Override
    public Invitation updateInvitation(Invitation invitation) {
        tx.checkOpen();
        Invitation current = tables.invitations().get(MemoryTables.ALL, invitation.id().value());
        if (current == null) {
            throw new NotFoundException("invitation " + invitation.id() + " does not exist; insert it first");
        }
        if (current.version() != invitation.version()) {
            throw new ConflictException("invitation " + invitation.id() + " is at version " + current.version()
                    + " but the update was based on version " + invitation.version() + "; read it again and retry");
        }
        if (!current.vendor().equals(invitation.vendor())) {
            throw new ConflictException("invitation " + invitation.id() + " cannot change its vendor");
        }
        Invitation stored = invitation.toBuilder().version(current.version() + 1).build();
        write(current, stored);
        return stored;
    }

    private void write(@Nullable Invitation previous, Invitation stored) {
        String id = stored.id().value();
        if (previous != null && previous.inviteeCompany() != null) {
            tables.byInvitee().remove(tx, previous.inviteeCompany(), id);
        }
        tables.invitations().put(tx, MemoryTables.ALL, id, stored);
        tables.byVendor().put(tx, stored.vendor(), id, stored);
        if (stored.inviteeCompany() != null) {
            tables.byInvitee().put(tx, stored.inviteeCompany(), id, stored);
        }
    }

    @Override
    public @Nullable Invitation invitation(InvitationId id) {
        tx.checkOpen();
        return tables.invitations().get(MemoryTables.ALL, id.value());
    }

    @Override
    public Page<Invitation> invitationsBy(CompanyId vendor, PageRequest page) {
        tx.checkOpen();
        return tables.byVendor().page(vendor, page);
    }

    @Override
    public Page<Invitation> invitationsFor(CompanyId invitee, PageRequest page) {
        tx.checkOpen();
        return tables.byInvitee().page(invitee, page);
    }

    @Override
    public List<Invitation> dueInvitations(Instant now, int limit) {
        return due(tables.invitations(), Invitation::nextDueAt, now, limit,
                Comparator.comparing((Invitation invitation) -> invitation.id().value()));
    }

    /**
     * The rows of {@code table}'s single partition whose due instant is at or before {@code now}, earliest first,
     * ties in {@code ties} order, at most {@code limit}.
     */
    private <T> List<T> due(Table<T> table, Function<T, @Nullable Instant> dueAt, Instant now, int limit,
            Comparator<T> ties) {
        tx.checkOpen();
        List<T> due = new ArrayList<>();
        for (T row : table.rows(MemoryTables.ALL).values()) {
            Instant at = dueAt.apply(row);
            if (at != null && !at.isAfter(now)) {
                due.add(row);
            }
        }
        due.sort(Comparator.comparing((T row) -> Checks.required(dueAt.apply(row), "due")).thenComparing(ties));
        return List.copyOf(due.subList(0, Math.min(limit, due.size())));
    }

    @Override
    public void appendTransition(CompanyId owner, PartnershipTransition transition) {
        tx.checkOpen();
        String partition = owner.value() + "\n" + transition.partnership().value();
        long next = tables.transitions().count(partition);
        tables.transitions().put(tx, partition, String.format("%010d", next), transition);
    }

    @Override
    public List<PartnershipTransition> history(CompanyId owner, PartnershipId partnership) {
        tx.checkOpen();
        return List.copyOf(tables.transitions().rows(owner.value() + "\n" + partnership.value()).values());
    }

    @Override
    public void putLifecycle(PartnershipLifecycle lifecycle) {
        tx.checkOpen();
        tables.lifecycles().put(tx, lifecycle.owner(), lifecycle.partnership().value(), lifecycle);
        tables.allLifecycles().put(tx, MemoryTables.ALL,
                lifecycle.owner().value() + "\n" + lifecycle.partnership().value(), lifecycle);
    }

    @Override
    public @Nullable PartnershipLifecycle lifecycle(CompanyId owner, PartnershipId partnership) {
        tx.checkOpen();
        return tables.lifecycles().get(owner, partnership.value());
    }

    @Override
    public Page<PartnershipLifecycle> lifecycles(CompanyId owner, PageRequest page) {
        tx.checkOpen();
        return tables.lifecycles().page(owner, page);
    }

    @Override
    public List<PartnershipLifecycle> dormancyDue(Instant now, int limit) {
        return due(tables.allLifecycles(), lifecycle -> lifecycle.dormantSince() == null ? lifecycle.dormancyDueAt()
                : null, now, limit, Comparator.comparing((PartnershipLifecycle lifecycle) -> lifecycle.owner().value())
                .thenComparing(lifecycle -> lifecycle.partnership().value()));
    }
}
