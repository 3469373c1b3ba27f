package dev.ecosystem.event;

import java.util.Set;

/**
 * Every {@link EcosystemEvent#type()} the SDK publishes, as documented constants, so that a listener compares against
 * a name the compiler checks instead of a string literal:
 *
 * <pre>{@code
 * EcosystemClient.builder().listener(event -> {
 *     if (event.type().equals(EventTypes.OUTBOX_PARKED)) {
 *         alerts.raise("email " + event.subject() + " parked: " + event.attributes().get("error"));
 *     }
 * }).build();
 * }</pre>
 *
 * <p>The value of each constant is the wire name (dotted, stable across versions). Unless said otherwise the event's
 * {@code tenant} is the acting company and its {@code subject} the id of the record named first. Events that concern
 * two companies (a referral, a tier change, an answered invitation) are published once to each, and the partner's
 * copy leaves out what only the vendor may see.
 */
public final class EventTypes {
    private EventTypes() {
    }

    // Introductions: subject is the introduction id; attributes requesterCompany, targetCompany, and for a state
    // change from, to, actor and reason.

    /** An introduction was requested. */
    public static final String INTRO_REQUESTED = "intro.requested";
    /** An introduction is waiting for the parties' consent (the consent asks were queued). */
    public static final String INTRO_AWAITING_CONSENT = "intro.awaiting-consent";
    /** One party consented; attributes {@code party}, {@code actor}. */
    public static final String INTRO_CONSENT_ACCEPTED = "intro.consent-accepted";
    /** Every party consented and the joint email was queued. */
    public static final String INTRO_CONNECTED = "intro.connected";
    /** A party declined. */
    public static final String INTRO_DECLINED = "intro.declined";
    /** The introduction expired before every party consented. */
    public static final String INTRO_EXPIRED = "intro.expired";
    /** The requester cancelled the introduction. */
    public static final String INTRO_CANCELLED = "intro.cancelled";
    /** A consent reminder was queued; attributes {@code party}, {@code reminder} (its number). */
    public static final String INTRO_REMINDED = "intro.reminded";
    /** The tenant blocked introductions with a company; subject is that company's id. */
    public static final String INTRO_BLOCKED = "intro.blocked";
    /** The tenant lifted a block; subject is that company's id. */
    public static final String INTRO_UNBLOCKED = "intro.unblocked";

    /**
     * An email was parked after repeated failed sends and will not be retried by itself; subject is the outbox entry
     * id; attributes {@code attempts}, {@code error}, {@code origin}.
     */
    public static final String OUTBOX_PARKED = "outbox.parked";

    // Partnerships and invitations.

    /** A partnership was created; attributes {@code partner}, {@code status}. */
    public static final String PARTNERSHIP_CREATED = "partnership.created";
    /** A partnership's status was set; attribute {@code status}. */
    public static final String PARTNERSHIP_STATUS_CHANGED = "partnership.status-changed";
    /** A recruited partnership became active on the first activity its program counts; {@code trigger}, {@code days}. */
    public static final String PARTNERSHIP_ACTIVATED = "partnership.activated";
    /** A dormant partnership had activity again; attribute {@code trigger}. */
    public static final String PARTNERSHIP_REVIVED = "partnership.revived";
    /** An active partnership had no counted activity for its program's dormancy period; attribute {@code days}. */
    public static final String PARTNERSHIP_DORMANT = "partnership.dormant";
    /** A vendor sent a partner invitation; subject is the invitation id; attribute {@code type}. */
    public static final String INVITATION_SENT = "invitation.sent";
    /** An invitation reminder was sent; attribute {@code reminders}. */
    public static final String INVITATION_REMINDED = "invitation.reminded";
    /** The invitee accepted; attributes {@code type}, {@code invitee}, {@code partnership} (or {@code vendor}). */
    public static final String INVITATION_ACCEPTED = "invitation.accepted";
    /** The invitee declined. */
    public static final String INVITATION_DECLINED = "invitation.declined";
    /** Nobody answered the invitation before it expired. */
    public static final String INVITATION_EXPIRED = "invitation.expired";
    /** The vendor revoked the invitation. */
    public static final String INVITATION_REVOKED = "invitation.revoked";

    // Referrals (deal registration): subject is the registration id.

    /** A partner registered a referral; attribute {@code conflicts} (vendor's copy only). */
    public static final String REFERRAL_SUBMITTED = "referral.submitted";
    /** The vendor accepted a registration; attribute {@code protectedUntil} (vendor's copy only). */
    public static final String REFERRAL_ACCEPTED = "referral.accepted";
    /** The vendor rejected a registration. */
    public static final String REFERRAL_REJECTED = "referral.rejected";
    /** A registration's deal was won. */
    public static final String REFERRAL_WON = "referral.won";
    /** A registration's deal was lost. */
    public static final String REFERRAL_LOST = "referral.lost";
    /** A registration's protection ran out. */
    public static final String REFERRAL_EXPIRED = "referral.expired";

    // CRM, overlap and ledger.

    /** A CRM sync finished; subject is the tenant id; attributes {@code kind}, {@code accounts}, {@code deals}, .... */
    public static final String CRM_SYNCED = "crm.synced";
    /** A write-back to the tenant's CRM succeeded; subject is the write-back id; {@code deal}, {@code partner}. */
    public static final String CRM_WRITE_BACK_DONE = "crm.write-back-done";
    /** A write-back was parked after repeated failures; {@code deal}, {@code partner}, {@code attempts}, .... */
    public static final String CRM_WRITE_BACK_PARKED = "crm.write-back-parked";
    /** The tenant changed what it shares with a partner; subject and attribute {@code partner} are its id. */
    public static final String OVERLAP_SHARING_CHANGED = "overlap.sharing-changed";
    /** A touchpoint was recorded in the ledger; subject is its id; attributes {@code partner}, {@code kind}. */
    public static final String LEDGER_RECORDED = "ledger.recorded";
    /** A touchpoint was reversed; subject is the reversal's id; attributes {@code reverses}, {@code partner}. */
    public static final String LEDGER_REVERSED = "ledger.reversed";

    // Partner programs: subject is the program id unless said otherwise.

    /** A program was created; attribute {@code type}. */
    public static final String PROGRAM_CREATED = "program.created";
    /** A program's terms changed (a new version); attribute {@code version}. */
    public static final String PROGRAM_CHANGED = "program.changed";
    /** A partner was promoted to a higher tier; attributes {@code partner}, {@code from}, {@code to}, {@code period}. */
    public static final String PROGRAM_TIER_PROMOTED = "program.tier.promoted";
    /** A partner was demoted to a lower tier; attributes as for {@link #PROGRAM_TIER_PROMOTED}. */
    public static final String PROGRAM_TIER_DEMOTED = "program.tier.demoted";
    /** A partner-view token was issued; subject is the partner's id; attribute {@code expiresAt}. */
    public static final String PROGRAM_PARTNER_VIEW_ISSUED = "program.partner-view.issued";
    /** A program brief was drafted; subject is the brief id; attributes {@code version}, {@code programVersion}. */
    public static final String PROGRAM_BRIEF_DRAFTED = "program.brief.drafted";
    /** A brief was edited; attribute {@code version}. */
    public static final String PROGRAM_BRIEF_EDITED = "program.brief.edited";
    /** A brief was approved; attribute {@code version}. */
    public static final String PROGRAM_BRIEF_APPROVED = "program.brief.approved";
    /** A brief was queued to partners; attributes {@code version}, {@code enqueued}, {@code alreadySent}. */
    public static final String PROGRAM_BRIEF_SENT = "program.brief.sent";

    // Payouts: subject is the stored statement id; attributes partner and version.

    /** A commission statement was stored; attribute {@code period} too. */
    public static final String PAYOUT_STORED = "payout.stored";
    /** A statement moved to another status (approved, paid, ...); attribute {@code status} too. */
    public static final String PAYOUT_MOVED = "payout.moved";
    /** Paying a statement failed. */
    public static final String PAYOUT_PAYMENT_FAILED = "payout.payment_failed";

    /** Every type above; a listener may check an unknown type against it. */
    public static final Set<String> ALL = Set.of(
            INTRO_REQUESTED, INTRO_AWAITING_CONSENT, INTRO_CONSENT_ACCEPTED, INTRO_CONNECTED, INTRO_DECLINED,
            INTRO_EXPIRED, INTRO_CANCELLED, INTRO_REMINDED, INTRO_BLOCKED, INTRO_UNBLOCKED, OUTBOX_PARKED,
            PARTNERSHIP_CREATED, PARTNERSHIP_STATUS_CHANGED, PARTNERSHIP_ACTIVATED, PARTNERSHIP_REVIVED,
            PARTNERSHIP_DORMANT, INVITATION_SENT, INVITATION_REMINDED, INVITATION_ACCEPTED, INVITATION_DECLINED,
            INVITATION_EXPIRED, INVITATION_REVOKED, REFERRAL_SUBMITTED, REFERRAL_ACCEPTED, REFERRAL_REJECTED,
            REFERRAL_WON, REFERRAL_LOST, REFERRAL_EXPIRED, CRM_SYNCED, CRM_WRITE_BACK_DONE, CRM_WRITE_BACK_PARKED,
            OVERLAP_SHARING_CHANGED, LEDGER_RECORDED, LEDGER_REVERSED, PROGRAM_CREATED, PROGRAM_CHANGED,
            PROGRAM_TIER_PROMOTED, PROGRAM_TIER_DEMOTED, PROGRAM_PARTNER_VIEW_ISSUED, PROGRAM_BRIEF_DRAFTED,
            PROGRAM_BRIEF_EDITED, PROGRAM_BRIEF_APPROVED, PROGRAM_BRIEF_SENT, PAYOUT_STORED, PAYOUT_MOVED,
            PAYOUT_PAYMENT_FAILED);
}
