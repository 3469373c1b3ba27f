package dev.ecosystem.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.TenantScope;
import dev.ecosystem.error.ConflictException;
import dev.ecosystem.error.EcosystemException;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.event.EcosystemEvent;
import dev.ecosystem.intro.IntroRequest;
import dev.ecosystem.memory.InMemoryCrm;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.ActivationTrigger;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.DealStatus;
import dev.ecosystem.model.EmailAddress;
import dev.ecosystem.model.EmailMessage;
import dev.ecosystem.model.IdealPartnerProfile;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.Invitation;
import dev.ecosystem.model.InvitationId;
import dev.ecosystem.model.InvitationStatus;
import dev.ecosystem.model.Money;
import dev.ecosystem.model.OutboxEntry;
import dev.ecosystem.model.OutboxStatus;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.model.Partnership;
import dev.ecosystem.model.PartnershipId;
import dev.ecosystem.model.PartnershipLifecycle;
import dev.ecosystem.model.PartnershipStatus;
import dev.ecosystem.model.PartnershipTransition;
import dev.ecosystem.model.ProgramTerms;
import dev.ecosystem.model.ReferredProspect;
import dev.ecosystem.model.Registration;
import dev.ecosystem.model.Tag;
import dev.ecosystem.partnership.ActivationMetrics;
import dev.ecosystem.partnership.LifecycleRun;
import dev.ecosystem.partnership.PartnershipSettings;
import dev.ecosystem.spi.CrmConnections;
import dev.ecosystem.spi.PartnerStore;
import dev.ecosystem.spi.StoreTransaction;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of the partnership lifecycle on a store, run by {@link PartnerStoreContract} as its nested class
 * {@code Lifecycle}: the {@link dev.ecosystem.spi.PartnershipLifecycleRepository} round trips, and the whole
 * lifecycle through a client on the store under test with a clock the tests move (invitations and their links,
 * reminders and expiry at their boundaries, status history, each activation trigger, dormancy at N days, metrics).
 * Tests that need stored programs are skipped, with a message, on a store that keeps none.
 */
public abstract class PartnershipLifecycleContract {

    /** For subclasses: the adapter's test class extends the kit. */
    protected PartnershipLifecycleContract() {
    }

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final CompanyId VENDOR = CompanyId.of("vendor");
    private static final CompanyId NORTHWIND = CompanyId.of("northwind");
    private static final CompanyId CONTOSO = CompanyId.of("contoso");
    private static final CompanyId STRANGER = CompanyId.of("stranger");
    private static final ContactId NORTHWIND_INTAKE = ContactId.of("nw-intake");
    private static final ContactId VENDOR_REP = ContactId.of("v-rep");
    private static final Pattern TOKEN = Pattern.compile("token=([^&\\s]+)");
    private static final Duration NANO = Duration.ofNanos(1);

    private final MutableClock clock = new MutableClock(T0);
    private final List<EcosystemEvent> events = new CopyOnWriteArrayList<>();
    private final InMemoryCrm vendorCrm = InMemoryCrm.of(VENDOR, List.of(
            Account.builder(VENDOR, AccountId.of("v3"), "Plain Prospect").domain("plain.com").lifecycleStage("lead")
                    .build()), List.of());
    private EcosystemClient client;
    private PartnerStore store;

    /** The empty store under test. */
    protected abstract PartnerStore lifecycleStore();

    @BeforeEach
    void startClient() {
        store = lifecycleStore();
        client = EcosystemClient.builder().store(store).clock(clock).eventListener(events::add)
                .crm(CrmConnections.of(vendorCrm))
                .partnerships(PartnershipSettings.builder().expiry(Duration.ofDays(14))
                        .reminders(Duration.ofDays(4), 2).build())
                .build();
        for (CompanyId id : List.of(VENDOR, NORTHWIND, CONTOSO, STRANGER)) {
            client.register(Company.builder(id, "Company " + id).businessTags("saas").listed(true).build());
        }
        client.as(NORTHWIND).contacts().save(Contact.builder(NORTHWIND_INTAKE, NORTHWIND, "Nia Intake",
                "nia@northwind.example").reachableForIntroductions(true).build());
        client.register(Company.builder(NORTHWIND, "Company northwind").businessTags("saas").listed(true)
                .introductionIntake(NORTHWIND_INTAKE).build());
        client.as(CONTOSO).contacts().save(Contact.builder(ContactId.of("c-1"), CONTOSO, "Cy One",
                "cy@contoso.example").build());
        client.as(VENDOR).contacts().save(Contact.builder(VENDOR_REP, VENDOR, "Val Rep", "val@vendor.example")
                .reachableForIntroductions(true).build());
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    // ---- invitations

    @Test
    @DisplayName("An invitation is PENDING with its expiry and first reminder, and its email with a link is in the "
            + "outbox, to the invitee's intake contact")
    void invite_storesPendingInvitation_andEnqueuesItsEmail() {
        Invitation sent = vendor().partnerships().invite(NORTHWIND, PartnerType.REFERRAL);

        assertThat(sent.status()).isEqualTo(InvitationStatus.PENDING);
        assertThat(sent.vendor()).isEqualTo(VENDOR);
        assertThat(sent.inviteeCompany()).isEqualTo(NORTHWIND);
        assertThat(sent.type()).isEqualTo(PartnerType.REFERRAL);
        assertThat(sent.expiresAt()).isEqualTo(T0.plus(Duration.ofDays(14)));
        assertThat(sent.nextReminderAt()).isEqualTo(T0.plus(Duration.ofDays(4)));
        assertThat(sent.reminders()).isZero();
        assertThat(sent.emailEntry()).isNotNull();
        EmailMessage email = outbox().get(0).message();
        assertThat(email.to()).extracting(EmailAddress::address).containsExactly("nia@northwind.example");
        assertThat(email.subject()).contains("referral partner program");
        assertThat(email.textBody()).contains("http://localhost:8080/partners/invitation?token=");
        assertThat(northwind().partnerships().invitation(sent.id())).isEqualTo(sent);
        assertThat(northwind().partnerships().receivedInvitations(PageRequest.first(10)).items())
                .containsExactly(sent);
        assertThat(vendor().partnerships().sentInvitations(PageRequest.first(10)).items()).containsExactly(sent);
        assertThat(eventTypes()).contains("invitation.sent");
    }

    @Test
    @DisplayName("Another company cannot see, accept or decline an invitation: the same NotFound as for none")
    void invitation_isInvisibleToOtherCompanies() {
        Invitation sent = vendor().partnerships().invite(NORTHWIND, PartnerType.REFERRAL);
        InvitationId absent = InvitationId.of("no-such-invitation");

        for (InvitationId id : List.of(sent.id(), absent)) {
            assertThatThrownBy(() -> contoso().partnerships().invitation(id)).isInstanceOf(NotFoundException.class)
                    .hasMessage("company contoso has no invitation " + id);
            assertThatThrownBy(() -> contoso().partnerships().acceptInvitation(id))
                    .isInstanceOf(NotFoundException.class).hasMessage("company contoso has no invitation " + id);
            assertThatThrownBy(() -> contoso().partnerships().declineInvitation(id, null))
                    .isInstanceOf(NotFoundException.class).hasMessage("company contoso has no invitation " + id);
        }
        assertThatThrownBy(() -> client.partnerships().accept(token(0), CONTOSO))
                .isInstanceOf(NotFoundException.class).hasMessage("company contoso has no invitation " + sent.id());
        assertThat(contoso().partnerships().receivedInvitations(PageRequest.first(10)).items()).isEmpty();
        assertThat(northwind().partnerships().invitation(sent.id()).status()).isEqualTo(InvitationStatus.PENDING);
    }

    @Test
    @DisplayName("Accepting creates both sides' records RECRUITED with the type, in one step, with their history")
    void accept_createsBothSidesRecruited() {
        Invitation sent = vendor().partnerships().invite(NORTHWIND, PartnerType.SERVICES);
        clock.advance(Duration.ofHours(5));

        Invitation accepted = northwind().partnerships().acceptInvitation(sent.id());

        assertThat(accepted.status()).isEqualTo(InvitationStatus.ACCEPTED);
        assertThat(accepted.answeredAt()).isEqualTo(clock.instant());
        assertThat(accepted.answeredBy()).isEqualTo(NORTHWIND);
        Partnership vendorSide = vendor().partnerships().findByPartner(NORTHWIND);
        Partnership partnerSide = northwind().partnerships().findByPartner(VENDOR);
        assertThat(vendorSide.id()).isEqualTo(accepted.partnership());
        assertThat(List.of(vendorSide, partnerSide)).extracting(Partnership::status, Partnership::type)
                .containsOnly(tuple(PartnershipStatus.RECRUITED, PartnerType.SERVICES));
        assertThat(vendor().partnerships().history(vendorSide.id())).containsExactly(new PartnershipTransition(
                vendorSide.id(), null, PartnershipStatus.RECRUITED, clock.instant(), "northwind",
                "invitation " + sent.id() + " accepted"));
        assertThat(northwind().partnerships().history(partnerSide.id())).hasSize(1);
        assertThat(vendor().partnerships().lifecycle(vendorSide.id()).recruitedAt()).isEqualTo(clock.instant());
        assertThat(eventTypes()).contains("invitation.accepted");
    }

    @Test
    @DisplayName("An invitation is accepted once: a second accept, by id or by link, is a ConflictException")
    void accept_isSingleUse() {
        Invitation sent = vendor().partnerships().invite(NORTHWIND, PartnerType.REFERRAL);
        String token = token(0);
        client.partnerships().accept(token, NORTHWIND);

        assertThatThrownBy(() -> client.partnerships().accept(token, NORTHWIND))
                .isInstanceOf(ConflictException.class).hasMessageContaining("was already accepted");
        assertThatThrownBy(() -> northwind().partnerships().acceptInvitation(sent.id()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("was already accepted");
        assertThatThrownBy(() -> client.partnerships().decline(token, "changed my mind"))
                .isInstanceOf(ConflictException.class);
        assertThat(vendor().partnerships().list(PageRequest.first(10)).items()).hasSize(1);
    }

    @Test
    @DisplayName("An invitation can be answered until just before expiresAt; at expiresAt it is a ConflictException")
    void accept_atExpiry_isRejected() {
        Invitation late = vendor().partnerships().invite(NORTHWIND, PartnerType.REFERRAL);
        Invitation onTime = vendor().partnerships().invite(CONTOSO, PartnerType.REFERRAL);
        String lateToken = token(0);

        clock.set(late.expiresAt().minus(NANO));
        assertThat(contoso().partnerships().acceptInvitation(onTime.id()).status())
                .isEqualTo(InvitationStatus.ACCEPTED);
        clock.set(late.expiresAt());
        assertThatThrownBy(() -> northwind().partnerships().acceptInvitation(late.id()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("expired at " + late.expiresAt());
        assertThatThrownBy(() -> client.partnerships().accept(lateToken, NORTHWIND))
                .isInstanceOf(ConflictException.class).hasMessageContaining("expired");
        assertThat(vendor().partnerships().findByPartner(NORTHWIND)).isNull();
    }

    @Test
    @DisplayName("runDue expires an invitation exactly at expiresAt, not a nanosecond before")
    void runDue_expiresAtExpiresAt() {
        Invitation sent = vendor().partnerships().invite(NORTHWIND, PartnerType.REFERRAL);
        client.partnerships().runDue(sent.expiresAt().minus(Duration.ofDays(1)));
        client.partnerships().runDue(sent.expiresAt().minus(Duration.ofDays(1)));

        assertThat(client.partnerships().runDue(sent.expiresAt().minus(NANO)).expired()).isZero();
        assertThat(vendor().partnerships().invitation(sent.id()).status()).isEqualTo(InvitationStatus.PENDING);
        assertThat(client.partnerships().runDue(sent.expiresAt()).expired()).isEqualTo(1);
        assertThat(vendor().partnerships().invitation(sent.id()).status()).isEqualTo(InvitationStatus.EXPIRED);
        assertThat(eventTypes()).contains("invitation.expired");
        assertThat(client.partnerships().runDue(sent.expiresAt().plus(Duration.ofDays(1))))
                .isEqualTo(new LifecycleRun(0, 0, 0));
    }

    @Test
    @DisplayName("Reminders go out at reminderAfter and again after it, at most maxReminders, in the invitation's "
            + "thread")
    void runDue_sendsRemindersOnTime() {
        Invitation sent = vendor().partnerships().invite(NORTHWIND, PartnerType.REFERRAL);
        Instant first = T0.plus(Duration.ofDays(4));

        assertThat(client.partnerships().runDue(first.minus(NANO)).reminded()).isZero();
        assertThat(client.partnerships().runDue(first).reminded()).isEqualTo(1);
        Invitation once = vendor().partnerships().invitation(sent.id());
        assertThat(once.reminders()).isEqualTo(1);
        assertThat(once.nextReminderAt()).isEqualTo(first.plus(Duration.ofDays(4)));
        EmailMessage reminder = outbox().get(1).message();
        assertThat(reminder.subject()).startsWith("Reminder: ");
        assertThat(reminder.inReplyTo()).isEqualTo(outbox().get(0).message().messageId());

        assertThat(client.partnerships().runDue(first.plus(Duration.ofDays(4)).minus(NANO)).reminded()).isZero();
        assertThat(client.partnerships().runDue(first.plus(Duration.ofDays(4))).reminded()).isEqualTo(1);
        Invitation twice = vendor().partnerships().invitation(sent.id());
        assertThat(twice.reminders()).isEqualTo(2);
        assertThat(twice.nextReminderAt()).isNull();
        assertThat(client.partnerships().runDue(sent.expiresAt().minus(NANO))).isEqualTo(new LifecycleRun(0, 0, 0));
        assertThat(outbox()).hasSize(3);
    }

    @Test
    @DisplayName("A company not on the network is invited by email and joins when it registers: the link accepts "
            + "for the new company")
    void inviteByEmail_joinsWhenTheCompanyRegisters() {
        Invitation sent = vendor().partnerships().invite(EmailAddress.of("founder@newco.example"),
                PartnerType.TECHNOLOGY);
        assertThat(sent.inviteeCompany()).isNull();
        assertThat(outbox().get(0).message().to()).extracting(EmailAddress::address)
                .containsExactly("founder@newco.example");
        String token = token(0);
        assertThat(client.partnerships().read(token)).isEqualTo(sent);

        CompanyId newco = CompanyId.of("newco");
        client.register(Company.builder(newco, "NewCo").listed(false).build());
        Invitation accepted = client.partnerships().accept(token, newco);

        assertThat(accepted.inviteeCompany()).isEqualTo(newco);
        assertThat(vendor().partnerships().findByPartner(newco).status()).isEqualTo(PartnershipStatus.RECRUITED);
        assertThat(client.as(newco).partnerships().findByPartner(VENDOR).type()).isEqualTo(PartnerType.TECHNOLOGY);
        assertThat(client.as(newco).partnerships().invitation(sent.id())).isEqualTo(accepted);
    }

    @Test
    @DisplayName("Declines (by link and by id) and revocations are final and create no records")
    void declineAndRevoke_areFinal() {
        Invitation byLink = vendor().partnerships().invite(NORTHWIND, PartnerType.REFERRAL);
        String token = token(0);
        Invitation byId = vendor().partnerships().invite(CONTOSO, PartnerType.REFERRAL);
        Invitation revoked = vendor().partnerships().invite(STRANGER, PartnerType.REFERRAL);

        assertThat(client.partnerships().decline(token, "not now").status()).isEqualTo(InvitationStatus.DECLINED);
        assertThat(contoso().partnerships().declineInvitation(byId.id(), null).answeredBy()).isEqualTo(CONTOSO);
        assertThat(vendor().partnerships().revokeInvitation(revoked.id(), "sent by mistake").reason())
                .isEqualTo("sent by mistake");

        assertThat(vendor().partnerships().invitation(byLink.id()).reason()).isEqualTo("not now");
        assertThatThrownBy(() -> client.as(STRANGER).partnerships().acceptInvitation(revoked.id()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("was already revoked");
        assertThatThrownBy(() -> northwind().partnerships().revokeInvitation(byLink.id(), null))
                .isInstanceOf(NotFoundException.class);
        assertThat(vendor().partnerships().list(PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    @DisplayName("A forged or tampered link is a ValidationException; an unlisted or existing partner, or one with "
            + "a PENDING invitation, cannot be invited")
    void invite_andLinks_areChecked() {
        vendor().partnerships().invite(NORTHWIND, PartnerType.REFERRAL);
        String token = token(0);

        // a canonical signature never ends in x (its last character's unused bits are zero), so this always tampers
        assertThatThrownBy(() -> client.partnerships().accept(token.substring(0, token.length() - 2) + "xx",
                NORTHWIND)).isInstanceOf(ValidationException.class).hasMessageContaining("invitation token");
        assertThatThrownBy(() -> client.partnerships().accept("nonsense", NORTHWIND))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> vendor().partnerships().invite(NORTHWIND, PartnerType.SERVICES))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already has PENDING invitation");
        assertThatThrownBy(() -> vendor().partnerships().invite(VENDOR, PartnerType.REFERRAL))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> vendor().partnerships().invite(CompanyId.of("nobody"), PartnerType.REFERRAL))
                .isInstanceOf(NotFoundException.class);
        vendor().partnerships().create(CONTOSO, PartnerType.REFERRAL, PartnershipStatus.ACTIVE);
        assertThatThrownBy(() -> vendor().partnerships().invite(CONTOSO, PartnerType.REFERRAL))
                .isInstanceOf(ConflictException.class);
    }

    // ---- history

    @Test
    @DisplayName("Every status change is in the history with who, when and why")
    void history_recordsEveryChange() {
        Partnership created = vendor().partnerships().create(NORTHWIND, PartnerType.ALLIANCE,
                PartnershipStatus.PROSPECT);
        clock.advance(Duration.ofDays(1));
        vendor().partnerships().changeStatus(created.id(), PartnershipStatus.RECRUITED, "signed the agreement");
        clock.advance(Duration.ofDays(1));
        vendor().partnerships().changeStatus(created.id(), PartnershipStatus.PAUSED);

        assertThat(vendor().partnerships().history(created.id())).extracting(PartnershipTransition::from,
                PartnershipTransition::to, PartnershipTransition::at, PartnershipTransition::actor,
                PartnershipTransition::reason).containsExactly(
                        tuple(null, PartnershipStatus.PROSPECT, T0, "vendor", "created"),
                        tuple(PartnershipStatus.PROSPECT, PartnershipStatus.RECRUITED, T0.plus(Duration.ofDays(1)),
                                "vendor", "signed the agreement"),
                        tuple(PartnershipStatus.RECRUITED, PartnershipStatus.PAUSED, T0.plus(Duration.ofDays(2)),
                                "vendor", null));
        assertThatThrownBy(() -> northwind().partnerships().history(created.id()))
                .isInstanceOf(NotFoundException.class);
    }

    // ---- activation

    @Test
    @DisplayName("The first accepted registration activates a recruited partner (no program: the default triggers), "
            + "both sides, with the days since recruitment")
    void acceptedRegistration_activates() {
        PartnershipId recruited = recruit(NORTHWIND, PartnerType.REFERRAL);
        clock.advance(Duration.ofDays(3).plusHours(7));

        acceptRegistration(NORTHWIND, "Plain Prospect", "plain.com");

        assertThat(vendor().partnerships().get(recruited).status()).isEqualTo(PartnershipStatus.ACTIVE);
        assertThat(northwind().partnerships().findByPartner(VENDOR).status()).isEqualTo(PartnershipStatus.ACTIVE);
        assertThat(vendor().partnerships().history(recruited)).last().isEqualTo(new PartnershipTransition(
                recruited, PartnershipStatus.RECRUITED, PartnershipStatus.ACTIVE, clock.instant(),
                PartnershipTransition.ACTIVATION, "ACCEPTED_REGISTRATION"));
        EcosystemEvent activated = single("partnership.activated");
        assertThat(activated.tenant()).isEqualTo(VENDOR);
        assertThat(activated.subject()).isEqualTo(recruited.value());
        assertThat(activated.attributes()).containsEntry("days", "3").containsEntry("partner", "northwind")
                .containsEntry("trigger", "ACCEPTED_REGISTRATION");
        PartnershipLifecycle life = vendor().partnerships().lifecycle(recruited);
        assertThat(life.activatedAt()).isEqualTo(clock.instant());
        assertThat(life.activatedBy()).isEqualTo(ActivationTrigger.ACCEPTED_REGISTRATION);
        assertThat(life.lastActivityAt()).isEqualTo(clock.instant());
    }

    @Test
    @DisplayName("An ACTIVE partner stays as it is on a further trigger: no second transition or event, only activity")
    void alreadyActive_isUnchanged() {
        PartnershipId recruited = recruit(NORTHWIND, PartnerType.REFERRAL);
        acceptRegistration(NORTHWIND, "Plain Prospect", "plain.com");
        int history = vendor().partnerships().history(recruited).size();
        clock.advance(Duration.ofDays(2));

        acceptRegistration(NORTHWIND, "Other Prospect", "other.com");

        assertThat(vendor().partnerships().history(recruited)).hasSize(history);
        assertThat(events("partnership.activated")).hasSize(1);
        assertThat(vendor().partnerships().lifecycle(recruited).lastActivityAt()).isEqualTo(clock.instant());
    }

    @Test
    @DisplayName("A connected introduction between vendor and partner activates the partner")
    void connectedIntroduction_activates() {
        PartnershipId recruited = recruit(NORTHWIND, PartnerType.REFERRAL);
        Introduction intro = vendor().intros().request(IntroRequest.builder(VENDOR_REP, NORTHWIND, NORTHWIND_INTAKE,
                "We both serve retail teams").build());
        assertThat(vendor().partnerships().get(recruited).status()).isEqualTo(PartnershipStatus.RECRUITED);

        northwind().intros().accept(intro.id(), NORTHWIND_INTAKE);

        assertThat(vendor().partnerships().get(recruited).status()).isEqualTo(PartnershipStatus.ACTIVE);
        assertThat(vendor().partnerships().history(recruited)).last().extracting(PartnershipTransition::reason)
                .isEqualTo("CONNECTED_INTRODUCTION");
        assertThat(single("partnership.activated").attributes()).containsEntry("days", "0");
    }

    @Test
    @DisplayName("A trigger outside the program's set does not activate; a deal the CRM sync credits does "
            + "(ATTRIBUTED_DEAL)")
    void attributedDeal_activates_andOtherTriggersDoNot() {
        assumePrograms();
        vendor().programs().create(terms(PartnerType.REFERRAL)
                .activation(ActivationTrigger.ATTRIBUTED_DEAL).build());
        PartnershipId recruited = recruit(NORTHWIND, PartnerType.REFERRAL);
        vendor().overlaps().syncCrm();
        acceptRegistration(NORTHWIND, "Plain Prospect", "plain.com");
        assertThat(vendor().partnerships().get(recruited).status()).isEqualTo(PartnershipStatus.RECRUITED);
        assertThat(vendor().partnerships().lifecycle(recruited).lastActivityAt()).isEqualTo(clock.instant());
        clock.advance(Duration.ofDays(6));

        vendorCrm.put(Deal.builder(VENDOR, DealId.of("d9"), "Deal d9").account(AccountId.of("v3"))
                .amount(Money.of("1000", "EUR")).stage("Qualification", DealStatus.OPEN).createdAt(clock.instant())
                .build());
        vendor().overlaps().syncCrm();

        assertThat(vendor().partnerships().get(recruited).status()).isEqualTo(PartnershipStatus.ACTIVE);
        assertThat(vendor().partnerships().history(recruited)).last().extracting(PartnershipTransition::reason)
                .isEqualTo("ATTRIBUTED_DEAL");
        assertThat(single("partnership.activated").attributes()).containsEntry("days", "6");
    }

    @Test
    @DisplayName("Completing the last checklist item activates (COMPLETED_CHECKLIST); an unknown key lists the "
            + "allowed ones and records nothing")
    void completedChecklist_activates() {
        assumePrograms();
        vendor().programs().create(terms(PartnerType.SERVICES)
                .checklistItem("agreement", "Sign the partner agreement")
                .checklistItem("training", "Complete the sales training")
                .activation(ActivationTrigger.COMPLETED_CHECKLIST).build());
        PartnershipId recruited = recruit(NORTHWIND, PartnerType.SERVICES);

        assertThatThrownBy(() -> vendor().partnerships().completeChecklist(recruited, List.of("agreement", "nope")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("[agreement, training]")
                .hasMessageContaining("\"nope\"");
        assertThat(vendor().partnerships().lifecycle(recruited).checklist()).isEmpty();
        assertThat(vendor().partnerships().completeChecklist(recruited, List.of("agreement")).checklist())
                .containsExactly("agreement");
        assertThat(vendor().partnerships().get(recruited).status()).isEqualTo(PartnershipStatus.RECRUITED);

        PartnershipLifecycle done = vendor().partnerships().completeChecklist(recruited, Set.of("training"));

        assertThat(done.checklist()).containsExactly("agreement", "training");
        assertThat(done.activatedBy()).isEqualTo(ActivationTrigger.COMPLETED_CHECKLIST);
        assertThat(vendor().partnerships().get(recruited).status()).isEqualTo(PartnershipStatus.ACTIVE);
    }

    @Test
    @DisplayName("Without a program there is no checklist: any key is refused")
    void checklist_withoutProgram_refusesKeys() {
        PartnershipId recruited = recruit(NORTHWIND, PartnerType.REFERRAL);

        assertThatThrownBy(() -> vendor().partnerships().completeChecklist(recruited, List.of("agreement")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("must be one of []");
    }

    @Test
    @DisplayName("A record that is not RECRUITED (PAUSED) is not activated by a trigger (the partner's own RECRUITED "
            + "record of the vendor follows its own rules)")
    void paused_isNotActivated() {
        PartnershipId recruited = recruit(NORTHWIND, PartnerType.REFERRAL);
        vendor().partnerships().changeStatus(recruited, PartnershipStatus.PAUSED, "on hold");
        Introduction intro = vendor().intros().request(IntroRequest.builder(VENDOR_REP, NORTHWIND, NORTHWIND_INTAKE,
                "We both serve retail teams").build());

        northwind().intros().accept(intro.id(), NORTHWIND_INTAKE);

        assertThat(vendor().partnerships().get(recruited).status()).isEqualTo(PartnershipStatus.PAUSED);
        assertThat(events("partnership.activated")).extracting(EcosystemEvent::tenant).doesNotContain(VENDOR);
    }

    // ---- dormancy

    @Test
    @DisplayName("An ACTIVE partner is flagged dormant after exactly dormancyDays without activity, not a day "
            + "before; activity clears the flag")
    void dormancy_atNDays() {
        PartnershipId recruited = recruit(NORTHWIND, PartnerType.REFERRAL);
        acceptRegistration(NORTHWIND, "Plain Prospect", "plain.com");
        Instant lastActivity = clock.instant();
        Instant dormantAt = lastActivity.plus(Duration.ofDays(90));

        assertThat(client.partnerships().runDue(dormantAt.minus(Duration.ofDays(1))).dormant()).isZero();
        assertThat(client.partnerships().runDue(dormantAt.minus(NANO)).dormant()).isZero();
        assertThat(vendor().partnerships().lifecycle(recruited).dormant()).isFalse();
        assertThat(client.partnerships().runDue(dormantAt).dormant()).isEqualTo(1);
        PartnershipLifecycle dormant = vendor().partnerships().lifecycle(recruited);
        assertThat(dormant.dormant()).isTrue();
        assertThat(dormant.dormantSince()).isEqualTo(dormantAt);
        assertThat(single("partnership.dormant").attributes()).containsEntry("days", "90")
                .containsEntry("partner", "northwind");
        assertThat(client.partnerships().runDue(dormantAt.plus(Duration.ofDays(1))).dormant()).isZero();

        clock.set(dormantAt.plus(Duration.ofDays(2)));
        acceptRegistration(NORTHWIND, "Other Prospect", "other.com");

        PartnershipLifecycle revived = vendor().partnerships().lifecycle(recruited);
        assertThat(revived.dormant()).isFalse();
        assertThat(revived.dormancyDueAt()).isEqualTo(clock.instant().plus(Duration.ofDays(90)));
        assertThat(eventTypes()).contains("partnership.revived");
    }

    @Test
    @DisplayName("The program's dormancyDays apply: 30 days, not 29")
    void dormancy_followsTheProgram() {
        assumePrograms();
        vendor().programs().create(terms(PartnerType.REFERRAL).dormancyDays(30)
                .build());
        PartnershipId recruited = recruit(NORTHWIND, PartnerType.REFERRAL);
        acceptRegistration(NORTHWIND, "Plain Prospect", "plain.com");

        assertThat(client.partnerships().runDue(clock.instant().plus(Duration.ofDays(29))).dormant()).isZero();
        assertThat(client.partnerships().runDue(clock.instant().plus(Duration.ofDays(30))).dormant()).isEqualTo(1);
        assertThat(vendor().partnerships().lifecycle(recruited).dormant()).isTrue();
    }

    // ---- metrics

    @Test
    @DisplayName("Metrics per type: time to activation, activation rate per monthly cohort, active and dormant counts")
    void activationMetrics_perType() {
        PartnershipId northwind = recruit(NORTHWIND, PartnerType.REFERRAL);
        clock.set(T0.plus(Duration.ofDays(31)));
        recruit(CONTOSO, PartnerType.REFERRAL);
        clock.set(T0.plus(Duration.ofDays(40)));
        acceptRegistration(NORTHWIND, "Plain Prospect", "plain.com");
        assertThat(vendor().partnerships().get(northwind).status()).isEqualTo(PartnershipStatus.ACTIVE);

        List<ActivationMetrics> metrics = vendor().partnerships().activation(LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 4, 30));

        assertThat(metrics).extracting(ActivationMetrics::type).containsExactly(PartnerType.values());
        ActivationMetrics referral = metrics.get(PartnerType.REFERRAL.ordinal());
        assertThat(referral.recruited()).isEqualTo(2);
        assertThat(referral.activated()).isEqualTo(1);
        assertThat(referral.medianDaysToActivation()).isEqualTo(40.0);
        assertThat(referral.meanDaysToActivation()).isEqualTo(40.0);
        assertThat(referral.activationRate()).isEqualTo(0.5);
        assertThat(referral.cohorts()).containsExactly(new ActivationMetrics.Cohort(YearMonth.of(2026, 3), 1, 1),
                new ActivationMetrics.Cohort(YearMonth.of(2026, 4), 1, 0));
        assertThat(referral.active()).isEqualTo(1);
        assertThat(referral.dormant()).isZero();
        assertThat(metrics.get(PartnerType.SERVICES.ordinal()).recruited()).isZero();
        assertThat(metrics.get(PartnerType.SERVICES.ordinal()).medianDaysToActivation()).isNull();
        assertThat(vendor().partnerships().activation(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30))
                .get(PartnerType.REFERRAL.ordinal()).recruited()).isEqualTo(1);
        assertThatThrownBy(() -> vendor().partnerships().activation(LocalDate.of(2026, 4, 1),
                LocalDate.of(2026, 3, 1))).isInstanceOf(ValidationException.class)
                .hasMessage("to must be on or after from 2026-04-01, but was 2026-03-01");
    }

    // ---- the repository itself

    @Test
    @DisplayName("Stored invitations are versioned: a stale update is a conflict, and listings hold their own only")
    void repository_invitationsAreVersioned() {
        Invitation fresh = Invitation.builder(InvitationId.of("i1"), VENDOR, PartnerType.REFERRAL, T0,
                T0.plus(Duration.ofDays(14)), "tok-1").inviteeCompany(NORTHWIND).nextReminderAt(T0.plusSeconds(60))
                .build();
        Invitation stored = store.inTransaction(tx -> tx.lifecycle().insertInvitation(fresh));
        Invitation updated = store.inTransaction(tx -> tx.lifecycle().updateInvitation(stored.toBuilder()
                .reminders(1).build()));

        assertThat(updated.version()).isEqualTo(1);
        assertThat(this.<Invitation>read(tx -> tx.lifecycle().invitation(fresh.id()))).isEqualTo(updated);
        assertThatThrownBy(() -> store.useTransaction(tx -> tx.lifecycle().updateInvitation(stored)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> store.useTransaction(tx -> tx.lifecycle().insertInvitation(fresh)))
                .isInstanceOf(ConflictException.class);
        assertThat(this.<List<Invitation>>read(tx -> tx.lifecycle().invitationsFor(NORTHWIND, PageRequest.first(5)).items()))
                .containsExactly(updated);
        assertThat(this.<List<Invitation>>read(tx -> tx.lifecycle().invitationsFor(CONTOSO, PageRequest.first(5)).items()))
                .isEmpty();
        assertThat(this.<List<Invitation>>read(tx -> tx.lifecycle().dueInvitations(T0.plusSeconds(60), 10)))
                .containsExactly(updated);
        assertThat(this.<List<Invitation>>read(tx -> tx.lifecycle().dueInvitations(T0.plusSeconds(60).minus(NANO), 10)))
                .isEmpty();
    }

    @Test
    @DisplayName("Transitions and lifecycle states round-trip per owner, and a failed transaction leaves none")
    void repository_transitionsAndLifecycles() {
        PartnershipId id = PartnershipId.of("p1");
        PartnershipTransition first = new PartnershipTransition(id, null, PartnershipStatus.RECRUITED, T0, "vendor",
                null);
        PartnershipTransition second = new PartnershipTransition(id, PartnershipStatus.RECRUITED,
                PartnershipStatus.ACTIVE, T0.plusSeconds(1), PartnershipTransition.ACTIVATION, "ATTRIBUTED_DEAL");
        PartnershipLifecycle life = PartnershipLifecycle.empty(VENDOR, id, NORTHWIND, PartnerType.REFERRAL)
                .toBuilder().recruitedAt(T0).activated(T0.plusSeconds(1), ActivationTrigger.ATTRIBUTED_DEAL)
                .lastActivityAt(T0.plusSeconds(1)).dormancyDueAt(T0.plus(Duration.ofDays(90)))
                .checklist(Set.of("b", "a")).build();
        store.useTransaction(tx -> {
            tx.lifecycle().appendTransition(VENDOR, first);
            tx.lifecycle().appendTransition(VENDOR, second);
            tx.lifecycle().putLifecycle(life);
        });
        assertThatThrownBy(() -> store.useTransaction(tx -> {
            tx.lifecycle().appendTransition(VENDOR, first);
            tx.lifecycle().putLifecycle(life.toBuilder().dormantSince(T0).build());
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(this.<List<PartnershipTransition>>read(tx -> tx.lifecycle().history(VENDOR, id))).containsExactly(first, second);
        assertThat(this.<List<PartnershipTransition>>read(tx -> tx.lifecycle().history(NORTHWIND, id))).isEmpty();
        assertThat(this.<PartnershipLifecycle>read(tx -> tx.lifecycle().lifecycle(VENDOR, id))).isEqualTo(life);
        assertThat(this.<PartnershipLifecycle>read(tx -> tx.lifecycle().lifecycle(NORTHWIND, id))).isNull();
        assertThat(this.<List<PartnershipLifecycle>>read(tx -> tx.lifecycle().lifecycles(VENDOR, PageRequest.first(5)).items()))
                .containsExactly(life);
        Instant due = T0.plus(Duration.ofDays(90));
        assertThat(this.<List<PartnershipLifecycle>>read(tx -> tx.lifecycle().dormancyDue(due.minus(NANO), 10))).isEmpty();
        assertThat(this.<List<PartnershipLifecycle>>read(tx -> tx.lifecycle().dormancyDue(due, 10))).containsExactly(life);
        store.useTransaction(tx -> tx.lifecycle().putLifecycle(life.toBuilder().dormantSince(due).build()));
        assertThat(this.<List<PartnershipLifecycle>>read(tx -> tx.lifecycle().dormancyDue(due, 10))).isEmpty();
    }

    // ---- helpers

    private <T> T read(Function<StoreTransaction, T> work) {
        return store.inTransaction(work);
    }

    private TenantScope vendor() {
        return client.as(VENDOR);
    }

    private TenantScope northwind() {
        return client.as(NORTHWIND);
    }

    private TenantScope contoso() {
        return client.as(CONTOSO);
    }

    /** Invites and accepts: both sides RECRUITED at the clock's instant; returns the vendor's record. */
    private PartnershipId recruit(CompanyId partner, PartnerType type) {
        Invitation sent = vendor().partnerships().invite(partner, type);
        return client.as(partner).partnerships().acceptInvitation(sent.id()).partnership();
    }

    private Registration acceptRegistration(CompanyId partner, String name, String domain) {
        Registration submitted = client.as(partner).referrals().submit(VENDOR, ReferredProspect.builder(name,
                "Pat Buyer", EmailAddress.of("pat@buyer.example")).domain(domain).build(), "key-" + domain);
        return vendor().referrals().accept(submitted.id(), "ok", true);
    }

    private List<OutboxEntry> outbox() {
        return store.inTransaction(tx -> tx.outbox().list(VENDOR, OutboxStatus.PENDING, PageRequest.first(100))
                .items()).stream().sorted((a, b) -> a.createdAt().compareTo(b.createdAt())).toList();
    }

    /** The token of the link in the {@code index}th email of the vendor's outbox. */
    private String token(int index) {
        Matcher link = TOKEN.matcher(outbox().get(index).message().textBody());
        assertThat(link.find()).as("an invitation link in the email").isTrue();
        return URLDecoder.decode(link.group(1), StandardCharsets.UTF_8);
    }

    private static ProgramTerms.Builder terms(PartnerType type) {
        return ProgramTerms.builder(type, type + " partners")
                .profile(IdealPartnerProfile.builder(type).prefer(Tag.business("saas"), 1).build());
    }

    private void assumePrograms() {
        boolean keepsPrograms;
        try {
            store.useTransaction(tx -> tx.programs());
            keepsPrograms = true;
        } catch (EcosystemException e) {
            keepsPrograms = false;
        }
        assumeTrue(keepsPrograms, "this store keeps no partner programs (StoreTransaction.programs()); the "
                + "program-specific lifecycle rules are not checked");
    }

    private List<String> eventTypes() {
        List<String> types = new ArrayList<>();
        events.forEach(event -> types.add(event.type()));
        return types;
    }

    private List<EcosystemEvent> events(String type) {
        return events.stream().filter(event -> event.type().equals(type)).toList();
    }

    private EcosystemEvent single(String type) {
        List<EcosystemEvent> found = events(type);
        assertThat(found).as("events of type " + type).hasSize(1);
        return found.get(0);
    }
}
