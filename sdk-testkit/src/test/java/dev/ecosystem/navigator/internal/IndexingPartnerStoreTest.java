package dev.ecosystem.navigator.internal;

import dev.ecosystem.memory.InMemoryPartnerStore;
import dev.ecosystem.navigator.CategoryRelations;
import dev.ecosystem.navigator.OverlapSignal;
import dev.ecosystem.navigator.TagTaxonomy;
import dev.ecosystem.spi.PartnerStore;
import dev.ecosystem.testkit.PartnerStoreContract;

/** The client's indexing wrapper keeps every promise of the store it wraps (its index loaded, so it refreshes). */
class IndexingPartnerStoreTest extends PartnerStoreContract {

    @Override
    protected PartnerStore createStore() {
        PartnerStore store = InMemoryPartnerStore.create();
        NavigatorIndex index = new NavigatorIndex(store, TagTaxonomy.none(), CategoryRelations.none(),
                OverlapSignal.none());
        index.snapshot();
        return new IndexingPartnerStore(store, index);
    }
}
