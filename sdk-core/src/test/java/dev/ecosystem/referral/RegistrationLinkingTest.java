package dev.ecosystem.referral;

import static dev.ecosystem.referral.ReferralFixture.CONTOSO;
import static dev.ecosystem.referral.ReferralFixture.NORTHWIND;
import static dev.ecosystem.referral.ReferralFixture.T0;
import static dev.ecosystem.referral.ReferralFixture.VENDOR;
import static dev.ecosystem.referral.ReferralFixture.deal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.DealStatus;
import dev.ecosystem.model.Money;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.Population;
import dev.ecosystem.model.Registration;
import dev.ecosystem.model.RegistrationStatus;
import dev.ecosystem.model.RegistrationTransition;
import dev.ecosystem.model.SharingPolicy;
import dev.ecosystem.model.Touchpoint;
import dev.ecosystem.model.TouchpointKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistrationLinkingTest {
    private final ReferralFixture fx = new ReferralFixture();

    @Test
    void aDealCreatedAfterAcceptance_onTheRegisteredAccount_isCreditedToThePartner() {
        Registration r = fx.accepted(NORTHWIND, "Plain Prospect", "plain.com");
        fx.vendorCrm.put(deal("d10", "v3", DealStatus.OPEN, T0.plus(Duration.ofDays(1))));
        fx.clock.advance(Duration.ofDays(2));

        fx.vendor().overlaps().syncChanges();

        assertThat(fx.ledger()).singleElement().satisfies(credit -> {
            assertThat(credit.kind()).isEqualTo(TouchpointKind.SOURCED_REFERRAL);
            assertThat(credit.partner()).isEqualTo(NORTHWIND);
            assertThat(credit.dealId()).isEqualTo(DealId.of("d10"));
            assertThat(credit.accountId()).isEqualTo(AccountId.of("v3"));
            assertThat(credit.registration()).isEqualTo(r.id());
            assertThat(credit.occurredAt()).isEqualTo(T0.plus(Duration.ofDays(1)));
            assertThat(credit.reverses()).isNull();
        });
        assertThat(fx.referrals(VENDOR).get(r.id()).linkedDeals()).containsExactly(DealId.of("d10"));
        assertThat(fx.referrals(NORTHWIND).get(r.id()).linkedDeals()).isEmpty();
        assertThat(fx.referrals(NORTHWIND).partnerView(VENDOR, PageRequest.first(10)).items())
                .extracting(ReferralLine::openDeals).containsExactly(1);
    }

    @Test
    void reSyncs_neverDoubleACredit() {
        fx.accepted(NORTHWIND, "Plain Prospect", "plain.com");
        fx.vendorCrm.put(deal("d10", "v3", DealStatus.OPEN, T0.plus(Duration.ofDays(1))));
        fx.vendor().overlaps().syncChanges();

        fx.vendor().overlaps().syncCrm();
        fx.vendorCrm.put(deal("d10", "v3", DealStatus.OPEN, T0.plus(Duration.ofDays(1))));
        fx.vendor().overlaps().syncChanges();
        fx.vendor().overlaps().syncCrm();

        assertThat(fx.ledger()).hasSize(1);
        Registration r = fx.referrals(VENDOR).received(PageRequest.first(10)).items().get(0);
        assertThat(r.linkedDeals()).containsExactly(DealId.of("d10"));
    }

    @Test
    void aDealCreatedBeforeAcceptance_orOnAnotherAccount_earnsNothing() {
        fx.vendorCrm.put(deal("d-before", "v3", DealStatus.OPEN, T0.minus(Duration.ofMinutes(1))));
        fx.accepted(NORTHWIND, "Plain Prospect", "plain.com");
        fx.submit(CONTOSO, "Nobody Yet", "nobody.com"); // submitted only, never accepted
        fx.vendorCrm.put(deal("d-elsewhere", "v1", DealStatus.OPEN, T0.plus(Duration.ofDays(1))));

        fx.vendor().overlaps().syncChanges();

        assertThat(fx.ledger()).isEmpty();
    }

    @Test
    void aDealMovedToAnotherAccount_reversesTheCredit_andMovingBackCreditsAgain() {
        Registration r = fx.accepted(NORTHWIND, "Plain Prospect", "plain.com");
        fx.vendorCrm.put(deal("d10", "v3", DealStatus.OPEN, T0.plus(Duration.ofDays(1))));
        fx.vendor().overlaps().syncChanges();
        Touchpoint credit = fx.ledger().get(0);

        fx.vendorCrm.put(deal("d10", "v1", DealStatus.OPEN, T0.plus(Duration.ofDays(1))));
        fx.vendor().overlaps().syncChanges();

        List<Touchpoint> ledger = fx.ledger();
        assertThat(ledger).hasSize(2);
        Touchpoint reversal = ledger.stream().filter(t -> t.reverses() != null).findFirst().orElseThrow();
        assertThat(reversal.reverses()).isEqualTo(credit.id());
        assertThat(reversal.partner()).isEqualTo(NORTHWIND);
        assertThat(reversal.registration()).isEqualTo(r.id());
        assertThat(fx.referrals(VENDOR).get(r.id()).linkedDeals()).isEmpty();
        fx.vendor().overlaps().syncCrm();
        assertThat(fx.ledger()).hasSize(2);

        fx.vendorCrm.put(deal("d10", "v3", DealStatus.OPEN, T0.plus(Duration.ofDays(1))));
        fx.vendor().overlaps().syncChanges();

        assertThat(fx.ledger()).hasSize(3).filteredOn(t -> t.reverses() == null).hasSize(2)
                .extracting(t -> t.id().value()).doNotHave(new org.assertj.core.api.Condition<>(
                        id -> id.endsWith("reversal"), "a reversal id"));
        assertThat(fx.referrals(VENDOR).get(r.id()).linkedDeals()).containsExactly(DealId.of("d10"));
    }

    @Test
    void whenTheLinkedDealIsWon_theRegistrationIsWonByTheSync() {
        Registration r = fx.accepted(NORTHWIND, "Plain Prospect", "plain.com");
        fx.vendorCrm.put(deal("d10", "v3", DealStatus.OPEN, T0.plus(Duration.ofDays(1))));
        fx.vendor().overlaps().syncChanges();

        fx.vendorCrm.put(deal("d10", "v3", DealStatus.WON, T0.plus(Duration.ofDays(1))));
        fx.vendor().overlaps().syncChanges();

        Registration won = fx.referrals(VENDOR).get(r.id());
        assertThat(won.status()).isEqualTo(RegistrationStatus.WON);
        RegistrationTransition last = won.history().get(won.history().size() - 1);
        assertThat(last.actor()).isEqualTo("crm-sync");
        assertThat(last.reason()).contains("d10", "WON");
        assertThat(fx.events("referral.won")).extracting(e -> e.tenant().value())
                .containsExactlyInAnyOrder("vendor", "northwind");
        // a later sync keeps the credit of the won registration
        fx.vendor().overlaps().syncCrm();
        assertThat(fx.ledger()).hasSize(1);
    }

    @Test
    void whenTheLinkedDealIsLost_theRegistrationIsLost() {
        Registration r = fx.accepted(NORTHWIND, "Plain Prospect", "plain.com");
        fx.vendorCrm.put(deal("d10", "v3", DealStatus.LOST, T0.plus(Duration.ofDays(1))));

        fx.vendor().overlaps().syncChanges();

        assertThat(fx.referrals(NORTHWIND).get(r.id()).status()).isEqualTo(RegistrationStatus.LOST);
    }

    @Test
    void thePartnerView_showsDealCounts_andAmountsOnlyWhenTheVendorSharesDealAmounts() {
        fx.accepted(NORTHWIND, "Plain Prospect", "plain.com");
        fx.accepted(NORTHWIND, "Other Prospect", "other.com");
        fx.vendorCrm.put(ReferralFixture.account("v4", "Other Prospect", "other.com", "lead"));
        fx.vendorCrm.put(deal("d10", "v3", DealStatus.OPEN, T0.plus(Duration.ofDays(1))));
        fx.vendorCrm.put(deal("d11", "v4", DealStatus.WON, T0.plus(Duration.ofDays(1))));
        fx.vendor().overlaps().syncChanges();

        List<ReferralLine> hidden = fx.referrals(NORTHWIND).partnerView(VENDOR, PageRequest.first(10)).items();
        assertThat(hidden).hasSize(2).allSatisfy(line -> {
            assertThat(line.amountsShared()).isFalse();
            assertThat(line.pipeline()).isEmpty();
            assertThat(line.wonRevenue()).isEmpty();
        });
        assertThat(hidden).extracting(ReferralLine::openDeals).containsExactlyInAnyOrder(1, 0);
        assertThat(hidden).extracting(ReferralLine::wonDeals).containsExactlyInAnyOrder(0, 1);

        fx.vendor().overlaps().shareWith(NORTHWIND, SharingPolicy.builder()
                .records(Population.OPEN_OPPORTUNITIES, "name", SharingPolicy.OPEN_DEALS).build());

        List<ReferralLine> shared = fx.referrals(NORTHWIND).partnerView(VENDOR, PageRequest.first(10)).items();
        assertThat(shared).allSatisfy(line -> assertThat(line.amountsShared()).isTrue());
        assertThat(shared).flatExtracting(ReferralLine::pipeline).containsExactly(Money.of("1000", "EUR"));
        assertThat(shared).flatExtracting(ReferralLine::wonRevenue).containsExactly(Money.of("1000", "EUR"));
        assertThat(fx.referrals(CONTOSO).partnerView(VENDOR, PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void theFirstAcceptedRegistration_getsTheCredit_whenTwoProtectTheAccount() {
        Registration first = fx.accepted(NORTHWIND, "Plain Prospect", "plain.com");
        fx.clock.advance(Duration.ofMinutes(5));
        fx.accepted(CONTOSO, "Plain Prospect", "plain.com");
        fx.vendorCrm.put(deal("d10", "v3", DealStatus.OPEN, T0.plus(Duration.ofDays(1))));

        fx.vendor().overlaps().syncChanges();

        assertThat(fx.ledger()).singleElement().satisfies(credit -> {
            assertThat(credit.partner()).isEqualTo(NORTHWIND);
            assertThat(credit.registration()).isEqualTo(first.id());
        });
    }
}
