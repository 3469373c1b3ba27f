package dev.ecosystem.attribution;

import static dev.ecosystem.attribution.Fixtures.TENANT;
import static dev.ecosystem.attribution.Fixtures.partner;
import static dev.ecosystem.attribution.Fixtures.touch;
import static dev.ecosystem.attribution.Fixtures.usd;
import static dev.ecosystem.attribution.Fixtures.won;
import static dev.ecosystem.model.TouchpointKind.SOURCED_REFERRAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.model.CommissionPlan;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.IdealPartnerProfile;
import dev.ecosystem.model.PartnerProgram;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.model.ProgramId;
import dev.ecosystem.model.ProgramTerms;
import dev.ecosystem.model.Rate;
import dev.ecosystem.program.ProgramStanding;
import dev.ecosystem.program.RevenueSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Commission statements from a partner's program standing, and the sourced revenue tier reviews read: partner A
 * sourced d1 (1,000.00, closed 2025-01-20) and d2 (3,000.00, closed 2025-04-01), partner B sourced d3 (500.00,
 * 2025-03-31).
 */
class ProgramStatementTest {
    private static final ReportPeriod Q1 = ReportPeriod.quarter(2025, 1);

    private final Attribution attribution = Attribution.builder().build();
    private final AttributionData data = AttributionData.of(TENANT,
            List.of(won("d1", "1000.00", "USD", "2025-01-02", "2025-01-20"),
                    won("d2", "3000.00", "USD", "2025-01-03", "2025-04-01"),
                    won("d3", "500.00", "USD", "2025-01-04", "2025-03-31")),
            List.of(touch("t1", "A", "d1", SOURCED_REFERRAL, "2025-01-01"),
                    touch("t2", "A", "d2", SOURCED_REFERRAL, "2025-01-01"),
                    touch("t3", "B", "d3", SOURCED_REFERRAL, "2025-01-01")));
    private final PartnerProgram program = new PartnerProgram(ProgramId.of("p1"), TENANT, 1,
            ProgramTerms.builder(PartnerType.REFERRAL, "Referral partners")
                    .profile(IdealPartnerProfile.builder(PartnerType.REFERRAL).preferBusiness("agency", 3).build())
                    .commission(CommissionPlan.builder("Referral 2025").rate(Rate.percent("10"))
                    .tierRate("gold", Rate.percent("15")).build())
                    .build(),
            Instant.parse("2025-01-01T00:00:00Z"));

    @Test
    @DisplayName("the statement uses the program's plan at the partner's tier, as the string overload would")
    void statement_fromStanding_usesPlanAndTier() {
        CommissionStatement gold = attribution.statement(data, new ProgramStanding(program, partner("A"), "gold"), Q1);
        CommissionStatement none = attribution.statement(data, new ProgramStanding(program, partner("A"), null), Q1);

        assertThat(gold.total()).isEqualTo(usd("150.00"));
        assertThat(gold.plan()).isEqualTo("Referral 2025");
        assertThat(gold).isEqualTo(attribution.statement(data, program.terms().commission(), partner("A"), "gold",
                Q1));
        assertThat(none.total()).isEqualTo(usd("100.00"));
    }

    @Test
    @DisplayName("the statement refuses another vendor's data")
    void statement_otherVendorsData_isRefused() {
        AttributionData other = AttributionData.of(CompanyId.of("other"), List.of(), List.of());

        assertThatThrownBy(() -> attribution.statement(other, new ProgramStanding(program, partner("A"), null), Q1))
                .isInstanceOf(ValidationException.class)
                .hasMessage("data must be of the program's vendor acme, but was of other");
    }

    @Test
    @DisplayName("sourced revenue counts deals won from the first day to the day before the end, for the partners asked")
    void sourcedRevenue_countsTheHalfOpenPeriod() {
        RevenueSource source = attribution.sourcedRevenue(vendor -> data);

        Map<CompanyId, BigDecimal> q1 = source.sourcedRevenue(TENANT, Set.of(partner("A"), partner("B")),
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 4, 1));
        Map<CompanyId, BigDecimal> onlyA = source.sourcedRevenue(TENANT, Set.of(partner("A")),
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 4, 2));

        assertThat(q1).containsOnly(Map.entry(partner("A"), new BigDecimal("1000.00")),
                Map.entry(partner("B"), new BigDecimal("500.00")));
        assertThat(onlyA).containsOnly(Map.entry(partner("A"), new BigDecimal("4000.00")));
        assertThatThrownBy(() -> source.sourcedRevenue(CompanyId.of("other"), Set.of(), LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 4, 1))).isInstanceOf(ValidationException.class).hasMessageContaining("vendor other");
    }
}
