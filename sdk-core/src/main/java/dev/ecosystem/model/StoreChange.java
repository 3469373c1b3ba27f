package dev.ecosystem.model;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a partner store's change feed: which record changed, not what it now holds, so a node that follows
 * the feed re-reads the record from the store. Many writes of one transaction to the same record may give one entry.
 *
 * @param revision the entry's place in the feed: positive, and strictly increasing in the order entries become
 *     visible (see {@link dev.ecosystem.spi.ChangeRepository})
 * @param kind what kind of record changed
 * @param company the company the record belongs to (see {@link ChangeKind} for each kind)
 * @param key which of the company's records changed, or {@code null} when the kind needs none
 * @param at when the store recorded the change, by its own clock; informative only, never an order
 */
public record StoreChange(long revision, ChangeKind kind, CompanyId company, @Nullable String key, Instant at) {
    /** Validates every field. */
    public StoreChange {
        if (revision <= 0) {
            throw new ValidationException("change revision must be positive, but was " + revision);
        }
        Checks.required(kind, "change kind");
        Checks.required(company, "change company");
        Checks.required(at, "change at");
    }
}
