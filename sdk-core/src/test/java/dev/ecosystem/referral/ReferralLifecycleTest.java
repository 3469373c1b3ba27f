package dev.ecosystem.referral;

import static dev.ecosystem.referral.ReferralFixture.CONTOSO;
import static dev.ecosystem.referral.ReferralFixture.LAPSED;
import static dev.ecosystem.referral.ReferralFixture.NORTHWIND;
import static dev.ecosystem.referral.ReferralFixture.NORTHWIND_REP;
import static dev.ecosystem.referral.ReferralFixture.STRANGER;
import static dev.ecosystem.referral.ReferralFixture.T0;
import static dev.ecosystem.referral.ReferralFixture.VENDOR;
import static dev.ecosystem.referral.ReferralFixture.prospect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.error.AccessDeniedException;
import dev.ecosystem.error.ConflictException;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.ledger.TouchpointRequest;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.EmailAddress;
import dev.ecosystem.model.Money;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.model.ReferredProspect;
import dev.ecosystem.model.Registration;
import dev.ecosystem.model.RegistrationId;
import dev.ecosystem.model.RegistrationStatus;
import dev.ecosystem.model.RegistrationTransition;
import dev.ecosystem.model.Touchpoint;
import dev.ecosystem.model.TouchpointKind;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReferralLifecycleTest {
    private final ReferralFixture fx = new ReferralFixture();

    @Test
    void submit_thenAccept_protectsForTheDefaultWindowAndRecordsWhoWhenWhy() {
        Registration submitted = fx.submit(NORTHWIND, "Plain Prospect", "plain.com");
        fx.clock.advance(Duration.ofHours(2));

        Registration accepted = fx.referrals(VENDOR).accept(submitted.id(), "fits our ICP", false);

        assertThat(submitted.status()).isEqualTo(RegistrationStatus.SUBMITTED);
        assertThat(submitted.conflicts()).isEmpty();
        assertThat(accepted.status()).isEqualTo(RegistrationStatus.ACCEPTED);
        assertThat(accepted.acceptedAt()).isEqualTo(T0.plus(Duration.ofHours(2)));
        assertThat(accepted.protectedUntil()).isEqualTo(T0.plus(Duration.ofHours(2)).plus(Duration.ofDays(90)));
        assertThat(accepted.history()).extracting(RegistrationTransition::to, RegistrationTransition::actor,
                RegistrationTransition::reason).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(RegistrationStatus.SUBMITTED, "northwind", "budget approved"),
                        org.assertj.core.groups.Tuple.tuple(RegistrationStatus.ACCEPTED, "vendor", "fits our ICP"));
        assertThat(fx.events("referral.submitted")).extracting(e -> e.tenant().value())
                .containsExactlyInAnyOrder("vendor", "northwind");
        assertThat(fx.events("referral.accepted")).hasSize(2);
        assertThat(fx.referrals(NORTHWIND).get(submitted.id()).status()).isEqualTo(RegistrationStatus.ACCEPTED);
    }

    @Test
    void reject_withReason_thePartnerSeesTheReason() {
        Registration submitted = fx.submit(NORTHWIND, "Plain Prospect", "plain.com");

        fx.referrals(VENDOR).reject(submitted.id(), "we are already talking to them");

        Registration seen = fx.referrals(NORTHWIND).get(submitted.id());
        assertThat(seen.status()).isEqualTo(RegistrationStatus.REJECTED);
        assertThat(seen.rejectionReason()).isEqualTo("we are already talking to them");
        assertThat(fx.referrals(NORTHWIND).partnerView(VENDOR, PageRequest.first(10)).items())
                .extracting(line -> line.registration().rejectionReason())
                .containsExactly("we are already talking to them");
        assertThat(fx.events("referral.rejected")).hasSize(2);
    }

    @Test
    void invalidTransitions_areConflictsNamingTheStatus() {
        Registration r = fx.submit(NORTHWIND, "Plain Prospect", "plain.com");
        Referrals vendor = fx.referrals(VENDOR);

        assertThatThrownBy(() -> vendor.close(r.id(), RegistrationStatus.WON, null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("is SUBMITTED");
        vendor.accept(r.id(), null, false);
        assertThatThrownBy(() -> vendor.accept(r.id(), null, false))
                .isInstanceOf(ConflictException.class).hasMessageContaining("is ACCEPTED");
        assertThatThrownBy(() -> vendor.reject(r.id(), "late"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("is ACCEPTED");
        assertThatThrownBy(() -> vendor.close(r.id(), RegistrationStatus.EXPIRED, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("outcome must be WON or LOST");
        assertThatThrownBy(() -> vendor.reject(r.id(), " "))
                .isInstanceOf(ValidationException.class).hasMessageContaining("reason");

        Registration won = vendor.close(r.id(), RegistrationStatus.WON, "signed");
        assertThat(won.status()).isEqualTo(RegistrationStatus.WON);
        assertThatThrownBy(() -> vendor.close(r.id(), RegistrationStatus.LOST, null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("is WON");
        assertThat(fx.events("referral.won")).hasSize(2);
    }

    @Test
    void runDue_expiresAcceptedRegistrationsWhoseProtectionEnded_andOnlyThose() {
        Registration early = fx.accepted(NORTHWIND, "Plain Prospect", "plain.com");
        fx.clock.advance(Duration.ofDays(10));
        Registration later = fx.accepted(CONTOSO, "Other Prospect", "other.com");
        Registration pending = fx.submit(NORTHWIND, "Third", "third.com");

        assertThat(fx.client.referrals().runDue(T0.plus(Duration.ofDays(90)).minusSeconds(1))).isZero();
        assertThat(fx.client.referrals().runDue(T0.plus(Duration.ofDays(91)))).isEqualTo(1);

        Registration expired = fx.referrals(VENDOR).get(early.id());
        assertThat(expired.status()).isEqualTo(RegistrationStatus.EXPIRED);
        assertThat(expired.history().get(2).actor()).isEqualTo("scheduler");
        assertThat(fx.referrals(VENDOR).get(later.id()).status()).isEqualTo(RegistrationStatus.ACCEPTED);
        assertThat(fx.referrals(VENDOR).get(pending.id()).status()).isEqualTo(RegistrationStatus.SUBMITTED);
        assertThat(fx.client.referrals().runDue(T0.plus(Duration.ofDays(91)))).isZero();
        assertThat(fx.events("referral.expired")).hasSize(2);
    }

    @Test
    void protectionWindow_canBeOverriddenPerPartnership() {
        ReferralFixture custom = new ReferralFixture(settings -> settings.protectionWindow(
                partnership -> partnership.type() == PartnerType.REFERRAL ? Duration.ofDays(30) : Duration.ofDays(60)));

        Registration referral = custom.accepted(NORTHWIND, "Plain Prospect", "plain.com");
        Registration services = custom.accepted(CONTOSO, "Other Prospect", "other.com");

        assertThat(referral.protectedUntil()).isEqualTo(T0.plus(Duration.ofDays(30)));
        assertThat(services.protectedUntil()).isEqualTo(T0.plus(Duration.ofDays(60)));
    }

    @Test
    void sameIdempotencyKey_sameContent_returnsTheFirstRegistration_differentContent_isRefused() {
        Referrals northwind = fx.referrals(NORTHWIND);
        Registration first = northwind.submit(VENDOR, prospect("Plain Prospect", "plain.com"), "lead-1");
        Registration again = northwind.submit(VENDOR, prospect("Plain Prospect", "plain.com"), "lead-1");

        assertThat(again.id()).isEqualTo(first.id());
        assertThatThrownBy(() -> northwind.submit(VENDOR, prospect("Someone Else", "else.com"), "lead-1"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("idempotencyKey \"lead-1\"");
        assertThat(fx.referrals(VENDOR).received(PageRequest.first(10)).items()).hasSize(1);
        assertThat(fx.events("referral.submitted")).hasSize(2);
        // the same key of another partner is another registration
        assertThat(fx.referrals(CONTOSO).submit(VENDOR, prospect("Plain Prospect", "plain.com"), "lead-1").id())
                .isNotEqualTo(first.id());
    }

    @Test
    void partnersWithoutAnActivePartnershipOnBothSides_areRefused_andNothingIsStored() {
        assertThatThrownBy(() -> fx.submit(STRANGER, "Plain Prospect", "plain.com"))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("ACTIVE partnership");
        assertThatThrownBy(() -> fx.submit(LAPSED, "Plain Prospect", "plain.com"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fx.referrals(VENDOR).submit(VENDOR, prospect("Self", "self.com"), "k"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("vendor must differ");

        assertThat(fx.referrals(VENDOR).received(PageRequest.first(10)).items()).isEmpty();
        assertThat(fx.events).noneMatch(event -> event.type().startsWith("referral."));
    }

    @Test
    void badInput_namesTheField_andStoresNothing() {
        Referrals northwind = fx.referrals(NORTHWIND);
        EmailAddress email = EmailAddress.of("pat@plain.com");

        assertThatThrownBy(() -> northwind.submit(VENDOR, ReferredProspect.builder("Plain", "Pat", email)
                .domain("gmail.com").build(), "k1"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("prospect domain")
                .hasMessageContaining("generic domain");
        assertThatThrownBy(() -> ReferredProspect.builder("Plain", "Pat", email).expectedAmount(Money.of("-5", "EUR")).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("prospect expectedAmount");
        assertThatThrownBy(() -> ReferredProspect.builder(" ", "Pat", email).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("prospect accountName");
        assertThatThrownBy(() -> northwind.submit(VENDOR, ReferredProspect.builder("!!!", "Pat", email).build(), "k2"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("prospect accountName");
        assertThatThrownBy(() -> northwind.submit(VENDOR, ReferredProspect.builder("Plain", "Pat", email)
                .partnerContact(ContactId.of("c-of-someone-else")).build(), "k3"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("partnerContact");
        assertThatThrownBy(() -> northwind.submit(VENDOR, prospect("Plain", "plain.com"), " "))
                .isInstanceOf(ValidationException.class).hasMessageContaining("idempotencyKey");

        assertThat(fx.referrals(VENDOR).received(PageRequest.first(10)).items()).isEmpty();
        // a key refused with bad input is not burnt
        Registration ok = northwind.submit(VENDOR, ReferredProspect.builder("Plain", "Pat", email)
                .partnerContact(NORTHWIND_REP).build(), "k3");
        assertThat(ok.prospect().partnerContact()).isEqualTo(NORTHWIND_REP);
    }

    @Test
    void ledgerEntry_namesOnlyARegistrationOfItsOwnPartner() {
        Registration r = fx.accepted(NORTHWIND, "Plain Prospect", "plain.com");
        TouchpointRequest wrongPartner = TouchpointRequest.builder(CONTOSO, TouchpointKind.CO_SELL, fx.clock.instant())
                .registration(r.id()).build();
        TouchpointRequest unknown = TouchpointRequest.builder(NORTHWIND, TouchpointKind.CO_SELL, fx.clock.instant())
                .registration(RegistrationId.of("no-such-registration")).build();

        assertThatThrownBy(() -> fx.vendor().ledger().record(wrongPartner))
                .isInstanceOf(ValidationException.class).hasMessageContaining("registration");
        assertThatThrownBy(() -> fx.vendor().ledger().record(unknown))
                .isInstanceOf(ValidationException.class).hasMessageContaining("no-such-registration");
        // An entry about the registration alone, without an account or a deal.
        Touchpoint own = fx.vendor().ledger().record(TouchpointRequest.builder(NORTHWIND,
                TouchpointKind.SOURCED_REFERRAL, fx.clock.instant()).registration(r.id()).build());

        assertThat(own.registration()).isEqualTo(r.id());
        assertThat(fx.ledger()).containsExactly(own);
    }

    @Test
    void counts_tellWhatAPartnersRegistrationsDidInThePeriod() {
        Registration kept = fx.accepted(NORTHWIND, "Plain Prospect", "plain.com");
        Registration refused = fx.submit(NORTHWIND, "Other Prospect", "other.com");
        fx.referrals(VENDOR).reject(refused.id(), "not our segment");
        Instant from = T0.minus(Duration.ofDays(1));
        Instant to = T0.plus(Duration.ofDays(1));

        RegistrationCounts counts = fx.referrals(VENDOR).counts(NORTHWIND, from, to);

        assertThat(counts).isEqualTo(new RegistrationCounts(2, 1, 1, 0, 0, 0, 1));
        assertThat(fx.referrals(VENDOR).counts(CONTOSO, from, to)).isEqualTo(RegistrationCounts.none());
        assertThat(fx.referrals(VENDOR).counts(NORTHWIND, to, to.plus(Duration.ofDays(1))))
                .isEqualTo(new RegistrationCounts(0, 0, 0, 0, 0, 0, 1));
        assertThat(kept.status()).isEqualTo(RegistrationStatus.ACCEPTED);
        assertThatThrownBy(() -> fx.referrals(VENDOR).counts(NORTHWIND, to, from))
                .isInstanceOf(ValidationException.class).hasMessageContaining("to must be after from");
    }
}
