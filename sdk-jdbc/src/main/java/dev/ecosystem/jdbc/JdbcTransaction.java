package dev.ecosystem.jdbc;

import dev.ecosystem.error.EcosystemException;
import dev.ecosystem.spi.support.Cursors;
import dev.ecosystem.internal.ListedValues;
import dev.ecosystem.model.ChangeKind;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.spi.BriefRepository;
import dev.ecosystem.spi.CertificationRepository;
import dev.ecosystem.spi.ChangeRepository;
import dev.ecosystem.spi.CompanyBlockRepository;
import dev.ecosystem.spi.CompanyRepository;
import dev.ecosystem.spi.ContactRepository;
import dev.ecosystem.spi.CrmSnapshotRepository;
import dev.ecosystem.spi.CrmWriteBackRepository;
import dev.ecosystem.spi.IdempotencyRepository;
import dev.ecosystem.spi.IntroductionRepository;
import dev.ecosystem.spi.ListedProfile;
import dev.ecosystem.spi.OutboxRepository;
import dev.ecosystem.spi.PartnershipLifecycleRepository;
import dev.ecosystem.spi.PartnershipRepository;
import dev.ecosystem.spi.ProgramRepository;
import dev.ecosystem.spi.RegistrationRepository;
import dev.ecosystem.spi.SharingPolicyRepository;
import dev.ecosystem.spi.StatementRepository;
import dev.ecosystem.spi.StoreTransaction;
import dev.ecosystem.spi.TierRepository;
import dev.ecosystem.spi.TouchpointRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One open database transaction and the repositories that work in it. Every statement goes through the helpers
 * here, which translate failures and remember the first one: a transaction whose statement failed is never
 * committed, even if the callback swallowed the exception.
 */
final class JdbcTransaction implements StoreTransaction, ListedValues {
    private static final Pattern FIXED_COLUMN = Pattern.compile("(\\w+) = \\?");
    /** Rows per JDBC batch on bulk paths. */
    static final int BATCH_SIZE = 1000;

    /** Change rows per insert statement (4 parameters each, well below the drivers' parameter limits). */
    private static final int CHANGES_PER_INSERT = 500;

    /** A write noted for the change feed. */
    private record Change(ChangeKind kind, CompanyId company, @Nullable String key) {
    }

    /** Reads one row into a value. */
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final Connection connection;
    private final Dialect dialect;
    private final Tables tables;
    private final boolean changeFeed;
    private final Set<Change> changed = new LinkedHashSet<>();
    /** Changes already inserted together with their write (PostgreSQL); never inserted again at commit. */
    private final Set<Change> recorded = new HashSet<>();
    /** The CRM snapshot revisions this transaction moved on, by tenant: each moves once per transaction. */
    private final Map<CompanyId, Long> movedRevisions = new HashMap<>();
    private boolean open = true;
    private boolean begun;
    private @Nullable EcosystemException failure;

    JdbcTransaction(Connection connection, Dialect dialect, Tables tables, boolean changeFeed) {
        this.connection = connection;
        this.dialect = dialect;
        this.tables = tables;
        this.changeFeed = changeFeed;
    }

    /**
     * Notes a write for the change feed; the same record written twice in one transaction gives one change. The
     * rows are inserted by {@link #recordChanges} just before the commit, in one batch.
     */
    void changed(ChangeKind kind, CompanyId company, @Nullable String key) {
        Change change = new Change(kind, company, key);
        if (changeFeed && !recorded.contains(change)) {
            changed.add(change);
        }
    }

    /**
     * Upserts one row and notes the write for the change feed. On PostgreSQL the change row goes in with the write,
     * in one statement (a data-modifying {@code WITH}), so the feed costs the writer no round trip of its own; every
     * upsert of a record the feed covers goes through here. Elsewhere, or when the record already has its change in
     * this transaction, it is the plain upsert and {@link #changed}, whose rows go in at commit.
     */
    void upsertWithChange(String what, String table, List<String> keys, List<String> columns,
            @Nullable Object[] values, ChangeKind kind, CompanyId company, @Nullable String key) {
        String upsert = dialect.upsert(table, keys, columns);
        Change change = new Change(kind, company, key);
        if (!changeFeed || dialect != Dialect.POSTGRESQL || recorded.contains(change) || changed.contains(change)) {
            update(what, upsert, values);
            changed(kind, company, key);
            return;
        }
        List<@Nullable Object> params = new ArrayList<>(Arrays.asList(values));
        params.addAll(Arrays.asList(kind.name(), company.value(), key, Columns.nanos(Instant.now(), "change at")));
        update(what, "WITH written AS (" + upsert + " RETURNING 1) INSERT INTO " + table("changes")
                + " (kind, company, change_key, at) SELECT ?, ?, ?, ? FROM written", params.toArray());
        recorded.add(change);
    }

    /**
     * Runs {@code sql}, a data-modifying statement that returns one number ({@code ... RETURNING x}), and notes the
     * write for the change feed; returns the number. On PostgreSQL the change row goes in with it, in one statement,
     * as in {@link #upsertWithChange}.
     */
    long returningWithChange(String what, String sql, @Nullable Object[] values, ChangeKind kind, CompanyId company,
            @Nullable String key) {
        Change change = new Change(kind, company, key);
        String statement = sql;
        List<@Nullable Object> params = new ArrayList<>(Arrays.asList(values));
        boolean withChange = changeFeed && dialect == Dialect.POSTGRESQL && !recorded.contains(change)
                && !changed.contains(change);
        if (withChange) {
            statement = "WITH written AS (" + sql + "), noted AS (INSERT INTO " + table("changes")
                    + " (kind, company, change_key, at) SELECT ?, ?, ?, ? FROM written) SELECT * FROM written";
            params.addAll(Arrays.asList(kind.name(), company.value(), key, Columns.nanos(Instant.now(), "change at")));
        }
        Long result = queryOne(what, statement, row -> row.getLong(1), params.toArray());
        if (result == null) {
            throw new IllegalStateException(what + " returned no row");
        }
        if (withChange) {
            recorded.add(change);
        } else {
            changed(kind, company, key);
        }
        return result;
    }

    /** The tenant's snapshot revision if this transaction moved it on, else {@code null}. */
    @Nullable Long movedRevision(CompanyId tenant) {
        return movedRevisions.get(tenant);
    }

    /** Remembers that this transaction moved the tenant's snapshot revision on to {@code revision}. */
    void revisionMoved(CompanyId tenant, long revision) {
        movedRevisions.put(tenant, revision);
    }

    /** Notes a write for the change feed when {@code written}, and returns {@code written}. */
    boolean changedIf(boolean written, ChangeKind kind, CompanyId company, @Nullable String key) {
        if (written) {
            changed(kind, company, key);
        }
        return written;
    }

    /**
     * Inserts the noted changes, without revisions (see {@link JdbcChanges}); call once, before committing. One
     * multi-row {@code INSERT} per {@value #CHANGES_PER_INSERT} changes: a single round trip for a usual transaction.
     */
    void recordChanges() {
        if (changed.isEmpty()) {
            return;
        }
        long at = Columns.nanos(Instant.now(), "change at");
        List<Change> all = new ArrayList<>(changed);
        changed.clear();
        for (int from = 0; from < all.size(); from += CHANGES_PER_INSERT) {
            List<Change> chunk = all.subList(from, Math.min(all.size(), from + CHANGES_PER_INSERT));
            List<@Nullable Object> params = new ArrayList<>(chunk.size() * 4);
            for (Change change : chunk) {
                params.addAll(Arrays.asList(change.kind().name(), change.company().value(), change.key(), at));
            }
            String values = String.join(", ", Collections.nCopies(chunk.size(), "(?, ?, ?, ?)"));
            update("record the change feed rows at commit", "INSERT INTO " + table("changes")
                    + " (kind, company, change_key, at) VALUES " + values, params.toArray());
        }
    }

    Dialect dialect() {
        return dialect;
    }

    /** The qualified name of one of the store's tables. */
    String table(String name) {
        return tables.name(name);
    }

    /** The first statement failure of this transaction, or {@code null}. */
    @Nullable EcosystemException failure() {
        return failure;
    }

    void close() {
        open = false;
    }

    /** Fails when the callback that owned this transaction has returned. */
    JdbcTransaction checkOpen() {
        if (!open) {
            throw new EcosystemException("this StoreTransaction was used after its callback returned; "
                    + "do all work inside the inTransaction callback");
        }
        return this;
    }

    /**
     * Sets the isolation level before the first statement: {@code SERIALIZABLE}, or {@code READ COMMITTED} for a
     * transaction that starts with an outbox claim ({@code REPEATABLE READ} for one that starts by reading every
     * listed profile). A claim reads the due rows in one statement and locks what it
     * takes ({@code FOR UPDATE SKIP LOCKED}): that is already safe, and keeping claims out of serializable conflict
     * tracking stops dispatchers on many nodes from aborting each other's claims and sends.
     */
    private void begin(int isolation) throws SQLException {
        if (!begun) {
            begun = true;
            if (dialect == Dialect.POSTGRESQL) {
                // For this transaction only: the driver sends it with its BEGIN in one round trip, and the pool has
                // no session setting to restore when the connection returns (one more round trip each).
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET TRANSACTION ISOLATION LEVEL " + switch (isolation) {
                        case Connection.TRANSACTION_READ_COMMITTED -> "READ COMMITTED";
                        case Connection.TRANSACTION_REPEATABLE_READ -> "REPEATABLE READ";
                        default -> "SERIALIZABLE";
                    });
                }
            } else {
                connection.setTransactionIsolation(isolation);
            }
        }
    }

    /**
     * Lets the first statement of this transaction be an outbox claim or a read of the change feed, which run at
     * {@code READ COMMITTED}; see {@link #begin} and {@link JdbcChanges}.
     */
    void beginClaim(String what) {
        beginAt(Connection.TRANSACTION_READ_COMMITTED, what);
    }

    /**
     * Lets the first statement of this transaction be a read of many rows at {@code REPEATABLE READ}: one snapshot
     * of the database, without the serializable level's tracking of every row read.
     */
    void beginSnapshot(String what) {
        beginAt(Connection.TRANSACTION_REPEATABLE_READ, what);
    }

    private void beginAt(int isolation, String what) {
        checkOpen();
        try {
            begin(isolation);
        } catch (SQLException e) {
            throw failed(what, e);
        }
    }

    /** Runs an insert, update or delete; returns the number of rows it changed. */
    int update(String what, String sql, @Nullable Object... params) {
        checkOpen();
        try (PreparedStatement statement = prepare(sql)) {
            bind(statement, params);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw failed(what, e);
        }
    }

    /** Runs one statement once per row of parameters, in batches; returns how many rows they changed. */
    long batch(String what, String sql, List<Object[]> rows) {
        checkOpen();
        if (rows.isEmpty()) {
            return 0;
        }
        try (PreparedStatement statement = prepare(sql)) {
            long changed = 0;
            int pending = 0;
            for (Object[] row : rows) {
                bind(statement, row);
                statement.addBatch();
                if (++pending == BATCH_SIZE) {
                    changed += changed(statement.executeBatch());
                    pending = 0;
                }
            }
            if (pending > 0) {
                changed += changed(statement.executeBatch());
            }
            return changed;
        } catch (SQLException e) {
            throw failed(what, e);
        }
    }

    private static long changed(int[] counts) {
        long changed = 0;
        for (int count : counts) {
            // SUCCESS_NO_INFO (-2): the driver does not say; count the row as changed.
            changed += count == java.sql.Statement.SUCCESS_NO_INFO ? 1 : Math.max(count, 0);
        }
        return changed;
    }

    /** The rows of a query. */
    <T> List<T> query(String what, String sql, RowMapper<T> mapper, @Nullable Object... params) {
        checkOpen();
        try (PreparedStatement statement = prepare(sql)) {
            bind(statement, params);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        } catch (SQLException e) {
            throw failed(what, e);
        }
    }

    /** The one row of a query, or {@code null} when it has none. */
    <T> @Nullable T queryOne(String what, String sql, RowMapper<T> mapper, @Nullable Object... params) {
        List<T> rows = query(what, sql, mapper, params);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** The number a {@code SELECT COUNT(*)} query returns. */
    long count(String what, String sql, @Nullable Object... params) {
        Long count = queryOne(what, sql, row -> row.getLong(1), params);
        return count == null ? 0 : count;
    }

    /**
     * One page of a keyset listing by {@code id}: {@code selectWhere} is a {@code SELECT ... WHERE ...} over a table
     * with an {@code id} column, {@code params} its parameters.
     */
    <T> Page<T> page(String listing, PageRequest request, String selectWhere, RowMapper<T> mapper,
            Function<T, String> key, @Nullable Object... params) {
        return page(listing, request, selectWhere, "id", mapper, key, params);
    }

    /** Like {@link #page(String, PageRequest, String, RowMapper, Function, Object...)}, keyed by {@code keyColumn}. */
    <T> Page<T> page(String listing, PageRequest request, String selectWhere, String keyColumn, RowMapper<T> mapper,
            Function<T, String> key, @Nullable Object... params) {
        // The parameters (tenant, owner, status) are part of the listing: another tenant's cursor is refused.
        String scoped = listing + " of " + Arrays.toString(params);
        String after = Cursors.decode(scoped, request.cursor());
        List<Object> all = new ArrayList<>(Arrays.asList(params));
        String sql = selectWhere;
        if (after != null) {
            sql += " AND " + keyColumn + " > ?";
            all.add(after);
        }
        sql += " ORDER BY " + fixedColumns(selectWhere) + keyColumn + " LIMIT ?";
        all.add(request.size() + 1);
        List<T> rows = query("list " + listing, sql, mapper, all.toArray());
        if (rows.size() <= request.size()) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, request.size());
        return new Page<>(items, Cursors.encode(scoped, key.apply(items.get(items.size() - 1))));
    }

    /**
     * The columns a {@code WHERE a = ? AND b = ?} clause fixes, as {@code "a, b, "}, or {@code ""} for any other
     * clause. Ordering by them first changes no order (they are constant), but lets H2 read the primary key or index
     * on {@code (a, b, key)} in order and stop after the page, as PostgreSQL does anyway; ordered by the key alone,
     * H2 reads and sorts every row after the cursor.
     */
    private static String fixedColumns(String selectWhere) {
        int where = selectWhere.lastIndexOf(" WHERE ");
        StringBuilder columns = new StringBuilder();
        for (String term : selectWhere.substring(where + " WHERE ".length()).split(" AND ")) {
            Matcher equality = FIXED_COLUMN.matcher(term.strip());
            if (equality.matches()) {
                columns.append(equality.group(1)).append(", ");
            } else if (!term.strip().equals("1 = 1")) {
                return "";
            }
        }
        return where < 0 ? "" : columns.toString();
    }

    /** Translates a failure of this transaction's statement, and remembers the first. */
    EcosystemException failed(String what, SQLException e) {
        EcosystemException translated = SqlFailures.translate(dialect, what, e);
        if (failure == null) {
            failure = translated;
        }
        return translated;
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        begin(Connection.TRANSACTION_SERIALIZABLE);
        return connection.prepareStatement(sql);
    }

    /** The connection, in its transaction, for statements this class has no helper for. */
    Connection begunConnection() throws SQLException {
        begin(Connection.TRANSACTION_SERIALIZABLE);
        return connection;
    }

    private static void bind(PreparedStatement statement, @Nullable Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
    }

    @Override
    public CompanyRepository companies() {
        return new JdbcCompanies(checkOpen());
    }

    @Override
    public ContactRepository contacts() {
        return new JdbcContacts(checkOpen());
    }

    @Override
    public PartnershipRepository partnerships() {
        return new JdbcPartnerships(checkOpen());
    }

    @Override
    public IntroductionRepository introductions() {
        return new JdbcIntroductions(checkOpen());
    }

    @Override
    public CrmSnapshotRepository crm() {
        return new JdbcCrmSnapshots(checkOpen());
    }

    @Override
    public TouchpointRepository touchpoints() {
        return new JdbcTouchpoints(checkOpen());
    }

    @Override
    public OutboxRepository outbox() {
        return new JdbcOutbox(checkOpen());
    }

    @Override
    public RegistrationRepository registrations() {
        return new JdbcRegistrations(checkOpen());
    }

    @Override
    public PartnershipLifecycleRepository lifecycle() {
        return new JdbcLifecycle(checkOpen());
    }

    @Override
    public StatementRepository statements() {
        return new JdbcStatements(checkOpen());
    }

    @Override
    public BriefRepository briefs() {
        return new JdbcBriefs(checkOpen());
    }

    @Override
    public IdempotencyRepository idempotency() {
        return new JdbcIdempotency(checkOpen());
    }

    @Override
    public CompanyBlockRepository blocks() {
        return new JdbcBlocks(checkOpen());
    }

    @Override
    public SharingPolicyRepository sharing() {
        return new JdbcSharingPolicies(checkOpen());
    }

    @Override
    public ProgramRepository programs() {
        return new JdbcPrograms(checkOpen());
    }

    @Override
    public TierRepository tiers() {
        return new JdbcTiers(checkOpen());
    }

    @Override
    public CertificationRepository certifications() {
        return new JdbcCertifications(checkOpen());
    }

    /** One streaming read instead of the default's pages: see {@link JdbcListedProfiles}. */
    @Override
    public void forEachListedProfile(Consumer<ListedProfile> action) {
        new JdbcListedProfiles(checkOpen()).forEach(action);
    }

    @Override
    public long companyCount() {
        return new JdbcListedProfiles(checkOpen()).companyCount();
    }

    /**
     * The same streaming read as {@link #forEachListedProfile}, its values handed over as they are decoded, to the
     * sink on a thread of its own so that its work overlaps the reading.
     */
    @Override
    public void forEachListedValue(ListedValues.Sink sink) {
        dev.ecosystem.internal.base.Checks.required(sink, "sink");
        new JdbcListedProfiles(checkOpen()).forEachPipelined(sink);
    }

    @Override
    public CrmWriteBackRepository crmWriteBacks() {
        return new JdbcCrmWriteBacks(checkOpen());
    }

    @Override
    public ChangeRepository changes() {
        checkOpen();
        if (!changeFeed) {
            throw new EcosystemException("this JdbcPartnerStore was built with changeFeed(false) and keeps no change "
                    + "feed, so app nodes sharing it do not see each other's writes; build it with changeFeed(true) "
                    + "(the default) to run more than one node");
        }
        return new JdbcChanges(this);
    }
}
