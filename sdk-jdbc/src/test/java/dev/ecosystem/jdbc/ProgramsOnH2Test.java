package dev.ecosystem.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.model.CommissionPlan;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.EmailAddress;
import dev.ecosystem.model.IdealPartnerProfile;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.PartnerProgram;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.model.PartnershipStatus;
import dev.ecosystem.model.ProgramTerms;
import dev.ecosystem.model.Rate;
import dev.ecosystem.model.ReferredProspect;
import dev.ecosystem.model.Registration;
import dev.ecosystem.model.TierChange;
import dev.ecosystem.model.TierMetric;
import dev.ecosystem.model.TierReview;
import dev.ecosystem.model.TierRule;
import dev.ecosystem.testkit.MutableClock;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Programs end to end on the H2 store: the program's window protects, and a tier review reads back and re-runs. */
class ProgramsOnH2Test {
    private static final CompanyId VENDOR = CompanyId.of("vendor");
    private static final CompanyId PARTNER = CompanyId.of("partner");
    private static final Instant T0 = Instant.parse("2026-02-10T10:00:00Z");

    @Test
    void programWindowAndTierReview_roundTripThroughTheStore(@TempDir Path folder) {
        MutableClock clock = new MutableClock(T0);
        try (StoreFixture fixture = StoreFixture.h2(folder);
                EcosystemClient client = EcosystemClient.builder().store(fixture.emptied()).clock(clock)
                        .revenueSource((vendor, partners, from, to) -> Map.of(PARTNER, new BigDecimal("5000.00")))
                        .build()) {
            for (CompanyId id : List.of(VENDOR, PARTNER)) {
                client.register(Company.builder(id, "Company " + id).businessTags("saas").listed(true).build());
            }
            client.as(VENDOR).partnerships().create(PARTNER, PartnerType.REFERRAL, PartnershipStatus.ACTIVE);
            client.as(PARTNER).partnerships().create(VENDOR, PartnerType.REFERRAL, PartnershipStatus.ACTIVE);
            PartnerProgram program = client.as(VENDOR).programs().create(
                    ProgramTerms.builder(PartnerType.REFERRAL, "Referral partners")
                            .profile(IdealPartnerProfile.builder(PartnerType.REFERRAL).preferBusiness("agency", 3)
                                    .build())
                            .commission(CommissionPlan.builder("Referral 2026").rate(Rate.percent("10"))
                            .tierRate("gold", Rate.percent("15"))
                                    .build())
                            .protectionWindow(Duration.ofDays(120))
                            .tier(new TierRule("registered", Map.of()))
                            .tier(new TierRule("gold", Map.of(TierMetric.REGISTRATIONS_ACCEPTED, BigDecimal.ONE,
                                    TierMetric.SOURCED_REVENUE, new BigDecimal("5000"),
                                    TierMetric.CERTIFIED_PEOPLE, BigDecimal.ONE)))
                            .build());
            assertThat(client.as(VENDOR).programs().get(program.id())).isEqualTo(program);

            Registration submitted = client.as(PARTNER).referrals().submit(VENDOR, ReferredProspect.builder("Acme",
                    "Pat Buyer", EmailAddress.of("pat@acme.com")).domain("acme.com").build(), "k1");
            Registration accepted = client.as(VENDOR).referrals().accept(submitted.id(), null, false);
            client.as(VENDOR).programs().certify(PARTNER, EmailAddress.of("ada@partner.com"), "Sales",
                    LocalDate.of(2026, 12, 31));

            assertThat(accepted.protectedUntil()).isEqualTo(T0.plus(Duration.ofDays(120)));
            clock.set(Instant.parse("2026-03-01T08:00:00Z"));
            TierReview review = client.as(VENDOR).programs().evaluateTiers(program.id(), LocalDate.of(2026, 2, 1),
                    LocalDate.of(2026, 3, 1));
            assertThat(review.changes()).extracting(TierChange::to).containsExactly("gold");
            assertThat(review.assessments().get(0).metrics()).containsEntry(TierMetric.SOURCED_REVENUE,
                    new BigDecimal("5000.00")).containsEntry(TierMetric.CERTIFIED_PEOPLE, BigDecimal.ONE)
                    .containsEntry(TierMetric.REGISTRATIONS_ACCEPTED, BigDecimal.ONE);
            assertThat(client.as(VENDOR).programs().evaluateTiers(program.id(), LocalDate.of(2026, 2, 1),
                    LocalDate.of(2026, 3, 1))).isEqualTo(review);
            assertThat(client.as(VENDOR).programs().standing(PARTNER).tier()).isEqualTo("gold");
            assertThat(client.as(VENDOR).programs().tierHistory(PARTNER, PageRequest.first(10)).items())
                    .containsExactlyElementsOf(review.changes());
        }
    }
}
