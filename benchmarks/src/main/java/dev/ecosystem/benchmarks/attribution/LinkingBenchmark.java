package dev.ecosystem.benchmarks.attribution;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.memory.InMemoryCrm;
import dev.ecosystem.memory.InMemoryPartnerStore;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.DealStatus;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.IntroductionId;
import dev.ecosystem.model.IntroductionStatus;
import dev.ecosystem.model.IntroductionTransition;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.Prospect;
import dev.ecosystem.model.Touchpoint;
import dev.ecosystem.model.TouchpointId;
import dev.ecosystem.model.TouchpointKind;
import dev.ecosystem.overlap.Overlaps;
import dev.ecosystem.spi.CrmConnections;
import dev.ecosystem.spi.PartnerStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sync-time linking of connected introductions: one tenant with {@link #intros} connected introductions (each naming
 * a prospect by name and domain) syncs a CRM of {@link #deals} new deals, one account each, a tenth of them on a
 * prospect's domain; every such deal must get its {@code INTRODUCTION} entry.
 *
 * <ul>
 *   <li>{@code syncWithLinking}: the public API, {@code client.as(tenant).overlaps().syncChanges()} over an
 *       {@link InMemoryCrm}; the SDK links while it stores (introductions indexed once per sync). The headline; the
 *       goal is under 2 s for 100,000 deals.</li>
 *   <li>{@code syncThenNaiveLinking}: the peer, the same public sync on a store whose introductions have not
 *       connected (so the SDK links nothing), then a naive per-deal lookup: for each deal, its account read from the
 *       store and compared with every connected introduction's prospect (keys prepared once), credits appended
 *       through the store.</li>
 *   <li>{@code syncOnly}: the same sync with nothing to link, for the linking's own cost.</li>
 * </ul>
 * Every figure goes through the public API except the peer's lookup loop, which is benchmark code. Each invocation
 * starts from a fresh store and CRM (built in setup, not measured).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar LinkingBenchmark -f 1 -wi 2 -i 5
 * </pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@State(Scope.Benchmark)
public class LinkingBenchmark {
    private static final CompanyId TENANT = CompanyId.of("tenant-0001");
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final int PARTNERS = 100;

    /** New deals in the sync. */
    @Param("100000")
    public int deals;

    /** The tenant's introductions naming a prospect. */
    @Param("10000")
    public int intros;

    private InMemoryCrm crm;
    private EcosystemClient linked;
    private EcosystemClient unlinked;
    private PartnerStore unlinkedStore;
    private List<Introduction> connected;

    /** The CRM of new deals, generated once. */
    @Setup(Level.Trial)
    public void crm() {
        List<Account> accounts = new ArrayList<>(deals);
        List<Deal> newDeals = new ArrayList<>(deals);
        for (int i = 0; i < deals; i++) {
            String domain = i % 10 == 0 ? "prospect-" + (i / 10 % intros) + ".com" : "company-" + i + ".com";
            accounts.add(Account.builder(TENANT, AccountId.of(String.format("acc-%07d", i)), "Company " + i)
                    .domain("https://www." + domain).build());
            newDeals.add(Deal.builder(TENANT, DealId.of(String.format("deal-%07d", i)), "Deal " + i)
                    .account(AccountId.of(String.format("acc-%07d", i))).stage("open", DealStatus.OPEN)
                    .createdAt(T0.plus(Duration.ofDays(30))).build());
        }
        crm = InMemoryCrm.of(TENANT, accounts, newDeals);
        connected = introductions(IntroductionStatus.CONNECTED);
    }

    /** Fresh stores before every sync: one whose introductions connected, one whose did not. */
    @Setup(Level.Invocation)
    public void stores() {
        linked = client(IntroductionStatus.CONNECTED);
        PartnerStore store = InMemoryPartnerStore.create();
        unlinkedStore = store;
        unlinked = client(store, IntroductionStatus.CANCELLED);
    }

    /** The public API: a sync that links as it stores. */
    @Benchmark
    public Overlaps.SyncResult syncWithLinking() {
        return linked.as(TENANT).overlaps().syncChanges();
    }

    /** The same sync with nothing to link. */
    @Benchmark
    public Overlaps.SyncResult syncOnly() {
        return unlinked.as(TENANT).overlaps().syncChanges();
    }

    /** The peer: the sync, then a naive lookup of every deal against every connected introduction. */
    @Benchmark
    public int syncThenNaiveLinking() {
        unlinked.as(TENANT).overlaps().syncChanges();
        List<String[]> keys = new ArrayList<>(connected.size());
        for (Introduction intro : connected) {
            keys.add(new String[] {domainOf(intro.prospect().domain()), nameOf(intro.prospect().name())});
        }
        return unlinkedStore.inTransaction(tx -> {
            int credits = 0;
            String cursor = null;
            do {
                var page = tx.crm().deals(TENANT, PageRequest.after(cursor, PageRequest.MAX_SIZE));
                for (Deal deal : page.items()) {
                    Account account = tx.crm().account(TENANT, deal.accountIds().get(0));
                    String domain = domainOf(account.domain());
                    String name = nameOf(account.name());
                    for (int i = 0; i < keys.size(); i++) {
                        if (keys.get(i)[0].equals(domain) || keys.get(i)[1].equals(name)) {
                            Introduction intro = connected.get(i);
                            tx.touchpoints().append(Touchpoint.builder(TouchpointId.of("naive/" + deal.id() + "/"
                                            + intro.id()), TENANT, intro.targetCompany(), TouchpointKind.INTRODUCTION,
                                            T0).account(account.id()).deal(deal.id()).origin(intro.id().value())
                                    .build());
                            credits++;
                        }
                    }
                }
                cursor = page.nextCursor();
            } while (cursor != null);
            return credits;
        });
    }

    private static String domainOf(String raw) {
        String host = raw.toLowerCase(Locale.ROOT).replaceFirst("^https?://", "").replaceFirst("^www\\.", "");
        int slash = host.indexOf('/');
        return slash < 0 ? host : host.substring(0, slash);
    }

    private static String nameOf(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }

    private EcosystemClient client(IntroductionStatus status) {
        return client(InMemoryPartnerStore.create(), status);
    }

    private EcosystemClient client(PartnerStore store, IntroductionStatus status) {
        EcosystemClient client = EcosystemClient.builder().store(store).crm(CrmConnections.of(crm)).build();
        client.register(Company.builder(TENANT, "Tenant").build());
        for (int p = 0; p < PARTNERS; p++) {
            client.register(Company.builder(partner(p), "Partner " + p).build());
        }
        List<Introduction> all = introductions(status);
        store.useTransaction(tx -> all.forEach(tx.introductions()::insert));
        return client;
    }

    private static CompanyId partner(int p) {
        return CompanyId.of(String.format("partner-%03d", p));
    }

    private List<Introduction> introductions(IntroductionStatus status) {
        List<Introduction> all = new ArrayList<>(intros);
        for (int i = 0; i < intros; i++) {
            Instant connectedAt = T0.plus(Duration.ofMinutes(i));
            all.add(Introduction.builder(IntroductionId.of(String.format("intro-%06d", i)), TENANT,
                            ContactId.of("requester"), partner(i % PARTNERS), ContactId.of("target-" + i % PARTNERS),
                            "About prospect " + i, T0, T0.plus(Duration.ofDays(14)))
                    .prospect(Prospect.of("Prospect " + i + " GmbH", "prospect-" + i + ".com"))
                    .status(status)
                    .history(List.of(new IntroductionTransition(null, IntroductionStatus.REQUESTED, "requester", T0,
                                    "requested"),
                            new IntroductionTransition(IntroductionStatus.REQUESTED, status, "target", connectedAt,
                                    "everyone consented")))
                    .updatedAt(connectedAt)
                    .build());
        }
        return all;
    }
}
