package dev.ecosystem.referral;

import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.ReferredProspect;
import dev.ecosystem.model.Registration;
import dev.ecosystem.model.RegistrationConflict;
import dev.ecosystem.model.RegistrationId;
import dev.ecosystem.model.RegistrationStatus;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Referrals (deal registration) as one company sees them: as a partner, the prospects it registers with its vendors;
 * as a vendor, the registrations its partners submit. Obtain it from {@code client.as(company).referrals()}.
 *
 * <pre>{@code
 * // the partner registers a prospect (the same key again returns the same registration)
 * Registration r = client.as(partner).referrals().submit(vendor, prospect, "crm-lead-8812");
 * // the vendor looks at the conflicts and decides
 * List<RegistrationConflict> conflicts = client.as(vendor).referrals().conflicts(r.id());
 * client.as(vendor).referrals().accept(r.id(), "welcome aboard", false);
 * }</pre>
 *
 * <p>Every call fails with {@link dev.ecosystem.error.NotFoundException} for a registration the acting company is neither
 * the vendor nor the partner of, whether it exists or not. Every transition is recorded (who, when, why) and
 * published as an event ({@code referral.submitted}, {@code referral.accepted}, {@code referral.rejected},
 * {@code referral.won}, {@code referral.lost}, {@code referral.expired}) to both companies.
 */
public interface Referrals {
    /**
     * Registers {@code prospect} with {@code vendor}, as the acting company (the partner). The conflicts found
     * (existing customer or open opportunity in the vendor's CRM snapshot, another registration protecting the
     * account, the partner's cap of open registrations) are stored with it for the vendor to decide on; they do not
     * refuse the submission.
     *
     * @param idempotencyKey the partner's key for this submission (at most 200 characters): the same key with the same
     *     vendor and prospect returns the first registration; with different content it is refused
     * @throws dev.ecosystem.error.AccessDeniedException when the partner and the vendor do not both hold an ACTIVE
     *     partnership with each other
     * @throws dev.ecosystem.error.ValidationException when an argument is invalid (the message names the field), such as a
     *     domain that is no company's (free mail, a public suffix) or a partner contact that is not the partner's
     * @throws dev.ecosystem.error.ConflictException when the key was used before for a different registration
     */
    Registration submit(CompanyId vendor, ReferredProspect prospect, String idempotencyKey);

    /**
     * Accepts a submitted registration, as its vendor; it is then protected for the window the settings give its
     * partnership. The conflicts are checked again first.
     *
     * @param note why, recorded in the history, or {@code null}
     * @param overrideConflicts accept even though conflicts were found (the vendor saw them)
     * @throws dev.ecosystem.error.ConflictException when it is not SUBMITTED, or when conflicts were found and
     *     {@code overrideConflicts} is false (the message lists them)
     */
    Registration accept(RegistrationId id, @Nullable String note, boolean overrideConflicts);

    /**
     * Rejects a submitted registration, as its vendor; the partner sees the reason.
     *
     * @throws dev.ecosystem.error.ValidationException when the reason is blank
     * @throws dev.ecosystem.error.ConflictException when it is not SUBMITTED
     */
    Registration reject(RegistrationId id, String reason);

    /**
     * Closes an accepted registration as {@link RegistrationStatus#WON} or {@link RegistrationStatus#LOST}, as its
     * vendor (the CRM sync does it by itself when a linked deal closes).
     *
     * @throws dev.ecosystem.error.ValidationException when {@code outcome} is neither WON nor LOST
     * @throws dev.ecosystem.error.ConflictException when it is not ACCEPTED
     */
    Registration close(RegistrationId id, RegistrationStatus outcome, @Nullable String reason);

    /** The registration as the acting company may see it (see {@link Registration#visibleTo}). */
    Registration get(RegistrationId id);

    /**
     * The conflicts the registration has now, with explanations, as its vendor: the vendor's view, naming the
     * matched account and the registration (and partner) that holds it.
     *
     * @throws dev.ecosystem.error.NotFoundException also when the acting company is its partner, not its vendor
     */
    List<RegistrationConflict> conflicts(RegistrationId id);

    /** Registrations the acting company received as a vendor, in ascending id order. */
    Page<Registration> received(PageRequest page);

    /**
     * Registrations the acting company submitted as a partner, in ascending id order, as it may see them.
     *
     * @param vendor only those with this vendor, or {@code null} for all
     */
    Page<Registration> submitted(@Nullable CompanyId vendor, PageRequest page);

    /**
     * The acting partner's registrations with {@code vendor}, each with the pipeline and won revenue of the deals
     * the CRM sync linked to it, as the vendor's sharing policy allows (see {@link ReferralLine}).
     */
    Page<ReferralLine> partnerView(CompanyId vendor, PageRequest page);

    /**
     * What {@code partner}'s registrations with the acting company (the vendor) did from {@code from} (inclusive) to
     * {@code to} (exclusive): the registrations section of the partner's scorecard
     * ({@code Attribution.scorecard(..., registrations)} in sdk-attribution).
     *
     * @throws dev.ecosystem.error.ValidationException when {@code to} is not after {@code from}
     */
    RegistrationCounts counts(CompanyId partner, Instant from, Instant to);
}
