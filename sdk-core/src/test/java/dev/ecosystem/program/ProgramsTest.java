package dev.ecosystem.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.error.ConflictException;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.model.AttributionModel;
import dev.ecosystem.model.CommissionPlan;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.IdealPartnerProfile;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.PartnerProgram;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.model.ProgramTerms;
import dev.ecosystem.model.Rate;
import dev.ecosystem.model.TierMetric;
import dev.ecosystem.model.TierRule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProgramsTest {
    private static final CompanyId VENDOR = CompanyId.of("vendor");
    private static final CompanyId OTHER = CompanyId.of("other");
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    private final EcosystemClient client = EcosystemClient.builder()
            .clock(Clock.fixed(T0, ZoneOffset.UTC)).build();

    ProgramsTest() {
        client.register(Company.builder(VENDOR, "Vendor").businessTags("saas").build());
        client.register(Company.builder(OTHER, "Other").businessTags("saas").build());
    }

    private static ProgramTerms referral(String rate) {
        return ProgramTerms.builder(PartnerType.REFERRAL, "Referral partners")
                .profile(IdealPartnerProfile.builder(PartnerType.REFERRAL).preferBusiness("agency", 3).build())
                .commission(CommissionPlan.builder("Referral 2026").rate(Rate.percent(rate)).build())
                .tier(new TierRule("registered", Map.of()))
                .tier(TierRule.of("gold", TierMetric.REGISTRATIONS_ACCEPTED, "5"))
                .build();
    }

    @Test
    @DisplayName("creating a program stores version 1 with its terms, found by id and by partner type")
    void create_storesVersionOne() {
        PartnerProgram created = client.as(VENDOR).programs().create(referral("10"));

        assertThat(created.version()).isEqualTo(1);
        assertThat(created.savedAt()).isEqualTo(T0);
        assertThat(client.as(VENDOR).programs().get(created.id())).isEqualTo(created);
        assertThat(client.as(VENDOR).programs().forType(PartnerType.REFERRAL)).isEqualTo(created);
        assertThat(client.as(VENDOR).programs().forType(PartnerType.SERVICES)).isNull();
        assertThat(client.as(VENDOR).programs().list(PageRequest.first(10)).items()).containsExactly(created);
    }

    @Test
    @DisplayName("a second program for the same partner type is a conflict")
    void create_sameTypeTwice_isConflict() {
        client.as(VENDOR).programs().create(referral("10"));

        assertThatThrownBy(() -> client.as(VENDOR).programs().create(referral("12")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("REFERRAL");
    }

    @Test
    @DisplayName("changing the terms stores the next version and keeps the earlier one readable")
    void change_keepsEarlierVersions() {
        PartnerProgram v1 = client.as(VENDOR).programs().create(referral("10"));

        PartnerProgram v2 = client.as(VENDOR).programs().change(v1.id(), 1, referral("12"));

        assertThat(v2.version()).isEqualTo(2);
        assertThat(client.as(VENDOR).programs().get(v1.id())).isEqualTo(v2);
        assertThat(client.as(VENDOR).programs().version(v1.id(), 1)).isEqualTo(v1);
        assertThat(v2.terms().commission().rate()).isEqualByComparingTo("12");
    }

    @Test
    @DisplayName("a change from a stale version, or to another partner type, is refused and stores nothing")
    void change_staleOrOtherType_isConflict() {
        PartnerProgram v1 = client.as(VENDOR).programs().create(referral("10"));
        client.as(VENDOR).programs().change(v1.id(), 1, referral("12"));

        assertThatThrownBy(() -> client.as(VENDOR).programs().change(v1.id(), 1, referral("15")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("version 2");
        assertThatThrownBy(() -> client.as(VENDOR).programs().change(v1.id(), 2,
                ProgramTerms.builder(PartnerType.SERVICES, "Services")
                        .profile(IdealPartnerProfile.builder(PartnerType.SERVICES).preferBusiness("agency", 1).build())
                        .build()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("SERVICES");
        assertThat(client.as(VENDOR).programs().get(v1.id()).version()).isEqualTo(2);
    }

    @Test
    @DisplayName("another company cannot read or change a vendor's program, and learns nothing from the error")
    void otherCompany_seesNothing() {
        PartnerProgram v1 = client.as(VENDOR).programs().create(referral("10"));

        assertThatThrownBy(() -> client.as(OTHER).programs().get(v1.id()))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("company other has no program " + v1.id());
        assertThatThrownBy(() -> client.as(OTHER).programs().change(v1.id(), 1, referral("50")))
                .isInstanceOf(NotFoundException.class);
        assertThat(client.as(OTHER).programs().forType(PartnerType.REFERRAL)).isNull();
        assertThat(client.as(VENDOR).programs().get(v1.id())).isEqualTo(v1);
    }

    @Test
    @DisplayName("terms are validated field by field with the value and what is allowed")
    void terms_areValidated() {
        assertThatThrownBy(() -> ProgramTerms.builder(PartnerType.REFERRAL, "R").build())
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("program profile is required");
        assertThatThrownBy(() -> ProgramTerms.builder(PartnerType.REFERRAL, "R")
                .profile(IdealPartnerProfile.builder(PartnerType.SERVICES).preferBusiness("it", 1).build()).build())
                .isInstanceOf(ValidationException.class)
                .hasMessage("program profile must be for partner type REFERRAL, but was for SERVICES");
        assertThatThrownBy(() -> referral("10").toBuilder()
                .protectionWindow(Duration.ofHours(23)).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("but was PT23H");
        assertThatThrownBy(() -> referral("10").toBuilder().tier(new TierRule("gold", Map.of())).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("\"gold\" appears twice");
        assertThatThrownBy(() -> ProgramTerms.builder(PartnerType.REFERRAL, "R").checklistItem("Sign It", "x"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("\"Sign It\"");
        assertThatThrownBy(() -> TierRule.of("gold", TierMetric.SOURCED_REVENUE, "-1"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("must not be negative, but was -1");
        assertThatThrownBy(() -> TierRule.of("gold", TierMetric.SOURCED_REVENUE, "lots"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("\"lots\"");
        assertThatThrownBy(() -> referral("10").toBuilder().dormancyDays(0).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("dormancyDays");
    }

    @Test
    @DisplayName("toBuilder keeps every term, so changing one leaves the others as they were")
    void toBuilder_keepsEveryTerm() {
        ProgramTerms terms = referral("10");

        assertThat(terms.toBuilder().build()).isEqualTo(terms);
        assertThat(terms.toBuilder().dormancyDays(30).build().tiers()).isEqualTo(terms.tiers());
    }

    @Test
    @DisplayName("every attribution model round-trips through its name, and an unknown name is refused")
    void attributionModel_roundTripsThroughName() {
        for (AttributionModel model : AttributionModel.all()) {
            assertThat(AttributionModel.parse(model.name())).isEqualTo(model);
        }
        assertThat(AttributionModel.parse(AttributionModel.timeDecay(Duration.ofDays(3)).name()))
                .isEqualTo(AttributionModel.timeDecay(Duration.ofDays(3)));
        assertThatThrownBy(() -> AttributionModel.parse("w-shaped"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("\"w-shaped\"");
        assertThatThrownBy(() -> AttributionModel.parse("position-based(0.9,0.9)"))
                .isInstanceOf(ValidationException.class);
    }
}
