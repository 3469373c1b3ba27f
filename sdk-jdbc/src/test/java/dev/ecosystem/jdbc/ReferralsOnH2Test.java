package dev.ecosystem.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.memory.InMemoryCrm;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.DealStatus;
import dev.ecosystem.model.EmailAddress;
import dev.ecosystem.model.Money;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.model.PartnershipStatus;
import dev.ecosystem.model.ReferredProspect;
import dev.ecosystem.model.Registration;
import dev.ecosystem.model.RegistrationConflict;
import dev.ecosystem.model.RegistrationStatus;
import dev.ecosystem.model.Touchpoint;
import dev.ecosystem.model.TouchpointKind;
import dev.ecosystem.spi.CrmConnections;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The referral flow end to end on the H2 store: what the engine writes reads back, and the sync links deals. */
class ReferralsOnH2Test {
    private static final CompanyId VENDOR = CompanyId.of("vendor");
    private static final CompanyId PARTNER = CompanyId.of("partner");
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void submitAcceptAndSync_creditTheDealAndCloseTheRegistration(@TempDir Path folder) {
        InMemoryCrm crm = InMemoryCrm.of(VENDOR, List.of(
                Account.builder(VENDOR, AccountId.of("v1"), "Known Inc").domain("known.com").lifecycleStage("customer")
                        .build(),
                Account.builder(VENDOR, AccountId.of("v3"), "Plain").domain("plain.com").lifecycleStage("lead").build()),
                List.of());
        try (StoreFixture fixture = StoreFixture.h2(folder);
                EcosystemClient client = EcosystemClient.builder().store(fixture.emptied())
                .clock(Clock.fixed(T0, ZoneOffset.UTC)).crm(CrmConnections.of(crm)).build()) {
            for (CompanyId id : List.of(VENDOR, PARTNER)) {
                client.register(Company.builder(id, "Company " + id).businessTags("saas").listed(true).build());
            }
            client.as(VENDOR).partnerships().create(PARTNER, PartnerType.REFERRAL, PartnershipStatus.ACTIVE);
            client.as(PARTNER).partnerships().create(VENDOR, PartnerType.REFERRAL, PartnershipStatus.ACTIVE);
            client.as(VENDOR).overlaps().syncCrm();

            Registration known = client.as(PARTNER).referrals().submit(VENDOR, prospect("Known", "known.com"), "k1");
            Registration plain = client.as(PARTNER).referrals().submit(VENDOR, prospect("Plain", "plain.com"), "k2");
            assertThat(client.as(VENDOR).referrals().get(known.id()).conflicts())
                    .extracting(RegistrationConflict::kind)
                    .containsExactly(RegistrationConflict.Kind.EXISTING_CUSTOMER);
            assertThat(client.as(PARTNER).referrals().submit(VENDOR, prospect("Plain", "plain.com"), "k2").id())
                    .isEqualTo(plain.id());
            client.as(VENDOR).referrals().accept(plain.id(), "ok", false);

            crm.put(Deal.builder(VENDOR, DealId.of("d1"), "Deal").account(AccountId.of("v3"))
                    .amount(Money.of("900", "EUR")).stage("Closed Won", DealStatus.WON)
                    .createdAt(T0.plus(Duration.ofDays(1))).closeDate(LocalDate.of(2026, 12, 1)).build());
            client.as(VENDOR).overlaps().syncChanges();
            client.as(VENDOR).overlaps().syncCrm();

            List<Touchpoint> ledger = client.store().inTransaction(tx -> tx.touchpoints().list(VENDOR,
                    PageRequest.first(10)).items());
            assertThat(ledger).singleElement().satisfies(credit -> {
                assertThat(credit.kind()).isEqualTo(TouchpointKind.SOURCED_REFERRAL);
                assertThat(credit.registration()).isEqualTo(plain.id());
            });
            assertThat(client.as(PARTNER).referrals().get(plain.id()).status()).isEqualTo(RegistrationStatus.WON);
            assertThat(client.referrals().runDue(T0.plus(Duration.ofDays(365)))).isZero();
        }
    }

    private static ReferredProspect prospect(String name, String domain) {
        return ReferredProspect.builder(name, "Pat", EmailAddress.of("pat@buyer.com")).domain(domain).build();
    }
}
