package dev.ecosystem.memory;

import dev.ecosystem.spi.PartnerStore;
import dev.ecosystem.testkit.PartnerStoreContract;

class InMemoryPartnerStoreTest extends PartnerStoreContract {

    @Override
    protected PartnerStore createStore() {
        return InMemoryPartnerStore.create();
    }
}
