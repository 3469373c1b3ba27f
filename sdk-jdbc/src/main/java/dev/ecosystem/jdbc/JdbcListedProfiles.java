package dev.ecosystem.jdbc;

import dev.ecosystem.internal.ListedValues;
import dev.ecosystem.internal.ListedValues.Field;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.SizeBand;
import dev.ecosystem.spi.ListedProfile;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Every listed company in one pass ({@link ListedValues}, and {@link dev.ecosystem.spi.StoreTransaction
 * #forEachListedProfile} on top of it): the listed companies by id and the contacts that have role tags by company,
 * both in key order (each from its primary key), merged as they stream. On PostgreSQL they stream with {@code COPY}
 * ({@link PostgresListedRows}); elsewhere through two forward-only cursors, which the database fills in chunks of
 * {@value #FETCH_SIZE} rows. Either way the heap never holds the companies' rows; only the columns a search index
 * uses are read, and their JSON arrays are split into the values as they are handed over, without building a
 * {@code Company}, a {@code Contact} or a list per column.
 */
final class JdbcListedProfiles {
    /** Rows per round trip of each cursor. */
    static final int FETCH_SIZE = 10_000;
    private static final String READ = "read the listed profiles";
    /**
     * What the values of the company query's columns are, from its second column on: JSON arrays, but for the size
     * band ({@code null} here), plain text.
     */
    static final @Nullable Field[] ARRAY_COLUMNS = {Field.BUSINESS_TAG, Field.INDUSTRY, Field.REGION, null,
        Field.PRODUCT_CATEGORY, Field.SIGNAL};

    private final JdbcTransaction tx;

    JdbcListedProfiles(JdbcTransaction tx) {
        this.tx = tx;
    }

    /**
     * About how many companies the store holds, listed or not, to size arrays by. On PostgreSQL the planner's
     * estimate with a little room on top (counting ten million rows takes seconds), 0 when the table was never
     * analyzed; on H2 the count.
     */
    long companyCount() {
        tx.beginSnapshot(READ);
        if (tx.dialect() != Dialect.POSTGRESQL) {
            return tx.count(READ, "SELECT COUNT(*) FROM " + tx.table("companies"));
        }
        long estimate = tx.count(READ, "SELECT GREATEST(reltuples, 0)::bigint FROM pg_class"
                + " WHERE oid = to_regclass(?)", tx.table("companies"));
        return estimate + estimate / 50;
    }

    /** Every listed profile, built from the values {@link #forEach(ListedValues.Sink)} hands over. */
    void forEach(Consumer<ListedProfile> action) {
        forEach(new ProfileBuilder(action));
    }

    /**
     * Every listed company's values, then its id, in id order, handed to {@code sink} on a thread of its own
     * ({@link PipelinedSink}) so that its work overlaps the reading; this method returns once it has seen them all.
     */
    void forEachPipelined(ListedValues.Sink sink) {
        PipelinedSink pipelined = new PipelinedSink(sink);
        boolean read = false;
        try {
            forEach(pipelined);
            read = true;
        } finally {
            if (read) {
                pipelined.finish();
            } else {
                pipelined.abandon();
            }
        }
    }

    /** Every listed company's values, then its id, in id order. */
    void forEach(ListedValues.Sink sink) {
        // A snapshot of the whole network: a consistent read, without serializable conflict tracking of every row.
        tx.beginSnapshot(READ);
        String companyQuery = "SELECT id, business_tags, industries, regions, size_band, product_categories, signals"
                + " FROM " + tx.table("companies") + " WHERE listed ORDER BY id";
        String contactQuery = "SELECT company_id, role_tags FROM " + tx.table("contacts")
                + " WHERE role_tags <> '[]' ORDER BY company_id";
        try {
            Connection connection = tx.begunConnection();
            if (tx.dialect() == Dialect.POSTGRESQL) {
                PostgresListedRows.forEach(connection, companyQuery, contactQuery, sink);
                return;
            }
            try (PreparedStatement companies = cursor(connection, companyQuery);
                    PreparedStatement contacts = cursor(connection, contactQuery);
                    ResultSet company = companies.executeQuery();
                    ResultSet contact = contacts.executeQuery()) {
                merge(company, contact, sink);
            }
        } catch (SQLException e) {
            throw tx.failed(READ, e);
        }
    }

    private static PreparedStatement cursor(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY);
        statement.setFetchSize(FETCH_SIZE);
        return statement;
    }

    /** Merges the cursors, their text columns read as text and encoded (H2 would hand over bytes as hex). */
    private static void merge(ResultSet company, ResultSet contact, ListedValues.Sink sink) throws SQLException {
        boolean moreContacts = contact.next();
        String contactCompany = moreContacts ? contact.getString(1) : null;
        while (company.next()) {
            String id = company.getString(1);
            // Contacts of companies before this one are of unlisted companies: skipped. Both columns are NOT NULL.
            while (moreContacts && Objects.requireNonNull(contactCompany).compareTo(id) <= 0) {
                if (contactCompany.equals(id)) {
                    forEachString(Objects.requireNonNull(utf8(contact, 2)), Field.ROLE_TAG, sink);
                }
                moreContacts = contact.next();
                contactCompany = moreContacts ? contact.getString(1) : null;
            }
            for (int column = 0; column < ARRAY_COLUMNS.length; column++) {
                byte[] value = utf8(company, column + 2);
                Field field = ARRAY_COLUMNS[column];
                if (field != null) {
                    forEachString(Objects.requireNonNull(value), field, sink); // the JSON array columns are NOT NULL
                } else if (value != null) {
                    sink.value(Field.SIZE_BAND, value, 0, value.length);
                }
            }
            sink.end(id);
        }
    }

    /** {@link #forEachString(byte[], int, int, Field, ListedValues.Sink)} of the whole of {@code json}. */
    static void forEachString(byte[] json, Field field, ListedValues.Sink sink) {
        forEachString(json, 0, json.length, field, sink);
    }

    /**
     * Hands each string of the JSON array of {@link Columns#json} in {@code json[from, to)} to {@code sink} as a slice
     * of {@code json}: the text between a quote and the next one where the array has no escape (tags and the like,
     * whose characters are restricted); an array with escapes is parsed by {@link Columns#strings}.
     */
    static void forEachString(byte[] json, int from, int to, Field field, ListedValues.Sink sink) {
        if (!plainArray(json, from, to)) {
            for (String value : Columns.strings(new String(json, from, to - from, StandardCharsets.UTF_8))) {
                byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
                sink.value(field, utf8, 0, utf8.length);
            }
            return;
        }
        int last = to - 1;
        int at = from + 1;
        while (at < last) {
            int end = next(json, '"', at + 1, to);
            sink.value(field, json, at + 1, end);
            at = end + 2;
        }
    }

    /**
     * Whether {@code json[from, to)} is {@code []} or strings without escapes between quotes, separated by commas, in
     * one pass over it. The bytes of a quote and a backslash never occur inside a multi-byte UTF-8 character, so bytes
     * are searched as text; outside the strings only quotes and commas are allowed, so a backslash anywhere is inside
     * a string.
     */
    private static boolean plainArray(byte[] json, int from, int to) {
        int last = to - 1;
        if (last < from + 1 || json[from] != '[' || json[last] != ']') {
            return false;
        }
        int at = from + 1;
        while (at < last) {
            if (json[at] != '"') {
                return false;
            }
            int end = at + 1;
            while (end < last && json[end] != '"') {
                if (json[end++] == '\\') {
                    return false;
                }
            }
            if (end >= last) {
                return false;
            }
            at = end + 1;
            if (at < last && json[at++] != ',') {
                return false;
            }
        }
        return true;
    }

    /** Where the next {@code b} is in {@code bytes[from, to)}, or {@code to} if there is none. */
    private static int next(byte[] bytes, char b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return to;
    }

    private static byte @Nullable [] utf8(ResultSet row, int column) throws SQLException {
        String text = row.getString(column);
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    /** Gathers the values of each company into a {@link ListedProfile}, its role tags without repeats. */
    private static final class ProfileBuilder implements ListedValues.Sink {
        private final Consumer<ListedProfile> action;
        private final Map<Field, List<String>> values = new EnumMap<>(Field.class);
        private final LinkedHashSet<String> roles = new LinkedHashSet<>();

        ProfileBuilder(Consumer<ListedProfile> action) {
            this.action = action;
        }

        @Override
        public void value(Field field, byte[] utf8, int from, int to) {
            String value = new String(utf8, from, to - from, StandardCharsets.UTF_8);
            if (field == Field.ROLE_TAG) {
                roles.add(value);
            } else {
                values.computeIfAbsent(field, f -> new ArrayList<>()).add(value);
            }
        }

        @Override
        public void end(String id) {
            List<String> band = taken(Field.SIZE_BAND);
            action.accept(ListedProfile.builder(new CompanyId(id)).businessTags(taken(Field.BUSINESS_TAG))
                    .industries(taken(Field.INDUSTRY)).regions(taken(Field.REGION))
                    .sizeBand(band.isEmpty() ? null : SizeBand.valueOf(band.get(0)))
                    .productCategories(taken(Field.PRODUCT_CATEGORY)).signals(taken(Field.SIGNAL))
                    .roleTags(List.copyOf(roles)).build());
            roles.clear();
        }

        private List<String> taken(Field field) {
            List<String> taken = values.remove(field);
            return taken == null ? List.of() : taken;
        }
    }
}
