package dev.ecosystem.memory;

import dev.ecosystem.spi.support.Cursors;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Rows partitioned by an owner (a tenant, a party, or one constant partition) and sorted by id within each
 * partition. Every change is logged to the open transaction so a failed transaction can be undone. Not thread-safe:
 * the store's lock guards it.
 *
 * <p>Most partitions are small (a company's contacts, a party's introductions), so a partition of up to
 * {@value #SMALL} rows is one array of its keys and rows, alternating and sorted by key (24 bytes for one row instead
 * of 88 in a {@code TreeMap}); a larger one is a {@code TreeMap}. A table whose rows carry their own id
 * ({@link #keyedBy}, for companies, contacts and a tenant's CRM accounts and deals, a million or more of each)
 * keeps no keys at all: a partition of one row is the row itself, a small one an array of rows, a large one
 * {@link SortedRows} (4 bytes a row), which a pass over all rows reads as arrays, not node by node as a tree.
 */
final class Table<V> {
    /** A page's first capacity: a view's size() would walk the rest of the tree, so it is not asked. */
    private static final int FIRST_CAPACITY = 64;
    /** The most rows a partition keeps in one array. */
    static final int SMALL = 8;

    private final String listing;
    /** The id of a row, for a table whose rows carry it; else {@code null} and the keys are kept beside the rows. */
    private final @Nullable Function<? super V, String> keyOf;
    /**
     * Each partition's rows: an {@code Object[]} of keys and rows, or a {@code TreeMap}; with {@link #keyOf}, the one
     * row, an {@code Object[]} of rows, or {@link SortedRows}.
     */
    private final Partitions partitions = new Partitions();
    /** Rows every listing has read so far: what a page costs, for the tests that keep paging O(page size). */
    private long rowsRead;

    Table(String listing) {
        this(listing, null);
    }

    private Table(String listing, @Nullable Function<? super V, String> keyOf) {
        this.listing = listing;
        this.keyOf = keyOf;
    }

    /** A table of rows that carry their own id: {@code keyOf} gives it, and every write stores a row under it. */
    static <V> Table<V> keyedBy(String listing, Function<? super V, String> keyOf) {
        return new Table<>(listing, keyOf);
    }

    @SuppressWarnings("unchecked")
    @Nullable V get(Object partition, String id) {
        Object rows = partitions.get(partition);
        if (rows == null) {
            return null;
        }
        if (keyOf != null) {
            if (rows instanceof SortedRows<?> large) {
                return ((SortedRows<V>) large).get(id);
            }
            Object[] small = rowsOf(rows);
            int at = indexOfRow(small, id);
            return at < 0 ? null : (V) small[at];
        }
        if (rows instanceof Object[] small) {
            int at = indexOf(small, id);
            return at < 0 ? null : (V) small[at + 1];
        }
        return ((TreeMap<String, V>) rows).get(id);
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
        if (keyOf != null) {
            return writeRow(partition, rows, id, row);
        }
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

    /** {@link #write} for a table whose rows carry their id. */
    @SuppressWarnings("unchecked")
    private @Nullable V writeRow(Object partition, @Nullable Object rows, String id, @Nullable V row) {
        if (rows instanceof SortedRows<?> sorted) {
            SortedRows<V> large = (SortedRows<V>) sorted;
            if (row != null) {
                return large.put(id, row);
            }
            V removed = large.remove(id);
            if (large.size() == 0) {
                partitions.remove(partition);
            }
            return removed;
        }
        Object[] small = rows == null ? new Object[0] : rowsOf(rows);
        int at = indexOfRow(small, id);
        V previous = at >= 0 ? (V) small[at] : null;
        if (row != null && at >= 0) {
            small = small.clone();
            small[at] = row;
        } else if (row != null) {
            int insert = -at - 1;
            Object[] more = new Object[small.length + 1];
            System.arraycopy(small, 0, more, 0, insert);
            more[insert] = row;
            System.arraycopy(small, insert, more, insert + 1, small.length - insert);
            small = more;
        } else if (at >= 0) {
            Object[] fewer = new Object[small.length - 1];
            System.arraycopy(small, 0, fewer, 0, at);
            System.arraycopy(small, at + 1, fewer, at, small.length - at - 1);
            small = fewer;
        } else {
            return null;
        }
        if (small.length == 0) {
            partitions.remove(partition);
        } else {
            partitions.put(partition, small.length == 1 ? small[0]
                    : small.length > SMALL ? new SortedRows<>(Objects.requireNonNull(keyOf), small) : small);
        }
        return previous;
    }

    /** The rows of a small partition of a {@link #keyedBy} table: its array, or its one row. */
    private static Object[] rowsOf(Object rows) {
        return rows instanceof Object[] array ? array : new Object[] {rows};
    }

    /** The index of {@code id}'s row in {@code rows} of a {@link #keyedBy} table, or {@code -(insertion) - 1}. */
    private int indexOfRow(Object[] rows, String id) {
        return SortedRows.indexOf(rows, rows.length, id, Objects.requireNonNull(keyOf));
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
     * The partition's rows in ascending id order: a live view of a large partition of a table with keys, a copy
     * otherwise (do not change the table while iterating).
     */
    @SuppressWarnings("unchecked")
    NavigableMap<String, V> rows(Object partition) {
        Object rows = partitions.get(partition);
        if (keyOf != null) {
            TreeMap<String, V> copy = new TreeMap<>();
            forEach(partition, row -> copy.put(keyOf.apply(row), row));
            return copy;
        }
        if (rows instanceof Object[] small) {
            return tree(small);
        }
        return rows == null ? new TreeMap<>() : (TreeMap<String, V>) rows;
    }

    /**
     * Hands the partition's rows to {@code action} in ascending id order (do not change the table meanwhile). Rows
     * that carry their id are handed over without reading it, so that a pass over a large partition reads only the
     * rows it is given.
     */
    @SuppressWarnings("unchecked")
    void forEach(Object partition, Consumer<? super V> action) {
        Object rows = partitions.get(partition);
        if (keyOf != null && rows instanceof SortedRows<?> large) {
            ((SortedRows<V>) large).forEach(action);
        } else if (keyOf != null && rows != null) {
            for (Object row : rowsOf(rows)) {
                action.accept((V) row);
            }
        } else {
            scan(partition, null, (key, row) -> {
                action.accept(row);
                return true;
            });
        }
    }

    /**
     * The partition's rows of a {@link #keyedBy} table in ascending id order, as a new array: references copied, no
     * row read, so that a large partition is copied at the speed of memory while the store is locked.
     */
    Object[] rowArray(Object partition) {
        if (keyOf == null) {
            throw new IllegalStateException("rowArray needs a table whose rows carry their id: " + listing);
        }
        Object rows = partitions.get(partition);
        if (rows instanceof SortedRows<?> large) {
            return large.toArray();
        }
        return rows == null ? new Object[0] : rowsOf(rows).clone();
    }

    /**
     * Hands the partition's rows after {@code after} (all when {@code null}) to {@code action} in id order, while it
     * returns {@code true}.
     */
    @SuppressWarnings("unchecked")
    private void scan(Object partition, @Nullable String after, BiPredicate<String, ? super V> action) {
        Object rows = partitions.get(partition);
        if (rows == null) {
            return;
        }
        Function<? super V, String> key = keyOf;
        if (key != null && rows instanceof SortedRows<?> large) {
            ((SortedRows<V>) large).scan(after, row -> action.test(key.apply(row), row));
        } else if (key != null) {
            Object[] small = rowsOf(rows);
            int at = after == null ? 0 : indexOfRow(small, after);
            for (int i = at >= 0 ? at + (after == null ? 0 : 1) : -at - 1; i < small.length; i++) {
                V row = (V) small[i];
                if (!action.test(key.apply(row), row)) {
                    return;
                }
            }
        } else if (rows instanceof Object[] small) {
            // Keys at even indexes, each row after its key.
            int at = after == null ? 0 : indexOf(small, after);
            for (int i = at >= 0 ? at + (after == null ? 1 : 3) : -at; i < small.length; i += 2) {
                if (!action.test((String) small[i - 1], (V) small[i])) {
                    return;
                }
            }
        } else {
            TreeMap<String, V> tree = (TreeMap<String, V>) rows;
            for (Map.Entry<String, V> row : (after == null ? tree : tree.tailMap(after, false)).entrySet()) {
                if (!action.test(row.getKey(), row.getValue())) {
                    return;
                }
            }
        }
    }

    long count(Object partition) {
        Object rows = partitions.get(partition);
        if (rows == null) {
            return 0;
        }
        if (rows instanceof SortedRows<?> large) {
            return large.size();
        }
        if (keyOf != null) {
            return rowsOf(rows).length;
        }
        return rows instanceof Object[] small ? small.length / 2 : ((TreeMap<?, ?>) rows).size();
    }

    /**
     * One page of the partition's rows, after the cursor's key. It reads the page's rows and one more (to know whether
     * there is a next page), however deep the page: a filtered listing keeps its own partition instead.
     */
    Page<V> page(Object partition, PageRequest request) {
        // The listing's name only when a cursor is read or written: most listings of a company's rows are one page.
        String after = request.cursor() == null ? null : Cursors.decode(listing(partition), request.cursor());
        List<V> items = new ArrayList<>(Math.min(request.size(), FIRST_CAPACITY));
        String[] lastKey = new String[1];
        boolean[] more = new boolean[1];
        scan(partition, after, (key, row) -> {
            rowsRead++;
            if (items.size() == request.size()) {
                more[0] = true;
                return false;
            }
            items.add(row);
            lastKey[0] = key;
            return true;
        });
        return new Page<>(items, more[0] ? Cursors.encode(listing(partition), lastKey[0]) : null);
    }

    private String listing(Object partition) {
        return listing + " of " + partition;
    }

    /** Every row of the partition in ascending id order, copied in one pass. */
    List<V> all(Object partition) {
        List<V> rows;
        if (keyOf != null) {
            rows = new ArrayList<>((int) count(partition));
            forEach(partition, rows::add);
        } else {
            rows = new ArrayList<>(rows(partition).values());
        }
        rowsRead += rows.size();
        return rows;
    }

    /** How many rows the listings of this table have read since it was made. */
    long rowsRead() {
        return rowsRead;
    }
}
