package dev.ecosystem.partnership.internal;

import dev.ecosystem.internal.MailThreads;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.EmailAddress;
import dev.ecosystem.model.EmailMessage;
import dev.ecosystem.model.Invitation;
import dev.ecosystem.model.OutboxEntry;
import dev.ecosystem.model.OutboxEntryId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.spi.StoreTransaction;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Writes invitation emails and their reminders to the outbox of the caller's transaction, each with its Message-ID
 * fixed now; reminders reply in the thread of the invitation. An invitation to a network company goes to the
 * company's introduction intake contact, or when it names none to up to {@value #MAX_CONTACTS} of its contacts in id
 * order, leaving out anyone who opted out of introductions; the vendor learns nothing of who they are. The text is a
 * fixed template: no drafter runs, so nothing here waits on the network.
 */
final class InvitationMails {
    /** The most contacts of a company without an intake contact that receive an invitation. */
    static final int MAX_CONTACTS = 3;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final EmailAddress sender;
    private final InvitationTokens tokens;

    InvitationMails(EmailAddress sender, InvitationTokens tokens) {
        this.sender = sender;
        this.tokens = tokens;
    }

    /** Enqueues the invitation; {@code null} when a network company has no reachable contact. */
    @Nullable OutboxEntryId enqueueInvitation(StoreTransaction tx, Invitation invitation, Company vendor,
            Instant now) {
        return enqueue(tx, invitation, vendor, null, now);
    }

    /** Enqueues a reminder in the invitation's thread; {@code null} when nobody can be reached. */
    @Nullable OutboxEntryId enqueueReminder(StoreTransaction tx, Invitation invitation, Company vendor,
            Instant now) {
        OutboxEntry first = invitation.emailEntry() == null ? null : tx.outbox().get(invitation.emailEntry());
        return enqueue(tx, invitation, vendor, first, now);
    }

    private @Nullable OutboxEntryId enqueue(StoreTransaction tx, Invitation invitation, Company vendor,
            @Nullable OutboxEntry replyTo, Instant now) {
        List<EmailAddress> to = recipients(tx, invitation);
        if (to.isEmpty()) {
            return null;
        }
        String via = sender.displayName() != null ? sender.displayName() : sender.domain();
        String program = invitation.type().name().toLowerCase(Locale.ROOT) + " partner program";
        String subject = (replyTo != null ? "Reminder: " : "") + vendor.name() + " invites you to its " + program;
        String link = tokens.link(tokens.issue(new InvitationTokens.Claim(invitation.vendor(), invitation.id(),
                invitation.tokenId(), invitation.expiresAt())));
        String text = "Hello,\n\n" + vendor.name() + " invites "
                + (invitation.inviteeCompany() != null ? "your company" : "you") + " to join its " + program + ".\n\n"
                + "Accept or decline the invitation here:\n" + link + "\n\n"
                + "The link works once and expires on " + DAY.format(invitation.expiresAt()) + " (UTC).\n";
        EmailMessage.Builder message = EmailMessage.builder("<" + UUID.randomUUID() + "@" + sender.domain() + ">",
                new EmailAddress(sender.address(), vendor.name() + " via " + via), subject).text(text);
        to.forEach(message::to);
        if (replyTo != null) {
            MailThreads.replyTo(message, replyTo);
        }
        OutboxEntryId id = OutboxEntryId.of(UUID.randomUUID().toString());
        tx.outbox().enqueue(OutboxEntry.pending(id, invitation.vendor(), message.build(),
                "invitation/" + invitation.id().value(), now));
        return id;
    }

    private static List<EmailAddress> recipients(StoreTransaction tx, Invitation invitation) {
        if (invitation.inviteeCompany() == null) {
            return invitation.inviteeEmail() == null ? List.of() : List.of(invitation.inviteeEmail());
        }
        Company invitee = tx.companies().get(invitation.inviteeCompany());
        if (invitee == null) {
            return List.of();
        }
        if (invitee.introductionIntake() != null) {
            Contact intake = tx.contacts().get(invitee.id(), invitee.introductionIntake());
            if (intake != null && !intake.optedOutOfIntroductions()) {
                return List.of(mailbox(intake));
            }
        }
        List<EmailAddress> to = new ArrayList<>();
        Page<Contact> page = tx.contacts().list(invitee.id(), PageRequest.first(PageRequest.MAX_SIZE));
        for (Contact contact : page.items()) {
            if (!contact.optedOutOfIntroductions() && to.size() < MAX_CONTACTS) {
                to.add(mailbox(contact));
            }
        }
        return to;
    }

    private static EmailAddress mailbox(Contact contact) {
        return new EmailAddress(contact.email().address(), contact.name());
    }
}
