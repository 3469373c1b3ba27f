package dev.ecosystem.spi;

import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.StatementId;
import dev.ecosystem.model.StoredStatement;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Stored commission statements with their payout ledger, each visible to its vendor only. Ids are unique across the
 * store, and a vendor has at most one statement per (partner, period start, period end, plan). Not in the change
 * feed: no node derives in-memory state from statements, and every read goes to the store.
 *
 * <p>What the queries need a durable store to index: (vendor, id) for reads and the vendor's listing, (vendor,
 * partner, id) for the listing of one partner, and a unique (vendor, partner, period start, period end, plan).
 */
public interface StatementRepository {
    /**
     * Stores a new statement at version 0 and returns it as stored.
     *
     * @throws dev.ecosystem.error.ConflictException when the id is taken, or the vendor already has a statement for the
     *     same partner, period and plan
     */
    StoredStatement insert(StoredStatement statement);

    /**
     * Replaces the stored statement if its version is still {@code statement.version()}; returns it as stored, with
     * the version increased by one.
     *
     * @throws dev.ecosystem.error.ConflictException when the stored version differs (a concurrent change won), or the
     *     update would change the vendor, the partner, the period or the plan
     * @throws dev.ecosystem.error.NotFoundException when the vendor has no such statement
     */
    StoredStatement update(StoredStatement statement);

    /** The statement, if {@code vendor} owns it; otherwise {@code null}. */
    @Nullable StoredStatement get(CompanyId vendor, StatementId id);

    /** The vendor's statement for this partner, period and plan, or {@code null}. */
    @Nullable StoredStatement find(CompanyId vendor, CompanyId partner, LocalDate periodStart, LocalDate periodEnd,
            String plan);

    /** The vendor's statements (of {@code partner} only, unless it is {@code null}) in ascending id order. */
    Page<StoredStatement> list(CompanyId vendor, @Nullable CompanyId partner, PageRequest page);
}
