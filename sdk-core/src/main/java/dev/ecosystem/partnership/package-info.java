/**
 * The partnership lifecycle: invitations to a partner program, status history, onboarding checklist progress,
 * automatic activation, dormancy, and activation metrics per partner type. Reach it through
 * {@link dev.ecosystem.TenantScope#partnerships()} and the host's {@link dev.ecosystem.EcosystemClient#partnerships()}.
 *
 * <p>Events (type, tenant, subject, attributes): {@code invitation.sent} (vendor, invitation id, {@code type});
 * {@code invitation.accepted}, {@code .declined}, {@code .revoked}, {@code .expired} (to the vendor and, when it is
 * known, the invited company; {@code type}, {@code invitee}, {@code partnership}); {@code invitation.reminded}
 * (vendor; {@code reminders}); {@code partnership.activated} (vendor, its partnership id; {@code partner},
 * {@code type}, {@code trigger}, {@code days} = whole days since the record became RECRUITED, so a host prints
 * {@code "activated " + partner + " after " + days + " days"}); {@code partnership.dormant} (vendor; {@code partner},
 * {@code type}, {@code days} without activity); {@code partnership.revived} (vendor; activity on a dormant partner,
 * {@code trigger}).
 *
 * <p>Without a program for the partnership's type, activation counts an accepted registration, a connected
 * introduction and an attributed deal (not the checklist, which only a program has), and dormancy comes after 90
 * days without activity.
 */
@NullMarked
package dev.ecosystem.partnership;

import org.jspecify.annotations.NullMarked;
