package dev.ecosystem.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.spi.StoreTransaction;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A page of a long listing (a million rows on PostgreSQL) reads about a page's rows in the JDBC store, however deep the page: the statement
 * the store runs for a page is captured and run again under the database's own row counting ({@code EXPLAIN
 * ANALYZE}: H2's scan count, PostgreSQL's actual rows of every plan node) for the second page and for the last one.
 * Accounts are listed by their primary key; the companies that block a company by the index of migration V18.
 */
class ListingCostJdbcTest {
    /** PostgreSQL's rows: a million, filled by the server in a few seconds. */
    private static final int ROWS = 1_000_000;
    /**
     * H2's rows: fewer, as H2 fills a million-row table several times slower; the scan count it reports is exact, so
     * a listing that read past its page would still show it by a factor of a thousand.
     */
    private static final int H2_ROWS = 200_000;
    private static final int PAGE = 100;
    private static final CompanyId TENANT = CompanyId.of("mine");
    private static final Pattern H2_SCANS = Pattern.compile("scanCount: (\\d+)");
    private static final Pattern PG_ROWS = Pattern.compile("actual rows=(\\d+)");

    /** A listing measured: how its rows are filled (keys {@code a0000001} on), and how a page of it is read. */
    enum Listing {
        ACCOUNTS("accounts", "tenant, id, name, properties", "'mine', %s, 'Account', '{}'", "eco_accounts_pkey") {
            @Override
            Page<?> page(StoreTransaction tx, PageRequest request) {
                return tx.crm().accounts(TENANT, request);
            }
        },
        BLOCKERS("company_blocks", "owner, blocked", "%s, 'mine'", "eco_company_blocks_blocked") {
            @Override
            Page<?> page(StoreTransaction tx, PageRequest request) {
                return tx.blocks().blockers(TENANT, request);
            }
        };

        private final String table;
        private final String columns;
        private final String values;
        /** The index PostgreSQL's plan reads. */
        final String index;

        Listing(String table, String columns, String values, String index) {
            this.table = table;
            this.columns = columns;
            this.values = values;
            this.index = index;
        }

        /** The statement that fills the table, given the SQL of a key and of the range of numbers it is made from. */
        String fill(String key, String range) {
            return "INSERT INTO eco_" + table + " (" + columns + ") SELECT " + String.format(values, key) + " FROM "
                    + range;
        }

        /** ANALYZE's statement for the table. */
        String analyze() {
            return "ANALYZE eco_" + table;
        }

        abstract Page<?> page(StoreTransaction tx, PageRequest request);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Listing.class)
    @DisplayName("H2: the last page of 200,000 rows reads no more rows than the second")
    void h2_deepPageReadsAboutAPage(Listing listing) throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:listing-cost;DB_CLOSE_DELAY=-1");
        try {
            Captured second = secondPage(h2, listing, listing.fill("'a' || LPAD(CAST(X AS VARCHAR), 7, '0')",
                    "SYSTEM_RANGE(1, " + H2_ROWS + ")"));
            long secondCost = explain(h2, "EXPLAIN ANALYZE ", second, second.after(), H2_SCANS);
            long lastCost = explain(h2, "EXPLAIN ANALYZE ", second, lastPageAfter(H2_ROWS), H2_SCANS);

            assertThat(secondCost).isBetween((long) PAGE, 2L * (PAGE + 1));
            assertThat(lastCost).isLessThanOrEqualTo(2 * secondCost);
        } finally {
            try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("DROP ALL OBJECTS");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Listing.class)
    @DisplayName("PostgreSQL: the last page of a million rows is a limited index scan reading about a page")
    void postgres_deepPageReadsAboutAPage(Listing listing) throws SQLException {
        String schema = TestDatabases.createPostgresSchema();
        TestDatabases.assumePostgres(schema);
        try (HikariDataSource pool = TestDatabases.postgres(2, "listing-cost")) {
            DataSource inSchema = schemaBound(pool, schema);
            Captured second = secondPage(inSchema, listing, listing.fill("'a' || lpad(x::text, 7, '0')",
                    "generate_series(1, " + ROWS + ") x"));
            try (Connection connection = inSchema.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute(listing.analyze());
            }
            String prefix = "EXPLAIN (ANALYZE, TIMING OFF, COSTS OFF, SUMMARY OFF) ";
            long secondCost = explain(inSchema, prefix, second, second.after(), PG_ROWS);
            long lastCost = explain(inSchema, prefix, second, lastPageAfter(ROWS), PG_ROWS);
            String plan = plan(inSchema, prefix, second, lastPageAfter(ROWS));

            assertThat(plan).contains("Limit").contains("Index").contains(listing.index);
            assertThat(secondCost).isBetween((long) PAGE, 2L * (PAGE + 1));
            assertThat(lastCost).isLessThanOrEqualTo(2 * secondCost);
        } finally {
            TestDatabases.dropPostgresSchema(schema);
        }
    }

    /** The key after which the last page starts. */
    private static String lastPageAfter(int rows) {
        return String.format("a%07d", rows - PAGE);
    }

    /** A statement the store ran, with its parameters by index. */
    private record Captured(String sql, Map<Integer, Object> params) {
        /** The value of the keyset parameter ({@code key > ?}), the last but one. */
        Object after() {
            return params.get(params.size() - 1);
        }
    }

    /**
     * Creates the store's tables, fills them with {@code fill}, lists the first two pages and returns the statement of
     * the second (the one with the keyset condition).
     */
    private static Captured secondPage(DataSource dataSource, Listing listing, String fill) throws SQLException {
        List<Captured> statements = new ArrayList<>();
        JdbcPartnerStore store = JdbcPartnerStore.builder(capturing(dataSource, statements)).changeFeed(false).build();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(fill);
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
        Page<?> first = store.inTransaction(tx -> listing.page(tx, PageRequest.first(PAGE)));
        statements.clear();
        Page<?> second = store.inTransaction(tx -> listing.page(tx, PageRequest.after(first.nextCursor(), PAGE)));
        assertThat(second.items()).hasSize(PAGE);
        return statements.stream().filter(captured -> captured.sql().contains(" > ?")).findFirst().orElseThrow();
    }

    /** The most rows {@code pattern} finds in the analysed plan of {@code captured} with its keyset at {@code after}. */
    private static long explain(DataSource dataSource, String prefix, Captured captured, Object after,
            Pattern pattern) throws SQLException {
        Matcher matcher = pattern.matcher(plan(dataSource, prefix, captured, after));
        long most = -1;
        while (matcher.find()) {
            most = Math.max(most, Long.parseLong(matcher.group(1)));
        }
        assertThat(most).as("rows counted in the plan").isGreaterThanOrEqualTo(0);
        return most;
    }

    private static String plan(DataSource dataSource, String prefix, Captured captured, Object after)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(prefix + captured.sql())) {
            for (Map.Entry<Integer, Object> param : captured.params().entrySet()) {
                boolean keyset = param.getKey() == captured.params().size() - 1;
                statement.setObject(param.getKey(), keyset ? after : param.getValue());
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }

    /** Connections of {@code dataSource} in {@code schema}. */
    private static DataSource schemaBound(HikariDataSource dataSource, String schema) {
        return (DataSource) Proxy.newProxyInstance(ListingCostJdbcTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(dataSource, method, args);
                    if (result instanceof Connection connection) {
                        connection.setSchema(schema);
                    }
                    return result;
                });
    }

    /** {@code dataSource}, noting every prepared statement it runs and its parameters into {@code into}. */
    private static DataSource capturing(DataSource dataSource, List<Captured> into) {
        return proxy(DataSource.class, dataSource, (target, method, args) -> {
            Object result = invoke(target, method, args);
            if (!(result instanceof Connection connection)) {
                return result;
            }
            return proxy(Connection.class, connection, (conn, connMethod, connArgs) -> {
                Object made = invoke(conn, connMethod, connArgs);
                if (!connMethod.getName().equals("prepareStatement")
                        || !(made instanceof PreparedStatement statement)) {
                    return made;
                }
                Captured captured = new Captured((String) connArgs[0], new TreeMap<>());
                into.add(captured);
                return proxy(PreparedStatement.class, statement, (ps, psMethod, psArgs) -> {
                    if (psMethod.getName().startsWith("set") && psArgs != null && psArgs.length == 2
                            && psArgs[0] instanceof Integer index) {
                        captured.params().put(index, psArgs[1]);
                    }
                    return invoke(ps, psMethod, psArgs);
                });
            });
        });
    }

    private interface Handler<T> {
        Object handle(T target, Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Handler<T> handler) {
        InvocationHandler invocation = (proxy, method, args) -> handler.handle(target, method, args);
        return type.cast(Proxy.newProxyInstance(ListingCostJdbcTest.class.getClassLoader(), new Class<?>[] {type},
                invocation));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
