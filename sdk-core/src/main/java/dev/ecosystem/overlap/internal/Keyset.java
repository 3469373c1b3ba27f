package dev.ecosystem.overlap.internal;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.spi.support.Cursors;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Keyset paging over a listing computed in full and sorted by a total order: the cursor holds the sort key of the
 * last item of the page (as {@link Cursors} does for the rest of the SDK), and the next page starts at the first item
 * whose key is greater. Items added or removed before the cursor neither repeat nor push items past it.
 */
final class Keyset {
    private static final String NULL = "-";

    private Keyset() {
    }

    /** An item with its key in the listing's order. */
    record Keyed<T, K extends Comparable<K>>(T item, K key) {
    }

    /** A sort key that can be written into a cursor and read back. */
    interface Key<K> extends Comparable<K> {
        /** The key's fields as text. */
        List<@Nullable String> parts();
    }

    /**
     * The page of {@code sorted} (ascending by key) after the key the request's cursor names.
     *
     * @param decode reads a key back from its {@link Key#parts()}; throws {@link IllegalArgumentException} (or a
     *     subclass) when the parts do not make a key
     */
    static <T, K extends Key<K>> Page<T> page(List<Keyed<T, K>> sorted, PageRequest page, String listing,
            Function<List<@Nullable String>, K> decode) {
        String after = Cursors.decode(listing, page.cursor());
        int from = 0;
        if (after != null) {
            K last;
            try {
                last = decode.apply(split(after));
            } catch (IllegalArgumentException | IndexOutOfBoundsException | java.time.DateTimeException e) {
                throw malformed(page.cursor());
            }
            int low = 0;
            int high = sorted.size();
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (sorted.get(mid).key().compareTo(last) <= 0) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            from = low;
        }
        int to = Math.min(sorted.size(), from + page.size());
        List<T> items = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            items.add(sorted.get(i).item());
        }
        String next = to < sorted.size() && to > from
                ? Cursors.encode(listing, join(sorted.get(to - 1).key().parts())) : null;
        return new Page<>(items, next);
    }

    /** Length-prefixed parts ({@code 3:abc}), {@code -} for null, so that any text survives. */
    static String join(List<@Nullable String> parts) {
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            if (part == null) {
                text.append(NULL);
            } else {
                text.append(part.length()).append(':').append(part);
            }
        }
        return text.toString();
    }

    static List<@Nullable String> split(String text) {
        List<@Nullable String> parts = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == '-') {
                parts.add(null);
                i++;
                continue;
            }
            int colon = text.indexOf(':', i);
            if (colon < 0) {
                throw new IllegalArgumentException("no length");
            }
            int length = Integer.parseInt(text.substring(i, colon));
            if (length < 0 || colon + 1 + length > text.length()) {
                throw new IllegalArgumentException("bad length");
            }
            parts.add(text.substring(colon + 1, colon + 1 + length));
            i = colon + 1 + length;
        }
        return parts;
    }

    private static ValidationException malformed(@Nullable String cursor) {
        return new ValidationException("cursor is malformed: " + Checks.quote(cursor)
                + "; pass the nextCursor of the previous page unchanged");
    }
}
