package dev.ecosystem.benchmarks;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.memory.InMemoryCrm;
import dev.ecosystem.memory.InMemoryPartnerStore;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.DealStatus;
import dev.ecosystem.model.Money;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.overlap.Overlaps.SyncResult;
import dev.ecosystem.spi.CrmConnections;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A full CRM sync through the public API: {@code client.as(tenant).overlaps().syncCrm()} of an {@link InMemoryCrm}
 * with {@code accounts} accounts and {@code deals} deals into a fresh {@link InMemoryPartnerStore} each iteration
 * (a public-API figure: the connector's paging, the sync's batches and transactions, the store, the overlap engine's
 * hook and the event it publishes are all in it). The peers in the same run read the same connector pages, in the
 * same page size, straight into plain maps: {@code pagesIntoHashMaps} ({@code HashMap}s by id: the floor of reading
 * the pages) and {@code pagesIntoTreeMaps} ({@code TreeMap}s by id: the floor of keeping them in id order, as the
 * store must for its paging). Their ratio to {@code publicApiSyncCrm} is the SDK's overhead over reading the CRM.
 *
 * <pre>
 * ./mvnw -o -q -B -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar CrmSyncBenchmark -f 1 -wi 2 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class CrmSyncBenchmark {
    private static final CompanyId TENANT = CompanyId.of("acme");
    private static final String[] STAGES = {"qualified", "demo", "proposal", "negotiation"};
    private static final String[] LIFECYCLE = {"customer", "opportunity", "lead", "subscriber"};

    /** Accounts in the CRM. */
    @Param("1000000")
    public int accounts;

    /** Deals in the CRM, each on one account. */
    @Param("500000")
    public int deals;

    private InMemoryCrm crm;
    private EcosystemClient client;

    /** Builds the CRM once; every iteration reads the same one. */
    @Setup(Level.Trial)
    public void createCrm() {
        crm = crm(accounts, deals);
    }

    /** A fresh store and client for each iteration, so every sync is a first, full one. */
    @Setup(Level.Iteration)
    public void createClient() {
        client = EcosystemClient.builder().store(InMemoryPartnerStore.create()).crm(CrmConnections.of(crm)).build();
        client.register(Company.builder(TENANT, "Acme").build());
    }

    /** Drops the iteration's store. */
    @TearDown(Level.Iteration)
    public void closeClient() {
        client.close();
        client = null;
    }

    /** The headline: a full sync through the public API. */
    @Benchmark
    public SyncResult publicApiSyncCrm() {
        return client.as(TENANT).overlaps().syncCrm();
    }

    /** Peer: the same pages copied into {@code HashMap}s. */
    @Benchmark
    public int pagesIntoHashMaps() {
        Map<AccountId, Account> accountMap = new HashMap<>();
        Map<DealId, Deal> dealMap = new HashMap<>();
        copy(crm::accounts, Account::id, accountMap);
        copy(crm::deals, Deal::id, dealMap);
        return accountMap.size() + dealMap.size();
    }

    /** Peer: the same pages copied into {@code TreeMap}s. */
    @Benchmark
    public int pagesIntoTreeMaps() {
        Map<String, Account> accountMap = new TreeMap<>();
        Map<String, Deal> dealMap = new TreeMap<>();
        copy(crm::accounts, account -> account.id().value(), accountMap);
        copy(crm::deals, deal -> deal.id().value(), dealMap);
        return accountMap.size() + dealMap.size();
    }

    private static <T, K> void copy(Function<PageRequest, Page<T>> source, Function<T, K> key, Map<K, T> into) {
        String cursor = null;
        do {
            Page<T> page = source.apply(PageRequest.after(cursor, PageRequest.MAX_SIZE));
            for (T item : page.items()) {
                into.put(key.apply(item), item);
            }
            cursor = page.nextCursor();
        } while (cursor != null);
    }

    /** A CRM of {@code accountCount} accounts and {@code dealCount} deals, generated deterministically. */
    static InMemoryCrm crm(int accountCount, int dealCount) {
        List<Account> accountList = new ArrayList<>(accountCount);
        for (int i = 0; i < accountCount; i++) {
            accountList.add(Account.builder(TENANT, AccountId.of(String.format("a%08d", i)), "Company " + i)
                    .domain("company" + i + ".example" + (i % 7) + ".com")
                    .lifecycleStage(LIFECYCLE[i % LIFECYCLE.length])
                    .build());
        }
        Instant created = Instant.parse("2026-01-01T00:00:00Z");
        LocalDate closed = LocalDate.parse("2026-06-30");
        List<Deal> dealList = new ArrayList<>(dealCount);
        for (int i = 0; i < dealCount; i++) {
            boolean won = i % 3 == 0;
            dealList.add(Deal.builder(TENANT, DealId.of(String.format("d%08d", i)), "Deal " + i)
                    .account(accountList.get(i * 2 % accountCount).id())
                    .amount(Money.of(Integer.toString(1000 + i % 50_000), "USD"))
                    .stage(won ? "closedwon" : STAGES[i % STAGES.length], won ? DealStatus.WON : DealStatus.OPEN)
                    .createdAt(created.plusSeconds(i))
                    .closeDate(won ? closed : null)
                    .build());
        }
        return InMemoryCrm.of(TENANT, accountList, dealList);
    }

    /**
     * Times a few syncs without JMH, for profiling (for example under JFR): {@code java -cp
     * benchmarks/target/benchmarks.jar dev.ecosystem.benchmarks.CrmSyncBenchmark [accounts deals rounds]}.
     */
    public static void main(String[] args) {
        CrmSyncBenchmark benchmark = new CrmSyncBenchmark();
        benchmark.accounts = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        benchmark.deals = args.length > 1 ? Integer.parseInt(args[1]) : 500_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        benchmark.createCrm();
        for (int round = 0; round < rounds; round++) {
            benchmark.createClient();
            long start = System.nanoTime();
            SyncResult result = benchmark.publicApiSyncCrm();
            long syncMillis = (System.nanoTime() - start) / 1_000_000;
            benchmark.closeClient();
            start = System.nanoTime();
            int copied = benchmark.pagesIntoTreeMaps();
            long peerMillis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("round %d: syncCrm %d ms (%s); pages into TreeMaps %d ms (%d records)%n", round,
                    syncMillis, result, peerMillis, copied);
        }
    }
}
