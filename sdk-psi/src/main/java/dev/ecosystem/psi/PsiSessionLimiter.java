package dev.ecosystem.psi;

import dev.ecosystem.error.AccessDeniedException;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.spi.PartnerStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Caps the PSI sessions this company runs with each partner per period, and the groups those sessions may reveal.
 * Every cardinality answer leaks a little: a partner that asks again with one key changed learns whether that key is
 * in my set, and within one session a partner that puts a single key in each of its groups learns, for each of them,
 * whether I hold it (see the package docs). So a host takes a permit before starting or answering each session; the
 * permit charges one session and {@link PsiOptions#maxGroups()} groups, the most the partner's set may have, so
 * {@code maxGroups} here bounds how many keys a partner can test against mine per period.
 *
 * <p>Periods are fixed windows aligned to the epoch ({@code [k * period, (k + 1) * period)}), so at most
 * {@code 2 * maxSessions} sessions (and {@code 2 * maxGroups} groups) can fall within any one period-long span that
 * straddles a boundary. {@link #stored} keeps permits in the {@link PartnerStore}'s idempotency keys (one key per
 * session, never removed, holding the groups it charged), so the limits hold across restarts and across all nodes
 * sharing the store; {@link #inMemory} holds them in this process only and forgets them on restart.
 *
 * <pre>{@code
 * PsiSessionLimiter limiter = PsiSessionLimiter.stored(store, acmeId, 3, 21, Duration.ofDays(1), Clock.systemUTC());
 * limiter.acquire(globexId, options); // AccessDeniedException once 3 sessions or 21 groups ran with globex today
 * PsiSession session = PsiSession.responder(options, mine);
 * }</pre>
 */
public final class PsiSessionLimiter {
    /** The largest group budget allowed. */
    private static final int GROUP_BUDGET_LIMIT = 1_000_000;

    private interface Permits {
        /** Takes a permit of {@code groups} when both budgets allow; else takes nothing and says what was used. */
        Used take(CompanyId partner, long window, int groups, int sessionBudget, int groupBudget, Instant now);
    }

    /** What a partner had used in a period when a permit was refused, or {@link #GRANTED}. */
    private record Used(int sessions, long groups) {
        static final Used GRANTED = new Used(-1, -1);

        boolean granted() {
            return sessions < 0;
        }
    }

    private final Permits permits;
    private final int maxSessions;
    private final int maxGroups;
    private final Duration period;
    private final Clock clock;

    private PsiSessionLimiter(Permits permits, int maxSessions, int maxGroups, Duration period, Clock clock) {
        this.maxSessions = Checks.range(maxSessions, 1, 10_000, "maxSessions");
        this.maxGroups = Checks.range(maxGroups, 1, GROUP_BUDGET_LIMIT, "maxGroups");
        this.period = Checks.required(period, "period");
        if (period.toMillis() < 1) {
            throw new dev.ecosystem.error.ValidationException("period must be at least 1 millisecond, but was " + period);
        }
        this.clock = Checks.required(clock, "clock");
        this.permits = permits;
    }

    /**
     * Permits kept in this process's memory only (lost on restart, not shared between nodes).
     *
     * @param maxSessions sessions per partner and period, 1 to 10,000
     * @param maxGroups groups per partner and period, summed over its sessions' {@link PsiOptions#maxGroups()}, 1 to
     *     1,000,000
     */
    public static PsiSessionLimiter inMemory(int maxSessions, int maxGroups, Duration period, Clock clock) {
        Map<CompanyId, long[]> windows = new HashMap<>();
        Permits permits = (partner, window, groups, sessionBudget, groupBudget, now) -> {
            synchronized (windows) {
                long[] used = windows.computeIfAbsent(partner, p -> new long[] {window, 0, 0});
                if (used[0] != window) {
                    used[0] = window;
                    used[1] = 0;
                    used[2] = 0;
                }
                if (used[1] >= sessionBudget || used[2] + groups > groupBudget) {
                    return new Used((int) used[1], used[2]);
                }
                used[1]++;
                used[2] += groups;
                return Used.GRANTED;
            }
        };
        return new PsiSessionLimiter(permits, maxSessions, maxGroups, period, clock);
    }

    /**
     * Permits stored as idempotency keys of {@code self} in {@code store}, so they survive restarts and are shared
     * by every node on the store. Each permit is one key {@code psi-session/<partner>/<period ms>/<window>/<slot>}
     * whose value records the groups it charged ({@code groups=7 at 2026-03-02T08:00:00Z}).
     *
     * @param maxSessions sessions per partner and period, 1 to 10,000
     * @param maxGroups groups per partner and period, summed over its sessions' {@link PsiOptions#maxGroups()}, 1 to
     *     1,000,000
     */
    public static PsiSessionLimiter stored(PartnerStore store, CompanyId self, int maxSessions, int maxGroups,
            Duration period, Clock clock) {
        Checks.required(store, "store");
        Checks.required(self, "self");
        long periodMillis = Checks.required(period, "period").toMillis();
        Permits permits = (partner, window, groups, sessionBudget, groupBudget, now) ->
                store.inTransaction(tx -> {
                    // Slots fill in order and are never freed, so every slot before the first free one is taken and
                    // the groups summed so far only grow: refusing before writing a slot is final.
                    long used = 0;
                    for (int slot = 0; slot < sessionBudget; slot++) {
                        if (used + groups > groupBudget) {
                            return new Used(slot, used);
                        }
                        String key = "psi-session/" + partner.value() + "/" + periodMillis + "/" + window + "/" + slot;
                        String taken = tx.idempotency().putIfAbsent(self, key, "groups=" + groups + " at " + now);
                        if (taken == null) {
                            return Used.GRANTED;
                        }
                        used += groupsOf(taken);
                    }
                    return new Used(sessionBudget, used);
                });
        return new PsiSessionLimiter(permits, maxSessions, maxGroups, period, clock);
    }

    /** The groups a stored permit charged; a permit stored before group budgets (a bare instant) charged none. */
    private static long groupsOf(String value) {
        if (!value.startsWith("groups=")) {
            return 0;
        }
        int end = value.indexOf(' ');
        return Long.parseLong(value.substring("groups=".length(), end < 0 ? value.length() : end));
    }

    /**
     * Takes a permit for one session with {@code partner} run with {@code options}: one session and
     * {@code options.maxGroups()} groups. False, taking nothing, when either budget of this period would be exceeded.
     */
    public boolean tryAcquire(CompanyId partner, PsiOptions options) {
        Checks.required(partner, "partner");
        Checks.required(options, "options");
        Instant now = clock.instant();
        return permits.take(partner, window(now), options.maxGroups(), maxSessions, maxGroups, now).granted();
    }

    /**
     * Takes a permit for one session with {@code partner} run with {@code options}: one session and
     * {@code options.maxGroups()} groups.
     *
     * @throws AccessDeniedException, taking nothing, when {@code maxSessions} sessions with the partner already
     *     started this period, or its groups plus {@code options.maxGroups()} would exceed {@code maxGroups}
     */
    public void acquire(CompanyId partner, PsiOptions options) {
        Checks.required(partner, "partner");
        Checks.required(options, "options");
        Instant now = clock.instant();
        long window = window(now);
        Used used = permits.take(partner, window, options.maxGroups(), maxSessions, maxGroups, now);
        if (used.granted()) {
            return;
        }
        Instant next = Instant.ofEpochMilli(Math.multiplyExact(window + 1, period.toMillis()));
        if (used.sessions() >= maxSessions) {
            throw new AccessDeniedException("PSI session limit reached with partner " + partner + ": " + maxSessions
                    + " sessions per " + period + " already started in this period; the next period starts at "
                    + next);
        }
        throw new AccessDeniedException("PSI group limit reached with partner " + partner + ": a session with "
                + "maxGroups " + options.maxGroups() + " would bring this period's groups to " + (used.groups()
                + options.maxGroups()) + ", above maxGroups " + maxGroups + " per " + period + "; the next period "
                + "starts at " + next);
    }

    private long window(Instant now) {
        return Math.floorDiv(now.toEpochMilli(), period.toMillis());
    }

    @Override
    public String toString() {
        return "PsiSessionLimiter[maxSessions=" + maxSessions + ", maxGroups=" + maxGroups + ", period=" + period
                + "]";
    }
}
