package dev.ecosystem.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.io.CrmFiles;
import dev.ecosystem.io.NetworkFiles;
import dev.ecosystem.memory.InMemoryCrm;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Match;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.model.PartnershipStatus;
import dev.ecosystem.model.Population;
import dev.ecosystem.model.SharingPolicy;
import dev.ecosystem.overlap.CoSellEntry;
import dev.ecosystem.overlap.OverlapRecord;
import dev.ecosystem.overlap.PopulationMatrix;
import dev.ecosystem.spi.CrmConnections;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The quickstart's account-mapping steps on the shipped sample tenants co-0001 and co-0002. */
class OverlapSampleTest {
    private static final Path SAMPLE = Path.of("src/main/resources/sample");

    @Test
    void sampleTenants_overlapByAboutAFifth_andGiveACoSellList() {
        CompanyId mailcadence = CompanyId.of("co-0001");
        CompanyId ledgerline = CompanyId.of("co-0002");
        InMemoryCrm crmA = InMemoryCrm.of(mailcadence,
                CrmFiles.readAccounts(mailcadence, SAMPLE.resolve("crm/co-0001/accounts.csv")),
                CrmFiles.readDeals(mailcadence, SAMPLE.resolve("crm/co-0001/deals.csv")));
        InMemoryCrm crmB = InMemoryCrm.of(ledgerline,
                CrmFiles.readAccounts(ledgerline, SAMPLE.resolve("crm/co-0002/accounts.csv")),
                CrmFiles.readDeals(ledgerline, SAMPLE.resolve("crm/co-0002/deals.csv")));
        EcosystemClient client = EcosystemClient.builder().crm(CrmConnections.of(crmA, crmB)).build();
        NetworkFiles.readCsv(SAMPLE.resolve("companies.csv"), SAMPLE.resolve("contacts.csv"))
                .storeInto(client.store());

        client.as(mailcadence).partnerships().create(ledgerline, PartnerType.TECHNOLOGY, PartnershipStatus.ACTIVE);
        client.as(ledgerline).partnerships().create(mailcadence, PartnerType.TECHNOLOGY, PartnershipStatus.ACTIVE);
        client.as(mailcadence).overlaps().syncCrm();
        client.as(ledgerline).overlaps().syncCrm();
        client.as(ledgerline).overlaps().shareWith(mailcadence, SharingPolicy.builder()
                .records(Population.CUSTOMERS, "name", "domain", "Industry")
                .counts(Population.OPEN_OPPORTUNITIES)
                .counts(Population.PROSPECTS)
                .minimumCount(5)
                .exactCounts() // this test checks the sample's matching; CountNoiseTest in sdk-core checks the noise
                .build());

        PopulationMatrix matrix = client.as(mailcadence).overlaps().matrix(ledgerline);
        List<CoSellEntry> asks = client.as(mailcadence).overlaps().askForIntro(ledgerline, PageRequest.first(1000))
                .items();

        client.as(mailcadence).overlaps().shareWith(ledgerline, SharingPolicy.builder()
                .records(Population.CUSTOMERS, "name", "domain").records(Population.OPEN_OPPORTUNITIES, "name", "domain")
                .records(Population.PROSPECTS, "name", "domain").build());
        List<OverlapRecord> all = new ArrayList<>();
        String cursor = null;
        do {
            var page = client.as(ledgerline).overlaps().records(mailcadence, null, null,
                    PageRequest.after(cursor, 200));
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        long byDomain = all.stream().filter(r -> r.match().method() == Match.Method.DOMAIN).count();
        long byName = all.stream().filter(r -> r.match().method() == Match.Method.NAME).count();
        assertThat(byDomain).isBetween(700L, 950L); // README: about 22% of 4,000 accounts match by domain
        assertThat(byName).isPositive().isLessThan(byDomain / 2);
        assertThat(all).filteredOn(r -> r.match().method() == Match.Method.NAME)
                .allSatisfy(r -> assertThat(r.match().confidence()).isGreaterThanOrEqualTo(0.9));
        long matched = matrix.cells().stream().filter(c -> c.mine().isStandard() && c.count() != null)
                .mapToLong(PopulationMatrix.Cell::count).sum();
        assertThat(matched).isBetween(byDomain, byDomain + byName);
        assertThat(matrix.theirs()).containsExactly(Population.CUSTOMERS, Population.OPEN_OPPORTUNITIES,
                Population.PROSPECTS);
        assertThat(matrix.render()).contains("customers");
        assertThat(asks).isNotEmpty().allSatisfy(entry -> {
            assertThat(entry.myDeal()).isNotNull();
            assertThat(entry.theirAccount().fields()).containsKey("name").doesNotContainKey("BillingCountry");
        });
        assertThat(asks.get(0).myDeal().amount().amount())
                .isGreaterThanOrEqualTo(asks.get(asks.size() - 1).myDeal().amount().amount());
        List<OverlapRecord> records = client.as(mailcadence).overlaps()
                .records(ledgerline, null, Population.CUSTOMERS, PageRequest.first(1000)).items();
        assertThat(records).extracting(r -> r.match().method()).contains(Match.Method.DOMAIN);
        assertThat(client.as(ledgerline).overlaps().offerHelp(mailcadence, PageRequest.first(5)).items())
                .hasSize(5).allSatisfy(offer -> {
                    assertThat(offer.theirDeal()).as("openDeals not shared").isNull();
                    assertThat(offer.theirAccount().fields().keySet()).isSubsetOf("name", "domain");
                });
    }
}
