package dev.ecosystem.jdbc;

import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.SizeBand;
import dev.ecosystem.spi.ListedProfile;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Every listed profile in one pass ({@link dev.ecosystem.spi.StoreTransaction#forEachListedProfile}): two
 * forward-only cursors, the listed companies by id and the contacts that have role tags by company, both in key
 * order (each from its primary key), merged as they stream. The database sends rows in chunks of
 * {@value #FETCH_SIZE}, so the heap holds one chunk of each, never the network; only the columns a search index
 * uses are read, decoded without building a {@code Company} or {@code Contact}.
 */
final class JdbcListedProfiles {
    /** Rows per round trip of each cursor. */
    static final int FETCH_SIZE = 10_000;

    private final JdbcTransaction tx;

    JdbcListedProfiles(JdbcTransaction tx) {
        this.tx = tx;
    }

    void forEach(Consumer<ListedProfile> action) {
        // A snapshot of the whole network: a consistent read, without serializable conflict tracking of every row.
        tx.beginSnapshot("read the listed profiles");
        try {
            Connection connection = tx.begunConnection();
            try (PreparedStatement companies = cursor(connection, "SELECT id, business_tags, industries, regions,"
                    + " size_band, product_categories, signals FROM " + tx.table("companies")
                    + " WHERE listed ORDER BY id");
                    PreparedStatement contacts = cursor(connection, "SELECT company_id, role_tags FROM "
                            + tx.table("contacts") + " WHERE role_tags <> '[]' ORDER BY company_id");
                    ResultSet company = companies.executeQuery();
                    ResultSet contact = contacts.executeQuery()) {
                merge(company, contact, action);
            }
        } catch (SQLException e) {
            throw tx.failed("read the listed profiles", e);
        }
    }

    private static PreparedStatement cursor(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY);
        statement.setFetchSize(FETCH_SIZE);
        return statement;
    }

    private static void merge(ResultSet company, ResultSet contact, Consumer<ListedProfile> action)
            throws SQLException {
        boolean moreContacts = contact.next();
        Set<String> roles = new LinkedHashSet<>();
        while (company.next()) {
            String id = company.getString(1);
            roles.clear();
            // Contacts of companies before this one are of unlisted companies: skipped.
            while (moreContacts && contact.getString(1).compareTo(id) <= 0) {
                if (contact.getString(1).equals(id)) {
                    roles.addAll(Columns.strings(contact.getString(2)));
                }
                moreContacts = contact.next();
            }
            String sizeBand = company.getString(5);
            action.accept(ListedProfile.builder(new CompanyId(id))
                    .businessTags(Columns.strings(company.getString(2)))
                    .industries(Columns.strings(company.getString(3)))
                    .regions(Columns.strings(company.getString(4)))
                    .sizeBand(sizeBand == null ? null : SizeBand.valueOf(sizeBand))
                    .productCategories(Columns.strings(company.getString(6)))
                    .signals(Columns.strings(company.getString(7)))
                    .roleTags(roles.isEmpty() ? List.of() : List.copyOf(roles))
                    .build());
        }
    }
}
