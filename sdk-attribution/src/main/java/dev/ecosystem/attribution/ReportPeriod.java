package dev.ecosystem.attribution;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * A reporting period of whole days in UTC, from {@code start} (inclusive) to {@code end} (exclusive).
 *
 * <pre>{@code
 * ReportPeriod q1 = ReportPeriod.quarter(2025, 1);   // 2025-01-01 .. 2025-04-01
 * ReportPeriod march = ReportPeriod.month(2025, 3);
 * }</pre>
 *
 * @param label how reports name the period, such as {@code 2025-Q1}
 * @param start the first day
 * @param end the day after the last day
 */
public record ReportPeriod(String label, LocalDate start, LocalDate end) {
    /** Validates that the period is not empty. */
    public ReportPeriod {
        label = Checks.singleLine(label, "period label", 100);
        Checks.required(start, "period start");
        Checks.required(end, "period end");
        if (!end.isAfter(start)) {
            throw new ValidationException("period end must be after its start " + start + ", but was " + end);
        }
    }

    /** A calendar quarter, {@code quarter} from 1 to 4. */
    public static ReportPeriod quarter(int year, int quarter) {
        Checks.range(quarter, 1, 4, "quarter");
        LocalDate start = LocalDate.of(year, 3 * quarter - 2, 1);
        return new ReportPeriod(year + "-Q" + quarter, start, start.plusMonths(3));
    }

    /** A calendar month, {@code month} from 1 to 12. */
    public static ReportPeriod month(int year, int month) {
        Checks.range(month, 1, 12, "month");
        YearMonth ym = YearMonth.of(year, month);
        return new ReportPeriod(ym.toString(), ym.atDay(1), ym.plusMonths(1).atDay(1));
    }

    /** Any range of days: {@code start} inclusive, {@code end} exclusive. */
    public static ReportPeriod custom(LocalDate start, LocalDate end) {
        return new ReportPeriod(start + ".." + end, start, end);
    }

    /** Whether the day is inside the period. */
    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && day.isBefore(end);
    }

    /** Whether the instant, in UTC, is inside the period. */
    public boolean contains(Instant instant) {
        return contains(LocalDate.ofInstant(instant, ZoneOffset.UTC));
    }
}
