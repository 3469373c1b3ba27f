package dev.ecosystem.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.error.AccessDeniedException;
import dev.ecosystem.intro.ConsentKeys;
import dev.ecosystem.intro.IntroSettings;
import dev.ecosystem.memory.InMemoryPartnerStore;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.EmailAddress;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.model.PartnershipStatus;
import dev.ecosystem.model.ReferredProspect;
import dev.ecosystem.program.PartnerView;
import dev.ecosystem.spi.PartnerStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Two app nodes share a store and the host's keys: one issues a partner-view token, the other shows its scorecard. */
class PartnerViewScorecardTest {
    private static final CompanyId VENDOR = CompanyId.of("acme");
    private static final CompanyId PARTNER = CompanyId.of("northwind");
    private static final CompanyId OTHER = CompanyId.of("contoso");
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final ConsentKeys KEYS = ConsentKeys.random();
    private static final ReportPeriod NOVEMBER = ReportPeriod.month(2026, 11);

    private final PartnerStore store = InMemoryPartnerStore.create();
    private final EcosystemClient issuer = node(T0);
    private final Attribution attribution = Attribution.builder().clock(Clock.fixed(T0, ZoneOffset.UTC)).build();

    private EcosystemClient node(Instant now) {
        return EcosystemClient.builder().store(store).clock(Clock.fixed(now, ZoneOffset.UTC))
                .intros(IntroSettings.builder().consentKeys(KEYS).build()).build();
    }

    PartnerViewScorecardTest() {
        for (CompanyId id : new CompanyId[] {VENDOR, PARTNER, OTHER}) {
            issuer.register(Company.builder(id, "Company " + id).businessTags("saas").listed(true).build());
        }
        for (CompanyId partner : new CompanyId[] {PARTNER, OTHER}) {
            issuer.as(VENDOR).partnerships().create(partner, PartnerType.REFERRAL, PartnershipStatus.ACTIVE);
            issuer.as(partner).partnerships().create(VENDOR, PartnerType.REFERRAL, PartnershipStatus.ACTIVE);
        }
        submit(PARTNER, "one");
        submit(OTHER, "two");
        submit(OTHER, "three");
    }

    private void submit(CompanyId partner, String prospect) {
        issuer.as(partner).referrals().submit(VENDOR, ReferredProspect.builder("Prospect " + prospect, "Pat",
                EmailAddress.of("pat@" + prospect + ".com")).domain(prospect + ".com").build(), "key-" + prospect);
    }

    @Test
    void scorecard_fromAVerifiedGrant_showsThatPartnersOwnFiguresOnly() {
        String token = issuer.as(VENDOR).programs().partnerViewToken(PARTNER, Duration.ofDays(7)).token();
        PartnerView view = node(T0.plus(Duration.ofDays(1))).partnerView(token);

        Scorecard card = attribution.scorecard(issuer, view, NOVEMBER);

        assertThat(card.partner()).isEqualTo(PARTNER);
        assertThat(card.partnerName()).isEqualTo("Company northwind");
        assertThat(card.registrations().submitted()).isEqualTo(1);
        assertThat(card.toJson()).doesNotContain("contoso");
    }

    @Test
    void token_isAcceptedOnEveryNodeUntilItsExpiry_andRefusedFromThen() {
        String token = issuer.as(VENDOR).programs().partnerViewToken(PARTNER, Duration.ofDays(7)).token();
        Instant expiry = T0.plus(Duration.ofDays(7));

        assertThat(node(expiry.minusMillis(1)).partnerView(token).partner()).isEqualTo(PARTNER);
        assertThatThrownBy(() -> node(expiry).partnerView(token)).isInstanceOf(AccessDeniedException.class);
    }
}
