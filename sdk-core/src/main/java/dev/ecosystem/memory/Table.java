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
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Rows partitioned by an owner (a tenant, a party, or one constant partition) and sorted by id within each
 * partition. Every change is logged to the open transaction so a failed transaction can be undone. Not thread-safe:
 * the store's lock guards it.
 *
 * <p>Most partitions are small (a company's contacts, a party's introductions), so a partition of up to
 * {@value #SMALL} rows is one array of its keys and rows, alternating and sorted by key (24 bytes for one row instead
 * of 88 in a {@code TreeMap}); a larger one is a {@code TreeMap}.
 */
final class Table<V> {
    /** A page's first capacity: a view's size() would walk the rest of the tree, so it is not asked. */
    private static final int FIRST_CAPACITY = 64;
    /** The most rows a partition keeps in one array. */
    static final int SMALL = 8;

    private final String listing;
    /** Each partition's rows: an {@code Object[]} of keys and rows, or a {@code TreeMap}. */
    private final Map<Object, Object> partitions = new HashMap<>();
    /** Rows every listing has read so far: what a page costs, for the tests that keep paging O(page size). */
    private long rowsRead;

    Table(String listing) {
        this.listing = listing;
    }

    @SuppressWarnings("unchecked")
    @Nullable V get(Object partition, String id) {
        Object rows = partitions.get(partition);
        if (rows instanceof Object[] small) {
            int at = indexOf(small, id);
            return at < 0 ? null : (V) small[at + 1];
        }
        return rows == null ? null : ((TreeMap<String, V>) rows).get(id);
    }

    /** Stores the row and returns the one it replaced, or {@code null}. */
    @Nullable V put(MemoryTransaction tx, Object partition, String id, V row) {
        V previous = write(partition, id, row);
        tx.onRollback(() -> write(partition, id, previous));
        return previous;
    }

    /** Removes the row and returns it, or {@code null} when there was none. */
    @Nullable V remove(MemoryTransaction tx, Object partition, String id) {
        V previous = write(partition, id, null);
        if (previous != null) {
            tx.onRollback(() -> write(partition, id, previous));
        }
        return previous;
    }

    /** Stores {@code row} under {@code id}, or removes the row when it is {@code null}; returns the one before. */
    @SuppressWarnings("unchecked")
    private @Nullable V write(Object partition, String id, @Nullable V row) {
        Object rows = partitions.get(partition);
        if (rows instanceof TreeMap<?, ?> tree) {
            TreeMap<String, V> large = (TreeMap<String, V>) tree;
            return row == null ? large.remove(id) : large.put(id, row);
        }
        Object[] small = rows == null ? new Object[0] : (Object[]) rows;
        int at = indexOf(small, id);
        if (at >= 0) {
            V previous = (V) small[at + 1];
            if (row != null) {
                small[at + 1] = row;
            } else if (small.length == 2) {
                partitions.remove(partition);
            } else {
                Object[] fewer = new Object[small.length - 2];
                System.arraycopy(small, 0, fewer, 0, at);
                System.arraycopy(small, at + 2, fewer, at, small.length - at - 2);
                partitions.put(partition, fewer);
            }
            return previous;
        }
        if (row == null) {
            return null;
        }
        int insert = -at - 1;
        Object[] more = new Object[small.length + 2];
        System.arraycopy(small, 0, more, 0, insert);
        more[insert] = id;
        more[insert + 1] = row;
        System.arraycopy(small, insert, more, insert + 2, small.length - insert);
        partitions.put(partition, more.length / 2 > SMALL ? tree(more) : more);
        return null;
    }

    /** The index of {@code id}'s key in {@code small}, or {@code -(insertion index) - 1}. */
    private static int indexOf(Object[] small, String id) {
        int low = 0;
        int high = small.length / 2 - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int order = ((String) small[2 * mid]).compareTo(id);
            if (order < 0) {
                low = mid + 1;
            } else if (order > 0) {
                high = mid - 1;
            } else {
                return 2 * mid;
            }
        }
        return -(2 * low) - 1;
    }

    @SuppressWarnings("unchecked")
    private static <V> TreeMap<String, V> tree(Object[] small) {
        TreeMap<String, V> rows = new TreeMap<>();
        for (int i = 0; i < small.length; i += 2) {
            rows.put((String) small[i], (V) small[i + 1]);
        }
        return rows;
    }

    /**
     * The partition's rows in ascending id order: a live view of a large partition, a copy of a small one (do not
     * change the table while iterating).
     */
    @SuppressWarnings("unchecked")
    NavigableMap<String, V> rows(Object partition) {
        Object rows = partitions.get(partition);
        if (rows instanceof Object[] small) {
            return tree(small);
        }
        return rows == null ? new TreeMap<>() : (TreeMap<String, V>) rows;
    }

    /** Hands the partition's rows to {@code action} in ascending id order (do not change the table meanwhile). */
    @SuppressWarnings("unchecked")
    void forEach(Object partition, Consumer<? super V> action) {
        Object rows = partitions.get(partition);
        if (rows instanceof Object[] small) {
            for (int i = 1; i < small.length; i += 2) {
                action.accept((V) small[i]);
            }
        } else if (rows != null) {
            ((TreeMap<String, V>) rows).values().forEach(action);
        }
    }

    long count(Object partition) {
        Object rows = partitions.get(partition);
        if (rows instanceof Object[] small) {
            return small.length / 2;
        }
        return rows == null ? 0 : ((TreeMap<?, ?>) rows).size();
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
