package dev.ecosystem.overlap;

import static dev.ecosystem.overlap.OverlapFixture.ACME;
import static dev.ecosystem.overlap.OverlapFixture.GLOBEX;
import static dev.ecosystem.overlap.OverlapFixture.INITECH;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecosystem.model.Criterion;
import dev.ecosystem.model.IdealPartnerProfile;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.model.Population;
import dev.ecosystem.model.SharingPolicy;
import dev.ecosystem.navigator.CriterionScore;
import dev.ecosystem.navigator.PartnerMatch;
import java.util.List;
import org.junit.jupiter.api.Test;

/** With no overlap signal from the host, the navigator's overlap criterion counts account mapping's shared customers. */
class NavigatorOverlapSignalTest {
    private static final IdealPartnerProfile OVERLAP = IdealPartnerProfile.builder(PartnerType.REFERRAL)
            .preferBusiness("saas", 1).weight(Criterion.OVERLAP, 50).overlapTarget(4).includeExistingPartners(true)
            .build();

    private static CriterionScore overlapOf(PartnerMatch match) {
        return match.criteria().stream().filter(score -> score.criterion() == Criterion.OVERLAP).findFirst()
                .orElseThrow();
    }

    @Test
    void overlap_isTheSharedCustomerCount_whenThePartnerShowsIt() {
        OverlapFixture fixture = new OverlapFixture().partnered();
        fixture.globex().shareWith(ACME, SharingPolicy.builder().counts(Population.CUSTOMERS).exactCounts()
                .build());
        // acme's customers a1 and a3 against globex's customers: only one.co.uk is a customer on both sides.
        assertThat(fixture.acme().matrix(GLOBEX).cell(Population.CUSTOMERS, Population.CUSTOMERS).count())
                .isEqualTo(1L);

        PartnerMatch globex = fixture.client.as(ACME).navigator().evaluate(OVERLAP, GLOBEX);
        assertThat(overlapOf(globex).matched()).containsExactly("shared-customers:1");
        assertThat(overlapOf(globex).points()).isPositive();
        List<PartnerMatch> found = fixture.client.as(ACME).navigator().search(OVERLAP, PageRequest.first(10))
                .items();
        // Not a partner: account mapping knows nothing about it, and an unknown count is no zero, so initech keeps
        // the full score of its tags while globex's one shared customer of four lowers its own.
        assertThat(found).extracting(match -> match.company().id()).containsExactly(INITECH, GLOBEX);
        assertThat(found.get(1).score()).isEqualTo(globex.score()).isLessThan(found.get(0).score());
        assertThat(found.get(0).score()).isEqualTo(100.0);
        assertThat(overlapOf(found.get(0)).missing()).containsExactly("shared-customers:unknown");
    }

    @Test
    void overlap_doesNotCount_inADefaultSearch_whichLeavesOutThePartnersThatAloneHaveCounts() {
        OverlapFixture fixture = new OverlapFixture().partnered();
        fixture.globex().shareWith(ACME, SharingPolicy.builder().counts(Population.CUSTOMERS).exactCounts()
                .build());
        IdealPartnerProfile byDefault = IdealPartnerProfile.builder(PartnerType.REFERRAL).preferBusiness("saas", 1)
                .weight(Criterion.OVERLAP, 50).overlapTarget(4).build();

        List<PartnerMatch> found = fixture.client.as(ACME).navigator().search(byDefault, PageRequest.first(10))
                .items();

        assertThat(found).extracting(match -> match.company().id()).containsExactly(INITECH);
        assertThat(found.get(0).criteria()).extracting(CriterionScore::criterion).doesNotContain(Criterion.OVERLAP);
        // saas is all it asks about besides shared customers: the full score, not lowered by the overlap weight.
        assertThat(found.get(0).score()).isEqualTo(100.0);
    }

    @Test
    void overlap_isUnknown_whenThePartnerHidesItsCustomers_orThereIsNoMutualPartnership() {
        OverlapFixture hidden = new OverlapFixture().partnered();
        hidden.globex().shareWith(ACME, SharingPolicy.builder().hidden(Population.CUSTOMERS).build());
        PartnerMatch globex = hidden.client.as(ACME).navigator().evaluate(OVERLAP, GLOBEX);
        assertThat(globex.criteria()).extracting(CriterionScore::criterion).doesNotContain(Criterion.OVERLAP);

        OverlapFixture suppressed = new OverlapFixture().partnered();
        suppressed.globex().shareWith(ACME, SharingPolicy.builder().counts(Population.CUSTOMERS).minimumCount(5)
                .exactCounts().build());
        assertThat(suppressed.client.as(ACME).navigator().evaluate(OVERLAP, GLOBEX).criteria())
                .extracting(CriterionScore::criterion).doesNotContain(Criterion.OVERLAP);

        OverlapFixture oneSided = new OverlapFixture();
        oneSided.client.as(ACME).partnerships().create(GLOBEX, PartnerType.REFERRAL,
                dev.ecosystem.model.PartnershipStatus.ACTIVE);
        assertThat(oneSided.client.as(ACME).navigator().evaluate(OVERLAP, GLOBEX).criteria())
                .extracting(CriterionScore::criterion).doesNotContain(Criterion.OVERLAP);
    }
}
