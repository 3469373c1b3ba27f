package dev.ecosystem.memory;

import dev.ecosystem.model.CompanyId;
import dev.ecosystem.spi.IdempotencyRepository;
import org.jspecify.annotations.Nullable;

/** Idempotency keys partitioned by tenant. */
final class MemoryIdempotency implements IdempotencyRepository {
    private final MemoryTransaction tx;
    private final Table<String> keys;

    MemoryIdempotency(MemoryTransaction tx, Table<String> keys) {
        this.tx = tx;
        this.keys = keys;
    }

    @Override
    public @Nullable String putIfAbsent(CompanyId tenant, String key, String value) {
        tx.checkOpen();
        String existing = keys.get(tenant, key);
        if (existing != null) {
            return existing;
        }
        keys.put(tx, tenant, key, value);
        return null;
    }
}
