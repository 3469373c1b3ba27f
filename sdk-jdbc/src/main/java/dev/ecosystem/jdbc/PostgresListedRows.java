package dev.ecosystem.jdbc;

import dev.ecosystem.internal.ListedValues;
import dev.ecosystem.internal.ListedValues.Field;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.CopyOut;

/**
 * The listed companies' rows on PostgreSQL, read with {@code COPY (query) TO STDOUT} (text format) instead of a
 * cursor: a cursor's server produces the next chunk of rows only when the driver asks for it, so the database and the
 * client take turns, and ten million rows cost the server's time plus the client's; {@code COPY} streams the rows
 * while the client decodes them, so the two overlap on separate cores. Each row arrives as one array of bytes (the
 * protocol sends one message per row), split here at its tabs: no array per column and no {@code String} but the id.
 * Only one {@code COPY} runs on a connection at a time, so the contacts' role tags (one row per contact that has
 * any, a tenth of the companies' volume) are read first and held, then merged with the companies as they stream.
 * Loaded only on PostgreSQL, so the driver stays an optional dependency.
 */
final class PostgresListedRows {
    private PostgresListedRows() {
    }

    /**
     * Hands every row of {@code companyQuery} to {@code sink} as {@link JdbcListedProfiles#forEach(ListedValues.Sink)}
     * describes, with the role tags of the rows of {@code contactQuery} whose company it is.
     *
     * @param companyQuery id, business tags, industries, regions, size band, product categories, signals, by id
     * @param contactQuery company id, role tags, by company id (in the same order as the companies)
     */
    static void forEach(Connection connection, String companyQuery, String contactQuery, ListedValues.Sink sink)
            throws SQLException {
        CopyManager copies = connection.unwrap(PGConnection.class).getCopyAPI();
        Contacts contacts = Contacts.read(copies.copyOut("COPY (" + contactQuery + ") TO STDOUT"));
        CopyOut companies = copies.copyOut("COPY (" + companyQuery + ") TO STDOUT");
        try {
            int[] bounds = new int[2 * JdbcListedProfiles.ARRAY_COLUMNS.length + 2];
            for (byte[] row = companies.readFromCopy(); row != null; row = companies.readFromCopy()) {
                company(row, bounds, contacts, sink);
            }
        } finally {
            if (companies.isActive()) {
                companies.cancelCopy();
            }
        }
    }

    /**
     * Hands over one company's row, with its contacts' role tags. A method of its own, called once per row, so the
     * JIT compiles it as it does any hot method; the loop above runs once per load, and would only be compiled while
     * it runs (on-stack replacement), on a JVM that has just started.
     */
    private static void company(byte[] row, int[] bounds, Contacts contacts, ListedValues.Sink sink) {
        split(row, bounds);
        contacts.roleTagsUpTo(row, bounds[0], bounds[1], sink);
        for (int column = 0; column < JdbcListedProfiles.ARRAY_COLUMNS.length; column++) {
            int from = bounds[2 * column + 2];
            int to = bounds[2 * column + 3];
            Field field = JdbcListedProfiles.ARRAY_COLUMNS[column];
            if (field != null) {
                JdbcListedProfiles.forEachString(row, from, to, field, sink);
            } else if (to >= 0) {
                sink.value(Field.SIZE_BAND, row, from, to);
            }
        }
        sink.end(new String(row, bounds[0], bounds[1] - bounds[0], StandardCharsets.UTF_8));
    }

    /**
     * Splits a row of {@code COPY}'s text format at its tabs into {@code bounds} (from and to of each column), each
     * column's escapes undone in place (an escape is longer than what it stands for): a tab or a line break in a
     * value comes escaped, so every tab in the row ends a column. A null column ({@code \N}) has the bounds -1, -1.
     */
    static void split(byte[] row, int[] bounds) {
        int end = row.length > 0 && row[row.length - 1] == '\n' ? row.length - 1 : row.length;
        int from = 0;
        for (int column = 0; column < bounds.length / 2; column++) {
            int to = from;
            while (to < end && row[to] != '\t') {
                to++;
            }
            if (to - from == 2 && row[from] == '\\' && row[from + 1] == 'N') {
                bounds[2 * column] = -1;
                bounds[2 * column + 1] = -1;
            } else {
                bounds[2 * column] = from;
                bounds[2 * column + 1] = unescape(row, from, to);
            }
            from = to + 1;
        }
        if (from <= end) {
            throw new IllegalStateException("a COPY row has more than " + bounds.length / 2 + " columns");
        }
    }

    /**
     * Undoes {@code COPY}'s text escapes in {@code row[from, to)} in place ({@code \\}, {@code \t}, {@code \n} and
     * the others, octal and hex bytes) and returns where the column now ends.
     */
    private static int unescape(byte[] row, int from, int to) {
        int read = from;
        while (read < to && row[read] != '\\') {
            read++;
        }
        int write = read;
        while (read < to) {
            byte b = row[read++];
            if (b != '\\' || read == to) {
                row[write++] = b;
                continue;
            }
            byte escaped = row[read++];
            switch (escaped) {
                case 'b' -> row[write++] = '\b';
                case 'f' -> row[write++] = '\f';
                case 'n' -> row[write++] = '\n';
                case 'r' -> row[write++] = '\r';
                case 't' -> row[write++] = '\t';
                case 'v' -> row[write++] = 0x0b;
                case 'x' -> {
                    int value = 0;
                    for (int digits = 0; digits < 2 && read < to && Character.digit(row[read], 16) >= 0; digits++) {
                        value = value * 16 + Character.digit(row[read++], 16);
                    }
                    row[write++] = (byte) value;
                }
                default -> {
                    if (escaped >= '0' && escaped <= '7') {
                        int value = escaped - '0';
                        for (int digits = 1; digits < 3 && read < to && row[read] >= '0' && row[read] <= '7';
                                digits++) {
                            value = value * 8 + row[read++] - '0';
                        }
                        row[write++] = (byte) value;
                    } else {
                        row[write++] = escaped;
                    }
                }
            }
        }
        return write;
    }

    /** The contacts' rows (company id, role tags), in the companies' order, merged with them as they come. */
    private static final class Contacts {
        private final byte[][] rows;
        private final int[] bounds;
        private final int size;
        private int next;

        private Contacts(byte[][] rows, int[] bounds, int size) {
            this.rows = rows;
            this.bounds = bounds;
            this.size = size;
        }

        static Contacts read(CopyOut copy) throws SQLException {
            byte[][] rows = new byte[1024][];
            int[] bounds = new int[4 * rows.length];
            int size = 0;
            int[] row = new int[4];
            try {
                for (byte[] data = copy.readFromCopy(); data != null; data = copy.readFromCopy()) {
                    if (size == rows.length) {
                        rows = Arrays.copyOf(rows, size * 2);
                        bounds = Arrays.copyOf(bounds, size * 8);
                    }
                    split(data, row);
                    rows[size] = data;
                    System.arraycopy(row, 0, bounds, 4 * size++, 4);
                }
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
            return new Contacts(rows, bounds, size);
        }

        /**
         * Hands over the role tags of the contacts of the company {@code id[from, to)}, skipping those of companies
         * before it (which are not listed). Ids compare as unsigned bytes, PostgreSQL's order for {@code COLLATE
         * "C"} in UTF-8.
         */
        void roleTagsUpTo(byte[] id, int from, int to, ListedValues.Sink sink) {
            while (next < size) {
                byte[] row = rows[next];
                int[] at = bounds;
                int base = 4 * next;
                int order = Arrays.compareUnsigned(row, at[base], at[base + 1], id, from, to);
                if (order > 0) {
                    return;
                }
                if (order == 0) {
                    JdbcListedProfiles.forEachString(row, at[base + 2], at[base + 3], Field.ROLE_TAG, sink);
                }
                rows[next++] = null; // read once: the rows before go with the load
            }
        }
    }
}
