package dev.ecosystem.jdbc;

import dev.ecosystem.model.CompanyId;
import dev.ecosystem.spi.IdempotencyRepository;
import org.jspecify.annotations.Nullable;

/**
 * Idempotency keys in the {@code idempotency_keys} table, whose primary key (tenant, key) decides races: when two
 * transactions insert the same key, the loser is retried and then reads the winner's value.
 */
final class JdbcIdempotency implements IdempotencyRepository {
    private final JdbcTransaction tx;
    private final String table;

    JdbcIdempotency(JdbcTransaction tx) {
        this.tx = tx;
        this.table = tx.table("idempotency_keys");
    }

    @Override
    public @Nullable String putIfAbsent(CompanyId tenant, String key, String value) {
        String existing = tx.queryOne("read idempotency key", "SELECT idem_value FROM " + table
                + " WHERE tenant = ? AND idem_key = ?", row -> row.getString(1), tenant.value(), key);
        if (existing != null) {
            return existing;
        }
        tx.update("store idempotency key", "INSERT INTO " + table + " (tenant, idem_key, idem_value) VALUES (?, ?, ?)",
                tenant.value(), key, value);
        return null;
    }
}
