package dev.ecosystem.attribution;

import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Partner metrics for every partner in one pass over the sourced and influenced credits (both in deal order),
 * accumulating into per-partner primitive arrays. Slot {@code partners.length} holds the direct deals.
 */
final class Metrics {
    private final AttributionData data;
    private final long[] amounts;
    private final AttributionResult sourced;
    private final AttributionResult influenced;
    private final ReportPeriod period;
    private final LocalDate today;

    final long[] sourcedPipeline;
    final long[] influencedPipeline;
    final long[] sourcedRevenue;
    final long[] influencedRevenue;
    final long[] created;
    final long[] closed;
    final long[] won;
    final long[] wonAmount;
    final long[] cycleDays;
    final long[] eligible6;
    final long[] kept6;
    final long[] eligible12;
    final long[] kept12;

    /** Per partner, 1 + the last deal it was noted for; and the partners noted for the current deal. */
    private final int[] stamp;
    private int[] touched = new int[16];
    private int touchedCount;

    Metrics(AttributionData data, long[] amounts, AttributionResult sourced, AttributionResult influenced,
            ReportPeriod period, LocalDate today) {
        this.data = data;
        this.amounts = amounts;
        this.sourced = sourced;
        this.influenced = influenced;
        this.period = period;
        this.today = today;
        int slots = data.partners.length + 1;
        stamp = new int[data.partners.length];
        sourcedPipeline = new long[slots];
        influencedPipeline = new long[slots];
        sourcedRevenue = new long[slots];
        influencedRevenue = new long[slots];
        created = new long[slots];
        closed = new long[slots];
        won = new long[slots];
        wonAmount = new long[slots];
        cycleDays = new long[slots];
        eligible6 = new long[slots];
        kept6 = new long[slots];
        eligible12 = new long[slots];
        kept12 = new long[slots];
        run();
    }

    private void run() {
        long start = period.start().toEpochDay() * 86_400_000L;
        long end = period.end().toEpochDay() * 86_400_000L;
        int startDay = (int) period.start().toEpochDay();
        int endDay = (int) period.end().toEpochDay();
        byte wonStatus = (byte) DealStatus.WON.ordinal();
        int direct = data.partners.length;
        Credits s = sourced.table();
        Credits f = influenced.table();
        int si = 0;
        int fi = 0;
        for (int d = 0; d < amounts.length; d++) {
            boolean createdIn = data.createdAt[d] >= start && data.createdAt[d] < end;
            boolean closedIn = data.closeDay[d] >= startDay && data.closeDay[d] < endDay;
            boolean wonIn = closedIn && data.status[d] == wonStatus;
            touchedCount = 0;
            int sourcedFrom = si;
            si = addCredits(s, si, d, sourcedPipeline, sourcedRevenue, createdIn, wonIn);
            int sourcedTo = si;
            fi = addCredits(f, fi, d, influencedPipeline, influencedRevenue, createdIn, wonIn);
            if (!createdIn && !closedIn) {
                continue;
            }
            if (touchedCount == 0) {
                count(direct, d, createdIn, closedIn, wonIn);
                if (wonIn) {
                    retain(direct, d);
                }
                continue;
            }
            for (int j = 0; j < touchedCount; j++) {
                count(touched[j], d, createdIn, closedIn, wonIn);
            }
            if (wonIn) {
                for (int k = sourcedFrom; k < sourcedTo; k++) {
                    retain(s.partner(k), d);
                }
            }
        }
    }

    /**
     * Adds deal {@code d}'s credits, which start at {@code row} of {@code table}, to the pipeline and revenue of
     * their partners, and notes each partner once in {@link #touched}; returns the first row of the next deal.
     */
    private int addCredits(Credits table, int row, int d, long[] pipeline, long[] revenue, boolean createdIn,
                           boolean wonIn) {
        int next = row;
        for (; next < table.size() && table.deal(next) == d; next++) {
            int p = table.partner(next);
            pipeline[p] += createdIn ? table.minor(next) : 0;
            revenue[p] += wonIn ? table.minor(next) : 0;
            if (stamp[p] != d + 1) {
                stamp[p] = d + 1;
                if (touchedCount == touched.length) {
                    touched = java.util.Arrays.copyOf(touched, touchedCount * 2);
                }
                touched[touchedCount++] = p;
            }
        }
        return next;
    }

    private void count(int slot, int d, boolean createdIn, boolean closedIn, boolean wonIn) {
        created[slot] += createdIn ? 1 : 0;
        closed[slot] += closedIn ? 1 : 0;
        if (wonIn) {
            won[slot]++;
            wonAmount[slot] += amounts[d];
            cycleDays[slot] += data.closeDay[d] - data.createdDay[d];
        }
    }

    private void retain(int slot, int d) {
        Deal deal = data.deals().get(d);
        LocalDate after6 = Objects.requireNonNull(deal.closeDate()).plusMonths(6); // a won deal has one
        if (!after6.isAfter(today)) {
            eligible6[slot]++;
            kept6[slot] += isCustomerOn(d, after6) ? 1 : 0;
        }
        LocalDate after12 = deal.closeDate().plusMonths(12);
        if (!after12.isAfter(today)) {
            eligible12[slot]++;
            kept12[slot] += isCustomerOn(d, after12) ? 1 : 0;
        }
    }

    /** Whether the deal's customer was a customer on {@code day}: its latest churn or renewal up to then decides. */
    boolean isCustomerOn(int d, LocalDate day) {
        boolean customer = true;
        for (int e = data.eventStart[d]; e < data.eventStart[d + 1]; e++) {
            CustomerEvent event = data.eventsByDeal[e];
            if (event.on().isAfter(day)) {
                break;
            }
            if (event.kind() == CustomerEvent.Kind.CHURN) {
                customer = false;
            } else if (event.kind() == CustomerEvent.Kind.RENEWAL) {
                customer = true;
            }
        }
        return customer;
    }

    /** The metrics of the partner at index {@code p}. */
    PartnerMetrics of(int p) {
        int direct = data.partners.length;
        return new PartnerMetrics(data.partners[p], period,
                sourced.money(sourcedPipeline[p]), sourced.money(influencedPipeline[p]),
                sourced.money(sourcedRevenue[p]), sourced.money(influencedRevenue[p]),
                created[p], closed[p], won[p],
                compare(p, direct, won, closed, 4, false),
                compare(p, direct, wonAmount, won, sourced.currency().getDefaultFractionDigits(), true),
                compare(p, direct, cycleDays, won, 1, false),
                compare(p, direct, kept6, eligible6, 4, false),
                compare(p, direct, kept12, eligible12, 4, false));
    }

    /** Every partner's metrics, by partner id. */
    List<PartnerMetrics> all() {
        List<PartnerMetrics> all = new ArrayList<>(data.partners.length);
        for (int p = 0; p < data.partners.length; p++) {
            all.add(of(p));
        }
        return all;
    }

    private PartnerMetrics.Comparison compare(int p, int direct, long[] numerator, long[] denominator, int scale,
                                              boolean minorUnits) {
        return new PartnerMetrics.Comparison(
                ratio(numerator[p], denominator[p], scale, minorUnits), ratio(numerator[direct],
                denominator[direct], scale, minorUnits));
    }

    private @Nullable BigDecimal ratio(long numerator, long denominator, int scale, boolean minorUnits) {
        if (denominator == 0) {
            return null;
        }
        BigDecimal top = minorUnits
                ? BigDecimal.valueOf(numerator, Math.max(0, sourced.currency().getDefaultFractionDigits()))
                : BigDecimal.valueOf(numerator);
        return top.divide(BigDecimal.valueOf(denominator), Math.max(0, scale), RoundingMode.HALF_EVEN);
    }
}
