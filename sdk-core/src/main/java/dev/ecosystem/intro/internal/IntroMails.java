package dev.ecosystem.intro.internal;

import dev.ecosystem.internal.ConsentTokens;
import dev.ecosystem.internal.MailThreads;
import dev.ecosystem.internal.base.Html;
import dev.ecosystem.intro.IntroRequest;
import dev.ecosystem.intro.IntroSettings;
import dev.ecosystem.model.ConsentStatus;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.EmailAddress;
import dev.ecosystem.model.EmailMessage;
import dev.ecosystem.model.IntroParty;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.OutboxEntry;
import dev.ecosystem.model.OutboxEntryId;
import dev.ecosystem.spi.Draft;
import dev.ecosystem.spi.DraftKind;
import dev.ecosystem.spi.DraftRequest;
import dev.ecosystem.spi.StoreTransaction;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Writes the emails of an introduction to the outbox of the caller's transaction, each with its Message-ID fixed now.
 * Reminders reply in the thread of the ask they repeat. Until everyone consented, no email to the requester's side
 * names a person of the target's side (the requester cannot see another company's people); the joint email does. The
 * drafts come from the operation's {@link Drafts}, never from the drafter itself: this runs inside store
 * transactions, and the drafter may wait on the network.
 */
final class IntroMails {
    /** The target as emails to the requester's side name them before the joint introduction. */
    static final String UNNAMED_TARGET = "a contact";

    private final IntroSettings settings;
    private final ConsentTokens tokens;

    IntroMails(IntroSettings settings, ConsentTokens tokens) {
        this.settings = settings;
        this.tokens = tokens;
    }

    /** What to draft for a consent ask to {@code party}, with the given links. */
    private DraftRequest askRequest(Introduction intro, Participants people, IntroParty party, String acceptUrl,
            String declineUrl) {
        return request(DraftKind.CONSENT_ASK, people.person(party), intro, people, acceptUrl, declineUrl, null);
    }

    /**
     * What to draft for the requester's preview of the ask to the target: placeholders where the links and the
     * target's name and title go, since the requester sees no person of the target company.
     */
    DraftRequest previewRequest(Introduction intro, Participants people) {
        return request(DraftKind.CONSENT_ASK, IntroRequest.TARGET_NAME, IntroRequest.TARGET_NAME, null, intro, people,
                IntroRequest.ACCEPT_LINK, IntroRequest.DECLINE_LINK, null);
    }

    /**
     * Enqueues the consent ask to {@code party}, whose links carry {@code tokenId}; an edited subject and text (with
     * placeholders) replace the drafter's.
     */
    OutboxEntryId enqueueAsk(StoreTransaction tx, Drafts drafts, Introduction intro, Participants people,
            IntroParty party, String tokenId, @Nullable String editedSubject, @Nullable String editedText,
            Instant now) {
        String accept = link(intro, party, ConsentStatus.ACCEPTED, tokenId);
        String decline = link(intro, party, ConsentStatus.DECLINED, tokenId);
        Draft draft;
        if (editedSubject != null && editedText != null) {
            String name = people.person(party).name();
            String text = editedText.replace(IntroRequest.ACCEPT_LINK, accept)
                    .replace(IntroRequest.DECLINE_LINK, decline).replace(IntroRequest.TARGET_NAME, name);
            draft = new Draft(editedSubject.replace(IntroRequest.TARGET_NAME, name), text,
                    Html.fromText(text, List.of(accept, decline)), null);
        } else {
            draft = drafts.get(askRequest(intro, people, party, accept, decline));
        }
        return enqueue(tx, intro, people, draft, List.of(people.person(party)), List.of(), null, now);
    }

    /** Enqueues a reminder to {@code party}, replying in the thread of its ask. */
    OutboxEntryId enqueueReminder(StoreTransaction tx, Drafts drafts, Introduction intro, Participants people,
            IntroParty party, Instant now) {
        String tokenId = intro.consent(party).tokenId();
        if (tokenId == null) {
            throw new IllegalStateException("a pending consent without links cannot be reminded");
        }
        Draft draft = drafts.get(request(DraftKind.REMINDER, people.person(party), intro, people,
                link(intro, party, ConsentStatus.ACCEPTED, tokenId),
                link(intro, party, ConsentStatus.DECLINED, tokenId), null));
        OutboxEntryId askId = intro.consent(party).askEntry();
        OutboxEntry ask = askId == null ? null : tx.outbox().get(askId);
        return enqueue(tx, intro, people, draft, List.of(people.person(party)), List.of(), ask, now);
    }

    /** Enqueues the joint introduction: to both people, the introducer (if any) in Cc. */
    OutboxEntryId enqueueJoint(StoreTransaction tx, Drafts drafts, Introduction intro, Participants people,
            Instant now) {
        Draft draft = drafts.get(request(DraftKind.JOINT_INTRODUCTION, people.requester(), intro,
                people, null, null, null));
        return enqueue(tx, intro, people, draft, List.of(people.requester(), people.target()),
                people.introducer() == null ? List.of() : List.of(people.introducer()), null, now);
    }

    /** Enqueues the polite decline notice to {@code recipient}; the reason only when it was shared. */
    OutboxEntryId enqueueDeclineNotice(StoreTransaction tx, Drafts drafts, Introduction intro, Participants people,
            Contact recipient, @Nullable String sharedReason, Instant now) {
        Draft draft = drafts.get(request(DraftKind.DECLINE_NOTICE, recipient, intro, people, null,
                null, sharedReason));
        return enqueue(tx, intro, people, draft, List.of(recipient), List.of(), null, now);
    }

    private String link(Introduction intro, IntroParty party, ConsentStatus decision, String tokenId) {
        return tokens.link(tokens.issue(new ConsentTokens.Claim(intro.requesterCompany(), intro.id(), party, decision,
                tokenId, intro.expiresAt())));
    }

    private DraftRequest request(DraftKind kind, Contact recipient, Introduction intro, Participants people,
            @Nullable String acceptUrl, @Nullable String declineUrl, @Nullable String declineReason) {
        boolean unnamed = kind != DraftKind.JOINT_INTRODUCTION && !recipient.companyId().equals(intro.targetCompany());
        return request(kind, recipient.name(), unnamed ? UNNAMED_TARGET : people.target().name(),
                unnamed ? null : people.target().title(), intro, people, acceptUrl, declineUrl, declineReason);
    }

    private static DraftRequest request(DraftKind kind, String recipientName, String targetName,
            @Nullable String targetTitle, Introduction intro, Participants people, @Nullable String acceptUrl,
            @Nullable String declineUrl, @Nullable String declineReason) {
        return DraftRequest.builder(kind, recipientName)
                .requester(people.requester().name(), people.requester().title(), people.requesterCompany().name())
                .target(targetName, targetTitle, people.targetCompany().name())
                .introducer(people.introducer() == null ? null : people.introducer().name())
                .context(intro.context()).sharedFacts(intro.sharedFacts())
                .consentLinks(acceptUrl, declineUrl).declineReason(declineReason).build();
    }

    private OutboxEntryId enqueue(StoreTransaction tx, Introduction intro, Participants people, Draft draft,
            List<Contact> to, List<Contact> cc, @Nullable OutboxEntry replyTo, Instant now) {
        EmailAddress sender = settings.sender();
        String via = sender.displayName() != null ? sender.displayName() : sender.domain();
        EmailMessage.Builder message = EmailMessage.builder("<" + UUID.randomUUID() + "@" + sender.domain() + ">",
                new EmailAddress(sender.address(), people.sender().name() + " via " + via), draft.subject())
                .text(draft.textBody())
                .html(draft.htmlBody());
        to.forEach(contact -> message.to(mailbox(contact)));
        cc.forEach(contact -> message.cc(mailbox(contact)));
        if (replyTo != null) {
            MailThreads.replyTo(message, replyTo);
        }
        OutboxEntryId id = OutboxEntryId.of(UUID.randomUUID().toString());
        tx.outbox().enqueue(OutboxEntry.pending(id, intro.requesterCompany(), message.build(), intro.id().value(),
                now));
        return id;
    }

    private static EmailAddress mailbox(Contact contact) {
        return new EmailAddress(contact.email().address(), contact.name());
    }
}
