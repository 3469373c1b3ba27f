package dev.ecosystem.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** Empties the store's tables between tests that share one database. */
final class StoreTables {
    private static final String[] TABLES = {"companies", "contacts", "partnerships", "introductions", "accounts",
        "deals", "crm_checkpoints", "touchpoints", "outbox", "idempotency_keys", "company_blocks", "crm_revisions",
        "sharing_policies", "changes", "crm_write_backs", "registrations", "programs", "program_tier_reviews",
        "program_tiers", "program_tier_changes", "certifications", "invitations", "partnership_transitions",
        "partnership_lifecycles", "statements", "program_briefs", "brief_deliveries"};

    private StoreTables() {
    }

    /** Deletes every row of the store's tables (prefix {@code eco_}) in {@code schema}, or the current one. */
    static void truncateAll(DataSource dataSource, @Nullable String schema) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // DELETE in one transaction: cheaper than TRUNCATE for the few rows a test leaves.
            connection.setAutoCommit(false);
            for (String table : TABLES) {
                statement.execute("DELETE FROM " + (schema == null ? "" : "\"" + schema + "\".") + "eco_" + table);
            }
            connection.commit();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty the tables of " + schema, e);
        }
    }
}
