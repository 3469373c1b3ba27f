package dev.ecosystem.jdbc;

import static dev.ecosystem.jdbc.Samples.ACME;
import static dev.ecosystem.jdbc.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.OutboxEntry;
import dev.ecosystem.spi.ProviderException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the tables go (schema, prefix, beside the host's own) and that an H2 file keeps them across restarts. */
class SchemaAndDurabilityTest {
    @TempDir
    Path folder;

    @Test
    @DisplayName("an H2 file store keeps everything across a restart of the pool and the store")
    void h2File_survivesRestart() {
        Company company = Samples.company("acme");
        OutboxEntry entry = Samples.outboxEntry("o-1", T0);
        try (HikariDataSource dataSource = TestDatabases.h2File(folder, 2)) {
            JdbcPartnerStore store = JdbcPartnerStore.create(dataSource);
            store.useTransaction(tx -> {
                tx.companies().put(company);
                tx.crm().putAccounts(ACME, List.of(Samples.account(ACME, "a-1")));
                tx.outbox().enqueue(entry);
            });
        }
        try (HikariDataSource reopened = TestDatabases.h2File(folder, 2)) {
            JdbcPartnerStore store = JdbcPartnerStore.create(reopened);
            store.useTransaction(tx -> {
                assertThat(tx.companies().get(company.id())).isEqualTo(company);
                assertThat(tx.crm().accountCount(ACME)).isEqualTo(1);
                assertThat(tx.outbox().get(entry.id())).isEqualTo(entry);
            });
        }
    }

    @Test
    @DisplayName("stores with different schemas or prefixes in one database keep separate tables")
    void schemaAndPrefix_separateStores() throws SQLException {
        try (HikariDataSource dataSource = TestDatabases.h2File(folder, 2)) {
            JdbcPartnerStore plain = JdbcPartnerStore.create(dataSource);
            JdbcPartnerStore prefixed = JdbcPartnerStore.builder(dataSource).tablePrefix("partners_").build();
            JdbcPartnerStore inSchema = JdbcPartnerStore.builder(dataSource).schema("ecosystem").build();
            plain.useTransaction(tx -> tx.companies().put(Samples.company("plain")));
            prefixed.useTransaction(tx -> tx.companies().put(Samples.company("prefixed")));
            inSchema.useTransaction(tx -> tx.companies().put(Samples.company("schema")));

            for (JdbcPartnerStore store : List.of(plain, prefixed, inSchema)) {
                long count = store.inTransaction(tx -> tx.companies().count());
                assertThat(count).isEqualTo(1);
            }
            assertThat(tableExists(dataSource, "ecosystem", "ECO_COMPANIES")).isTrue();
            assertThat(tableExists(dataSource, "PUBLIC", "PARTNERS_COMPANIES")).isTrue();
        }
    }

    @Test
    @DisplayName("migrations run beside the host's own tables in the same schema and leave them alone")
    void migrations_besideHostTables() throws SQLException {
        try (HikariDataSource dataSource = TestDatabases.h2File(folder, 2)) {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE invoices (id INT PRIMARY KEY)");
                statement.execute("INSERT INTO invoices VALUES (7)");
            }
            JdbcPartnerStore store = JdbcPartnerStore.create(dataSource);
            JdbcPartnerStore.builder(dataSource).migrate();
            store.useTransaction(tx -> tx.companies().put(Samples.company("acme")));
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT id FROM invoices")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(7);
            }
        }
    }

    @Test
    @DisplayName("without migrations, a store on missing tables fails with a ProviderException naming the SQLState")
    void noMigrations_missingTables_failClearly() {
        try (HikariDataSource dataSource = TestDatabases.h2File(folder, 2)) {
            JdbcPartnerStore store = JdbcPartnerStore.builder(dataSource).migrate(false).build();
            assertThatThrownBy(() -> store.inTransaction(tx -> tx.companies().get(CompanyId.of("acme"))))
                    .isInstanceOfSatisfying(ProviderException.class, e -> {
                        assertThat(e.provider()).isEqualTo("jdbc:h2");
                        assertThat(e.getMessage()).contains("SQLState 42S0").contains("ECO_COMPANIES");
                    });
        }
    }

    @Test
    @DisplayName("a schema or prefix that is not a plain identifier is refused")
    void badNames_areRefused() {
        try (HikariDataSource dataSource = TestDatabases.h2File(folder, 1)) {
            assertThatThrownBy(() -> JdbcPartnerStore.builder(dataSource).schema("eco; DROP TABLE x"))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("schema must be");
            assertThatThrownBy(() -> JdbcPartnerStore.builder(dataSource).tablePrefix("1eco"))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("tablePrefix");
            assertThatThrownBy(() -> JdbcPartnerStore.builder(dataSource).maxAttempts(0))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("maxAttempts");
        }
    }

    private static boolean tableExists(HikariDataSource dataSource, String schema, String table) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                ResultSet rows = connection.getMetaData().getTables(null, schema, table, null)) {
            return rows.next();
        }
    }
}
