package dev.ecosystem.overlap;

import static dev.ecosystem.overlap.OverlapFixture.ACME;
import static dev.ecosystem.overlap.OverlapFixture.GLOBEX;
import static dev.ecosystem.overlap.OverlapFixture.INITECH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.error.AccessDeniedException;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.Match;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.model.PartnershipStatus;
import dev.ecosystem.model.Population;
import dev.ecosystem.model.SharingPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Nothing a partner did not share can be read through any method of {@link Overlaps}. */
class SharingRulesTest {
    private static final PageRequest ALL = PageRequest.first(100);
    private final OverlapFixture fixture = new OverlapFixture().partnered();

    @Test
    void byDefault_nothingIsShared_soTheMatrixHasNoColumnsAndThereAreNoRecords() {
        PopulationMatrix matrix = fixture.acme().matrix(GLOBEX);

        assertThat(matrix.theirs()).isEmpty();
        assertThat(matrix.cells()).isEmpty();
        assertThat(fixture.acme().records(GLOBEX, null, null, ALL).items()).isEmpty();
        assertThat(fixture.acme().askForIntro(GLOBEX, ALL).items()).isEmpty();
        assertThat(fixture.acme().offerHelp(GLOBEX, ALL).items()).isEmpty();
    }

    @Test
    void counts_showEveryMatchedCompanyByPopulation() {
        shareAllAsCounts(fixture.globex(), ACME, 0);

        PopulationMatrix matrix = fixture.acme().matrix(GLOBEX);

        assertThat(matrix.cell(Population.CUSTOMERS, Population.CUSTOMERS).count()).isEqualTo(1L);
        assertThat(matrix.cell(Population.OPEN_OPPORTUNITIES, Population.CUSTOMERS).count()).isEqualTo(2L);
        assertThat(matrix.cell(Population.CUSTOMERS, Population.OPEN_OPPORTUNITIES).count()).isEqualTo(1L);
        assertThat(matrix.cell(Population.PROSPECTS, Population.PROSPECTS).count()).isEqualTo(1L);
        assertThat(matrix.cell(Population.PROSPECTS, Population.CUSTOMERS).count()).isZero();
        assertThat(matrix.cells().stream().mapToLong(c -> c.count()).sum()).isEqualTo(5);
    }

    @Test
    void countsOnlyPopulation_givesNoRecords_andAskingForItIsDenied() {
        shareAllAsCounts(fixture.globex(), ACME, 0);

        assertThat(fixture.acme().records(GLOBEX, null, null, ALL).items()).isEmpty();
        assertThatThrownBy(() -> fixture.acme().records(GLOBEX, null, Population.CUSTOMERS, ALL))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("customers");
        assertThat(fixture.acme().askForIntro(GLOBEX, ALL).items()).isEmpty();
        assertThat(fixture.acme().offerHelp(GLOBEX, ALL).items()).isEmpty();
    }

    @Test
    void hiddenPopulation_doesNotAppearAnywhere_andAskingForItsRecordsIsDenied() {
        fixture.globex().shareWith(ACME, SharingPolicy.builder()
                .records(Population.CUSTOMERS, "name")
                .hidden(Population.OPEN_OPPORTUNITIES)
                .build());

        PopulationMatrix matrix = fixture.acme().matrix(GLOBEX);

        assertThat(matrix.theirs()).containsExactly(Population.CUSTOMERS);
        assertThatThrownBy(() -> matrix.cell(Population.CUSTOMERS, Population.OPEN_OPPORTUNITIES))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> fixture.acme().records(GLOBEX, null, Population.OPEN_OPPORTUNITIES, ALL))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(fixture.acme().records(GLOBEX, null, null, ALL).items())
                .extracting(r -> r.theirs().id().value()).containsExactly("g1", "g2", "g5")
                .doesNotContain("g3");
        assertThat(fixture.acme().offerHelp(GLOBEX, ALL).items()).isEmpty();
    }

    @Test
    void records_carryOnlyTheAllowListedFields() {
        fixture.globex().shareWith(ACME, SharingPolicy.builder()
                .records(Population.CUSTOMERS, "name", "industry")
                .build());

        List<OverlapRecord> records = fixture.acme().records(GLOBEX, Population.CUSTOMERS, Population.CUSTOMERS, ALL)
                .items();

        assertThat(records).hasSize(1);
        SharedAccount g1 = records.get(0).theirs();
        assertThat(g1.id()).isEqualTo(AccountId.of("g1"));
        assertThat(g1.fields()).containsOnlyKeys("name", "industry");
        assertThat(g1.field("industry")).isEqualTo("Retail");
        assertThat(g1.field("tier")).isNull();
        assertThat(g1.field("domain")).isNull();
        assertThat(g1.field("lifecycleStage")).isNull();
        assertThat(g1.openDeals()).isEmpty();
        assertThat(g1.populations()).containsExactly(Population.CUSTOMERS);
        assertThat(records.get(0).match().method()).isEqualTo(Match.Method.DOMAIN);
        assertThat(records.get(0).match().key()).isEqualTo("one.co.uk");
    }

    @Test
    void openDeals_areSharedOnlyWhenAllowed() {
        fixture.globex().shareWith(ACME, SharingPolicy.builder()
                .records(Population.OPEN_OPPORTUNITIES, "name")
                .build());
        CoSellEntry withoutDeals = fixture.acme().offerHelp(GLOBEX, ALL).items().get(0);
        assertThat(withoutDeals.theirAccount().openDeals()).isEmpty();
        assertThat(withoutDeals.theirDeal()).isNull();

        fixture.globex().shareWith(ACME, SharingPolicy.builder()
                .records(Population.OPEN_OPPORTUNITIES, "name", SharingPolicy.OPEN_DEALS)
                .build());
        CoSellEntry withDeals = fixture.acme().offerHelp(GLOBEX, ALL).items().get(0);
        assertThat(withDeals.theirDeal()).isNotNull();
        assertThat(withDeals.theirDeal().stage()).isEqualTo("Negotiation/Review");
        assertThat(withDeals.theirDeal().amount().amount()).isEqualByComparingTo("7000");
    }

    @Test
    void minimumCount_suppressesSmallCounts_includingZero() {
        shareAllAsCounts(fixture.globex(), ACME, 2);

        PopulationMatrix matrix = fixture.acme().matrix(GLOBEX);

        assertThat(matrix.cell(Population.OPEN_OPPORTUNITIES, Population.CUSTOMERS).count()).isEqualTo(2L);
        assertThat(matrix.cell(Population.CUSTOMERS, Population.CUSTOMERS).count()).isNull();
        assertThat(matrix.cell(Population.PROSPECTS, Population.CUSTOMERS).count()).isNull();
        assertThat(matrix.cell(Population.CUSTOMERS, Population.CUSTOMERS).minimum()).isEqualTo(2);
        assertThat(matrix.render()).contains("<2");
    }

    @Test
    void rulesAreOneWay_eachSideSeesOnlyWhatTheOtherShares() {
        fixture.acme().shareWith(GLOBEX, SharingPolicy.builder()
                .records(Population.CUSTOMERS, "name")
                .records(Population.OPEN_OPPORTUNITIES, "name")
                .build());

        assertThat(fixture.globex().matrix(ACME).theirs())
                .containsExactly(Population.CUSTOMERS, Population.OPEN_OPPORTUNITIES);
        assertThat(fixture.globex().records(ACME, null, null, ALL).items()).hasSize(4);
        assertThat(fixture.acme().matrix(GLOBEX).theirs()).isEmpty();
        assertThat(fixture.acme().records(GLOBEX, null, null, ALL).items()).isEmpty();
    }

    @Test
    void aThirdCompany_getsNothing_evenWhenBothPartnersShareEverything() {
        shareAllAsRecords(fixture.acme(), GLOBEX);
        shareAllAsRecords(fixture.globex(), ACME);
        Overlaps initech = fixture.client.as(INITECH).overlaps();

        for (var partner : List.of(ACME, GLOBEX)) {
            assertThatThrownBy(() -> initech.matrix(partner)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> initech.records(partner, null, null, ALL))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> initech.askForIntro(partner, ALL)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> initech.offerHelp(partner, ALL)).isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> initech.shareWith(ACME, SharingPolicy.NOTHING))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aOneSidedPartnership_isNotEnough() {
        fixture.client.as(INITECH).partnerships().create(ACME, PartnerType.REFERRAL, PartnershipStatus.ACTIVE);
        shareAllAsRecords(fixture.acme(), GLOBEX);
        Overlaps initech = fixture.client.as(INITECH).overlaps();

        assertThatThrownBy(() -> initech.matrix(ACME)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> initech.records(ACME, null, null, ALL)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anEndedPartnership_closesAccess() {
        shareAllAsRecords(fixture.globex(), ACME);
        assertThat(fixture.acme().records(GLOBEX, null, null, ALL).items()).isNotEmpty();

        var record = fixture.client.as(GLOBEX).partnerships().findByPartner(ACME);
        fixture.client.as(GLOBEX).partnerships().changeStatus(record.id(), PartnershipStatus.ENDED);

        assertThatThrownBy(() -> fixture.acme().records(GLOBEX, null, null, ALL))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixture.acme().matrix(GLOBEX)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void askingAboutOneself_isDenied() {
        assertThatThrownBy(() -> fixture.acme().matrix(ACME)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void policies_areStoredPerSide_andValidated() {
        SharingPolicy policy = SharingPolicy.builder().counts(Population.PROSPECTS).minimumCount(3).build();
        fixture.acme().shareWith(GLOBEX, policy);

        assertThat(fixture.acme().sharingWith(GLOBEX)).isEqualTo(policy);
        assertThat(fixture.globex().sharingWith(ACME)).isEqualTo(SharingPolicy.NOTHING);
        assertThatThrownBy(() -> fixture.acme().shareWith(GLOBEX,
                SharingPolicy.builder().records(Population.custom("vip"), "name").build()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("vip");
        assertThatThrownBy(() -> SharingPolicy.builder().minimumCount(-1).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("minimumCount");
        assertThatThrownBy(() -> new SharingPolicy.Rule(SharingPolicy.Visibility.COUNTS, java.util.Set.of("name")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("RECORDS");
        assertThat(fixture.acme().sharingWith(GLOBEX)).isEqualTo(policy);
    }

    /** Shares every population as exact counts: these tests are about what is counted, not about the noise. */
    static void shareAllAsCounts(Overlaps owner, dev.ecosystem.model.CompanyId partner, int minimum) {
        SharingPolicy.Builder builder = SharingPolicy.builder().minimumCount(minimum).exactCounts();
        owner.populations().forEach(builder::counts);
        owner.shareWith(partner, builder.build());
    }

    static void shareAllAsRecords(Overlaps owner, dev.ecosystem.model.CompanyId partner) {
        SharingPolicy.Builder builder = SharingPolicy.builder();
        owner.populations().forEach(p -> builder.records(p, "name", "domain", SharingPolicy.OPEN_DEALS));
        owner.shareWith(partner, builder.build());
    }
}
