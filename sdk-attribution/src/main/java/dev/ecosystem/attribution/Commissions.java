package dev.ecosystem.attribution;

import dev.ecosystem.model.CommissionLine;
import dev.ecosystem.model.CommissionPlan;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.DealStatus;
import dev.ecosystem.model.Money;
import dev.ecosystem.model.TouchpointId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Computes one partner's commission lines over the whole history; the statement keeps those of its period. */
final class Commissions {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final AttributionData data;
    private final long[] amounts;
    private final AttributionResult credits;
    private final CommissionPlan plan;
    private final @Nullable String tier;
    private final FxRates rates;
    private final int digits;
    private final List<CommissionLine> lines = new ArrayList<>();

    /** An earning before rates: one per won credit, or one per month for recurring plans. */
    private record Slot(int deal, int month, LocalDate day, long base, List<TouchpointId> trace, String id) {
    }

    Commissions(AttributionData data, long[] amounts, AttributionResult credits, CommissionPlan plan,
                @Nullable String tier, FxRates rates) {
        this.data = data;
        this.amounts = amounts;
        this.credits = credits;
        this.plan = plan;
        this.tier = tier;
        this.rates = rates;
        this.digits = Math.max(0, credits.currency().getDefaultFractionDigits());
    }

    List<CommissionLine> linesFor(int partner) {
        List<Slot> slots = slots(partner);
        earn(slots);
        clawBack(slots);
        lines.sort(Comparator.comparing(CommissionLine::day).thenComparing(CommissionLine::id));
        return lines;
    }

    private List<Slot> slots(int partner) {
        List<Slot> slots = new ArrayList<>();
        Credits table = credits.table();
        String partnerId = data.partners[partner].value();
        for (int i = 0; i < table.size(); i++) {
            int d = table.deal(i);
            Deal deal = data.deals().get(d);
            if (table.partner(i) != partner || deal.status() != DealStatus.WON) {
                continue;
            }
            List<TouchpointId> trace = credits.creditsFor(deal.id()).stream()
                    .filter(c -> c.partner().equals(data.partners[partner])).findFirst()
                    .map(Credit::touchpoints).orElse(List.of());
            String prefix = deal.id().value() + "/" + partnerId + "/earning/";
            LocalDate closeDate = Objects.requireNonNull(deal.closeDate()); // a won deal has one
            if (plan.recurringMonths() == 0) {
                slots.add(new Slot(d, 0, closeDate, table.minor(i), trace, prefix + 0));
                continue;
            }
            long part = Math.floorDiv(table.minor(i), 12);
            long extra = table.minor(i) - part * 12;
            LocalDate churn = firstChurn(d, closeDate);
            for (int k = 0; k < plan.recurringMonths(); k++) {
                LocalDate day = closeDate.plusMonths(k);
                if (churn != null && !day.isBefore(churn)) {
                    break;
                }
                slots.add(new Slot(d, k, day, part + (k % 12 < extra ? 1 : 0), trace, prefix + k));
            }
        }
        slots.sort(Comparator.comparing(Slot::day).thenComparing(s -> data.deals().get(s.deal()).id())
                .thenComparingInt(Slot::month));
        return slots;
    }

    private @Nullable LocalDate firstChurn(int d, LocalDate after) {
        for (int e = data.eventStart[d]; e < data.eventStart[d + 1]; e++) {
            CustomerEvent event = data.eventsByDeal[e];
            if (event.kind() == CustomerEvent.Kind.CHURN && !event.on().isBefore(after)) {
                return event.on();
            }
        }
        return null;
    }

    private void earn(List<Slot> slots) {
        Map<Integer, Long> volume = new HashMap<>();
        Map<Integer, BigDecimal> earned = new HashMap<>();
        Map<Integer, List<CommissionLine>> yearEarnings = new HashMap<>();
        BigDecimal baseRate = plan.baseRate(tier);
        for (Slot slot : slots) {
            int year = slot.day().getYear();
            long before = volume.getOrDefault(year, 0L);
            long after = before + slot.base();
            BigDecimal amount;
            BigDecimal rate;
            if (plan.volumeTiers().isEmpty()) {
                rate = baseRate;
                amount = percent(BigDecimal.valueOf(slot.base()), rate);
            } else if (!plan.wholeVolume()) {
                amount = marginal(after, baseRate).subtract(marginal(before, baseRate));
                rate = slot.base() == 0 ? rateAt(after, baseRate)
                        : amount.multiply(HUNDRED).divide(BigDecimal.valueOf(slot.base()), 4, RoundingMode.HALF_EVEN);
            } else {
                rate = rateAt(after, baseRate);
                amount = percent(BigDecimal.valueOf(slot.base()), rate);
                if (rate.compareTo(rateAt(before, baseRate)) > 0) {
                    lift(yearEarnings.getOrDefault(year, List.of()), slot, rate, year, earned);
                }
            }
            String note = null;
            BigDecimal capped = cap(year, amount, earned);
            if (capped.compareTo(amount) != 0) {
                note = "capped at annual cap " + plan.annualCap();
                amount = capped;
            }
            CommissionLine line = new CommissionLine(slot.id(), CommissionLine.Kind.EARNING,
                    data.deals().get(slot.deal()).id(), slot.day(), slot.day().plusDays(plan.holdDays()),
                    money(slot.base()), rate, money(amount), slot.trace(), null, note);
            lines.add(line);
            yearEarnings.computeIfAbsent(year, y -> new ArrayList<>()).add(line);
            volume.put(year, after);
        }
    }

    /** Whole-volume tiers: lifts the year's earlier earnings to {@code rate} on the day of {@code crossing}. */
    private void lift(List<CommissionLine> earlier, Slot crossing, BigDecimal rate, int year,
                      Map<Integer, BigDecimal> earned) {
        for (int i = 0; i < earlier.size(); i++) {
            CommissionLine e = earlier.get(i);
            BigDecimal paidRate = e.rate();
            BigDecimal extra = percent(e.base().amount().movePointRight(digits), rate.subtract(paidRate));
            String note = "lifted from " + paidRate + " % to " + rate + " %";
            BigDecimal capped = cap(year, extra, earned);
            if (capped.compareTo(extra) != 0) {
                note += ", capped at annual cap " + plan.annualCap();
            }
            CommissionLine adjustment = new CommissionLine(e.id() + "/lift@" + crossing.id(),
                    CommissionLine.Kind.TIER_ADJUSTMENT, e.deal(), crossing.day(),
                    crossing.day().plusDays(plan.holdDays()), e.base(), rate.subtract(paidRate), money(capped),
                    e.touchpoints(), e.id(), note);
            lines.add(adjustment);
            earlier.set(i, new CommissionLine(e.id(), e.kind(), e.deal(), e.day(), e.payableOn(), e.base(), rate,
                    e.amount(), e.touchpoints(), e.reverses(), e.note()));
        }
    }

    /** Limits {@code amount} (minor units) to what the annual cap leaves, and books it. */
    private BigDecimal cap(int year, BigDecimal amount, Map<Integer, BigDecimal> earned) {
        BigDecimal sofar = earned.getOrDefault(year, BigDecimal.ZERO);
        BigDecimal allowed = amount;
        if (plan.annualCap() != null) {
            BigDecimal left = plan.annualCap().movePointRight(digits).subtract(sofar).max(BigDecimal.ZERO);
            allowed = amount.min(left);
        }
        earned.put(year, sofar.add(allowed));
        return allowed;
    }

    private void clawBack(List<Slot> slots) {
        if (plan.clawbackDays() == 0) {
            return;
        }
        Map<DealId, List<CommissionLine>> earningsByDeal = new HashMap<>();
        for (CommissionLine line : lines) {
            earningsByDeal.computeIfAbsent(line.deal(), k -> new ArrayList<>()).add(line);
        }
        slots.stream().mapToInt(Slot::deal).distinct().forEach(d -> {
            Deal deal = data.deals().get(d);
            LocalDate windowEnd = Objects.requireNonNull(deal.closeDate()).plusDays(plan.clawbackDays()); // won
            Map<String, BigDecimal> clawed = new HashMap<>();
            for (int e = data.eventStart[d]; e < data.eventStart[d + 1]; e++) {
                CustomerEvent event = data.eventsByDeal[e];
                if (event.kind() == CustomerEvent.Kind.RENEWAL || event.on().isBefore(deal.closeDate())
                        || event.on().isAfter(windowEnd) || amounts[d] <= 0) {
                    continue;
                }
                BigDecimal fraction = BigDecimal.ONE;
                if (event.kind() == CustomerEvent.Kind.REFUND) {
                    Money refunded = Objects.requireNonNull(event.amount()); // a refund has an amount
                    BigDecimal refund = AttributionData.convert(refunded, credits.currency(), rates, event.on())
                            .movePointRight(digits);
                    fraction = refund.divide(BigDecimal.valueOf(amounts[d]), 10, RoundingMode.HALF_EVEN)
                            .min(BigDecimal.ONE);
                }
                for (CommissionLine line : earningsByDeal.getOrDefault(deal.id(), List.of())) {
                    if (line.day().isAfter(event.on())) {
                        continue;
                    }
                    BigDecimal paid = line.amount().amount().movePointRight(digits);
                    BigDecimal left = paid.subtract(clawed.getOrDefault(line.id(), BigDecimal.ZERO));
                    BigDecimal claw = paid.multiply(fraction).setScale(0, RoundingMode.HALF_EVEN).min(left);
                    if (claw.signum() <= 0) {
                        continue;
                    }
                    clawed.merge(line.id(), claw, BigDecimal::add);
                    lines.add(new CommissionLine(line.id() + "/clawback/" + (e - data.eventStart[d]),
                            CommissionLine.Kind.CLAWBACK, line.deal(), event.on(), event.on(), line.base(),
                            line.rate(), money(claw.negate()), line.touchpoints(), line.id(),
                            event.kind().name().toLowerCase(java.util.Locale.ROOT) + " on " + event.on()));
                }
            }
        });
    }

    /** The marginal commission on the first {@code volume} minor units of a year, rounded to the minor unit. */
    private BigDecimal marginal(long volume, BigDecimal baseRate) {
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal rate = baseRate;
        long from = 0;
        for (Map.Entry<BigDecimal, BigDecimal> tierEntry : plan.volumeTiers().entrySet()) {
            long threshold = tierEntry.getKey().movePointRight(digits).longValue();
            if (volume <= threshold) {
                break;
            }
            total = total.add(BigDecimal.valueOf(threshold - from).multiply(rate));
            from = threshold;
            rate = tierEntry.getValue();
        }
        total = total.add(BigDecimal.valueOf(volume - from).multiply(rate));
        return total.divide(HUNDRED).setScale(0, RoundingMode.HALF_EVEN);
    }

    /** The rate of the highest volume tier {@code volume} minor units reach. */
    private BigDecimal rateAt(long volume, BigDecimal baseRate) {
        BigDecimal rate = baseRate;
        for (Map.Entry<BigDecimal, BigDecimal> tierEntry : plan.volumeTiers().entrySet()) {
            if (volume >= tierEntry.getKey().movePointRight(digits).longValue()) {
                rate = tierEntry.getValue();
            }
        }
        return rate;
    }

    private static BigDecimal percent(BigDecimal minor, BigDecimal rate) {
        return minor.multiply(rate).divide(HUNDRED).setScale(0, RoundingMode.HALF_EVEN);
    }

    private Money money(long minor) {
        return credits.money(minor);
    }

    private Money money(BigDecimal minor) {
        return new Money(minor.movePointLeft(digits).setScale(digits, RoundingMode.UNNECESSARY),
                credits.currency());
    }
}
