package dev.ecosystem.benchmarks.attribution;

import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.DealStatus;
import dev.ecosystem.model.Money;
import dev.ecosystem.model.Touchpoint;
import dev.ecosystem.model.TouchpointId;
import dev.ecosystem.model.TouchpointKind;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic tenant history: deals created 2022 to 2025 (20 % open, 50 % won, 30 % lost; 80 % USD, 10 % EUR,
 * 10 % GBP) and a ledger spread over them, 1 % of entries reversing an earlier entry, in one of two shapes:
 * {@link Shape#UNIFORM} (uniform random partners, 2 % of entries naming only an account) or {@link Shape#SKEWED} (a
 * few partners with most touches, as in real programs: 80 % of entries go to 10 partners, the busiest taking a
 * geometric share of them, and 20 % of entries name only an account, which fans out to every deal of the account).
 * The same seed always gives the same data.
 */
final class AttributionDataset {
    static final CompanyId TENANT = CompanyId.of("tenant-0001");
    private static final Instant START = Instant.parse("2022-01-01T00:00:00Z");
    private static final int DAYS = 4 * 365;
    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency GBP = Currency.getInstance("GBP");
    private static final TouchpointKind[] KINDS = TouchpointKind.values();

    final List<Deal> deals;
    final List<Touchpoint> touchpoints;
    final List<CompanyId> partners;

    private AttributionDataset(List<Deal> deals, List<Touchpoint> touchpoints, List<CompanyId> partners) {
        this.deals = deals;
        this.touchpoints = touchpoints;
        this.partners = partners;
    }

    /** How the ledger is spread over partners and deals. */
    enum Shape {
        /** Uniform random partners, 2 % account-only entries. */
        UNIFORM,
        /** 80 % of entries by 10 partners, 20 % account-only entries. */
        SKEWED
    }

    static AttributionDataset generate(int dealCount, int touchCount, int partnerCount, long seed) {
        return generate(dealCount, touchCount, partnerCount, seed, Shape.UNIFORM);
    }

    static AttributionDataset generate(int dealCount, int touchCount, int partnerCount, long seed, Shape shape) {
        SplittableRandom random = new SplittableRandom(seed);
        List<CompanyId> partners = new ArrayList<>(partnerCount);
        for (int p = 0; p < partnerCount; p++) {
            partners.add(CompanyId.of(String.format("partner-%05d", p)));
        }
        int accountCount = Math.max(1, dealCount * 3 / 10);
        List<Deal> deals = new ArrayList<>(dealCount);
        for (int d = 0; d < dealCount; d++) {
            Instant created = START.plusSeconds(random.nextLong(DAYS * 86_400L));
            int roll = random.nextInt(10);
            DealStatus status = roll < 2 ? DealStatus.OPEN : roll < 7 ? DealStatus.WON : DealStatus.LOST;
            int money = random.nextInt(10);
            Currency currency = money < 8 ? USD : money == 8 ? EUR : GBP;
            deals.add(Deal.builder(TENANT, DealId.of(String.format("deal-%08d", d)), "Deal " + d)
                    .account(AccountId.of("acct-" + random.nextInt(accountCount)))
                    .amount(new Money(BigDecimal.valueOf(10_000 + random.nextLong(10_000_000), 2), currency))
                    .stage(status.name(), status)
                    .createdAt(created)
                    .closeDate(status == DealStatus.OPEN ? null
                            : LocalDate.ofInstant(created, ZoneOffset.UTC).plusDays(5 + random.nextInt(176)))
                    .build());
        }
        List<Touchpoint> ledger = new ArrayList<>(touchCount);
        for (int i = 0; i < touchCount; i++) {
            TouchpointId id = TouchpointId.of(String.format("tp-%09d", i));
            Touchpoint reversed = i > 0 && random.nextInt(100) == 0 ? ledger.get(random.nextInt(i)) : null;
            if (reversed != null && reversed.reverses() == null) {
                ledger.add(Touchpoint.builder(id, TENANT, reversed.partner(), reversed.kind(),
                        reversed.occurredAt().plusSeconds(60)).account(reversed.accountId())
                        .deal(reversed.dealId()).reverses(reversed.id()).build());
                continue;
            }
            Deal deal = deals.get(random.nextInt(dealCount));
            boolean accountOnly = shape == Shape.UNIFORM ? random.nextInt(50) == 0 : random.nextInt(5) == 0;
            Instant at = deal.createdAt().plusSeconds(random.nextLong(300 * 86_400L) - 120 * 86_400L);
            ledger.add(Touchpoint.builder(id, TENANT, partners.get(partner(random, partnerCount, shape)),
                    KINDS[random.nextInt(KINDS.length)], at).account(accountOnly ? deal.accountIds().get(0) : null)
                    .deal(accountOnly ? null : deal.id()).build());
        }
        return new AttributionDataset(List.copyOf(deals), List.copyOf(ledger), List.copyOf(partners));
    }

    /** A partner index: uniform, or for a skewed ledger 80 % among the first 10 (geometric, half each step). */
    private static int partner(SplittableRandom random, int partnerCount, Shape shape) {
        if (shape == Shape.UNIFORM || partnerCount <= 10 || random.nextInt(5) == 0) {
            return random.nextInt(partnerCount);
        }
        int p = 0;
        while (p < 9 && random.nextBoolean()) {
            p++;
        }
        return p;
    }

    /** The live heap after full collections, in bytes: what is reachable, not what was allocated. */
    static long liveHeap() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
