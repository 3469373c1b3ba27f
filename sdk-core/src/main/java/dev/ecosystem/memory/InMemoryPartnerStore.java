package dev.ecosystem.memory;

import dev.ecosystem.spi.PartnerStore;
import dev.ecosystem.spi.StoreTransaction;
import java.util.function.Function;

/** TEMPORARY. */
public final class InMemoryPartnerStore implements PartnerStore {
    @Override
    public <T> T inTransaction(Function<StoreTransaction, T> work) {
        throw new UnsupportedOperationException();
    }
}
