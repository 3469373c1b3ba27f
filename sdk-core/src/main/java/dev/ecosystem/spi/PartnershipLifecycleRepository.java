package dev.ecosystem.spi;

import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Invitation;
import dev.ecosystem.model.InvitationId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.PartnershipId;
import dev.ecosystem.model.PartnershipLifecycle;
import dev.ecosystem.model.PartnershipTransition;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The partnership lifecycle: invitations, each partnership record's status history, and each record's lifecycle
 * state (recruitment, activation, activity, dormancy, checklist). Not in the change feed: no node derives in-memory
 * state from it, and every read goes to the store.
 *
 * <p>What the queries need a durable store to index: invitations by id, by (vendor, id), by (invitee company, id)
 * and PENDING ones by {@link Invitation#nextDueAt()}; transitions by (owner, partnership, sequence); lifecycle states
 * by (owner, partnership) and by {@code dormancyDueAt} where not dormant.
 */
public interface PartnershipLifecycleRepository {
    /**
     * Stores a new invitation at version 0 and returns it as stored.
     *
     * @throws dev.ecosystem.error.ConflictException when the id is taken
     */
    Invitation insertInvitation(Invitation invitation);

    /**
     * Replaces the stored invitation if its version is still {@code invitation.version()}; returns it as stored, with
     * the version increased by one.
     *
     * @throws dev.ecosystem.error.ConflictException when the stored version differs (a concurrent update won), or the
     *     update changes the vendor
     * @throws dev.ecosystem.error.NotFoundException when there is no such invitation
     */
    Invitation updateInvitation(Invitation invitation);

    /**
     * The invitation, whoever it belongs to, or {@code null}: a host-level read for the link's page; callers acting
     * for a company check {@link Invitation#visibleTo} themselves.
     */
    @Nullable Invitation invitation(InvitationId id);

    /** The vendor's invitations, in ascending id order. */
    Page<Invitation> invitationsBy(CompanyId vendor, PageRequest page);

    /** The invitations addressed to {@code invitee} (as {@link Invitation#inviteeCompany()}), in ascending id order. */
    Page<Invitation> invitationsFor(CompanyId invitee, PageRequest page);

    /**
     * PENDING invitations whose {@link Invitation#nextDueAt()} is at or before {@code now}, of every vendor, earliest
     * due first (ties in ascending id order), at most {@code limit}. A host-level call for the scheduler.
     *
     * @throws dev.ecosystem.error.ValidationException when {@code now} is null or {@code limit} is not between 1 and 1000
     */
    List<Invitation> dueInvitations(Instant now, int limit);

    /** Appends one transition to the history of the owner's record {@code transition.partnership()}. */
    void appendTransition(CompanyId owner, PartnershipTransition transition);

    /** The history of the owner's record, oldest first (in the order appended); empty when there is none. */
    List<PartnershipTransition> history(CompanyId owner, PartnershipId partnership);

    /** Stores the lifecycle state of {@code lifecycle.owner()}'s record, replacing the one before. */
    void putLifecycle(PartnershipLifecycle lifecycle);

    /** The lifecycle state of the owner's record, or {@code null}. */
    @Nullable PartnershipLifecycle lifecycle(CompanyId owner, PartnershipId partnership);

    /** The owner's lifecycle states, in ascending partnership id order. */
    Page<PartnershipLifecycle> lifecycles(CompanyId owner, PageRequest page);

    /**
     * Lifecycle states not flagged dormant whose {@code dormancyDueAt} is at or before {@code now}, of every owner,
     * earliest first (ties by owner, then partnership id), at most {@code limit}. A host-level call for the
     * scheduler.
     *
     * @throws dev.ecosystem.error.ValidationException when {@code now} is null or {@code limit} is not between 1 and 1000
     */
    List<PartnershipLifecycle> dormancyDue(Instant now, int limit);
}
