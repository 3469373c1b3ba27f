package dev.ecosystem.model;

import dev.ecosystem.internal.base.Checks;
import org.jspecify.annotations.Nullable;

/**
 * Which page to read: a size and the opaque cursor of the previous page ({@code null} for the first).
 *
 * <pre>{@code
 * Page<Contact> page = contacts.list(PageRequest.first(50));
 * while (page.nextCursor() != null) {
 *     page = contacts.list(PageRequest.after(page.nextCursor(), 50));
 * }
 * }</pre>
 *
 * @param size how many items at most, 1 to 1000
 * @param cursor the {@link Page#nextCursor()} of the previous page, or {@code null}
 */
public record PageRequest(int size, @Nullable String cursor) {
    /** The largest page size. */
    public static final int MAX_SIZE = 1000;

    /** Validates the size. */
    public PageRequest {
        Checks.range(size, 1, MAX_SIZE, "page size");
        cursor = cursor == null || cursor.isEmpty() ? null : cursor;
    }

    /** The first page. */
    public static PageRequest first(int size) {
        return new PageRequest(size, null);
    }

    /** The page after the one that returned {@code cursor}. */
    public static PageRequest after(@Nullable String cursor, int size) {
        return new PageRequest(size, cursor);
    }
}
