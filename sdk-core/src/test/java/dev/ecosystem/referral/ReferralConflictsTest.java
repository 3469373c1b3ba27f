package dev.ecosystem.referral;

import static dev.ecosystem.referral.ReferralFixture.CONTOSO;
import static dev.ecosystem.referral.ReferralFixture.NORTHWIND;
import static dev.ecosystem.referral.ReferralFixture.STRANGER;
import static dev.ecosystem.referral.ReferralFixture.VENDOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.error.ConflictException;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.EmailAddress;
import dev.ecosystem.model.Match;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.Population;
import dev.ecosystem.model.ReferredProspect;
import dev.ecosystem.model.Registration;
import dev.ecosystem.model.RegistrationConflict.Kind;
import dev.ecosystem.model.RegistrationConflict;
import dev.ecosystem.model.RegistrationId;
import dev.ecosystem.model.RegistrationStatus;
import dev.ecosystem.model.RegistrationTransition;
import dev.ecosystem.model.SharingPolicy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferralConflictsTest {
    private final ReferralFixture fx = new ReferralFixture();

    @Test
    void anExistingCustomer_isAConflictExplainedByDomain_andNeedsAnOverrideToAccept() {
        Registration r = fx.submit(NORTHWIND, "Known Customer Group", "https://www.known.com/about");

        List<RegistrationConflict> conflicts = fx.referrals(VENDOR).conflicts(r.id());

        assertThat(conflicts).singleElement().satisfies(conflict -> {
            assertThat(conflict.kind()).isEqualTo(Kind.EXISTING_CUSTOMER);
            assertThat(conflict.account()).isEqualTo(AccountId.of("v1"));
            assertThat(conflict.match().match().method()).isEqualTo(Match.Method.DOMAIN);
            assertThat(conflict.match().domainA()).isEqualTo("known.com");
            assertThat(conflict.explanation()).contains("v1", "is a customer", conflict.match().reason());
        });
        assertThat(fx.referrals(VENDOR).get(r.id()).conflicts()).isEqualTo(conflicts);
        assertThatThrownBy(() -> fx.referrals(VENDOR).accept(r.id(), null, false))
                .isInstanceOf(ConflictException.class).hasMessageContaining("1 conflict(s)").hasMessageContaining("v1");
        assertThat(fx.referrals(VENDOR).get(r.id()).status()).isEqualTo(RegistrationStatus.SUBMITTED);

        Registration accepted = fx.referrals(VENDOR).accept(r.id(), "strategic", true);
        assertThat(accepted.status()).isEqualTo(RegistrationStatus.ACCEPTED);
        assertThat(accepted.history().get(1).reason()).isEqualTo("strategic (accepted despite 1 conflict(s))");
        // the partner, whom the vendor shares nothing with, learns neither the conflict nor the vendor's note
        Registration seen = fx.referrals(NORTHWIND).get(r.id());
        assertThat(seen.conflicts()).isEmpty();
        assertThat(seen.history()).extracting(RegistrationTransition::reason).containsExactly("budget approved", null);
    }

    @Test
    void aCustomerSyncedAfterEarlierChecks_isFoundByTheNextCheck() {
        assertThat(fx.submit(NORTHWIND, "Late Customer", "late.com").conflicts()).isEmpty();
        fx.vendorCrm.put(ReferralFixture.account("v9", "Late Customer", "late.com", "customer"));
        fx.vendor().overlaps().syncChanges();

        Registration again = fx.submit(CONTOSO, "Late Customer", "late.com");

        assertThat(fx.referrals(VENDOR).get(again.id()).conflicts()).extracting(RegistrationConflict::account)
                .containsExactly(AccountId.of("v9"));
    }

    @Test
    void anOpenOpportunity_withoutADomain_isFoundByNormalizedName() {
        Registration r = fx.referrals(NORTHWIND).submit(VENDOR, ReferredProspect.builder("OPEN OPP, Limited", "Pat",
                EmailAddress.of("pat@openopp.com")).build(), "k");

        assertThat(fx.referrals(VENDOR).get(r.id()).conflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.kind()).isEqualTo(Kind.OPEN_OPPORTUNITY);
            assertThat(conflict.account()).isEqualTo(AccountId.of("v2"));
            assertThat(conflict.match().match().method()).isEqualTo(Match.Method.NAME);
        });
    }

    @Test
    void aProspectUnknownToTheVendor_orOnlyAProspectInItsCrm_hasNoConflict() {
        assertThat(fx.submit(NORTHWIND, "Plain Prospect", "plain.com").conflicts()).isEmpty();
        assertThat(fx.submit(NORTHWIND, "Nobody Yet", "nobody.com").conflicts()).isEmpty();
    }

    @Test
    void anotherPartnersAcceptedRegistration_isAConflictForTheVendor_theFirstValidOneWins() {
        Registration first = fx.accepted(NORTHWIND, "Plain Prospect", "plain.com");
        Registration second = fx.submit(CONTOSO, "Plain Prospect AG", "www.plain.com");

        RegistrationConflict conflict = fx.referrals(VENDOR).get(second.id()).conflicts().get(0);
        assertThat(conflict.kind()).isEqualTo(Kind.ALREADY_REGISTERED);
        assertThat(conflict.otherRegistration()).isEqualTo(first.id());
        assertThat(conflict.otherPartner()).isEqualTo(NORTHWIND);
        assertThat(conflict.explanation()).contains("partner northwind", "first valid registration wins");
        assertThatThrownBy(() -> fx.referrals(VENDOR).accept(second.id(), null, false))
                .isInstanceOf(ConflictException.class);

        // the rival partner learns that the account is taken, never by whom
        Registration seen = fx.referrals(CONTOSO).get(second.id());
        assertThat(seen.conflicts()).singleElement().satisfies(shown -> {
            assertThat(shown.kind()).isEqualTo(Kind.ALREADY_REGISTERED);
            assertThat(shown.otherPartner()).isNull();
            assertThat(shown.otherRegistration()).isNull();
            assertThat(shown.match()).isNull();
        });
        assertThat(seen.toString()).doesNotContain("northwind").doesNotContain(first.id().value());
        assertThat(fx.referrals(CONTOSO).submitted(null, PageRequest.first(10)).items().toString())
                .doesNotContain("northwind").doesNotContain(first.id().value());
        assertThat(fx.referrals(CONTOSO).partnerView(VENDOR, PageRequest.first(10)).items().toString())
                .doesNotContain("northwind");
        assertThat(fx.events).filteredOn(event -> event.tenant().equals(CONTOSO))
                .allSatisfy(event -> assertThat(event.toString()).doesNotContain("northwind"));
    }

    @Test
    void anExpiredOrRejectedRegistration_protectsNothing() {
        fx.accepted(NORTHWIND, "Plain Prospect", "plain.com");
        fx.referrals(VENDOR).reject(fx.submit(NORTHWIND, "Other", "other.com").id(), "no");
        fx.clock.advance(Duration.ofDays(91));

        assertThat(fx.submit(CONTOSO, "Plain Prospect", "plain.com").conflicts()).isEmpty();
        assertThat(fx.submit(CONTOSO, "Other", "other.com").conflicts()).isEmpty();
    }

    @Test
    void crmConflicts_areShownToThePartner_onlyWhenTheVendorSharesThatPopulationAsRecords() {
        Registration r = fx.submit(NORTHWIND, "Known Customer", "known.com");
        assertThat(fx.referrals(NORTHWIND).get(r.id()).conflicts()).isEmpty();

        fx.vendor().overlaps().shareWith(NORTHWIND, SharingPolicy.builder()
                .records(Population.CUSTOMERS, "name").counts(Population.OPEN_OPPORTUNITIES).build());

        assertThat(fx.referrals(NORTHWIND).get(r.id()).conflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.kind()).isEqualTo(Kind.EXISTING_CUSTOMER);
            assertThat(conflict.account()).isNull();
            assertThat(conflict.match()).isNull();
        });
        Registration opp = fx.submit(NORTHWIND, "Open Opp", "openopp.com");
        assertThat(fx.referrals(VENDOR).get(opp.id()).conflicts()).extracting(RegistrationConflict::kind)
                .containsExactly(Kind.OPEN_OPPORTUNITY);
        assertThat(fx.referrals(NORTHWIND).get(opp.id()).conflicts()).isEmpty();
        assertThat(fx.events).filteredOn(event -> event.tenant().equals(NORTHWIND))
                .noneMatch(event -> event.attributes().containsKey("conflicts"));
    }

    @Test
    void thePartnersCapOfOpenRegistrations_isAConflict_closedOnesDoNotCount() {
        ReferralFixture capped = new ReferralFixture(settings -> settings.openCap(2));
        Registration a = capped.submit(NORTHWIND, "Alpha", "alpha.com");
        capped.submit(NORTHWIND, "Beta", "beta.com");

        Registration third = capped.submit(NORTHWIND, "Gamma", "gamma.com");
        assertThat(third.conflicts()).extracting(RegistrationConflict::kind).containsExactly(Kind.OPEN_CAP_EXCEEDED);
        assertThat(third.conflicts().get(0).explanation()).contains("2 open registrations", "cap is 2");
        assertThat(capped.submit(CONTOSO, "Delta", "delta.com").conflicts()).isEmpty();

        capped.referrals(VENDOR).reject(a.id(), "no");
        assertThat(capped.referrals(VENDOR).conflicts(third.id())).isEmpty();
        assertThat(capped.referrals(VENDOR).accept(third.id(), null, false).status())
                .isEqualTo(RegistrationStatus.ACCEPTED);
    }

    @Test
    void aThirdCompany_cannotSeeOrDetectARegistration_theErrorIsTheSameAsForNone() {
        Registration r = fx.submit(NORTHWIND, "Plain Prospect", "plain.com");
        RegistrationId missing = RegistrationId.of("no-such-registration");

        for (RegistrationId id : List.of(r.id(), missing)) {
            assertThatThrownBy(() -> fx.referrals(STRANGER).get(id)).isInstanceOf(NotFoundException.class)
                    .hasMessage("company stranger has no registration " + id);
            assertThatThrownBy(() -> fx.referrals(CONTOSO).get(id)).isInstanceOf(NotFoundException.class)
                    .hasMessage("company contoso has no registration " + id);
            assertThatThrownBy(() -> fx.referrals(CONTOSO).accept(id, null, true))
                    .isInstanceOf(NotFoundException.class);
        }
        // the partner is not the vendor: it cannot decide or see the vendor's conflict view
        assertThatThrownBy(() -> fx.referrals(NORTHWIND).accept(r.id(), null, true))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fx.referrals(NORTHWIND).conflicts(r.id())).isInstanceOf(NotFoundException.class);
        assertThat(fx.referrals(STRANGER).received(PageRequest.first(10)).items()).isEmpty();
        assertThat(fx.referrals(STRANGER).partnerView(VENDOR, PageRequest.first(10)).items()).isEmpty();
        assertThat(fx.referrals(NORTHWIND).received(PageRequest.first(10)).items()).isEmpty();
        assertThat(fx.referrals(NORTHWIND).get(r.id()).status()).isEqualTo(RegistrationStatus.SUBMITTED);
    }

    @Test
    void theVendorsListing_pagesByKeyset() {
        for (int i = 0; i < 5; i++) {
            fx.submit(i % 2 == 0 ? NORTHWIND : CONTOSO, "Prospect " + i, "p" + i + ".com");
        }
        List<Registration> seen = new java.util.ArrayList<>();
        PageRequest page = PageRequest.first(2);
        while (true) {
            var result = fx.referrals(VENDOR).received(page);
            seen.addAll(result.items());
            if (result.nextCursor() == null) {
                break;
            }
            page = PageRequest.after(result.nextCursor(), 2);
        }
        assertThat(seen).hasSize(5).extracting(Registration::id).isSorted().doesNotHaveDuplicates();
        assertThat(fx.referrals(NORTHWIND).submitted(VENDOR, PageRequest.first(10)).items()).hasSize(3);
        assertThat(fx.referrals(CONTOSO).submitted(null, PageRequest.first(10)).items()).hasSize(2);
    }
}
