package dev.ecosystem;

import dev.ecosystem.error.ConflictException;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.EmailAddress;
import dev.ecosystem.model.Invitation;
import dev.ecosystem.model.InvitationId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.model.Partnership;
import dev.ecosystem.model.PartnershipId;
import dev.ecosystem.model.PartnershipLifecycle;
import dev.ecosystem.model.PartnershipStatus;
import dev.ecosystem.model.PartnershipTransition;
import dev.ecosystem.partnership.ActivationMetrics;
import dev.ecosystem.partnership.PartnershipSettings;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The acting company's partnership records. Each company keeps its own; nobody else sees them. Beside the records:
 * invitations to the company's programs, each record's status history, and its lifecycle (activation, dormancy,
 * onboarding checklist). Every status change is recorded; a RECRUITED partner becomes ACTIVE by itself on the first
 * activation trigger of its program (see {@link dev.ecosystem.model.ProgramTerms#activation()}).
 */
public interface Partnerships {
    /**
     * Records a partnership with a company of the network, from today.
     *
     * @throws NotFoundException when the partner is not in the network (or not visible to the acting company)
     * @throws ConflictException when there already is a record for this partner
     */
    Partnership create(CompanyId partner, PartnerType type, PartnershipStatus status);

    /**
     * The record.
     *
     * @throws NotFoundException when the acting company has none with this id
     */
    Partnership get(PartnershipId id);

    /** The record for this partner, or {@code null}. */
    @Nullable Partnership findByPartner(CompanyId partner);

    /** The acting company's records in ascending id order. */
    Page<Partnership> list(PageRequest page);

    /**
     * Moves a partnership to a new status, from today. Any status may follow any other except that an ended
     * partnership stays ended.
     *
     * @throws ConflictException when the partnership has ended
     */
    Partnership changeStatus(PartnershipId id, PartnershipStatus status);

    /**
     * Moves a partnership to a new status, from today, recording why in its {@linkplain #history history}. Any status
     * may follow any other except that an ended partnership stays ended.
     *
     * @param reason why, in words, or {@code null}
     * @throws ConflictException when the partnership has ended
     */
    Partnership changeStatus(PartnershipId id, PartnershipStatus status, @Nullable String reason);

    /**
     * Every status change of the record, oldest first: created, changed by hand, invitation accepted, activated (actor
     * {@value dev.ecosystem.model.PartnershipTransition#ACTIVATION}, reason the trigger).
     *
     * @throws NotFoundException when the acting company has no such partnership
     */
    List<PartnershipTransition> history(PartnershipId id);

    /**
     * Invites a listed company of the network to the acting company's program for {@code type}. The invitation
     * email (to the company's introduction intake contact, or else to a few of its contacts) carries a signed,
     * single-use link that expires after {@link PartnershipSettings#expiry()}; it is stored in the outbox in the same
     * transaction as the invitation. Reminders and expiry come from {@code client.partnerships().runDue(now)}.
     *
     * <pre>{@code
     * Invitation sent = vendor.partnerships().invite(CompanyId.of("northwind"), PartnerType.REFERRAL);
     * // northwind accepts from its scope (or through the emailed link):
     * client.as(CompanyId.of("northwind")).partnerships().acceptInvitation(sent.id());
     * }</pre>
     *
     * @throws NotFoundException when the company is not a listed company of the network
     * @throws ConflictException when the acting company already has a partnership with it (other than PROSPECT)
     */
    Invitation invite(CompanyId company, PartnerType type);

    /**
     * Invites a company that is not on the network yet, by email. The emailed link opens the host's invitation page;
     * the invitee registers its company there and the host accepts with
     * {@code client.partnerships().accept(token, newCompanyId)}: the partnership records are created for that company.
     */
    Invitation invite(EmailAddress email, PartnerType type);

    /**
     * An invitation the acting company sent or received.
     *
     * @throws NotFoundException when it neither sent it nor is it addressed to it
     */
    Invitation invitation(InvitationId id);

    /** The invitations the acting company sent, in ascending id order. */
    Page<Invitation> sentInvitations(PageRequest page);

    /** The invitations addressed to the acting company, in ascending id order. */
    Page<Invitation> receivedInvitations(PageRequest page);

    /**
     * Accepts an invitation addressed to the acting company. In one transaction, the vendor's record of the acting
     * company is created RECRUITED with the invitation's type, and so is the acting company's record of the vendor
     * (both with a history entry; an existing PROSPECT record is moved to RECRUITED instead). Only the vendor's record
     * is tracked for activation and dormancy; when it activates, the partner's record, if still RECRUITED, becomes
     * ACTIVE with it.
     *
     * @throws NotFoundException when no such invitation is addressed to the acting company
     * @throws ConflictException when it was already answered, has expired, or a record already exists
     */
    Invitation acceptInvitation(InvitationId id);

    /**
     * Declines an invitation addressed to the acting company; {@code reason} is shown to the vendor.
     *
     * @throws NotFoundException when no such invitation is addressed to the acting company
     * @throws ConflictException when it was already answered or has expired
     */
    Invitation declineInvitation(InvitationId id, @Nullable String reason);

    /**
     * Takes back a PENDING invitation the acting company sent; its link stops working.
     *
     * @throws NotFoundException when the acting company sent no such invitation
     * @throws ConflictException when it was already answered or has expired
     */
    Invitation revokeInvitation(InvitationId id, @Nullable String reason);

    /**
     * Where the partner stands in the lifecycle: recruited and activated when, last activity, dormancy, checklist.
     *
     * @throws NotFoundException when the acting company has no such partnership
     */
    PartnershipLifecycle lifecycle(PartnershipId id);

    /**
     * Records onboarding checklist items the partner completed, by their keys in the program for the partnership's
     * type ({@code ProgramTerms.checklist()}). Completing the last one is the {@code COMPLETED_CHECKLIST} activation
     * trigger. Recording an item twice changes nothing.
     *
     * @throws ValidationException when a key is not an item of the program's checklist (the message lists the keys
     *     allowed; none when the type has no program), or no key is given
     * @throws NotFoundException when the acting company has no such partnership
     */
    PartnershipLifecycle completeChecklist(PartnershipId id, Collection<String> keys);

    /**
     * Activation metrics of the acting company's partners, one entry per partner type (in {@link PartnerType} order):
     * of those recruited on a day from {@code from} to {@code to} (inclusive, in the client's clock zone), how many
     * activated and after how many days, per monthly cohort; and how many partners of the type are ACTIVE and dormant
     * now.
     *
     * @throws ValidationException when {@code to} is before {@code from}
     */
    List<ActivationMetrics> activation(LocalDate from, LocalDate to);
}
