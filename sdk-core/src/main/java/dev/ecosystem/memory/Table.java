package dev.ecosystem.memory;

import dev.ecosystem.internal.Checks;
import dev.ecosystem.internal.Cursors;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Rows partitioned by an owner (a tenant, a party, or one constant partition) and sorted by id within each
 * partition. Every change is logged to the open transaction so a failed transaction can be undone. Not thread-safe:
 * the store's lock guards it.
 */
final class Table<V> {
    /** A page's first capacity: a view's size() would walk the rest of the tree, so it is not asked. */
    private static final int FIRST_CAPACITY = 64;

    private final String listing;
    private final Map<Object, TreeMap<String, V>> partitions = new HashMap<>();
    /** Rows every listing has read so far: what a page costs, for the tests that keep paging O(page size). */
    private long rowsRead;

    Table(String listing) {
        this.listing = listing;
    }

    @Nullable V get(Object partition, String id) {
        TreeMap<String, V> rows = partitions.get(partition);
        return rows == null ? null : rows.get(id);
    }

    /** Stores the row and returns the one it replaced, or {@code null}. */
    @Nullable V put(MemoryTransaction tx, Object partition, String id, V row) {
        V previous = partitions.computeIfAbsent(partition, p -> new TreeMap<>()).put(id, row);
        tx.onRollback(() -> restore(partition, id, previous));
        return previous;
    }

    /** Removes the row and returns it, or {@code null} when there was none. */
    @Nullable V remove(MemoryTransaction tx, Object partition, String id) {
        TreeMap<String, V> rows = partitions.get(partition);
        V previous = rows == null ? null : rows.remove(id);
        if (previous != null) {
            tx.onRollback(() -> restore(partition, id, previous));
        }
        return previous;
    }

    private void restore(Object partition, String id, @Nullable V previous) {
        TreeMap<String, V> rows = partitions.computeIfAbsent(partition, p -> new TreeMap<>());
        if (previous == null) {
            rows.remove(id);
        } else {
            rows.put(id, previous);
        }
    }

    /** The partition's rows in ascending id order (a live view: do not change the table while iterating). */
    NavigableMap<String, V> rows(Object partition) {
        TreeMap<String, V> rows = partitions.get(partition);
        return rows == null ? new TreeMap<>() : rows;
    }

    /** Every partition's rows (a live view). */
    Iterable<TreeMap<String, V>> allPartitions() {
        return partitions.values();
    }

    long count(Object partition) {
        TreeMap<String, V> rows = partitions.get(partition);
        return rows == null ? 0 : rows.size();
    }

    /**
     * One page of the partition's rows, after the cursor's key. It reads the page's rows and one more (to know whether
     * there is a next page), however deep the page: a filtered listing keeps its own partition instead.
     */
    Page<V> page(Object partition, PageRequest request) {
        Checks.required(request, "page");
        String listing = this.listing + " of " + partition;
        String after = Cursors.decode(listing, request.cursor());
        NavigableMap<String, V> rows = rows(partition);
        NavigableMap<String, V> rest = after == null ? rows : rows.tailMap(after, false);
        List<V> items = new ArrayList<>(Math.min(request.size(), FIRST_CAPACITY));
        String lastKey = null;
        for (Map.Entry<String, V> row : rest.entrySet()) {
            rowsRead++;
            if (items.size() == request.size()) {
                return new Page<>(items, Cursors.encode(listing, lastKey));
            }
            items.add(row.getValue());
            lastKey = row.getKey();
        }
        return new Page<>(items, null);
    }

    /** How many rows the listings of this table have read since it was made. */
    long rowsRead() {
        return rowsRead;
    }
}
