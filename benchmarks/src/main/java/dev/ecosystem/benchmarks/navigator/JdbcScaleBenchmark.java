package dev.ecosystem.benchmarks.navigator;

import com.zaxxer.hikari.HikariDataSource;
import dev.ecosystem.EcosystemClient;
import dev.ecosystem.benchmarks.BenchPostgres;
import dev.ecosystem.jdbc.JdbcPartnerStore;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.IdealPartnerProfile;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.navigator.PartnerMatch;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The Navigator at 10M companies and 1M contacts in PostgreSQL, with a 3 GB heap. {@code firstSearch} is the public
 * API: a new {@link EcosystemClient} over a {@link JdbcPartnerStore} and its first search, which builds the index
 * from the store (one streaming read of every listed company, its values decoded from the rows' bytes straight into
 * term ids: {@code JdbcListedProfiles}, with {@code COPY ... TO STDOUT} on PostgreSQL: {@code PostgresListedRows});
 * its peer {@code plainSelect} streams the same rows (the same two queries, forward-only cursors with the same fetch
 * size) with plain JDBC and only touches every column: the floor for reading them the usual way. After each iteration of {@code firstSearch} it prints the heap the index
 * retains and the peak heap of the build. {@code search} is a search on the built index (p50/p99 in the output).
 *
 * <p>The data go in once with {@code COPY} into the schema {@code eco_bench_i18_scale}, kept between runs (dropped when its
 * row counts differ): 10M listed companies {@code p00000000...} with 4 to 8 Zipf-drawn business tags of 10,000, an
 * industry, a region, a size band and a product category; 1M contacts (one per tenth company) with one to two of 50
 * role tags.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar JdbcScaleBenchmark -f 1 -wi 0 -i 2
 * </pre>
 *
 * PostgreSQL: see {@link BenchPostgres}; {@code -Deco.scale.drop=true} drops the schema at the end.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g", "-XX:+UseG1GC"})
@Warmup(iterations = 0)
@Measurement(iterations = 2)
public class JdbcScaleBenchmark {
    /** Companies in the data set: 10M, or {@code -Deco.scale.companies} (in {@code -jvmArgsAppend}) for a try. */
    static final int COMPANIES = Integer.getInteger("eco.scale.companies", 10_000_000);
    static final int CONTACTS = COMPANIES / 10;
    static final String SCHEMA = "eco_bench_i18_scale" + (COMPANIES == 10_000_000 ? "" : "_" + COMPANIES);
    static final String COMPANY_QUERY = "SELECT id, business_tags, industries, regions, size_band,"
            + " product_categories, signals FROM " + SCHEMA + ".eco_companies WHERE listed ORDER BY id";
    static final String CONTACT_QUERY = "SELECT company_id, role_tags FROM " + SCHEMA
            + ".eco_contacts WHERE role_tags <> '[]' ORDER BY company_id";

    private HikariDataSource dataSource;
    private EcosystemClient client;
    private IdealPartnerProfile profile;
    private long baseline;
    private long cpuAtStart;

    /** Loads the data when the schema does not hold them yet, and opens a pool. */
    @Setup(Level.Trial)
    public void open() throws SQLException {
        dataSource = BenchPostgres.pool(4);
        ScaleData.ensureLoaded(dataSource, SCHEMA, COMPANIES, CONTACTS);
        IdealPartnerProfile.Builder builder = IdealPartnerProfile.builder(PartnerType.TECHNOLOGY);
        int[] tags = {0, 3, 17, 42, 99, 250, 1000, 4000};
        for (int i = 0; i < tags.length; i++) {
            builder.preferBusiness("t" + tags[i], 1 + i % 5);
        }
        profile = builder.preferRole("r3", 2).build();
        baseline = liveHeap();
    }

    /** Closes the client and the pool. */
    @TearDown(Level.Trial)
    public void close() throws SQLException {
        closeClient();
        if (Boolean.getBoolean("eco.scale.drop")) {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            }
        }
        dataSource.close();
    }

    /** Starts each iteration of the first search without a client, after a full collection. */
    @Setup(Level.Iteration)
    public void resetPeaks() {
        closeClient();
        liveHeap();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        cpuAtStart = processCpuNanos();
    }

    /**
     * The CPU time of this JVM, all threads and the collector included: on a shared machine the wall time of a build
     * waits for other processes, its CPU time does not (the database server's is not in it).
     */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    /** Prints the heap the built index retains and the peak heap while it was built. */
    @TearDown(Level.Iteration)
    public void printHeap() {
        if (client == null) {
            return;
        }
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
        double cpu = (processCpuNanos() - cpuAtStart) / 1e9;
        long retained = liveHeap() - baseline;
        System.out.printf(Locale.ROOT, "%nnavigator at %,d companies: retained heap %.0f MB (client with its index),"
                + " peak heap during the build %.0f MB (sum of the pools' peaks), JVM CPU during the build %.1f s%n",
                COMPANIES, retained / 1048576.0, peak / 1048576.0, cpu);
    }

    /** The public API: a new client over the store, and its first search (which builds the index). */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Page<PartnerMatch> firstSearch() {
        client = EcosystemClient.builder()
                .store(JdbcPartnerStore.builder(dataSource).schema(SCHEMA).migrate(false).build()).build();
        return checked(client.as(CompanyId.of(ScaleData.companyId(0))).navigator().search(profile,
                PageRequest.first(10)));
    }

    /** The peer: the same rows streamed with plain JDBC (same queries and fetch size), each column touched once. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public long plainSelect() throws SQLException {
        long touched = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (PreparedStatement companies = connection.prepareStatement(COMPANY_QUERY);
                    PreparedStatement contacts = connection.prepareStatement(CONTACT_QUERY)) {
                companies.setFetchSize(10_000);
                contacts.setFetchSize(10_000);
                try (ResultSet rows = contacts.executeQuery()) {
                    while (rows.next()) {
                        touched += rows.getString(1).length() + rows.getString(2).length();
                    }
                }
                try (ResultSet rows = companies.executeQuery()) {
                    while (rows.next()) {
                        for (int column = 1; column <= 7; column++) {
                            String value = rows.getString(column);
                            touched += value == null ? 0 : value.length();
                        }
                    }
                }
            }
            connection.commit();
            connection.setAutoCommit(true);
        }
        return touched;
    }

    /** A search on the index the state built once (p50 and p99 in the output). */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1, time = 5)
    @Measurement(iterations = 3, time = 5)
    public Page<PartnerMatch> search(BuiltClient built) {
        return checked(built.client.as(CompanyId.of(ScaleData.companyId(0))).navigator().search(profile,
                PageRequest.first(10)));
    }

    /** A client whose index is built, for {@link #search}. */
    @State(Scope.Benchmark)
    public static class BuiltClient {
        EcosystemClient client;

        /** Builds the client and its index with a first search. */
        @Setup(Level.Trial)
        public void build(JdbcScaleBenchmark benchmark) {
            client = EcosystemClient.builder().store(JdbcPartnerStore.builder(benchmark.dataSource).schema(SCHEMA)
                    .migrate(false).build()).build();
            benchmark.firstSearchOn(client);
        }

        /** Closes the client. */
        @TearDown(Level.Trial)
        public void close() {
            client.close();
        }
    }

    void firstSearchOn(EcosystemClient on) {
        checked(on.as(CompanyId.of(ScaleData.companyId(0))).navigator().search(profile, PageRequest.first(10)));
    }

    private static Page<PartnerMatch> checked(Page<PartnerMatch> page) {
        if (page.items().size() != 10) {
            throw new IllegalStateException("expected 10 matches, got " + page.items().size());
        }
        return page;
    }

    private void closeClient() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    private static long liveHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Generates the data set and loads it with {@code COPY}. */
    static final class ScaleData {
        private static final int VOCABULARY = 10_000;
        private static final int ROLES = 50;
        private static final int CHUNK = 1 << 16;

        private ScaleData() {
        }

        static String companyId(int n) {
            return String.format(Locale.ROOT, "p%08d", n);
        }

        static void ensureLoaded(HikariDataSource dataSource, String schema, int companies, int contacts)
                throws SQLException {
            if (count(dataSource, schema + ".eco_companies") == companies
                    && count(dataSource, schema + ".eco_contacts") == contacts) {
                return;
            }
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
            JdbcPartnerStore.builder(dataSource).schema(schema).build();
            try (Connection connection = dataSource.getConnection()) {
                PGConnection pg = connection.unwrap(PGConnection.class);
                copyCompanies(pg, schema, companies);
                copyContacts(pg, schema, contacts, companies);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("ANALYZE " + schema + ".eco_companies");
                    statement.execute("ANALYZE " + schema + ".eco_contacts");
                }
            }
        }

        private static long count(HikariDataSource dataSource, String table) throws SQLException {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet exists = statement.executeQuery("SELECT to_regclass('" + table + "') IS NOT NULL")) {
                exists.next();
                if (!exists.getBoolean(1)) {
                    return -1;
                }
                try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        }

        private static void copyCompanies(PGConnection pg, String schema, int companies) throws SQLException {
            double[] cumulative = ZipfProfiles.cumulative(VOCABULARY);
            SplittableRandom random = new SplittableRandom(20261206L);
            CopyIn copy = pg.getCopyAPI().copyIn("COPY " + schema + ".eco_companies (id, name, web_domain,"
                    + " description, business_tags, industries, regions, size_band, product_categories, signals,"
                    + " listed) FROM STDIN");
            StringBuilder chunk = new StringBuilder(CHUNK + 1024);
            String[] bands = {"MICRO", "SMALL", "MEDIUM", "LARGE", "ENTERPRISE"};
            for (int n = 0; n < companies; n++) {
                int[] tags = ZipfProfiles.distinct(random, cumulative, 4 + random.nextInt(5));
                Arrays.sort(tags);
                chunk.append(companyId(n)).append("\tCompany ").append(n).append("\tc").append(n)
                        .append(".example.com\t\t[");
                for (int i = 0; i < tags.length; i++) {
                    chunk.append(i == 0 ? "" : ",").append("\"business:t").append(tags[i]).append('"');
                }
                chunk.append("]\t[\"i").append(random.nextInt(30)).append("\"]\t[\"r").append(random.nextInt(6))
                        .append("\"]\t").append(bands[random.nextInt(bands.length)]).append("\t[\"c")
                        .append(random.nextInt(40)).append("\"]\t[]\tt\n");
                if (chunk.length() >= CHUNK) {
                    write(copy, chunk);
                }
            }
            write(copy, chunk);
            copy.endCopy();
        }

        private static void copyContacts(PGConnection pg, String schema, int contacts, int companies)
                throws SQLException {
            SplittableRandom random = new SplittableRandom(7L);
            CopyIn copy = pg.getCopyAPI().copyIn("COPY " + schema + ".eco_contacts (company_id, id, name, email,"
                    + " role_tags, opted_out) FROM STDIN");
            StringBuilder chunk = new StringBuilder(CHUNK + 1024);
            int every = Math.max(1, companies / contacts);
            for (int n = 0; n < contacts; n++) {
                int first = random.nextInt(ROLES);
                int second = random.nextInt(ROLES);
                chunk.append(companyId((int) ((long) n * every % companies))).append("\tk").append(n)
                        .append("\tPerson ").append(n).append("\tperson").append(n).append("@example.com\t[\"role:r")
                        .append(Math.min(first, second)).append('"');
                if (first != second) {
                    chunk.append(",\"role:r").append(Math.max(first, second)).append('"');
                }
                chunk.append("]\tf\n");
                if (chunk.length() >= CHUNK) {
                    write(copy, chunk);
                }
            }
            write(copy, chunk);
            copy.endCopy();
        }

        private static void write(CopyIn copy, StringBuilder chunk) throws SQLException {
            byte[] bytes = chunk.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            chunk.setLength(0);
        }
    }
}
