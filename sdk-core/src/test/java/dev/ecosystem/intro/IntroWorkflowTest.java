package dev.ecosystem.intro;

import static dev.ecosystem.intro.IntroFixture.ACME;
import static dev.ecosystem.intro.IntroFixture.ADA;
import static dev.ecosystem.intro.IntroFixture.BOB;
import static dev.ecosystem.intro.IntroFixture.EXPIRY;
import static dev.ecosystem.intro.IntroFixture.GLOBEX;
import static dev.ecosystem.intro.IntroFixture.IVY;
import static dev.ecosystem.intro.IntroFixture.REMIND_AFTER;
import static dev.ecosystem.intro.IntroFixture.T0;
import static dev.ecosystem.intro.IntroFixture.adaToBob;
import static dev.ecosystem.intro.IntroFixture.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.error.AccessDeniedException;
import dev.ecosystem.error.ConflictException;
import dev.ecosystem.event.EcosystemEvent;
import dev.ecosystem.model.ConsentStatus;
import dev.ecosystem.model.EmailAddress;
import dev.ecosystem.model.EmailMessage;
import dev.ecosystem.model.IntroParty;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.IntroductionStatus;
import dev.ecosystem.model.IntroductionTransition;
import dev.ecosystem.model.MailReceipt;
import dev.ecosystem.model.OutboxEntry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every path of the double opt-in lifecycle, on the in-memory store and mailer, with a clock the test moves. */
class IntroWorkflowTest {
    private final IntroFixture f = new IntroFixture();

    @Test
    void request_recordsTheRequestAndTheAsk_andSendsNothingUntilRunDue() {
        Introduction intro = f.acme().request(adaToBob().build());

        assertThat(intro.status()).isEqualTo(IntroductionStatus.AWAITING_CONSENT);
        assertThat(intro.history()).extracting(IntroductionTransition::from, IntroductionTransition::to,
                        IntroductionTransition::actor, IntroductionTransition::at)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(null, IntroductionStatus.REQUESTED, "co-acme/ada", T0),
                        org.assertj.core.groups.Tuple.tuple(IntroductionStatus.REQUESTED,
                                IntroductionStatus.AWAITING_CONSENT, "co-acme/ada", T0));
        assertThat(intro.consent(IntroParty.REQUESTER).status()).isEqualTo(ConsentStatus.ACCEPTED);
        assertThat(intro.consent(IntroParty.TARGET).status()).isEqualTo(ConsentStatus.PENDING);
        assertThat(intro.expiresAt()).isEqualTo(T0.plus(EXPIRY));
        assertThat(intro.nextDueAt()).isEqualTo(T0.plus(REMIND_AFTER));
        assertThat(intro.sharedFacts()).containsExactly("Both work in: saas", "Both serve customers in: e-commerce",
                "Both are active in: emea");
        assertThat(f.eventTypes()).containsExactly("intro.requested", "intro.awaiting-consent");
        assertThat(f.inbox.sent()).isEmpty();

        DueRun run = f.runDue();

        assertThat(run).isEqualTo(new DueRun(0, 0, 0, 1, 0, 0));
        EmailMessage ask = f.lastTo("bob@globex.com");
        assertThat(ask.from()).isEqualTo(new EmailAddress("intros@partners.example.com", "Ada Lovelace via Partner Hub"));
        assertThat(ask.to()).containsExactly(new EmailAddress("bob@globex.com", "Bob Ødegård"));
        assertThat(ask.subject()).isEqualTo("Introduction to Ada Lovelace (Acme Mail)?");
        assertThat(ask.textBody()).contains("Ada Lovelace, Head of Partnerships at Acme Mail would like to be "
                + "introduced to you.").contains("https://app.example.com/intro/consent?token=k1.");
        assertThat(ask.messageId()).endsWith("@partners.example.com>");
    }

    @Test
    void acceptByLink_connects_sendsOneJointEmail_andRecordsWhoWhenWhy() {
        Introduction requested = f.acme().request(adaToBob().build());
        f.runDue();
        f.clock.advance(Duration.ofHours(5));

        Introduction connected = f.client.intros().redeem(token(f.lastTo("bob@globex.com"), true), null, false);

        assertThat(connected.status()).isEqualTo(IntroductionStatus.CONNECTED);
        assertThat(connected.id()).isEqualTo(requested.id());
        IntroductionTransition last = connected.history().get(connected.history().size() - 1);
        assertThat(last).isEqualTo(new IntroductionTransition(IntroductionStatus.AWAITING_CONSENT,
                IntroductionStatus.CONNECTED, "co-globex/bob", T0.plus(Duration.ofHours(5)),
                "everyone consented; joint introduction sent"));
        assertThat(connected.connectedAt()).isEqualTo(T0.plus(Duration.ofHours(5)));
        assertThat(connected.nextDueAt()).isNull();
        assertThat(f.eventTypes()).endsWith("intro.connected");

        f.runDue();
        List<EmailMessage> joint = f.sentTo("ada@acme.io");
        assertThat(joint).hasSize(1);
        assertThat(joint.get(0).to()).extracting(EmailAddress::address).containsExactly("ada@acme.io",
                "bob@globex.com");
        assertThat(joint.get(0).cc()).isEmpty();
        assertThat(joint.get(0).subject()).isEqualTo("Introduction: Ada Lovelace (Acme Mail) and Bob Ødegård "
                + "(Globex Billing)");
        assertThat(f.inbox.sent()).hasSize(2);
        assertThat(f.runDue().sent()).isZero();
    }

    @Test
    void withIntroducer_bothMustConsent_andTheJointEmailCopiesTheIntroducer() {
        Introduction intro = f.acme().request(adaToBob().introducer(IVY).build());
        assertThat(intro.consent(IntroParty.REQUESTER).status()).isEqualTo(ConsentStatus.PENDING);
        f.runDue();
        EmailMessage askToAda = f.lastTo("ada@acme.io");
        assertThat(askToAda.from().displayName()).isEqualTo("Ivy Introducer via Partner Hub");
        assertThat(askToAda.textBody()).contains("Ivy Introducer would like to introduce you to a contact at Globex "
                + "Billing.").doesNotContain("Bob");

        Introduction half = f.acme().accept(intro.id(), ADA);
        assertThat(half.status()).isEqualTo(IntroductionStatus.AWAITING_CONSENT);
        assertThat(f.eventTypes()).contains("intro.consent-accepted");
        Introduction connected = f.client.intros().redeem(token(f.lastTo("bob@globex.com"), true), null, false);
        f.runDue();

        assertThat(connected.status()).isEqualTo(IntroductionStatus.CONNECTED);
        EmailMessage joint = f.inbox.sent().get(f.inbox.sent().size() - 1);
        assertThat(joint.to()).extracting(EmailAddress::address).containsExactly("ada@acme.io", "bob@globex.com");
        assertThat(joint.cc()).extracting(EmailAddress::address).containsExactly("ivy@acme.io");
        assertThat(joint.textBody()).endsWith("Ivy Introducer\n");
    }

    @Test
    void decline_withPrivateReason_tellsTheRequesterPolitely_andKeepsTheReasonFromThem() {
        Introduction intro = f.acme().request(adaToBob().build());
        f.runDue();

        Introduction declined = f.globex().decline(intro.id(), BOB, "We are switching billing vendors", false);
        f.runDue();

        assertThat(declined.status()).isEqualTo(IntroductionStatus.DECLINED);
        assertThat(declined.consent(IntroParty.TARGET).reason()).isEqualTo("We are switching billing vendors");
        assertThat(f.acme().get(intro.id()).consent(IntroParty.TARGET).reason()).isNull();
        assertThat(f.acme().get(intro.id()).history()).noneMatch(t -> t.reason().contains("switching"));
        EmailMessage notice = f.lastTo("ada@acme.io");
        assertThat(notice.subject()).isEqualTo("Your introduction to a contact (Globex Billing)");
        assertThat(notice.textBody()).contains("will not go ahead this time").doesNotContain("switching");
        assertThat(f.eventTypes()).endsWith("intro.declined");
    }

    @Test
    void decline_withSharedReason_byLink_showsTheReason() {
        f.acme().request(adaToBob().build());
        f.runDue();

        f.client.intros().redeem(token(f.lastTo("bob@globex.com"), false), "Not before Q2 <sorry>", true);
        f.runDue();

        EmailMessage notice = f.lastTo("ada@acme.io");
        assertThat(notice.textBody()).contains("They shared a note: \"Not before Q2 <sorry>\"");
        assertThat(notice.htmlBody()).contains("Not before Q2 &lt;sorry&gt;");
    }

    @Test
    void requesterDeclines_withIntroducer_tellsTheIntroducer() {
        Introduction intro = f.acme().request(adaToBob().introducer(IVY).build());

        f.acme().decline(intro.id(), ADA, null, false);
        f.runDue();

        assertThat(f.lastTo("ivy@acme.io").textBody()).contains("The introduction of Ada Lovelace to a contact at Globex Billing");
    }

    @Test
    void expiry_happensExactlyAtTheBoundary_notAnInstantBefore() {
        Introduction intro = f.acme().request(adaToBob().build());
        f.runDue();
        f.client.intros().runDue(T0.plus(REMIND_AFTER));

        DueRun before = f.client.intros().runDue(intro.expiresAt().minusNanos(1));
        assertThat(before.expired()).isZero();
        assertThat(f.acme().get(intro.id()).status()).isEqualTo(IntroductionStatus.AWAITING_CONSENT);

        DueRun at = f.client.intros().runDue(intro.expiresAt());
        assertThat(at.expired()).isEqualTo(1);
        Introduction expired = f.acme().get(intro.id());
        assertThat(expired.status()).isEqualTo(IntroductionStatus.EXPIRED);
        assertThat(expired.history().get(expired.history().size() - 1)).isEqualTo(new IntroductionTransition(
                IntroductionStatus.AWAITING_CONSENT, IntroductionStatus.EXPIRED, IntroductionTransition.SYSTEM,
                intro.expiresAt(), "no answer before " + intro.expiresAt()));
        assertThat(f.eventTypes()).endsWith("intro.expired");
        assertThat(f.client.intros().runDue(intro.expiresAt().plusSeconds(1)).expired()).isZero();
    }

    @Test
    void consent_atTheExpiryInstant_isRefused_andExpiresTheIntroduction() {
        Introduction intro = f.acme().request(adaToBob().build());
        f.clock.set(intro.expiresAt().minusNanos(1));
        Introduction other = f.acme().request(IntroRequest.builder(IVY, GLOBEX, BOB, "Another").build());
        f.clock.set(intro.expiresAt());

        assertThatThrownBy(() -> f.globex().accept(intro.id(), BOB))
                .isInstanceOf(ConflictException.class).hasMessageContaining("expired at " + intro.expiresAt());
        assertThat(f.globex().get(intro.id()).status()).isEqualTo(IntroductionStatus.EXPIRED);
        assertThat(f.globex().accept(other.id(), BOB).status()).isEqualTo(IntroductionStatus.CONNECTED);
    }

    @Test
    void reminder_goesOutOnceAfterTheDelay_inTheThreadOfTheAsk() {
        Introduction intro = f.acme().request(adaToBob().build());
        f.runDue();
        EmailMessage ask = f.lastTo("bob@globex.com");

        assertThat(f.client.intros().runDue(T0.plus(REMIND_AFTER).minusSeconds(1)).reminded()).isZero();
        DueRun run = f.client.intros().runDue(T0.plus(REMIND_AFTER));

        assertThat(run.reminded()).isEqualTo(1);
        assertThat(run.sent()).isEqualTo(1);
        EmailMessage reminder = f.lastTo("bob@globex.com");
        assertThat(reminder.subject()).startsWith("Reminder: ");
        assertThat(reminder.inReplyTo()).isEqualTo(ask.messageId());
        assertThat(reminder.references()).containsExactly(ask.messageId());
        MailReceipt askReceipt = f.inbox.send(ask);
        assertThat(reminder.threadId()).isEqualTo(askReceipt.threadId());
        assertThat(token(reminder, true)).isEqualTo(token(ask, true));
        Introduction reminded = f.acme().get(intro.id());
        assertThat(reminded.consent(IntroParty.TARGET).reminders()).isEqualTo(1);
        assertThat(reminded.nextDueAt()).isEqualTo(intro.expiresAt());
        assertThat(f.client.intros().runDue(T0.plus(REMIND_AFTER.multipliedBy(3))).reminded()).isZero();
        assertThat(f.eventTypes()).contains("intro.reminded");
    }

    @Test
    void targetWhoOptsOutMeanwhile_isNotReminded_andTheIntroductionIsCancelled() {
        Introduction intro = f.acme().request(adaToBob().build());
        f.runDue();
        f.client.as(GLOBEX).contacts().setOptedOut(BOB, true);

        DueRun run = f.client.intros().runDue(T0.plus(REMIND_AFTER));

        assertThat(run.cancelled()).isEqualTo(1);
        assertThat(run.sent()).isZero();
        assertThat(f.sentTo("bob@globex.com")).hasSize(1);
        assertThat(f.acme().get(intro.id()).status()).isEqualTo(IntroductionStatus.CANCELLED);
    }

    @Test
    void cancel_byTheRequester_endsIt_andTheTargetCannotCancel() {
        Introduction intro = f.acme().request(adaToBob().build());

        assertThatThrownBy(() -> f.globex().cancel(intro.id(), "no"))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("decline it instead");
        Introduction cancelled = f.acme().cancel(intro.id(), "Found another way in");

        assertThat(cancelled.status()).isEqualTo(IntroductionStatus.CANCELLED);
        assertThat(cancelled.history().get(cancelled.history().size() - 1).reason()).isEqualTo("Found another way in");
        assertThat(cancelled.history().get(cancelled.history().size() - 1).actor()).isEqualTo("co-acme");
        assertThat(f.eventTypes()).endsWith("intro.cancelled");
        assertThatThrownBy(() -> f.acme().cancel(intro.id(), "again"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("has ended (CANCELLED)");
    }

    @Test
    void invalidTransitions_areClearErrors_neverSilentNoOps() {
        Introduction intro = f.acme().request(adaToBob().build());
        f.globex().accept(intro.id(), BOB);
        int eventsBefore = f.events.size();

        assertThatThrownBy(() -> f.globex().accept(intro.id(), BOB))
                .isInstanceOf(ConflictException.class).hasMessageContaining("has ended (CONNECTED)");
        assertThatThrownBy(() -> f.globex().decline(intro.id(), BOB, null, false))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> f.acme().cancel(intro.id(), "late"))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> f.acme().accept(intro.id(), BOB))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("not a party");
        assertThat(f.events).hasSize(eventsBefore);
        assertThat(f.acme().get(intro.id()).version()).isEqualTo(1);
    }

    @Test
    void outsiders_cannotSeeOrAnswer() {
        Introduction intro = f.acme().request(adaToBob().build());

        assertThatThrownBy(() -> f.client.as(IntroFixture.INITECH).intros().accept(intro.id(), BOB))
                .isInstanceOf(dev.ecosystem.error.NotFoundException.class);
        assertThat(f.client.as(IntroFixture.INITECH).intros().list(dev.ecosystem.model.PageRequest.first(10))
                .items()).isEmpty();
        assertThat(f.globex().list(dev.ecosystem.model.PageRequest.first(10)).items()).hasSize(1);
    }

    @Test
    void preview_showsTheAskWithPlaceholders_andTheEditedTextIsWhatGoesOut() {
        dev.ecosystem.spi.Draft preview = f.acme().preview(adaToBob().build());
        assertThat(preview.textBody()).contains(IntroRequest.ACCEPT_LINK).contains(IntroRequest.DECLINE_LINK);
        assertThat(f.store.inTransaction(tx -> tx.introductions().list(ACME,
                dev.ecosystem.model.PageRequest.first(10))).items()).isEmpty();

        String edited = "Hi Bob,\n\nAda here <3 - can we talk billing?\n\nYes: " + IntroRequest.ACCEPT_LINK
                + "\nNo: " + IntroRequest.DECLINE_LINK + "\n";
        f.acme().request(adaToBob().message("Quick intro, Bob?", edited).build());
        f.runDue();

        EmailMessage ask = f.lastTo("bob@globex.com");
        assertThat(ask.subject()).isEqualTo("Quick intro, Bob?");
        assertThat(ask.textBody()).startsWith("Hi Bob,").contains("Yes: https://app.example.com/intro/consent?token=")
                .doesNotContain("{acceptUrl}");
        assertThat(ask.htmlBody()).contains("Ada here &lt;3").contains("<a href=\"https://app.example.com/intro/");
        assertThatThrownBy(() -> adaToBob().message("s", "no links").build())
                .isInstanceOf(dev.ecosystem.error.ValidationException.class).hasMessageContaining("{acceptUrl}");
    }

    @Test
    void userText_neverReachesAHeader_andNonAsciiNamesSurviveIntact() {
        f.acme().request(IntroRequest.builder(ADA, GLOBEX, BOB, "Line one\r\nBcc: evil@attacker.example\r\n\r\nx")
                .build());
        f.runDue();

        EmailMessage ask = f.lastTo("bob@globex.com");
        assertThat(ask.recipients()).extracting(EmailAddress::address).containsExactly("bob@globex.com");
        assertThat(ask.subject()).doesNotContain("\r").doesNotContain("\n");
        assertThat(ask.to().get(0).displayName()).isEqualTo("Bob Ødegård");
        assertThat(ask.htmlBody()).doesNotContain("\r\nBcc");
    }

    @Test
    void events_carryTheTransition_andTheTwoCompanies() {
        f.acme().request(adaToBob().build());

        EcosystemEvent event = f.events.get(1);
        assertThat(event.type()).isEqualTo("intro.awaiting-consent");
        assertThat(event.tenant()).isEqualTo(ACME);
        assertThat(event.attributes()).containsEntry("from", "REQUESTED").containsEntry("to", "AWAITING_CONSENT")
                .containsEntry("actor", "co-acme/ada").containsEntry("targetCompany", "co-globex");
    }

    @Test
    void outbox_holdsEveryEmailWithTheIntroductionAsOrigin() {
        Introduction intro = f.acme().request(adaToBob().build());
        f.runDue();

        List<OutboxEntry> sent = f.store.inTransaction(tx -> tx.outbox().list(ACME,
                dev.ecosystem.model.OutboxStatus.SENT, dev.ecosystem.model.PageRequest.first(10)).items());
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).origin()).isEqualTo(intro.id().value());
        assertThat(sent.get(0).receipt()).isNotNull();
        assertThat(sent.get(0).id()).isEqualTo(intro.consent(IntroParty.TARGET).askEntry());
    }
}
