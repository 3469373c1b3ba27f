package dev.ecosystem.benchmarks.attribution;

import dev.ecosystem.attribution.FxRates;
import dev.ecosystem.attribution.ReportPeriod;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.AttributionModel;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.DealStatus;
import dev.ecosystem.model.Money;
import dev.ecosystem.model.Touchpoint;
import dev.ecosystem.model.TouchpointId;
import dev.ecosystem.model.TouchpointKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The baseline: the straightforward implementation of the same rules. The ledger is grouped per deal with streams
 * once ({@link #group}), like the engine's index, and every model runs over that grouping; each deal's touches are
 * filtered and sorted as objects, weighed in a {@link TreeMap} and shared with {@link BigDecimal}. It gives the engine's results to the cent (the benchmark checks that before measuring).
 */
final class StreamAttribution {
    /** The model families, as the engine's {@code AttributionModel.all()} configures them. */
    enum Model { SOURCED, INFLUENCED, FIRST_TOUCH, LAST_TOUCH, LINEAR, TIME_DECAY, POSITION_BASED }

    static final long HALF_LIFE_MILLIS = 7L * 86_400_000L;
    static final double FIRST = 0.4;
    static final double LAST = 0.4;

    /** One partner's share of one deal, in minor units. */
    record Share(DealId deal, CompanyId partner, long minor) {
    }

    /** One partner's metrics as the baseline computes them. */
    record Row(CompanyId partner, long sourcedPipeline, long influencedPipeline, long sourcedRevenue,
               long influencedRevenue, long created, long closed, long won, long wonAmount, long cycleDays,
               long retained6, long eligible6, long retained12, long eligible12) {
    }

    private final Currency currency;
    private final FxRates rates;
    private final long lookbackMillis;
    private final int digits;

    StreamAttribution(Currency currency, FxRates rates, long lookbackMillis) {
        this.currency = currency;
        this.rates = rates;
        this.lookbackMillis = lookbackMillis;
        this.digits = currency.getDefaultFractionDigits();
    }

    /**
     * The counted ledger grouped once for every model run over it, as the engine's index is built once: entries
     * naming a deal by deal, entries naming only an account by account; reversed and reversing entries dropped.
     */
    record Grouped(Map<DealId, List<Touchpoint>> byDeal, Map<AccountId, List<Touchpoint>> byAccount) {
    }

    /** Groups the ledger; do it once and pass the result to every model. */
    static Grouped group(List<Touchpoint> ledger) {
        Set<TouchpointId> reversed = ledger.stream().map(Touchpoint::reverses).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        List<Touchpoint> counted = ledger.stream()
                .filter(t -> t.reverses() == null && !reversed.contains(t.id())).toList();
        return new Grouped(counted.stream().filter(t -> t.dealId() != null)
                .collect(Collectors.groupingBy(Touchpoint::dealId)),
                counted.stream().filter(t -> t.dealId() == null)
                        .collect(Collectors.groupingBy(Touchpoint::accountId)));
    }

    /** Every partner's total under the model. */
    Map<CompanyId, Long> totals(List<Deal> deals, Grouped ledger, Model model) {
        return attribute(deals, ledger, model).stream()
                .collect(Collectors.groupingBy(Share::partner, TreeMap::new, Collectors.summingLong(Share::minor)));
    }

    List<Share> attribute(List<Deal> deals, Grouped ledger, Model model) {
        return deals.stream()
                .flatMap(deal -> share(deal, Stream.concat(
                        ledger.byDeal().getOrDefault(deal.id(), List.of()).stream(),
                        deal.accountIds().stream().flatMap(a -> ledger.byAccount().getOrDefault(a, List.of())
                                .stream())).toList(), model).stream())
                .toList();
    }

    private List<Share> share(Deal deal, List<Touchpoint> touches, Model model) {
        long amount = minor(deal);
        if (amount == 0 || touches.isEmpty()) {
            return List.of();
        }
        long created = deal.createdAt().toEpochMilli();
        long end = deal.status() == DealStatus.OPEN ? Long.MAX_VALUE
                : deal.closeDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        List<Touchpoint> window = touches.stream()
                .filter(t -> t.occurredAt().toEpochMilli() >= created - lookbackMillis
                        && t.occurredAt().toEpochMilli() < end)
                .filter(t -> model != Model.SOURCED || t.kind() == TouchpointKind.SOURCED_REFERRAL
                        || t.kind() == TouchpointKind.INTRODUCTION && t.occurredAt().toEpochMilli() <= created)
                .filter(t -> model != Model.INFLUENCED || t.occurredAt().toEpochMilli() >= created)
                .sorted(Comparator.comparing(Touchpoint::occurredAt).thenComparing(Touchpoint::id))
                .toList();
        if (window.isEmpty()) {
            return List.of();
        }
        if (model == Model.FIRST_TOUCH) {
            window = window.subList(0, 1);
        } else if (model == Model.LAST_TOUCH) {
            window = window.subList(window.size() - 1, window.size());
        }
        return model == Model.TIME_DECAY || model == Model.POSITION_BASED
                ? byWeight(deal, amount, weights(window, model))
                : exactly(deal, amount, counts(window, model));
    }

    private static TreeMap<CompanyId, Long> counts(List<Touchpoint> window, Model model) {
        TreeMap<CompanyId, Long> counts = new TreeMap<>();
        for (Touchpoint t : window) {
            counts.merge(t.partner(), 1L, model == Model.LINEAR ? Long::sum : (a, b) -> 1L);
        }
        return counts;
    }

    private static TreeMap<CompanyId, Double> weights(List<Touchpoint> window, Model model) {
        TreeMap<CompanyId, Double> weights = new TreeMap<>();
        long last = window.get(window.size() - 1).occurredAt().toEpochMilli();
        int n = window.size();
        for (int j = 0; j < n; j++) {
            Touchpoint t = window.get(j);
            double w;
            if (model == Model.TIME_DECAY) {
                w = StrictMath.pow(2.0, (t.occurredAt().toEpochMilli() - last) / (double) HALF_LIFE_MILLIS);
            } else if (n == 1) {
                w = 1;
            } else if (n == 2) {
                w = j == 0 ? FIRST : LAST;
            } else {
                w = j == 0 ? FIRST : j == n - 1 ? LAST : (1 - FIRST - LAST) / (n - 2);
            }
            weights.merge(t.partner(), w, Double::sum);
        }
        return weights;
    }

    private static List<Share> exactly(Deal deal, long amount, TreeMap<CompanyId, Long> counts) {
        BigDecimal total = BigDecimal.valueOf(counts.values().stream().mapToLong(Long::longValue).sum());
        Map<CompanyId, Long> floor = new TreeMap<>();
        Map<CompanyId, Double> remainder = new TreeMap<>();
        counts.forEach((partner, count) -> {
            BigDecimal product = BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(count));
            BigDecimal share = product.divide(total, 0, RoundingMode.FLOOR);
            floor.put(partner, share.longValueExact());
            remainder.put(partner, product.subtract(share.multiply(total)).doubleValue());
        });
        return leftovers(deal, amount, floor, remainder);
    }

    private static List<Share> byWeight(Deal deal, long amount, TreeMap<CompanyId, Double> weights) {
        double total = 0;
        for (double w : weights.values()) {
            total += w;
        }
        Map<CompanyId, Long> floor = new TreeMap<>();
        Map<CompanyId, Double> fraction = new TreeMap<>();
        for (Map.Entry<CompanyId, Double> e : weights.entrySet()) {
            double exact = amount * (e.getValue() / total);
            long share = (long) Math.floor(exact);
            floor.put(e.getKey(), share);
            fraction.put(e.getKey(), exact - share);
        }
        return leftovers(deal, amount, floor, fraction);
    }

    private static List<Share> leftovers(Deal deal, long amount, Map<CompanyId, Long> floor,
                                         Map<CompanyId, Double> fraction) {
        long left = amount - floor.values().stream().mapToLong(Long::longValue).sum();
        Comparator<CompanyId> largest = Comparator.<CompanyId, Double>comparing(fraction::get).reversed()
                .thenComparing(Function.identity());
        Comparator<CompanyId> smallest = Comparator.<CompanyId, Double>comparing(fraction::get)
                .thenComparing(Comparator.<CompanyId>reverseOrder());
        List<CompanyId> order = floor.keySet().stream().sorted(left >= 0 ? largest : smallest).toList();
        for (int i = 0; i < Math.abs(left); i++) {
            floor.merge(order.get(i % order.size()), left > 0 ? 1L : -1L, Long::sum);
        }
        return floor.entrySet().stream().filter(e -> e.getValue() != 0)
                .map(e -> new Share(deal.id(), e.getKey(), e.getValue())).toList();
    }

    long minor(Deal deal) {
        Money amount = deal.amount();
        if (amount == null) {
            return 0;
        }
        LocalDate day = deal.status() == DealStatus.OPEN
                ? LocalDate.ofInstant(deal.createdAt(), ZoneOffset.UTC) : deal.closeDate();
        BigDecimal value = amount.currency().equals(currency) ? amount.amount()
                : amount.amount().multiply(rates.rate(amount.currency(), currency, day));
        return value.movePointRight(digits).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }

    /** Every partner's metrics for the period, the straightforward way: group credits per partner, then filter. */
    List<Row> metrics(List<Deal> deals, Grouped ledger, ReportPeriod period, LocalDate today) {
        List<Share> sourced = attribute(deals, ledger, Model.SOURCED);
        List<Share> influenced = attribute(deals, ledger, Model.INFLUENCED);
        Map<DealId, Deal> byId = deals.stream().collect(Collectors.toMap(Deal::id, Function.identity()));
        Map<CompanyId, List<Share>> sourcedBy = sourced.stream().collect(Collectors.groupingBy(Share::partner));
        Map<CompanyId, List<Share>> influencedBy = influenced.stream()
                .collect(Collectors.groupingBy(Share::partner));
        Set<DealId> partnerDeals = Stream.concat(sourced.stream(), influenced.stream()).map(Share::deal)
                .collect(Collectors.toSet());
        List<Row> rows = new ArrayList<>();
        Stream.concat(sourcedBy.keySet().stream(), influencedBy.keySet().stream()).distinct().sorted()
                .forEach(partner -> {
                    List<Share> s = sourcedBy.getOrDefault(partner, List.of());
                    List<Share> f = influencedBy.getOrDefault(partner, List.of());
                    List<Deal> touched = Stream.concat(s.stream(), f.stream()).map(Share::deal).distinct()
                            .map(byId::get).toList();
                    List<Deal> sourcedWon = s.stream().map(sh -> byId.get(sh.deal()))
                            .filter(d -> wonIn(d, period)).toList();
                    rows.add(row(partner, touched, sourcedWon, period, today,
                            sum(s, byId, d -> createdIn(d, period)), sum(f, byId, d -> createdIn(d, period)),
                            sum(s, byId, d -> wonIn(d, period)), sum(f, byId, d -> wonIn(d, period))));
                });
        List<Deal> direct = deals.stream().filter(d -> !partnerDeals.contains(d.id())).toList();
        rows.add(row(CompanyId.of("direct"), direct, direct.stream().filter(d -> wonIn(d, period)).toList(),
                period, today, 0, 0, 0, 0));
        return rows;
    }

    private Row row(CompanyId partner, List<Deal> deals, List<Deal> retentionCohort, ReportPeriod period,
                    LocalDate today, long sp, long ip, long sr, long ir) {
        List<Deal> won = deals.stream().filter(d -> wonIn(d, period)).toList();
        List<Deal> six = retentionCohort.stream().filter(d -> !d.closeDate().plusMonths(6).isAfter(today)).toList();
        List<Deal> twelve = retentionCohort.stream().filter(d -> !d.closeDate().plusMonths(12).isAfter(today))
                .toList();
        return new Row(partner, sp, ip, sr, ir,
                deals.stream().filter(d -> createdIn(d, period)).count(),
                deals.stream().filter(d -> closedIn(d, period)).count(),
                won.size(),
                won.stream().mapToLong(this::minor).sum(),
                won.stream().mapToLong(d -> ChronoUnit.DAYS.between(
                        LocalDate.ofInstant(d.createdAt(), ZoneOffset.UTC), d.closeDate())).sum(),
                six.size(), six.size(), twelve.size(), twelve.size());
    }

    private static long sum(List<Share> shares, Map<DealId, Deal> byId, java.util.function.Predicate<Deal> keep) {
        return shares.stream().filter(s -> keep.test(byId.get(s.deal()))).mapToLong(Share::minor).sum();
    }

    private static boolean createdIn(Deal deal, ReportPeriod period) {
        return period.contains(deal.createdAt());
    }

    private static boolean closedIn(Deal deal, ReportPeriod period) {
        return deal.status() != DealStatus.OPEN && period.contains(deal.closeDate());
    }

    private static boolean wonIn(Deal deal, ReportPeriod period) {
        return deal.status() == DealStatus.WON && period.contains(deal.closeDate());
    }
}
