package dev.ecosystem.jdbc;

import dev.ecosystem.internal.ListedValues;
import dev.ecosystem.internal.ListedValues.Field;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.SizeBand;
import dev.ecosystem.spi.ListedProfile;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Every listed company in one pass ({@link ListedValues}, and {@link dev.ecosystem.spi.StoreTransaction
 * #forEachListedProfile} on top of it): two forward-only cursors, the listed companies by id and the contacts that
 * have role tags by company, both in key order (each from its primary key), merged as they stream. The database
 * sends rows in chunks of {@value #FETCH_SIZE}, so the heap holds one chunk of each, never the network; only the
 * columns a search index uses are read, and their JSON arrays are split into the values as they are handed over,
 * without building a {@code Company}, a {@code Contact} or a list per column.
 */
final class JdbcListedProfiles {
    /** Rows per round trip of each cursor. */
    static final int FETCH_SIZE = 10_000;
    private static final String READ = "read the listed profiles";
    /** The JSON array columns of the company query, from its second column on, and what their values are. */
    private static final Field[] ARRAY_COLUMNS = {Field.BUSINESS_TAG, Field.INDUSTRY, Field.REGION, null,
        Field.PRODUCT_CATEGORY, Field.SIGNAL};

    private final JdbcTransaction tx;

    JdbcListedProfiles(JdbcTransaction tx) {
        this.tx = tx;
    }

    /** How many companies the store holds, listed or not, in the snapshot {@link #forEach} reads. */
    long companyCount() {
        tx.beginSnapshot(READ);
        return tx.count(READ, "SELECT COUNT(*) FROM " + tx.table("companies"));
    }

    /** Every listed profile, built from the values {@link #forEach(ListedValues.Sink)} hands over. */
    void forEach(Consumer<ListedProfile> action) {
        forEach(new ProfileBuilder(action));
    }

    /** Every listed company's values, then its id, in id order. */
    void forEach(ListedValues.Sink sink) {
        // A snapshot of the whole network: a consistent read, without serializable conflict tracking of every row.
        tx.beginSnapshot(READ);
        try {
            Connection connection = tx.begunConnection();
            try (PreparedStatement companies = cursor(connection, "SELECT id, business_tags, industries, regions,"
                    + " size_band, product_categories, signals FROM " + tx.table("companies")
                    + " WHERE listed ORDER BY id");
                    PreparedStatement contacts = cursor(connection, "SELECT company_id, role_tags FROM "
                            + tx.table("contacts") + " WHERE role_tags <> '[]' ORDER BY company_id");
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

    private static void merge(ResultSet company, ResultSet contact, ListedValues.Sink sink) throws SQLException {
        boolean moreContacts = contact.next();
        String contactCompany = moreContacts ? contact.getString(1) : null;
        while (company.next()) {
            String id = company.getString(1);
            // Contacts of companies before this one are of unlisted companies: skipped.
            while (moreContacts && contactCompany.compareTo(id) <= 0) {
                if (contactCompany.equals(id)) {
                    Columns.forEachString(contact.getString(2), tag -> sink.value(Field.ROLE_TAG, tag));
                }
                moreContacts = contact.next();
                contactCompany = moreContacts ? contact.getString(1) : null;
            }
            for (int column = 0; column < ARRAY_COLUMNS.length; column++) {
                Field field = ARRAY_COLUMNS[column];
                if (field != null) {
                    Columns.forEachString(company.getString(column + 2), value -> sink.value(field, value));
                } else {
                    String sizeBand = company.getString(column + 2);
                    if (sizeBand != null) {
                        sink.value(Field.SIZE_BAND, sizeBand);
                    }
                }
            }
            sink.end(id);
        }
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
        public void value(Field field, String value) {
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
