package dev.ecosystem.spi;

import dev.ecosystem.model.StoreChange;
import java.util.List;

/**
 * The store's change feed: every committed write of a company, contact, partnership, block, sharing policy or CRM
 * snapshot, in order. App nodes that share one store follow it to keep what they hold in memory (the navigator's
 * index) current with writes made on other nodes.
 *
 * <p>Contract (checked by {@code PartnerStoreContract} in {@code sdk-testkit}):
 * <ul>
 *   <li>A transaction that writes a record of a {@link dev.ecosystem.model.ChangeKind} adds, in the same
 *       transaction, at least one change naming it; a rolled-back transaction's changes never appear.</li>
 *   <li>Revisions are positive and strictly increasing in {@link #after} order; they need not be contiguous.</li>
 *   <li>A follower never misses a commit: once {@link #after} returned a change with revision {@code R}, no change
 *       with a revision below {@code R} becomes visible later. So reading on from the last revision seen is
 *       enough.</li>
 *   <li>Every change committed before {@link #latestRevision} is called has a revision at most the one it
 *       returns.</li>
 * </ul>
 *
 * <p>Read the feed in a transaction of its own: a store may need to run it at a weaker isolation level than other
 * work (the JDBC store does).
 */
public interface ChangeRepository {
    /** The most changes one call of {@link #after} returns. */
    int MAX_LIMIT = 1000;

    /**
     * Up to {@code limit} changes with a revision above {@code revision}, in ascending revision order; fewer than
     * {@code limit} means the follower has caught up for now.
     *
     * @param revision the last revision the caller has seen, 0 to read from the start
     * @param limit how many at most, 1 to {@value #MAX_LIMIT}
     * @throws dev.ecosystem.error.ValidationException when {@code revision} is negative or {@code limit} is out of range
     */
    List<StoreChange> after(long revision, int limit);

    /**
     * The highest revision of a visible change, 0 when there is none. A node that reads it before loading state
     * from the store, then follows the feed from it, misses no change made during the load.
     */
    long latestRevision();
}
