package dev.ecosystem.navigator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecosystem.memory.InMemoryPartnerStore;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.navigator.CategoryRelations;
import dev.ecosystem.navigator.TagTaxonomy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The index loads the network once and takes even a bulk import of changed companies incrementally. */
class NavigatorIndexTest {
    private final InMemoryPartnerStore host = InMemoryPartnerStore.create();
    private NavigatorIndex index;

    @BeforeEach
    void setUp() {
        index = new NavigatorIndex(host, TagTaxonomy.none(), CategoryRelations.none(), null);
    }

    private List<CompanyId> store(int from, int to, String tag) {
        List<CompanyId> ids = new ArrayList<>();
        host.useTransaction(tx -> {
            for (int i = from; i < to; i++) {
                CompanyId id = CompanyId.of(String.format("c%06d", i));
                tx.companies().put(Company.builder(id, "Company " + i).businessTags(tag).listed(i % 10 != 0).build());
                ids.add(id);
            }
        });
        return ids;
    }

    @Test
    void bulkRefresh_updatesTheLoadedIndex_withoutListingTheNetworkAgain() {
        store(0, 1_000, "crm");
        assertThat(index.snapshot().liveCount()).isEqualTo(900);
        long loadedRevision = index.loadedRevision();
        // Stored behind the index's back: only a new load of the whole network would find it.
        store(50_001, 50_002, "crm");

        List<CompanyId> imported = store(1_000, 31_000, "analytics");
        List<CompanyId> retagged = store(0, 500, "analytics");
        List<CompanyId> changed = new ArrayList<>(imported);
        changed.addAll(retagged);
        index.refresh(changed);

        Snapshot snapshot = index.snapshot();
        assertThat(snapshot.doc("c050001")).as("no load: the network was not read again").isNegative();
        assertThat(index.loadedRevision()).isEqualTo(loadedRevision);
        assertThat(snapshot.liveCount()).isEqualTo(900 + 27_000);
        int analytics = index.dictionary().lookup("business:analytics");
        int crm = index.dictionary().lookup("business:crm");
        assertThat(snapshot.has(snapshot.doc("c000001"), analytics)).isTrue();
        assertThat(snapshot.has(snapshot.doc("c000001"), crm)).isFalse();
        assertThat(snapshot.has(snapshot.doc("c000501"), crm)).isTrue();
        assertThat(snapshot.doc("c030999")).isNotNegative();
        assertThat(snapshot.doc("c030990")).as("unlisted").isNegative();
    }

    @Test
    void loadedRevision_isTheFeedRevisionTheLoadReflects() {
        store(0, 10, "crm");
        long before = host.inTransaction(tx -> tx.changes().latestRevision());

        index.snapshot();

        assertThat(index.loadedRevision()).isEqualTo(before).isPositive();
    }
}
