package dev.ecosystem.memory;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A large partition of rows that carry their own id (a company's), in ascending id order: chunks of up to
 * {@value #CHUNK} rows, found by binary search over each chunk's first id. A row costs one reference (4 bytes, a
 * little more in a chunk split in two) where a {@code TreeMap} entry costs 40; rows appended in id order, as a bulk
 * import brings them, fill each chunk before starting the next. Not thread-safe: the store's lock guards it.
 *
 * @param <V> the row type
 */
final class SortedRows<V> {
    static final int CHUNK = 256;

    private final Function<? super V, String> keyOf;
    private @Nullable Object[][] chunks = new Object[4][];
    private int[] sizes = new int[4];
    private int chunkCount;
    private int size;

    /** The rows of {@code sorted}, ascending by id and distinct, as the first chunk. */
    SortedRows(Function<? super V, String> keyOf, Object[] sorted) {
        this.keyOf = keyOf;
        chunks[0] = Arrays.copyOf(sorted, CHUNK);
        sizes[0] = sorted.length;
        chunkCount = 1;
        size = sorted.length;
    }

    int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    private String key(@Nullable Object row) {
        return keyOf.apply((V) row);
    }

    /** The chunk that holds {@code key} or would: the last whose first id is not above it, else the first. */
    private int chunkOf(String key) {
        int found = 0;
        int low = 1;
        int high = chunkCount - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (key(chunks[mid][0]).compareTo(key) <= 0) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found;
    }

    /** The index of {@code key} in the chunk, or {@code -(insertion index) - 1}. */
    private int indexIn(int chunk, String key) {
        return indexOf(chunks[chunk], sizes[chunk], key, keyOf);
    }

    /**
     * The index of the row with id {@code key} among the first {@code size} of {@code rows}, ascending by id, or
     * {@code -(insertion index) - 1}.
     */
    @SuppressWarnings("unchecked")
    static <V> int indexOf(@Nullable Object[] rows, int size, String key, Function<? super V, String> keyOf) {
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int order = keyOf.apply((V) rows[mid]).compareTo(key);
            if (order < 0) {
                low = mid + 1;
            } else if (order > 0) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -low - 1;
    }

    @SuppressWarnings("unchecked")
    @Nullable V get(String key) {
        int chunk = chunkOf(key);
        int at = indexIn(chunk, key);
        return at < 0 ? null : (V) chunks[chunk][at];
    }

    /** Stores the row under its id and returns the one it replaced, or {@code null}. */
    @SuppressWarnings("unchecked")
    @Nullable V put(String key, V row) {
        int chunk = chunkOf(key);
        int at = indexIn(chunk, key);
        if (at >= 0) {
            V previous = (V) chunks[chunk][at];
            chunks[chunk][at] = row;
            return previous;
        }
        insert(chunk, -at - 1, row);
        size++;
        return null;
    }

    private void insert(int chunk, int at, V row) {
        int n = sizes[chunk];
        if (n == CHUNK) {
            addChunk(chunk + 1);
            if (chunk == chunkCount - 2 && at == n) {
                // Past the end of the last chunk, as ids come in order: the full chunk stays full.
                chunks[chunk + 1][0] = row;
                sizes[chunk + 1] = 1;
                return;
            }
            int half = n / 2;
            System.arraycopy(chunks[chunk], half, chunks[chunk + 1], 0, n - half);
            Arrays.fill(chunks[chunk], half, n, null);
            sizes[chunk] = half;
            sizes[chunk + 1] = n - half;
            if (at > half) {
                chunk++;
                at -= half;
            }
            n = sizes[chunk];
        }
        Object[] rows = chunks[chunk];
        System.arraycopy(rows, at, rows, at + 1, n - at);
        rows[at] = row;
        sizes[chunk] = n + 1;
    }

    private void addChunk(int at) {
        if (chunkCount == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunkCount * 2);
            sizes = Arrays.copyOf(sizes, chunkCount * 2);
        }
        System.arraycopy(chunks, at, chunks, at + 1, chunkCount - at);
        System.arraycopy(sizes, at, sizes, at + 1, chunkCount - at);
        chunks[at] = new Object[CHUNK];
        sizes[at] = 0;
        chunkCount++;
    }

    /** Removes the row with this id and returns it, or {@code null} when there was none. */
    @SuppressWarnings("unchecked")
    @Nullable V remove(String key) {
        int chunk = chunkOf(key);
        int at = indexIn(chunk, key);
        if (at < 0) {
            return null;
        }
        Object[] rows = chunks[chunk];
        V previous = (V) rows[at];
        int n = sizes[chunk];
        System.arraycopy(rows, at + 1, rows, at, n - at - 1);
        rows[n - 1] = null;
        sizes[chunk] = n - 1;
        size--;
        if (n == 1 && chunkCount > 1) {
            System.arraycopy(chunks, chunk + 1, chunks, chunk, chunkCount - chunk - 1);
            System.arraycopy(sizes, chunk + 1, sizes, chunk, chunkCount - chunk - 1);
            chunks[--chunkCount] = null;
        }
        return previous;
    }

    /** The rows in id order, as a new array: the chunks' references copied, no row read. */
    Object[] toArray() {
        Object[] all = new Object[size];
        int at = 0;
        for (int chunk = 0; chunk < chunkCount; chunk++) {
            System.arraycopy(chunks[chunk], 0, all, at, sizes[chunk]);
            at += sizes[chunk];
        }
        return all;
    }

    /** Hands every row to {@code action} in id order, reading no row's id. */
    @SuppressWarnings("unchecked")
    void forEach(Consumer<? super V> action) {
        for (int chunk = 0; chunk < chunkCount; chunk++) {
            Object[] rows = chunks[chunk];
            for (int i = 0, n = sizes[chunk]; i < n; i++) {
                action.accept((V) rows[i]);
            }
        }
    }

    /**
     * Hands the rows after {@code after} (all when {@code null}) to {@code action} in id order while it returns
     * {@code true}.
     */
    @SuppressWarnings("unchecked")
    void scan(@Nullable String after, Predicate<? super V> action) {
        int chunk = 0;
        int from = 0;
        if (after != null) {
            chunk = chunkOf(after);
            int at = indexIn(chunk, after);
            from = at >= 0 ? at + 1 : -at - 1;
        }
        for (; chunk < chunkCount; chunk++, from = 0) {
            Object[] rows = chunks[chunk];
            for (int i = from, n = sizes[chunk]; i < n; i++) {
                if (!action.test((V) rows[i])) {
                    return;
                }
            }
        }
    }
}
