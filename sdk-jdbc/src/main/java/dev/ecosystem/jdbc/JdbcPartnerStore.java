package dev.ecosystem.jdbc;

import dev.ecosystem.error.ConflictException;
import dev.ecosystem.error.EcosystemException;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.spi.PartnerStore;
import dev.ecosystem.spi.ProviderException;
import dev.ecosystem.spi.StoreTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable {@link PartnerStore}: every record in tables of an H2 or PostgreSQL database, so the data survives
 * restarts and can be shared by many app nodes.
 *
 * <p>It takes the host's {@link DataSource} and only ever borrows one connection from it per transaction, returning
 * it when the transaction ends; use a pool, HikariCP being the recommended one:
 *
 * <pre>{@code
 * HikariConfig config = new HikariConfig();
 * config.setJdbcUrl("jdbc:postgresql://db:5432/app");   // or "jdbc:h2:file:./data/ecosystem"
 * config.setUsername("app");
 * HikariDataSource dataSource = new HikariDataSource(config);
 *
 * PartnerStore store = JdbcPartnerStore.builder(dataSource).schema("ecosystem").build();
 * EcosystemClient client = EcosystemClient.builder().store(store).build();
 * }</pre>
 *
 * <p>{@link Builder#build()} creates or upgrades the tables with Flyway's versioned migrations (in the chosen schema,
 * each table name starting with the chosen prefix, {@code eco_} by default), unless the host runs them itself.
 *
 * <p>Transactions run at the {@code SERIALIZABLE} isolation level. When the database aborts one because of a
 * concurrent transaction (serialization failure, deadlock, lock timeout, a unique key taken since it was checked),
 * the callback runs again, up to {@link Builder#maxAttempts(int)} times in all, then a {@link ConflictException}
 * reaches the caller. A callback may therefore run more than once: keep side effects that are not database writes
 * (sending mail, calling APIs) outside it. Other database failures, a lost connection or a pool that has no
 * connection to give, surface as a {@link ProviderException} whose provider is {@code jdbc:h2} or
 * {@code jdbc:postgresql} and whose message carries the SQLState; the database has rolled the transaction back.
 *
 * <p>Outbox claims use {@code SELECT ... FOR UPDATE SKIP LOCKED}, so dispatchers on many nodes share the due entries
 * without waiting for each other, and a dead node's entries are claimed again once their lease ran out. A
 * transaction that starts with {@link dev.ecosystem.spi.OutboxRepository#claimDue} runs at {@code READ COMMITTED}:
 * the claim's row locks already make it safe, and it stays out of serializable conflict tracking, which would
 * otherwise abort concurrent dispatchers' claims and sends for no reason. Claim in a transaction of its own.
 *
 * <p>The change feed ({@link Builder#changeFeed(boolean)}, on by default) costs a row per changed record, without any
 * shared counter: on PostgreSQL an upsert (company, contact, partnership, sharing policy) inserts its row in the same
 * statement, and so does the move of a tenant's CRM snapshot revision (once per transaction, however many accounts
 * and deals it writes); other writes (removals, blocks) add one multi-row insert at commit (on H2, every write
 * does); readers of the feed give those rows their
 * revisions, one reader at a time (see {@code JdbcChanges}). Read the feed in a transaction of its own, like a
 * claim. Change rows are kept forever for now: there is no pruning yet.
 *
 * <p>Bulk paths: on PostgreSQL, a CRM snapshot write of many records goes through {@code COPY} (straight into the
 * table when the records are new, else through a staging table and one upsert), and
 * {@link StoreTransaction#forEachListedProfile} streams the whole network through two forward-only cursors at
 * {@code REPEATABLE READ} (call it first in a transaction of its own); the Navigator's index load reads the same
 * cursors with no profile built, each value handed over as a slice of the row's bytes (see
 * {@code JdbcListedProfiles}).
 */
public final class JdbcPartnerStore implements PartnerStore {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcPartnerStore.class);
    private static final Pattern SCHEMA = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,29}");
    private static final int MAX_BACKOFF_MILLIS = 200;

    private final DataSource dataSource;
    private final Dialect dialect;
    private final Tables tables;
    private final int maxAttempts;
    private final boolean changeFeed;
    private final ThreadLocal<@Nullable JdbcTransaction> current = new ThreadLocal<>();

    private JdbcPartnerStore(Builder builder, Dialect dialect) {
        this.dataSource = builder.dataSource;
        this.dialect = dialect;
        this.tables = new Tables(builder.schema, builder.tablePrefix);
        this.maxAttempts = builder.maxAttempts;
        this.changeFeed = builder.changeFeed;
    }

    /** A store on the host's DataSource, with tables prefixed {@code eco_} in the connection's current schema. */
    public static JdbcPartnerStore create(DataSource dataSource) {
        return builder(dataSource).build();
    }

    /** Starts configuring a store on the host's DataSource. */
    public static Builder builder(DataSource dataSource) {
        return new Builder(Checks.required(dataSource, "dataSource"));
    }

    /**
     * {@inheritDoc}
     *
     * <p>A call inside a callback, on the same thread, joins the open transaction. The callback may run more than
     * once when the database aborted an earlier attempt because of a concurrent transaction.
     */
    @Override
    public <T> T inTransaction(Function<StoreTransaction, T> work) {
        Checks.required(work, "work");
        JdbcTransaction open = current.get();
        if (open != null) {
            return work.apply(open);
        }
        for (int attempt = 1;; attempt++) {
            try {
                return attempt(work);
            } catch (RetryableConflict e) {
                if (attempt >= maxAttempts) {
                    ConflictException conflict = new ConflictException("the transaction lost to concurrent ones "
                            + maxAttempts + " times in a row; last: " + e.getMessage());
                    conflict.initCause(e.getCause());
                    throw conflict;
                }
                LOG.debug("retrying a transaction after attempt {}: {}", attempt, e.getMessage());
                backOff(attempt);
            }
        }
    }

    private <T> T attempt(Function<StoreTransaction, T> work) {
        Connection connection = borrow();
        try {
            JdbcTransaction tx = new JdbcTransaction(connection, dialect, tables, changeFeed);
            current.set(tx);
            T result;
            try {
                result = work.apply(tx);
                tx.recordChanges();
            } catch (Throwable e) {
                // Throwable: a checked exception thrown sneakily (Kotlin, Lombok) must roll back too.
                rollback(connection, e);
                if (tx.failure() instanceof RetryableConflict retry) {
                    // The callback's exception may only be a consequence of the database aborting the transaction.
                    throw retry;
                }
                throw e;
            } finally {
                tx.close();
                current.remove();
            }
            EcosystemException failure = tx.failure();
            if (failure != null) {
                // The callback swallowed a failed statement: committing the rest would keep partial state.
                rollback(connection, failure);
                throw failure;
            }
            try {
                connection.commit();
            } catch (SQLException e) {
                EcosystemException translated = SqlFailures.translate(dialect, "commit", e);
                rollback(connection, translated);
                throw translated;
            }
            return result;
        } finally {
            release(connection);
        }
    }

    private Connection borrow() {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw SqlFailures.noConnection(dialect.provider(), e);
        }
        try {
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException e) {
            release(connection);
            throw SqlFailures.translate(dialect, "begin a transaction", e);
        }
    }

    private void rollback(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // Nothing was committed; a connection that cannot roll back is broken and the pool discards it.
            cause.addSuppressed(e);
        }
    }

    private void release(Connection connection) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            LOG.debug("could not reset auto-commit of a broken connection", e);
        }
        try {
            connection.close();
        } catch (SQLException | RuntimeException e) {
            // The transaction's outcome is already settled; a pool closed under us (HikariCP then throws a
            // NullPointerException from close) must not turn a commit into a failure.
            LOG.warn("could not return a connection to the DataSource", e);
        }
    }

    private static void backOff(int attempt) {
        int bound = Math.min(MAX_BACKOFF_MILLIS, 5 << Math.min(attempt, 6));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, bound + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConflictException("interrupted while waiting to retry a transaction that lost to a concurrent "
                    + "one");
        }
    }

    /** Configures a {@link JdbcPartnerStore}. */
    public static final class Builder {
        private final DataSource dataSource;
        private @Nullable String schema;
        private String tablePrefix = "eco_";
        private boolean migrate = true;
        private int maxAttempts = 8;
        private boolean changeFeed = true;

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /**
         * The schema for the store's tables (created by the migrations if missing); by default the connection's
         * current schema. Letters, digits and {@code _}; its case is kept.
         */
        public Builder schema(String schema) {
            this.schema = checkName(schema, SCHEMA, "schema", 63);
            return this;
        }

        /** The prefix of every table name, {@code eco_} by default: letters, digits and {@code _}. */
        public Builder tablePrefix(String tablePrefix) {
            this.tablePrefix = checkName(tablePrefix, PREFIX, "tablePrefix", 30);
            return this;
        }

        /**
         * Whether {@link #build()} runs the migrations (the default). Turn it off when the host runs them itself,
         * for example by calling {@link #migrate()} from a deployment step that has DDL rights the app lacks.
         */
        public Builder migrate(boolean migrate) {
            this.migrate = migrate;
            return this;
        }

        /** How many times a transaction is tried when it loses to concurrent ones, 1 to 100 (default 8). */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = Checks.range(maxAttempts, 1, 100, "maxAttempts");
            return this;
        }

        /**
         * Whether the store keeps a change feed ({@link dev.ecosystem.spi.StoreTransaction#changes()}), on by
         * default. Every app node's client follows the feed to see the writes of the other nodes; a single-node
         * deployment may turn it off to save the one row each transaction writes per changed record. Without it,
         * {@code changes()} throws, and a client on the store logs a warning and sees only its own writes.
         */
        public Builder changeFeed(boolean changeFeed) {
            this.changeFeed = changeFeed;
            return this;
        }

        /**
         * Creates the tables or upgrades them to this version of the SDK, with Flyway, keeping its history in the
         * table {@code <prefix>schema_history}. Safe to run on every start and from many nodes at once.
         *
         * @throws ProviderException when the database refused a migration
         */
        public Builder migrate() {
            Dialect dialect = detect();
            var config = Flyway.configure(JdbcPartnerStore.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:dev/ecosystem/jdbc/migration/" + dialect.vendor())
                    .table(tablePrefix + "schema_history")
                    .placeholders(Map.of("prefix", tablePrefix))
                    // The host's own tables may share the schema: start our history at version 0 beside them.
                    .baselineOnMigrate(true)
                    .baselineVersion("0");
            if (schema != null) {
                config.schemas(schema).defaultSchema(schema).createSchemas(true);
            }
            try {
                config.load().migrate();
            } catch (FlywayException e) {
                throw ProviderException.failed(dialect.provider(),
                        "migrating the partner store's tables failed: " + e.getMessage(), e);
            }
            return this;
        }

        /**
         * Builds the store, running the migrations first unless turned off.
         *
         * @throws ValidationException when the DataSource connects to a database other than H2 or PostgreSQL
         * @throws ProviderException when the database cannot be reached or refused a migration
         */
        public JdbcPartnerStore build() {
            if (migrate) {
                migrate();
            }
            return new JdbcPartnerStore(this, detect());
        }

        private Dialect detect() {
            try (Connection connection = dataSource.getConnection()) {
                return Dialect.of(connection.getMetaData().getDatabaseProductName());
            } catch (SQLException e) {
                throw SqlFailures.noConnection("jdbc", e);
            }
        }

        private static String checkName(@Nullable String value, Pattern pattern, String field, int max) {
            String name = Checks.required(value, field);
            if (!pattern.matcher(name).matches()) {
                throw new ValidationException(field + " must be 1 to " + max + " letters, digits or _ (not starting "
                        + "with a digit), but was " + Checks.quote(value));
            }
            return name;
        }
    }
}
