package dev.ecosystem.benchmarks.referral;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ecosystem.EcosystemClient;
import dev.ecosystem.TenantScope;
import dev.ecosystem.jdbc.JdbcPartnerStore;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.EmailAddress;
import dev.ecosystem.model.Money;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.model.PartnershipStatus;
import dev.ecosystem.model.ReferredProspect;
import dev.ecosystem.model.Registration;
import dev.ecosystem.model.RegistrationId;
import dev.ecosystem.model.RegistrationStatus;
import dev.ecosystem.model.RegistrationTransition;
import dev.ecosystem.spi.PartnerStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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

/**
 * One registration with its conflict check, against a vendor whose CRM snapshot has {@value #ACCOUNTS} accounts
 * (30% customers, 10% open opportunities) and which holds {@value #REGISTRATIONS} open (accepted, protected)
 * registrations of 1,000 partners. Each operation registers a new prospect, in turn one that is the vendor's
 * customer (conflict found by registrable domain and explained), one another partner holds (conflict with that
 * registration) and one nobody knows; the registering partner rotates over 64 partners so none passes its cap.
 *
 * <ul>
 *   <li>{@code publicApi} (the headline): {@code client.as(partner).referrals().submit(vendor, prospect, key)} on the
 *       embedded default store: partnership check, idempotency key, the conflict check against the snapshot and
 *       the registrations, the insert and the partner's view of the result.
 *   <li>{@code sqlPeer} (the peer): the same check as SQL on the JDBC store's tables in H2 (in-process, in memory, so
 *       no network): counts of the vendor's customers and open opportunities with the prospect's registrable domain
 *       or normalized name (a key table of the 400,000 such accounts, indexed like the store's), of accepted
 *       registrations protecting the account ({@code registrations} of migration V8, its indexes) and of the
 *       partner's open registrations, in one prepared statement on one connection. It stores nothing: a lower
 *       bound of what a SQL implementation pays per registration.
 * </ul>
 *
 * <p>The 64 registering partners keep every registration open, so by the end of a run each has well over a
 * thousand, far above the default cap of 100; the in-memory store counts a pair's open registrations one by one,
 * so the public API's later iterations are slower than its first (a known cost of the cap check, not of the
 * snapshot match).
 *
 * <p>Sample time, so the output has p50 and p99 per operation:
 *
 * <pre>
 * ./mvnw -o -q -B -pl benchmarks -am package -DskipTests
 * flock /tmp/heavy.lock java -jar benchmarks/target/benchmarks.jar RegistrationBenchmark -f 1 -wi 2 -i 5
 * </pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "-Xms6g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
public class RegistrationBenchmark {
    static final int ACCOUNTS = 1_000_000;
    static final int REGISTRATIONS = 100_000;
    private static final int OTHER_PARTNERS = 1_000;
    private static final int BENCH_PARTNERS = 64;
    private static final CompanyId VENDOR = CompanyId.of("bench-vendor");
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    /** The prospect of operation {@code n}: a customer, a registered account, or a new one, in turn. */
    static ReferredProspect prospect(long n) {
        String name;
        String domain;
        switch ((int) (n % 3)) {
            case 0 -> {
                long i = (n * 7919) % ACCOUNTS;
                i -= i % 10; // i % 10 == 0: a customer
                name = accountName(i);
                domain = "www.c" + i + ".com";
            }
            case 1 -> {
                long j = (n * 104_729) % REGISTRATIONS;
                name = "Registered " + j;
                domain = "r" + j + ".com";
            }
            default -> {
                name = "Fresh Prospect " + n;
                domain = "fresh" + n + ".com";
            }
        }
        return ReferredProspect.builder(name, "Pat Buyer", EmailAddress.of("pat@buyer.com")).domain(domain)
                .expectedAmount(Money.of("25000", "USD")).build();
    }

    static String accountName(long i) {
        return "Company " + i + " Holdings";
    }

    static CompanyId benchPartner(long n) {
        return CompanyId.of("bench-partner-" + (n % BENCH_PARTNERS));
    }

    /** 100,000 accepted registrations of 1,000 partners, protected at {@link #T0}. */
    static List<Registration> registrations() {
        List<Registration> all = new ArrayList<>(REGISTRATIONS);
        Instant accepted = T0.minus(Duration.ofDays(1));
        for (int j = 0; j < REGISTRATIONS; j++) {
            CompanyId partner = CompanyId.of("other-partner-" + (j % OTHER_PARTNERS));
            ReferredProspect prospect = ReferredProspect.builder("Registered " + j, "Pat", EmailAddress.of("pat@buyer.com"))
                    .domain("r" + j + ".com").build();
            all.add(Registration.builder(RegistrationId.of("seed-" + j), VENDOR, partner, prospect,
                    "registered" + j, accepted)
                    .domainKey("r" + j + ".com")
                    .acceptedAt(accepted)
                    .protectedUntil(accepted.plus(Duration.ofDays(90)))
                    .transition(new RegistrationTransition(null, RegistrationStatus.ACCEPTED, accepted,
                            VENDOR.value(), null))
                    .build());
        }
        return all;
    }

    private static void storeRegistrations(PartnerStore store) {
        List<Registration> all = registrations();
        for (int from = 0; from < all.size(); from += 5_000) {
            List<Registration> chunk = all.subList(from, Math.min(all.size(), from + 5_000));
            store.useTransaction(tx -> chunk.forEach(tx.registrations()::insert));
        }
    }

    /** The embedded client with the vendor's snapshot, its partners and the registrations. */
    @State(Scope.Benchmark)
    public static class Api {
        EcosystemClient client;
        TenantScope[] partners = new TenantScope[BENCH_PARTNERS];
        long next;

        /** Builds the network. */
        @Setup(Level.Trial)
        public void build() {
            client = EcosystemClient.builder().clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
            client.register(Company.builder(VENDOR, "Vendor").businessTags("saas").listed(true).build());
            for (int k = 0; k < BENCH_PARTNERS; k++) {
                CompanyId partner = benchPartner(k);
                client.register(Company.builder(partner, "Partner " + k).businessTags("saas").listed(true).build());
                client.as(VENDOR).partnerships().create(partner, PartnerType.REFERRAL, PartnershipStatus.ACTIVE);
                client.as(partner).partnerships().create(VENDOR, PartnerType.REFERRAL, PartnershipStatus.ACTIVE);
                partners[k] = client.as(partner);
            }
            PartnerStore store = client.store();
            for (int from = 0; from < ACCOUNTS; from += 50_000) {
                List<Account> chunk = new ArrayList<>(50_000);
                for (int i = from; i < from + 50_000; i++) {
                    chunk.add(Account.builder(VENDOR, AccountId.of("a" + i), accountName(i)).domain("c" + i + ".com")
                            .lifecycleStage(i % 10 < 3 ? "customer" : i % 10 == 3 ? "opportunity" : "lead").build());
                }
                store.useTransaction(tx -> tx.crm().putAccounts(VENDOR, chunk));
            }
            storeRegistrations(store);
        }

        /** Stops the client's threads. */
        @TearDown(Level.Trial)
        public void close() {
            client.close();
        }
    }

    /** The same data as SQL tables in an in-memory H2 database, and the check as one prepared statement. */
    @State(Scope.Benchmark)
    public static class Sql {
        HikariDataSource dataSource;
        Connection connection;
        PreparedStatement check;
        long next;

        /** Creates and fills the tables. */
        @Setup(Level.Trial)
        public void build() throws SQLException {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl("jdbc:h2:mem:refbench;DB_CLOSE_DELAY=-1");
            config.setMaximumPoolSize(2);
            dataSource = new HikariDataSource(config);
            JdbcPartnerStore store = JdbcPartnerStore.builder(dataSource).tablePrefix("refbench_").build();
            storeRegistrations(store);
            connection = dataSource.getConnection();
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE refbench_account_keys (tenant VARCHAR(128) NOT NULL,"
                        + " account_id VARCHAR(128) NOT NULL, domain_key VARCHAR(253), name_key VARCHAR(500) NOT NULL,"
                        + " customer BOOLEAN NOT NULL)");
                statement.execute("CREATE INDEX refbench_keys_domain ON refbench_account_keys (tenant, domain_key)");
                statement.execute("CREATE INDEX refbench_keys_name ON refbench_account_keys (tenant, name_key)");
            }
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO refbench_account_keys VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < ACCOUNTS; i++) {
                    if (i % 10 > 3) {
                        continue; // prospects are never a conflict: the key table holds customers and open opps
                    }
                    insert.setString(1, VENDOR.value());
                    insert.setString(2, "a" + i);
                    insert.setString(3, "c" + i + ".com");
                    insert.setString(4, "company" + i + "holdings");
                    insert.setBoolean(5, i % 10 < 3);
                    insert.addBatch();
                    if (i % 10_000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            connection.commit();
            connection.setAutoCommit(true);
            check = connection.prepareStatement("SELECT"
                    + " (SELECT COUNT(*) FROM refbench_account_keys WHERE tenant = ? AND domain_key = ?),"
                    + " (SELECT COUNT(*) FROM refbench_account_keys WHERE tenant = ? AND name_key = ?),"
                    + " (SELECT COUNT(*) FROM refbench_registrations WHERE vendor = ? AND domain_key = ?"
                    + "   AND status = 'ACCEPTED' AND accepted_at <= ? AND protected_until > ?),"
                    + " (SELECT COUNT(*) FROM refbench_registrations WHERE vendor = ? AND name_key = ?"
                    + "   AND status = 'ACCEPTED' AND accepted_at <= ? AND protected_until > ?),"
                    + " (SELECT COUNT(*) FROM refbench_registrations WHERE vendor = ? AND partner = ? AND is_open"
                    + "   AND (status = 'SUBMITTED' OR protected_until > ?))");
        }

        /** Closes the connection and the in-memory database. */
        @TearDown(Level.Trial)
        public void close() throws SQLException {
            check.close();
            connection.close();
            dataSource.close(); // the in-memory database goes with the JVM of the fork
        }
    }

    /** The headline: a registration through {@code scope.referrals()}. */
    @Benchmark
    public Registration publicApi(Api api) {
        long n = api.next++;
        return api.partners[(int) (n % BENCH_PARTNERS)].referrals().submit(VENDOR, prospect(n), "key-" + n);
    }

    /** The peer: the conflict check alone, as one SQL statement on the JDBC store's tables. */
    @Benchmark
    public long sqlPeer(Sql sql) throws SQLException {
        long n = sql.next++;
        ReferredProspect prospect = prospect(n);
        String domain = Objects.requireNonNull(prospect.domain()); // every generated prospect has one
        domain = domain.startsWith("www.") ? domain.substring(4) : domain;
        String name = prospect.accountName().toLowerCase(java.util.Locale.ROOT).replace(" ", "");
        long now = T0.getEpochSecond() * 1_000_000_000L;
        PreparedStatement check = sql.check;
        int p = 1;
        for (String key : new String[] {domain, name}) {
            check.setString(p++, VENDOR.value());
            check.setString(p++, key);
        }
        for (String key : new String[] {domain, name}) {
            check.setString(p++, VENDOR.value());
            check.setString(p++, key);
            check.setLong(p++, now);
            check.setLong(p++, now);
        }
        check.setString(p++, VENDOR.value());
        check.setString(p++, benchPartner(n).value());
        check.setLong(p, now);
        long found = 0;
        try (ResultSet row = check.executeQuery()) {
            row.next();
            for (int column = 1; column <= 5; column++) {
                found += row.getLong(column);
            }
        }
        return found;
    }
}
