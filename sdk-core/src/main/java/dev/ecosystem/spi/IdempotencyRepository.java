package dev.ecosystem.spi;

import dev.ecosystem.model.CompanyId;
import org.jspecify.annotations.Nullable;

/** Idempotency keys per tenant: the first writer of a key wins, later writers learn the first value. */
public interface IdempotencyRepository {
    /**
     * Stores {@code value} under (tenant, key) unless a value is already there.
     *
     * @return the value already stored, or {@code null} when this call stored {@code value}
     */
    @Nullable String putIfAbsent(CompanyId tenant, String key, String value);
}
