package dev.ecosystem.salesforce;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One row of a Bulk API 2.0 CSV result, as a view that {@link BulkCsvRows} refills for every row: read what you need
 * while the consumer runs, never keep the view itself (copy the values out).
 *
 * <p>Values: Salesforce writes a null field as an empty unquoted value, and this view returns {@code null} for it,
 * as for a column missing at the end of a short row. A quoted empty value ({@code ""}) comes back as the empty
 * string. {@link #text} folds both, and blank text, into {@code null}, which is what mapping usually wants.
 */
final class BulkRow {
    private final Header header;
    private final @Nullable String[] values;
    private int size;
    private long number;

    BulkRow(Header header) {
        this.header = header;
        this.values = new String[header.names().size()];
    }

    /** The column names of the page's header row, in order; the same instance for every row of a page. */
    Header header() {
        return header;
    }

    /** The number of columns in the header. */
    int columns() {
        return values.length;
    }

    /** The row's number within its page, from 1 (the header row is not counted). */
    long number() {
        return number;
    }

    /**
     * The value in column {@code index}: {@code null} for a Salesforce null (an empty unquoted value) or a column
     * missing at the end of the row, {@code ""} for a quoted empty value.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= index < columns()}
     */
    @Nullable String get(int index) {
        if (index < 0 || index >= values.length) {
            throw new IndexOutOfBoundsException("column index must be between 0 and " + (values.length - 1)
                    + ", but was " + index);
        }
        return index < size ? values[index] : null;
    }

    /**
     * The value in the column named {@code column} (exact, case-sensitive, as in the SOQL's select list).
     *
     * @throws IllegalArgumentException when the header has no such column
     */
    @Nullable String get(String column) {
        return get(header.require(column));
    }

    /** The value in column {@code index}, or {@code null} when it is null, empty or blank. */
    @Nullable String text(int index) {
        String value = get(index);
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public String toString() {
        // Never the values: they are CRM records.
        return "BulkRow[" + number + ", " + size + " of " + values.length + " columns]";
    }

    void start(long rowNumber) {
        number = rowNumber;
        size = 0;
    }

    /** Adds the next value; {@code false} when the row already has as many values as the header has columns. */
    boolean add(@Nullable String value) {
        if (size == values.length) {
            return false;
        }
        values[size++] = value;
        return true;
    }

    void finish() {
        Arrays.fill(values, size, values.length, null);
    }

    /**
     * The column names of a result page, with a lookup by name.
     *
     * @param names the column names in order
     */
    record Header(List<String> names, Map<String, Integer> indexes) {
        Header(List<String> names) {
            this(List.copyOf(names), index(names));
        }

        Header {
            names = List.copyOf(names);
            indexes = Map.copyOf(indexes);
        }

        /** The index of {@code column}, or {@code -1} when the header does not have it. */
        int indexOf(String column) {
            Integer index = indexes.get(column);
            return index == null ? -1 : index;
        }

        /**
         * The index of {@code column}.
         *
         * @throws IllegalArgumentException when the header does not have it
         */
        int require(String column) {
            int index = indexOf(column);
            if (index < 0) {
                throw new IllegalArgumentException("column must be one of " + names + ", but was '" + column + "'");
            }
            return index;
        }

        private static Map<String, Integer> index(List<String> names) {
            Map<String, Integer> indexes = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                indexes.putIfAbsent(names.get(i), i);
            }
            return indexes;
        }
    }
}
