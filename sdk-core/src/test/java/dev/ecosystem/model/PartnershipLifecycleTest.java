package dev.ecosystem.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.TenantScope;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.event.EcosystemEvent;
import dev.ecosystem.intro.ConsentKeys;
import dev.ecosystem.intro.IntroRequest;
import dev.ecosystem.intro.IntroSettings;
import dev.ecosystem.intro.MutableClock;
import dev.ecosystem.memory.InMemoryCrm;
import dev.ecosystem.partnership.PartnershipSettings;
import dev.ecosystem.spi.CrmConnections;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle rules the store contract does not reach: a credit of the introduction linker as ATTRIBUTED_DEAL, a
 * program's dormancyDays changing after the activity, manual status changes and the lifecycle state, the host's line
 * for an activation, and the settings' validation. On the in-memory store, with a clock the test moves.
 */
class PartnershipLifecycleTest {
    private static final Instant T0 = Instant.parse("2026-05-04T08:00:00Z");
    private static final CompanyId VENDOR = CompanyId.of("vendor");
    private static final CompanyId PARTNER = CompanyId.of("partner");
    private static final ContactId VENDOR_REP = ContactId.of("v-rep");
    private static final ContactId PARTNER_REP = ContactId.of("p-rep");

    private final MutableClock clock = new MutableClock(T0);
    private final List<EcosystemEvent> events = new CopyOnWriteArrayList<>();
    private String recruitedBy = "";
    private final InMemoryCrm crm = InMemoryCrm.of(VENDOR, List.of(Account.builder(VENDOR, AccountId.of("a1"),
            "Plain Prospect").domain("plain.com").lifecycleStage("lead").build()), List.of());
    private final EcosystemClient client = EcosystemClient.builder().clock(clock).eventListener(events::add)
            .crm(CrmConnections.of(crm)).build();

    PartnershipLifecycleTest() {
        for (CompanyId id : List.of(VENDOR, PARTNER)) {
            client.register(Company.builder(id, "Company " + id).businessTags("saas").listed(true).build());
        }
        vendor().contacts().save(Contact.builder(VENDOR_REP, VENDOR, "Val Rep", "val@vendor.example")
                .reachableForIntroductions(true).build());
        client.as(PARTNER).contacts().save(Contact.builder(PARTNER_REP, PARTNER, "Pam Rep", "pam@partner.example")
                .reachableForIntroductions(true).build());
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void introductionCredit_onADeal_isTheAttributedDealTrigger() {
        program(90, ActivationTrigger.ATTRIBUTED_DEAL);
        PartnershipId recruited = recruit();
        vendor().overlaps().syncCrm();
        Introduction intro = vendor().intros().request(IntroRequest.builder(VENDOR_REP, PARTNER, PARTNER_REP,
                "Pam knows the buyer at Plain Prospect").account(AccountId.of("a1")).build());
        client.as(PARTNER).intros().accept(intro.id(), PARTNER_REP);
        assertThat(vendor().partnerships().get(recruited).status()).isEqualTo(PartnershipStatus.RECRUITED);
        clock.advance(Duration.ofDays(9));

        crm.put(Deal.builder(VENDOR, DealId.of("d1"), "Plain deal").account(AccountId.of("a1"))
                .amount(Money.of("5000", "EUR")).stage("Qualification", DealStatus.OPEN).createdAt(clock.instant())
                .build());
        vendor().overlaps().syncCrm();

        assertThat(vendor().partnerships().get(recruited).status()).isEqualTo(PartnershipStatus.ACTIVE);
        assertThat(vendor().partnerships().history(recruited)).last().extracting(PartnershipTransition::reason)
                .isEqualTo("ATTRIBUTED_DEAL");
        assertThat(activationLines()).containsExactly("activated partner after 9 days");
    }

    @Test
    void dormancy_whenTheProgramAllowsMoreDaysSinceTheActivity_isPostponed() {
        PartnerProgram program = program(30, ActivationTrigger.CONNECTED_INTRODUCTION);
        PartnershipId recruited = recruit();
        connectIntroduction();
        Instant activity = clock.instant();
        vendor().programs().change(program.id(), program.version(), program.terms().toBuilder().dormancyDays(60)
                .build());

        assertThat(client.partnerships().runDue(activity.plus(Duration.ofDays(30))).dormant()).isZero();
        assertThat(vendor().partnerships().lifecycle(recruited).dormancyDueAt())
                .isEqualTo(activity.plus(Duration.ofDays(60)));
        assertThat(client.partnerships().runDue(activity.plus(Duration.ofDays(60)).minusNanos(1)).dormant()).isZero();
        assertThat(client.partnerships().runDue(activity.plus(Duration.ofDays(60))).dormant()).isEqualTo(1);
    }

    @Test
    void manualStatusChanges_keepTheLifecycle_andOnlyActivePartnersBecomeDormant() {
        PartnershipId recruited = recruit();
        clock.advance(Duration.ofDays(2));

        vendor().partnerships().changeStatus(recruited, PartnershipStatus.ACTIVE, "signed off by hand");
        PartnershipLifecycle active = vendor().partnerships().lifecycle(recruited);
        assertThat(active.activatedAt()).isEqualTo(clock.instant());
        assertThat(active.activatedBy()).isNull();
        assertThat(active.dormancyDueAt()).isEqualTo(clock.instant().plus(Duration.ofDays(90)));
        vendor().partnerships().changeStatus(recruited, PartnershipStatus.PAUSED, "summer break");

        assertThat(vendor().partnerships().lifecycle(recruited).dormancyDueAt()).isNull();
        assertThat(client.partnerships().runDue(clock.instant().plus(Duration.ofDays(365))).dormant()).isZero();
        assertThat(vendor().partnerships().history(recruited)).extracting(PartnershipTransition::actor,
                PartnershipTransition::reason).containsExactly(
                        tuple("partner", "invitation " + recruitedBy + " accepted"),
                        tuple("vendor", "signed off by hand"),
                        tuple("vendor", "summer break"));
    }

    @Test
    void aConsentLinkToken_isNoInvitationToken() {
        IntroSettings intros = IntroSettings.builder().consentKeys(ConsentKeys.of("k1", secret())).build();
        try (EcosystemClient other = EcosystemClient.builder().intros(intros).build()) {
            String signedByTheSameKeys = intros.consentKeys().sign("c1\nvendor\nintro\nTARGET\nACCEPTED\nt\n"
                    + T0.plus(Duration.ofDays(1)));

            assertThatThrownBy(() -> other.partnerships().read(signedByTheSameKeys))
                    .isInstanceOf(ValidationException.class)
                    .hasMessage("invitation token is not valid: it is not an invitation link's token");
        }
    }

    @Test
    void settings_areValidated() {
        assertThatThrownBy(() -> PartnershipSettings.builder().invitationUrl("ftp://x").build())
                .isInstanceOf(ValidationException.class).hasMessage("invitationUrl must be an absolute http(s) URL "
                        + "without a fragment, such as https://app.example.com/partners/invitation, but was \"ftp://x\"");
        assertThatThrownBy(() -> PartnershipSettings.builder().expiry(Duration.ZERO).build())
                .isInstanceOf(ValidationException.class).hasMessage("expiry must be positive, but was PT0S");
        assertThatThrownBy(() -> PartnershipSettings.builder().reminders(Duration.ofDays(1), 11).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("maxReminders");
    }

    private PartnershipId recruit() {
        Invitation sent = vendor().partnerships().invite(PARTNER, PartnerType.REFERRAL);
        recruitedBy = sent.id().value();
        return client.as(PARTNER).partnerships().acceptInvitation(sent.id()).partnership();
    }

    private void connectIntroduction() {
        Introduction intro = vendor().intros().request(IntroRequest.builder(VENDOR_REP, PARTNER, PARTNER_REP,
                "We both serve retail teams").build());
        client.as(PARTNER).intros().accept(intro.id(), PARTNER_REP);
    }

    private PartnerProgram program(int dormancyDays, ActivationTrigger trigger) {
        return vendor().programs().create(ProgramTerms.builder(PartnerType.REFERRAL, "Referral")
                .profile(IdealPartnerProfile.builder(PartnerType.REFERRAL).prefer(Tag.business("saas"), 1).build())
                .activation(trigger).dormancyDays(dormancyDays).build());
    }

    /** What a host prints for each activation event. */
    private List<String> activationLines() {
        return events.stream().filter(event -> event.type().equals("partnership.activated"))
                .map(event -> "activated " + event.attributes().get("partner") + " after "
                        + event.attributes().get("days") + " days").toList();
    }

    private TenantScope vendor() {
        return client.as(VENDOR);
    }

    private static byte[] secret() {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) 3);
        return bytes;
    }
}
