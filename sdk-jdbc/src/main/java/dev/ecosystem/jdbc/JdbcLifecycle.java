package dev.ecosystem.jdbc;

import dev.ecosystem.error.ConflictException;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Invitation;
import dev.ecosystem.model.InvitationId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.PartnershipId;
import dev.ecosystem.model.PartnershipLifecycle;
import dev.ecosystem.model.PartnershipTransition;
import dev.ecosystem.spi.PartnershipLifecycleRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The partnership lifecycle in the tables of migration V13: {@code invitations} (JSON body, a {@code version} column
 * for optimistic concurrency, and {@code due_at}, the next reminder or the expiry while PENDING),
 * {@code partnership_transitions} (one row per transition, numbered per record) and {@code partnership_lifecycles}
 * (JSON body, and {@code dormancy_due_at} while not dormant).
 */
final class JdbcLifecycle implements PartnershipLifecycleRepository {
    private static final String SELECT_INVITATION = "SELECT id, version, body FROM ";
    private static final String SELECT_LIFECYCLE = "SELECT owner, id, body FROM ";
    private static final List<String> LIFECYCLE_KEYS = List.of("owner", "id");
    private static final List<String> LIFECYCLE_COLUMNS = List.of("owner", "id", "dormancy_due_at", "body");

    private final JdbcTransaction tx;
    private final String invitations;
    private final String transitions;
    private final String lifecycles;

    JdbcLifecycle(JdbcTransaction tx) {
        this.tx = tx;
        this.invitations = tx.table("invitations");
        this.transitions = tx.table("partnership_transitions");
        this.lifecycles = tx.table("partnership_lifecycles");
    }

    @Override
    public Invitation insertInvitation(Invitation invitation) {
        if (invitation(invitation.id()) != null) {
            throw new ConflictException("invitation " + invitation.id() + " already exists; choose a new id");
        }
        Invitation stored = invitation.toBuilder().version(0).build();
        tx.update("insert invitation " + stored.id(), "INSERT INTO " + invitations
                + " (vendor, invitee, due_at, version, body, id) VALUES (?, ?, ?, ?, ?, ?)",
                columns(stored, stored.id().value()));
        return stored;
    }

    @Override
    public Invitation updateInvitation(Invitation invitation) {
        Invitation current = invitation(invitation.id());
        if (current == null) {
            throw new NotFoundException("invitation " + invitation.id() + " does not exist; insert it first");
        }
        if (current.version() != invitation.version()) {
            throw stale(invitation, "is at version " + current.version());
        }
        if (!current.vendor().equals(invitation.vendor())) {
            throw new ConflictException("invitation " + invitation.id() + " cannot change its vendor");
        }
        Invitation stored = invitation.toBuilder().version(current.version() + 1).build();
        int changed = tx.update("update invitation " + stored.id(), "UPDATE " + invitations + " SET vendor = ?,"
                + " invitee = ?, due_at = ?, version = ?, body = ? WHERE id = ? AND version = ?",
                columns(stored, stored.id().value(), invitation.version()));
        if (changed == 0) {
            throw stale(invitation, "was changed concurrently");
        }
        return stored;
    }

    @Override
    public @Nullable Invitation invitation(InvitationId id) {
        return tx.queryOne("get invitation " + id, SELECT_INVITATION + invitations + " WHERE id = ?",
                JdbcLifecycle::invitation, id.value());
    }

    @Override
    public Page<Invitation> invitationsBy(CompanyId vendor, PageRequest page) {
        return tx.page("jdbc/invitations/vendor", page, SELECT_INVITATION + invitations + " WHERE vendor = ?",
                JdbcLifecycle::invitation, invitation -> invitation.id().value(), vendor.value());
    }

    @Override
    public Page<Invitation> invitationsFor(CompanyId invitee, PageRequest page) {
        return tx.page("jdbc/invitations/invitee", page, SELECT_INVITATION + invitations + " WHERE invitee = ?",
                JdbcLifecycle::invitation, invitation -> invitation.id().value(), invitee.value());
    }

    @Override
    public List<Invitation> dueInvitations(Instant now, int limit) {
        return tx.query("list due invitations", SELECT_INVITATION + invitations + " WHERE due_at <= ?"
                + " ORDER BY due_at, id LIMIT ?", JdbcLifecycle::invitation, Columns.nanos(now, "now"), limit);
    }

    @Override
    public void appendTransition(CompanyId owner, PartnershipTransition transition) {
        String partnership = transition.partnership().value();
        long next = tx.count("count transitions of " + partnership, "SELECT COUNT(*) FROM " + transitions
                + " WHERE owner = ? AND partnership = ?", owner.value(), partnership);
        tx.update("append transition of " + partnership, "INSERT INTO " + transitions
                + " (owner, partnership, seq, body) VALUES (?, ?, ?, ?)", owner.value(), partnership, (int) next,
                Columns.json(transition));
    }

    @Override
    public List<PartnershipTransition> history(CompanyId owner, PartnershipId partnership) {
        return tx.query("list transitions of " + partnership, "SELECT body FROM " + transitions
                + " WHERE owner = ? AND partnership = ? ORDER BY seq",
                row -> Columns.record(row.getString("body"), PartnershipTransition.class), owner.value(),
                partnership.value());
    }

    @Override
    public void putLifecycle(PartnershipLifecycle lifecycle) {
        Instant due = lifecycle.dormantSince() == null ? lifecycle.dormancyDueAt() : null;
        tx.update("put lifecycle of " + lifecycle.partnership(), tx.dialect().upsert(lifecycles, LIFECYCLE_KEYS,
                LIFECYCLE_COLUMNS), lifecycle.owner().value(), lifecycle.partnership().value(),
                due == null ? null : Columns.nanos(due, "dormancyDueAt"), Columns.json(lifecycle));
    }

    @Override
    public @Nullable PartnershipLifecycle lifecycle(CompanyId owner, PartnershipId partnership) {
        return tx.queryOne("get lifecycle of " + partnership, SELECT_LIFECYCLE + lifecycles
                + " WHERE owner = ? AND id = ?", JdbcLifecycle::lifecycle, owner.value(), partnership.value());
    }

    @Override
    public Page<PartnershipLifecycle> lifecycles(CompanyId owner, PageRequest page) {
        return tx.page("jdbc/lifecycles", page, SELECT_LIFECYCLE + lifecycles + " WHERE owner = ?",
                JdbcLifecycle::lifecycle, lifecycle -> lifecycle.partnership().value(), owner.value());
    }

    @Override
    public List<PartnershipLifecycle> dormancyDue(Instant now, int limit) {
        return tx.query("list lifecycles due for dormancy", SELECT_LIFECYCLE + lifecycles
                + " WHERE dormancy_due_at <= ? ORDER BY dormancy_due_at, owner, id LIMIT ?", JdbcLifecycle::lifecycle,
                Columns.nanos(now, "now"), limit);
    }

    /** The column values in the order insert and update name them, then {@code extra}. */
    private static Object[] columns(Invitation stored, Object... extra) {
        Instant due = stored.nextDueAt();
        Object[] values = {stored.vendor().value(),
            stored.inviteeCompany() == null ? null : stored.inviteeCompany().value(),
            due == null ? null : Columns.nanos(due, "nextDueAt"), stored.version(), Columns.json(stored)};
        Object[] all = java.util.Arrays.copyOf(values, values.length + extra.length);
        System.arraycopy(extra, 0, all, values.length, extra.length);
        return all;
    }

    private static ConflictException stale(Invitation invitation, String stored) {
        return new ConflictException("invitation " + invitation.id() + " " + stored
                + " but the update was based on version " + invitation.version() + "; read it again and retry");
    }

    private static Invitation invitation(ResultSet row) throws SQLException {
        return Columns.record(row.getString("body"), Invitation.class).toBuilder().version(row.getLong("version"))
                .build();
    }

    private static PartnershipLifecycle lifecycle(ResultSet row) throws SQLException {
        return Columns.record(row.getString("body"), PartnershipLifecycle.class);
    }
}
