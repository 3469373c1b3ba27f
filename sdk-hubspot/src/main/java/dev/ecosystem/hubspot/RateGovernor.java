package dev.ecosystem.hubspot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/**
 * Keeps calls under HubSpot's limits by reading them from the responses rather than assuming them: every response
 * says how many calls the app has left in the rolling window ({@code X-HubSpot-RateLimit-Remaining}). Because that
 * count is shared by every app node, each node slows down when the shared budget runs low, which a fixed local limiter
 * per node cannot do. Search has its own limit (5 calls a second per account) and no headers, so search calls draw on a
 * {@link HubSpotCrm.SearchBudget} shared by every connector of the portal. Only computes waits; {@link Transport}
 * sleeps them through the injected sleeper.
 */
final class RateGovernor {
    private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);
    /** The longest pause after repeated search 429s: waits grow 1 s, 2 s, 4 s, 8 s, then stay here. */
    static final Duration MAX_SEARCH_PAUSE = Duration.ofSeconds(10);

    private final Clock clock;
    private final HubSpotCrm.SearchBudget searchBudget;
    private int max = -1;
    private int remaining = -1;
    private Duration interval = DEFAULT_INTERVAL;
    private Instant observedAt = Instant.EPOCH;
    private Instant pausedUntil = Instant.EPOCH;

    RateGovernor(Clock clock, HubSpotCrm.SearchBudget searchBudget) {
        this.clock = clock;
        this.searchBudget = searchBudget;
    }

    /** How long to wait before the next call, reserving that call's place in the budget. */
    synchronized Duration reserve(boolean search) {
        Instant now = clock.instant();
        Instant start = now.isBefore(pausedUntil) ? pausedUntil : now;
        if (search) {
            start = searchBudget.reserve(start);
        } else if (remaining >= 0 && max > 0) {
            if (remaining == 0) {
                // Nothing left in the window HubSpot reported: wait until that window has rolled by.
                Instant windowEnd = observedAt.plus(interval);
                start = windowEnd.isAfter(start) ? windowEnd : start;
                remaining = max;
            } else if (remaining <= reserveOf(max)) {
                // Close to the limit: fall back to the sustained rate, one call per interval / max.
                start = start.plus(interval.dividedBy(max));
            }
            remaining--;
        }
        return Duration.between(now, start);
    }

    /** Reads the burst-limit headers of a response; responses without them (search, OAuth) change nothing. */
    synchronized void observe(Headers headers) {
        Integer headerMax = intHeader(headers, "X-HubSpot-RateLimit-Max");
        Integer headerRemaining = intHeader(headers, "X-HubSpot-RateLimit-Remaining");
        Integer headerInterval = intHeader(headers, "X-HubSpot-RateLimit-Interval-Milliseconds");
        if (headerMax == null || headerRemaining == null) {
            return;
        }
        max = headerMax;
        remaining = Math.max(0, headerRemaining);
        if (headerInterval != null && headerInterval > 0) {
            interval = Duration.ofMillis(headerInterval);
        }
        observedAt = clock.instant();
    }

    /**
     * A 429 of a short policy: pause the calls it concerns for the interval HubSpot names (its header), or else the
     * policy's own interval (ten seconds, one second for search's "secondly" limit). Search pauses double with every
     * further 429 of the same call (up to {@link #MAX_SEARCH_PAUSE}) and hold back every connector sharing the budget.
     *
     * @param waits how many 429s this call has had, counting this one
     */
    synchronized void rateLimited(boolean search, @Nullable String policyName, Headers headers, int waits) {
        Integer headerInterval = intHeader(headers, "X-HubSpot-RateLimit-Interval-Milliseconds");
        boolean secondly = search || (policyName != null && policyName.equals("SECONDLY"));
        Duration pause = headerInterval != null && headerInterval > 0 ? Duration.ofMillis(headerInterval)
                : secondly ? Duration.ofSeconds(1) : DEFAULT_INTERVAL;
        if (search) {
            Duration grown = pause.multipliedBy(1L << Math.min(waits - 1, 4));
            searchBudget.pause(clock.instant().plus(grown.compareTo(MAX_SEARCH_PAUSE) > 0 ? MAX_SEARCH_PAUSE : grown));
        } else {
            Instant until = clock.instant().plus(pause);
            pausedUntil = until.isAfter(pausedUntil) ? until : pausedUntil;
            remaining = -1;
        }
    }

    private static int reserveOf(int max) {
        return Math.max(1, max / 10);
    }

    static @Nullable Integer intHeader(Headers headers, String name) {
        String value = headers.get(name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
