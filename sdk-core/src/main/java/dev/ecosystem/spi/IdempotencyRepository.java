package dev.ecosystem.spi;

import dev.ecosystem.model.CompanyId;
import org.jspecify.annotations.Nullable;

/** Idempotency keys per tenant: the first writer of a key wins, later writers learn the first value. */
public interface IdempotencyRepository {
    /**
     * Stores {@code value} under (tenant, key) unless a value is already there. Keys are compared exactly.
     *
     * @return the value already stored, or {@code null} when this call stored {@code value}
     * @throws dev.ecosystem.error.ValidationException when the key is blank or longer than 500 characters
     */
    @Nullable String putIfAbsent(CompanyId tenant, String key, String value);
}
