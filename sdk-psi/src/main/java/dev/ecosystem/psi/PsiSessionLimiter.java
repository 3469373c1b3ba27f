package dev.ecosystem.psi;

import dev.ecosystem.AccessDeniedException;
import dev.ecosystem.internal.Checks;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.spi.PartnerStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Caps the PSI sessions this company runs with each partner per period. Every cardinality answer leaks a little
 * (a partner that asks again with one key changed learns whether that key is in my set), so a host should take a
 * permit before starting or answering each session.
 *
 * <p>Periods are fixed windows aligned to the epoch ({@code [k * period, (k + 1) * period)}), so at most
 * {@code 2 * maxSessions} sessions can fall within any one period-long span that straddles a boundary.
 * {@link #stored} keeps permits in the {@link PartnerStore}'s idempotency keys (one key per permit, never removed),
 * so the limit holds across restarts and across all nodes sharing the store; {@link #inMemory} holds them in this
 * process only and forgets them on restart.
 *
 * <pre>{@code
 * PsiSessionLimiter limiter = PsiSessionLimiter.stored(store, acmeId, 3, Duration.ofDays(1), Clock.systemUTC());
 * limiter.acquire(globexId); // throws AccessDeniedException once 3 sessions ran with globex today
 * PsiSession session = PsiSession.responder(options, mine);
 * }</pre>
 */
public final class PsiSessionLimiter {
    private interface Permits {
        boolean take(CompanyId partner, long window, int maxSessions, Instant now);
    }

    private final Permits permits;
    private final int maxSessions;
    private final Duration period;
    private final Clock clock;

    private PsiSessionLimiter(Permits permits, int maxSessions, Duration period, Clock clock) {
        this.permits = permits;
        this.maxSessions = Checks.range(maxSessions, 1, 10_000, "maxSessions");
        this.period = Checks.required(period, "period");
        if (period.toMillis() < 1) {
            throw new dev.ecosystem.ValidationException("period must be at least 1 millisecond, but was " + period);
        }
        this.clock = Checks.required(clock, "clock");
    }

    /** Permits kept in this process's memory only (lost on restart, not shared between nodes). */
    public static PsiSessionLimiter inMemory(int maxSessions, Duration period, Clock clock) {
        Map<CompanyId, long[]> windows = new HashMap<>();
        Permits permits = (partner, window, max, now) -> {
            synchronized (windows) {
                long[] used = windows.computeIfAbsent(partner, p -> new long[] {window, 0});
                if (used[0] != window) {
                    used[0] = window;
                    used[1] = 0;
                }
                if (used[1] >= max) {
                    return false;
                }
                used[1]++;
                return true;
            }
        };
        return new PsiSessionLimiter(permits, maxSessions, period, clock);
    }

    /**
     * Permits stored as idempotency keys of {@code self} in {@code store}, so they survive restarts and are shared
     * by every node on the store. Each permit is one key {@code psi-session/<partner>/<period ms>/<window>/<slot>}.
     */
    public static PsiSessionLimiter stored(PartnerStore store, CompanyId self, int maxSessions, Duration period,
            Clock clock) {
        Checks.required(store, "store");
        Checks.required(self, "self");
        long periodMillis = Checks.required(period, "period").toMillis();
        Permits permits = (partner, window, max, now) -> store.inTransaction(tx -> {
            for (int slot = 0; slot < max; slot++) {
                String key = "psi-session/" + partner.value() + "/" + periodMillis + "/" + window + "/" + slot;
                if (tx.idempotency().putIfAbsent(self, key, now.toString()) == null) {
                    return true;
                }
            }
            return false;
        });
        return new PsiSessionLimiter(permits, maxSessions, period, clock);
    }

    /** Takes a permit for one session with {@code partner}; false when this period's are used up. */
    public boolean tryAcquire(CompanyId partner) {
        Checks.required(partner, "partner");
        Instant now = clock.instant();
        return permits.take(partner, window(now), maxSessions, now);
    }

    /**
     * Takes a permit for one session with {@code partner}.
     *
     * @throws AccessDeniedException when {@code maxSessions} sessions with the partner already started this period
     */
    public void acquire(CompanyId partner) {
        Checks.required(partner, "partner");
        Instant now = clock.instant();
        long window = window(now);
        if (!permits.take(partner, window, maxSessions, now)) {
            Instant next = Instant.ofEpochMilli(Math.multiplyExact(window + 1, period.toMillis()));
            throw new AccessDeniedException("PSI session limit reached with partner " + partner + ": " + maxSessions
                    + " sessions per " + period + " already started in this period; the next period starts at "
                    + next);
        }
    }

    private long window(Instant now) {
        return Math.floorDiv(now.toEpochMilli(), period.toMillis());
    }

    @Override
    public String toString() {
        return "PsiSessionLimiter[maxSessions=" + maxSessions + ", period=" + period + "]";
    }
}
