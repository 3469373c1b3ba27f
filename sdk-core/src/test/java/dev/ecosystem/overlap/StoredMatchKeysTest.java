package dev.ecosystem.overlap;

import static dev.ecosystem.overlap.OverlapFixture.ACME;
import static dev.ecosystem.overlap.OverlapFixture.GLOBEX;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.Population;
import dev.ecosystem.spi.PartnerStore;
import dev.ecosystem.spi.StoredAccounts;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A sync stores each account's match keys beside it, so that a client that did not sync (another app node) builds
 * its index from them; whatever keys the store holds, current, made under other settings or none, every client gets
 * the matrix and records its own settings give.
 */
class StoredMatchKeysTest {
    private final OverlapFixture fixture = new OverlapFixture().partnered();
    private PartnerStore store;

    @BeforeEach
    void share() {
        SharingRulesTest.shareAllAsRecords(fixture.acme(), GLOBEX);
        SharingRulesTest.shareAllAsRecords(fixture.globex(), ACME);
        store = fixture.client.store();
    }

    @Test
    void sync_storesMatchKeysBesideEveryAccount() {
        for (CompanyId tenant : List.of(ACME, GLOBEX)) {
            StoredAccounts stored = store.inTransaction(tx -> tx.crm().allStoredAccounts(tenant));

            assertThat(stored.accounts()).hasSize(6);
            assertThat(stored.matchKeys()).as("keys of %s", tenant).doesNotContainNull();
        }
    }

    @Test
    void aNodeThatDidNotSync_getsTheSyncingClientsMatrixAndRecords() {
        PopulationMatrix matrix = fixture.acme().matrix(GLOBEX);
        List<OverlapRecord> records = records(fixture.client);

        try (EcosystemClient otherNode = EcosystemClient.builder().store(store).build()) {
            assertThat(otherNode.as(ACME).overlaps().matrix(GLOBEX)).isEqualTo(matrix);
            assertThat(records(otherNode)).isEqualTo(records);
        }
        dropKeys();
        try (EcosystemClient withoutKeys = EcosystemClient.builder().store(store).build()) {
            assertThat(withoutKeys.as(ACME).overlaps().matrix(GLOBEX)).as("normalizing every account")
                    .isEqualTo(matrix);
            assertThat(records(withoutKeys)).isEqualTo(records);
        }
        assertThat(matrix.cell(Population.CUSTOMERS, Population.CUSTOMERS).count()).as("one.co.uk")
                .isEqualTo(1L);
    }

    @Test
    void aClientWithOtherDomainSettings_recomputesTheStoredKeys() {
        // seven.com as a generic domain: a5 and g5 no longer match (their names differ), as keys of the default rules say
        OverlapSettings settings = OverlapSettings.builder().addGenericDomains(Set.of("seven.com"))
                .privateSuffixes(false).build();
        PopulationMatrix defaults = fixture.acme().matrix(GLOBEX);

        PopulationMatrix fromStoredKeys;
        List<OverlapRecord> recordsFromStoredKeys;
        try (EcosystemClient otherSettings = EcosystemClient.builder().store(store).overlapSettings(settings)
                .build()) {
            fromStoredKeys = otherSettings.as(ACME).overlaps().matrix(GLOBEX);
            recordsFromStoredKeys = records(otherSettings);
        }
        dropKeys();
        try (EcosystemClient otherSettings = EcosystemClient.builder().store(store).overlapSettings(settings)
                .build()) {
            assertThat(fromStoredKeys).isEqualTo(otherSettings.as(ACME).overlaps().matrix(GLOBEX));
            assertThat(recordsFromStoredKeys).isEqualTo(records(otherSettings));
        }
        assertThat(fromStoredKeys).isNotEqualTo(defaults);
        assertThat(recordsFromStoredKeys).extracting(r -> r.mine().id().value()).doesNotContain("a5");
    }

    /** Puts every account again without keys, as a store that keeps none would hold them. */
    private void dropKeys() {
        store.useTransaction(tx -> {
            for (CompanyId tenant : List.of(ACME, GLOBEX)) {
                tx.crm().putAccounts(tenant, tx.crm().allAccounts(tenant));
            }
        });
        for (CompanyId tenant : List.of(ACME, GLOBEX)) {
            assertThat(store.inTransaction(tx -> tx.crm().allStoredAccounts(tenant)).matchKeys()).containsOnlyNulls();
        }
    }

    private static List<OverlapRecord> records(EcosystemClient client) {
        return client.as(ACME).overlaps().records(GLOBEX, null, null, PageRequest.first(100)).items();
    }
}
