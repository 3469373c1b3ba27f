package dev.ecosystem.model;

import dev.ecosystem.internal.base.Checks;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of results in a stable order.
 *
 * @param items the items of this page
 * @param nextCursor the cursor for the next page, or {@code null} when this is the last
 * @param <T> the item type
 */
public record Page<T>(List<T> items, @Nullable String nextCursor) {
    /** Copies the items. */
    public Page {
        items = List.copyOf(Checks.required(items, "items"));
    }

    /** Whether another page follows. */
    public boolean hasNext() {
        return nextCursor != null;
    }
}
