package dev.ecosystem.io;

import dev.ecosystem.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Collects what is wrong with a load, so one error can report several bad rows. Keeps the first {@value #LIMIT}
 * messages and counts the rest.
 */
final class Problems {
    /** How many problems one error message lists. */
    static final int LIMIT = 10;

    private final List<String> messages = new ArrayList<>();
    private int count;
    private @Nullable Throwable firstCause;

    /** Records a problem with a complete message (location first). */
    void add(String message, @Nullable Throwable cause) {
        count++;
        if (messages.size() < LIMIT) {
            messages.add(message);
        }
        if (firstCause == null) {
            firstCause = cause;
        }
    }

    /** Records a problem with one column of a row. */
    void at(Row row, String column, ValidationException error) {
        add(row.source() + " line " + row.line(column) + ", " + row.label(column) + ": " + error.getMessage(), error);
    }

    /** Records a problem with a whole row. */
    void at(Row row, ValidationException error) {
        add(row.source() + " line " + row.line() + ": " + error.getMessage(), error);
    }

    /**
     * Remembers on which line {@code key} (the row's id) first appeared; if it appeared before, records the repeat as
     * a problem with the row's {@code id} column and returns false.
     */
    <K> boolean unique(Map<K, Integer> lines, K key, Row row, String what) {
        Integer first = lines.putIfAbsent(key, row.line("id"));
        if (first == null) {
            return true;
        }
        at(row, "id", new ValidationException(what + " appears more than once; it is already on line " + first));
        return false;
    }

    /**
     * Throws one {@link ValidationException} listing the problems, one per line and the first one first, if there are
     * any. Its cause is the first problem's cause.
     */
    void throwIfAny() {
        if (count == 0) {
            return;
        }
        StringBuilder message = new StringBuilder(String.join("\n", messages));
        if (count > messages.size()) {
            message.append("\n... and ").append(count - messages.size()).append(" more problems (")
                    .append(count).append(" in all)");
        }
        throw firstCause == null
                ? new ValidationException(message.toString())
                : new ValidationException(message.toString(), firstCause);
    }
}
