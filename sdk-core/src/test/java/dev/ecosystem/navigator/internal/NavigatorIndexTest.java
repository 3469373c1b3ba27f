package dev.ecosystem.navigator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecosystem.internal.ForwardingTransaction;
import dev.ecosystem.memory.InMemoryPartnerStore;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.navigator.CategoryRelations;
import dev.ecosystem.navigator.TagTaxonomy;
import dev.ecosystem.spi.CompanyRepository;
import dev.ecosystem.spi.PartnerStore;
import dev.ecosystem.spi.StoreTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The index loads the network once and takes even a bulk import of changed companies incrementally. */
class NavigatorIndexTest {
    private final InMemoryPartnerStore host = InMemoryPartnerStore.create();
    private final AtomicInteger listings = new AtomicInteger();
    private NavigatorIndex index;

    /** The host store, counting the pages of companies listed (what a load reads). */
    private final PartnerStore counting = new PartnerStore() {
        @Override
        public <T> T inTransaction(Function<StoreTransaction, T> work) {
            return host.inTransaction(tx -> work.apply(new ForwardingTransaction(tx) {
                @Override
                public CompanyRepository companies() {
                    CompanyRepository companies = tx.companies();
                    return new CompanyRepository() {
                        @Override
                        public void put(Company company) {
                            companies.put(company);
                        }

                        @Override
                        public @Nullable Company get(CompanyId id) {
                            return companies.get(id);
                        }

                        @Override
                        public boolean remove(CompanyId id) {
                            return companies.remove(id);
                        }

                        @Override
                        public Page<Company> list(PageRequest page) {
                            listings.incrementAndGet();
                            return companies.list(page);
                        }

                        @Override
                        public long count() {
                            return companies.count();
                        }
                    };
                }
            }));
        }
    };

    @BeforeEach
    void setUp() {
        index = new NavigatorIndex(counting, TagTaxonomy.none(), CategoryRelations.none(), null);
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
        int afterLoad = listings.get();
        long loadedRevision = index.loadedRevision();

        List<CompanyId> imported = store(1_000, 31_000, "analytics");
        List<CompanyId> retagged = store(0, 500, "analytics");
        List<CompanyId> changed = new ArrayList<>(imported);
        changed.addAll(retagged);
        index.refresh(changed);

        Snapshot snapshot = index.snapshot();
        assertThat(listings.get()).as("no load: the network is not listed again").isEqualTo(afterLoad);
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
