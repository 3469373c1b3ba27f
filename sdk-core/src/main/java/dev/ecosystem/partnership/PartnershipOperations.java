package dev.ecosystem.partnership;

import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Invitation;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The host's side of the partnership lifecycle, from {@code client.partnerships()}: the scheduled work, and the page
 * an invitation link opens. The link is {@link PartnershipSettings#invitationUrl()} plus {@code ?token=...}; the
 * host shows the invitation ({@link #read}) and, once the person who opened it has signed in for a company (or
 * registered a new one), calls {@link #accept} or {@link #decline}. The token proves the link was sent; which
 * company the person acts for is the host's to establish.
 */
public interface PartnershipOperations {
    /**
     * Sends due invitation reminders (replying to the invitation email), expires invitations at or after their
     * {@code expiresAt} (event {@code invitation.expired}), and flags ACTIVE partners without activity for their
     * program's {@code dormancyDays} as dormant (event {@code partnership.dormant}). Call it from the host's
     * scheduler; nothing reads the wall clock by itself.
     *
     * @throws dev.ecosystem.error.ValidationException when {@code now} is null
     */
    LifecycleRun runDue(Instant now);

    /**
     * The invitation a link's token names, for the page it opens.
     *
     * @throws dev.ecosystem.error.ValidationException when the token is malformed, forged or tampered with
     * @throws dev.ecosystem.error.ConflictException when the link has expired
     * @throws dev.ecosystem.error.NotFoundException when the invitation it names no longer matches it
     */
    Invitation read(String token);

    /**
     * Accepts the invitation for {@code acceptingCompany}: both sides' partnership records are created in one
     * transaction (see {@link dev.ecosystem.Partnerships#acceptInvitation}). An invitation by email is accepted by
     * whichever registered company the host names, such as the one the invitee just registered with
     * {@code client.register(...)}; from then on it is addressed to that company.
     *
     * @throws dev.ecosystem.error.ValidationException when the token is malformed, forged or tampered with
     * @throws dev.ecosystem.error.ConflictException when the link has expired, or the invitation was already answered
     *     (a link is single-use), or the two companies already have partnership records
     * @throws dev.ecosystem.error.NotFoundException when the invitation is addressed to another company, or the accepting
     *     company is not in the network; the message is the same as for an invitation that does not exist
     */
    Invitation accept(String token, CompanyId acceptingCompany);

    /**
     * Declines the invitation the link names; {@code reason} is shown to the vendor.
     *
     * @throws dev.ecosystem.error.ValidationException when the token is malformed, forged or tampered with
     * @throws dev.ecosystem.error.ConflictException when the link has expired or the invitation was already answered
     */
    Invitation decline(String token, @Nullable String reason);
}
