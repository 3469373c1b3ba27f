package dev.ecosystem.intro.internal;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.SdkContext;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.intro.FunnelCounts;
import dev.ecosystem.intro.IntroFunnel;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.ConsentStatus;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.IntroParty;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/** Counts one company's introduction funnel by reading its introductions page by page. */
public final class FunnelCounter {
    private FunnelCounter() {
    }

    /** The funnel of introductions {@code acting} requested in {@code [from, to)}. */
    public static IntroFunnel count(SdkContext context, CompanyId acting, Instant from, Instant to,
            ChronoUnit period) {
        Checks.required(from, "from");
        Checks.required(to, "to");
        Checks.required(period, "period");
        if (!to.isAfter(from)) {
            throw new ValidationException("to must be after from " + from + ", but was " + to);
        }
        if (period != ChronoUnit.DAYS && period != ChronoUnit.WEEKS && period != ChronoUnit.MONTHS) {
            throw new ValidationException("period must be DAYS, WEEKS or MONTHS, but was " + period);
        }
        List<Introduction> intros = new ArrayList<>();
        PageRequest page = PageRequest.first(PageRequest.MAX_SIZE);
        while (true) {
            PageRequest current = page;
            Page<Introduction> batch = context.store().inTransaction(tx -> tx.introductions().list(acting, current));
            for (Introduction intro : batch.items()) {
                if (intro.requesterCompany().equals(acting) && !intro.createdAt().isBefore(from)
                        && intro.createdAt().isBefore(to)) {
                    intros.add(intro);
                }
            }
            if (!batch.hasNext()) {
                break;
            }
            page = PageRequest.after(batch.nextCursor(), PageRequest.MAX_SIZE);
        }
        ZoneId zone = context.clock().getZone();
        return new IntroFunnel(counts(intros),
                grouped(intros, Introduction::requester),
                grouped(intros, Introduction::targetCompany),
                grouped(intros, intro -> periodStart(intro.createdAt(), zone, period)));
    }

    private static LocalDate periodStart(Instant at, ZoneId zone, ChronoUnit period) {
        LocalDate day = LocalDate.ofInstant(at, zone);
        return switch (period) {
            case WEEKS -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTHS -> day.withDayOfMonth(1);
            default -> day;
        };
    }

    private static <K> SortedMap<K, FunnelCounts> grouped(List<Introduction> intros,
            Function<Introduction, K> key) {
        Map<K, List<Introduction>> groups = new TreeMap<>();
        intros.forEach(intro -> groups.computeIfAbsent(key.apply(intro), k -> new ArrayList<>()).add(intro));
        SortedMap<K, FunnelCounts> counts = new TreeMap<>();
        groups.forEach((k, group) -> counts.put(k, counts(group)));
        return counts;
    }

    static FunnelCounts counts(List<Introduction> intros) {
        long consented = 0;
        long connected = 0;
        long declined = 0;
        long expired = 0;
        long cancelled = 0;
        long open = 0;
        List<Duration> times = new ArrayList<>();
        for (Introduction intro : intros) {
            if (intro.consent(IntroParty.TARGET).status() == ConsentStatus.ACCEPTED) {
                consented++;
            }
            switch (intro.status()) {
                case CONNECTED -> {
                    connected++;
                    Instant at = intro.connectedAt();
                    if (at != null) {
                        times.add(Duration.between(intro.createdAt(), at));
                    }
                }
                case DECLINED -> declined++;
                case EXPIRED -> expired++;
                case CANCELLED -> cancelled++;
                default -> open++;
            }
        }
        Duration average = null;
        Duration median = null;
        if (!times.isEmpty()) {
            Collections.sort(times);
            Duration sum = times.stream().reduce(Duration.ZERO, Duration::plus);
            average = sum.dividedBy(times.size());
            median = times.get((times.size() - 1) / 2);
        }
        return new FunnelCounts(intros.size(), consented, connected, declined, expired, cancelled, open, average,
                median);
    }
}
