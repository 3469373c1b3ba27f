package dev.ecosystem.memory;

import dev.ecosystem.model.ChangeKind;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.StoreChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory store's change feed: committed changes in revision order. Revisions are given at commit, under the
 * store's lock, so they are visible in the order they are given. Not thread-safe: the store's lock guards it.
 */
final class MemoryChangeLog {
    /** A change of an open transaction, waiting for its revision. */
    record Pending(ChangeKind kind, CompanyId company, @Nullable String key) {
    }

    private final List<StoreChange> changes = new ArrayList<>();
    private long last;

    /** Appends a committed transaction's changes, each with the next revision. */
    void commit(Collection<Pending> pending, Instant at) {
        for (Pending change : pending) {
            changes.add(new StoreChange(++last, change.kind(), change.company(), change.key(), at));
        }
    }

    /** Up to {@code limit} changes above {@code revision}, ascending. */
    List<StoreChange> after(long revision, int limit) {
        int from = firstAbove(revision);
        return List.copyOf(changes.subList(from, Math.min(changes.size(), from + limit)));
    }

    long latestRevision() {
        return last;
    }

    /** The index of the first change with a revision above {@code revision}. */
    private int firstAbove(long revision) {
        int low = 0;
        int high = changes.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (changes.get(mid).revision() <= revision) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
