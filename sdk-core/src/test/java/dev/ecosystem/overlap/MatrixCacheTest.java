package dev.ecosystem.overlap;

import static dev.ecosystem.overlap.OverlapFixture.ACME;
import static dev.ecosystem.overlap.OverlapFixture.GLOBEX;
import static dev.ecosystem.overlap.OverlapFixture.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.error.AccessDeniedException;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.PartnershipStatus;
import dev.ecosystem.model.Population;
import dev.ecosystem.model.SharingPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A matrix asked again is answered from what the client keeps, and only while nothing it depends on changed. */
class MatrixCacheTest {
    private final OverlapFixture fixture = new OverlapFixture().partnered();

    @Test
    void askingAgain_givesTheSameMatrix() {
        SharingRulesTest.shareAllAsRecords(fixture.globex(), ACME);

        PopulationMatrix first = fixture.acme().matrix(GLOBEX);

        assertThat(fixture.acme().matrix(GLOBEX)).isEqualTo(first);
        assertThat(first.cell(Population.CUSTOMERS, Population.CUSTOMERS).count()).as("one.co.uk").isEqualTo(1L);
    }

    @Test
    void aChangedPolicy_isInTheNextMatrix() {
        SharingRulesTest.shareAllAsRecords(fixture.globex(), ACME);
        assertThat(fixture.acme().matrix(GLOBEX).theirs()).contains(Population.CUSTOMERS);

        fixture.globex().shareWith(ACME, SharingPolicy.builder().records(Population.PROSPECTS, "name").build());

        PopulationMatrix matrix = fixture.acme().matrix(GLOBEX);
        assertThat(matrix.theirs()).containsExactly(Population.PROSPECTS);
        assertThat(fixture.acme().records(GLOBEX, null, null, PageRequest.first(100)).items())
                .extracting(r -> r.theirs().id().value()).containsExactly("g4");
    }

    @Test
    void aSnapshotChangedThroughAnotherClient_isInTheNextMatrix() {
        SharingRulesTest.shareAllAsRecords(fixture.globex(), ACME);
        assertThat(fixture.acme().matrix(GLOBEX).cell(Population.PROSPECTS, Population.CUSTOMERS).count())
                .isZero();

        try (EcosystemClient otherNode = EcosystemClient.builder().store(fixture.client.store()).build()) {
            otherNode.store().useTransaction(tx -> tx.crm().putAccounts(GLOBEX,
                    List.of(account(GLOBEX, "g7", "Six Inc", "https://www.six.com/", "customer"))));
        }

        assertThat(fixture.acme().matrix(GLOBEX).cell(Population.PROSPECTS, Population.CUSTOMERS).count())
                .isEqualTo(1L);
    }

    @Test
    void anEndedPartnership_isCheckedOnAWarmMatrixToo() {
        SharingRulesTest.shareAllAsRecords(fixture.globex(), ACME);
        fixture.acme().matrix(GLOBEX);

        var record = fixture.client.as(ACME).partnerships().findByPartner(GLOBEX);
        fixture.client.as(ACME).partnerships().changeStatus(record.id(), PartnershipStatus.ENDED);

        assertThatThrownBy(() -> fixture.acme().matrix(GLOBEX)).isInstanceOf(AccessDeniedException.class);
    }
}
