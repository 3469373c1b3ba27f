package dev.ecosystem.benchmarks.overlap;

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
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.model.PartnershipStatus;
import dev.ecosystem.model.Population;
import dev.ecosystem.model.SharingPolicy;
import dev.ecosystem.overlap.OverlapSettings;
import dev.ecosystem.spi.CrmConnections;
import dev.ecosystem.spi.PartnerStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntToLongFunction;

/**
 * The {@link AccountLists} of two companies as CRM accounts behind the public API: each side's raw domains become
 * accounts of an {@link InMemoryCrm} (customers have lifecycle stage {@code customer}, open opportunities an open
 * deal, prospects stage {@code lead}, the fourth population property {@code tier=gold}; names as {@link #name} makes
 * them), synced into one {@link InMemoryPartnerStore}, with an active partnership on both sides and sharing policies
 * (customers and open opportunities as records, prospects and the fourth population as exact counts).
 * {@link #client()} opens a new client over the filled store, whose overlap index is not built yet.
 */
final class PublicOverlapData {
    static final CompanyId ACME = CompanyId.of("acme");
    static final CompanyId GLOBEX = CompanyId.of("globex");
    static final Population GOLD = Population.custom("gold");
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final String[] LEGAL = {"Inc", "LLC", "Ltd", "GmbH", "", "", "Corp.", "S.A."};

    AccountLists lists;
    final OverlapSettings settings;
    final PartnerStore store = InMemoryPartnerStore.create();

    private PublicOverlapData(AccountLists lists) {
        this.lists = lists;
        this.settings = OverlapSettings.builder()
                .customPopulation(GOLD.name(), account -> "gold".equals(account.properties().get("tier"))).build();
    }

    /** Generates the lists (seed 42), syncs both CRMs into the store and sets up the partnership and policies. */
    static PublicOverlapData generate(int size) {
        return generate(size, true);
    }

    /** As {@link #generate(int)}, with globex's CRM left empty unless {@code bothSides}. */
    static PublicOverlapData generate(int size, boolean bothSides) {
        PublicOverlapData data = new PublicOverlapData(AccountLists.generate(size, 42));
        InMemoryCrm acme = crm(ACME, data.lists.domainsA(), data.lists.populationsA(), i -> i);
        InMemoryCrm globex = bothSides ? crm(GLOBEX, data.lists.domainsB(), data.lists.populationsB(),
                i -> i < size / 5 ? (long) i * 5 + 3 : size + i) // the companies AccountLists gives B
                : InMemoryCrm.of(GLOBEX, List.of(), List.of());
        try (EcosystemClient client = EcosystemClient.builder().store(data.store).clock(Clock.fixed(NOW,
                ZoneOffset.UTC)).crm(CrmConnections.of(acme, globex)).overlapSettings(data.settings).build()) {
            for (CompanyId id : List.of(ACME, GLOBEX)) {
                client.register(Company.builder(id, "Company " + id).businessTags("saas").listed(true).build());
            }
            client.as(ACME).partnerships().create(GLOBEX, PartnerType.REFERRAL, PartnershipStatus.ACTIVE);
            client.as(GLOBEX).partnerships().create(ACME, PartnerType.REFERRAL, PartnershipStatus.ACTIVE);
            SharingPolicy policy = SharingPolicy.builder().records(Population.CUSTOMERS, "name", "domain")
                    .records(Population.OPEN_OPPORTUNITIES, "name", SharingPolicy.OPEN_DEALS)
                    .counts(Population.PROSPECTS).counts(GOLD).exactCounts().build();
            client.as(ACME).overlaps().shareWith(GLOBEX, policy);
            client.as(GLOBEX).overlaps().shareWith(ACME, policy);
            client.as(ACME).overlaps().syncCrm();
            client.as(GLOBEX).overlaps().syncCrm();
        }
        return data;
    }

    /** Lets go of the generated lists (the store keeps the accounts), for footprint measurements. */
    void dropLists() {
        lists = new AccountLists(new String[0], new int[0], new String[0], new int[0]);
    }

    /** A new client over the filled store: its overlap index is built by the first call that needs it. */
    EcosystemClient client() {
        return EcosystemClient.builder().store(store).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .overlapSettings(settings).build();
    }

    private static InMemoryCrm crm(CompanyId tenant, String[] domains, int[] populations, IntToLongFunction company) {
        List<Account> accounts = new ArrayList<>(domains.length);
        List<Deal> deals = new ArrayList<>();
        for (int i = 0; i < domains.length; i++) {
            AccountId id = AccountId.of(String.format(Locale.ROOT, "%s-%08d", tenant.value(), i));
            int bits = populations[i];
            Account.Builder account = Account.builder(tenant, id, name(company.applyAsLong(i)))
                    .domain(domains[i]).lifecycleStage((bits & 1) != 0 ? "customer" : "lead");
            if ((bits & 8) != 0) {
                account.property("tier", "gold");
            }
            accounts.add(account.build());
            if ((bits & 2) != 0) {
                deals.add(Deal.builder(tenant, DealId.of(id.value() + "-d"), "Deal " + i).account(id)
                        .amount(Money.of(Integer.toString(1000 + i % 9000), "USD"))
                        .stage("Qualification", DealStatus.OPEN).createdAt(NOW).build());
            }
        }
        return InMemoryCrm.of(tenant, accounts, deals);
    }

    /**
     * The company's name as a CRM would hold it: a word of three letters picked by the company's number (so that names
     * spread over name blocks as real ones do), its domain's first label and a legal form.
     */
    private static String name(long company) {
        String domain = AccountLists.company(company);
        long bits = company * 0x9E3779B97F4A7C15L;
        StringBuilder name = new StringBuilder(40);
        for (int i = 0; i < 3; i++) {
            name.append((char) ((i == 0 ? 'A' : 'a') + (int) Long.remainderUnsigned(bits >>> (20 * i), 26)));
        }
        name.append(' ').append(domain, 0, domain.indexOf('.'));
        String legal = LEGAL[(int) (company % LEGAL.length)];
        return legal.isEmpty() ? name.toString() : name.append(' ').append(legal).toString();
    }
}
