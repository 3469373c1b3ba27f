package dev.ecosystem.salesforce;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Keeps a connector inside the org's daily API allocation by reading it from the responses instead of assuming it:
 * every REST response carries {@code Sforce-Limit-Info: api-usage=used/max}, counted by Salesforce over a rolling 24
 * hours for every app of the org. Below {@code slowDownAt} of the allocation calls go out freely; from there on they
 * are spaced at the allocation's sustained rate (24 h / max per call), so the org's usage stops climbing; from
 * {@code stopAt} on no call is sent and the connector reports the quota as exhausted, leaving the rest to the org's
 * other integrations (a used-up allocation blocks every app of the customer's org, not only ours). An observation
 * older than {@code staleAfter} no longer holds a call back: Salesforce recalculates usage as calls age out of the
 * window, and only a new response says by how much. Only computes waits; {@link RestTransport} sleeps them.
 */
final class ApiUsageGovernor {
    private static final Pattern API_USAGE = Pattern.compile("api-usage=(\\d+)/(\\d+)");
    private static final Duration WINDOW = Duration.ofHours(24);

    /** What to do before the next call: wait this long, or not call at all ({@code stop}). */
    record Decision(Duration delay, boolean stop, long used, long max) {
    }

    private final Clock clock;
    private final double slowDownAt;
    private final double stopAt;
    private final Duration staleAfter;
    private long used = -1;
    private long max = -1;
    private Instant observedAt = Instant.EPOCH;
    private Instant nextAt = Instant.EPOCH;

    ApiUsageGovernor(Clock clock, double slowDownAt, double stopAt, Duration staleAfter) {
        this.clock = clock;
        this.slowDownAt = slowDownAt;
        this.stopAt = stopAt;
        this.staleAfter = staleAfter;
    }

    /** Decides on the next call, reserving its place when calls are being spaced. */
    synchronized Decision reserve() {
        Instant now = clock.instant();
        if (max <= 0 || used < 0 || !now.isBefore(observedAt.plus(staleAfter))) {
            return new Decision(Duration.ZERO, false, used, max);
        }
        double share = (double) used / max;
        if (share >= stopAt) {
            return new Decision(Duration.ZERO, true, used, max);
        }
        if (share < slowDownAt) {
            return new Decision(Duration.ZERO, false, used, max);
        }
        Instant start = now.isBefore(nextAt) ? nextAt : now;
        nextAt = start.plus(WINDOW.dividedBy(max));
        // Count our own call until the next header says better, so a burst between responses is paced too.
        used++;
        return new Decision(Duration.between(now, start), false, used, max);
    }

    /** Reads {@code Sforce-Limit-Info}; a response without it changes nothing. */
    synchronized void observe(@Nullable String limitInfo) {
        if (limitInfo == null) {
            return;
        }
        Matcher matcher = API_USAGE.matcher(limitInfo);
        if (!matcher.find()) {
            return;
        }
        try {
            used = Long.parseLong(matcher.group(1));
            max = Long.parseLong(matcher.group(2));
            observedAt = clock.instant();
        } catch (NumberFormatException e) {
            // digits too long for a long: ignore the header
        }
    }

    /** After a {@code REQUEST_LIMIT_EXCEEDED}: the allocation is used up as far as we know. */
    synchronized void exhausted() {
        if (max > 0) {
            used = Math.max(used, max);
        } else {
            used = 1;
            max = 1;
        }
        observedAt = clock.instant();
    }

    /** When a stopped connector may call again: once its last observation has gone stale. */
    synchronized Instant resumesAt() {
        return observedAt.plus(staleAfter);
    }
}
