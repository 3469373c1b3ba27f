package dev.ecosystem.navigator.internal;

import dev.ecosystem.error.EcosystemException;
import dev.ecosystem.internal.DaemonScheduler;
import dev.ecosystem.model.ChangeKind;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.StoreChange;
import dev.ecosystem.spi.ChangeRepository;
import dev.ecosystem.spi.PartnerStore;
import dev.ecosystem.spi.ProviderException;
import dev.ecosystem.spi.StoreTransaction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one client's {@link NavigatorIndex} current with writes made on other app nodes, by following the store's
 * change feed on a daemon thread. Writes through the client itself reach the index at once
 * ({@link IndexingPartnerStore}); this brings the others within a poll interval.
 *
 * <p>Only the navigator index needs the feed: it is the one state a client keeps in memory across calls. Blocks,
 * partnerships, sharing policies and contacts' opt-outs are read from the store on every call that they guard, and
 * account mapping compares each tenant's stored snapshot revision on every call, so those reach every node at once.
 * Company and contact changes make the index re-read their company; the other kinds are read past.
 *
 * <p>A store without a feed gets one WARN and no thread: the client then sees only its own writes. A failed poll
 * (store down) is logged at WARN and retried with a growing delay; it never ends the thread.
 */
public final class ChangeFollower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeFollower.class);
    private static final long UNKNOWN = -1;
    private static final long NO_FEED = -2;
    private static final Duration MAX_BACK_OFF = Duration.ofMinutes(1);

    private final PartnerStore store;
    private final NavigatorIndex index;
    private final Duration interval;
    private final Clock clock;
    private final @Nullable ScheduledExecutorService thread;
    private volatile long applied;
    /** When a catch-up that started then last reached the end of the feed; the follower's start until then. */
    private volatile Instant caughtUpAt;
    private int failures;

    private final AtomicBoolean polling = new AtomicBoolean();

    private ChangeFollower(PartnerStore store, NavigatorIndex index, Duration interval, Clock clock, boolean feed,
            long applied) {
        this.store = store;
        this.index = index;
        this.interval = interval;
        this.clock = clock;
        this.applied = applied;
        this.caughtUpAt = clock.instant();
        this.thread = feed ? DaemonScheduler.create("ecosystem-change-follower") : null;
    }

    /**
     * A follower of {@code store}'s feed from its latest revision, polling every {@code interval} once
     * {@link #startPolling()} is called. Reading that revision now, before the index is first loaded (the index loads
     * lazily), means no change made meanwhile is missed, however late polling starts.
     *
     * @param store the host's store (not the indexing wrapper)
     * @param clock what {@link #lag()} is measured by
     */
    public static ChangeFollower from(PartnerStore store, NavigatorIndex index, Duration interval, Clock clock) {
        long latest;
        try {
            latest = store.inTransaction(tx -> {
                ChangeRepository changes = feedOf(tx);
                return changes == null ? NO_FEED : changes.latestRevision();
            });
        } catch (RuntimeException e) {
            LOG.warn("Could not read the change feed's latest revision; the navigator index is rebuilt once the store "
                    + "answers", e);
            return new ChangeFollower(store, index, interval, clock, true, UNKNOWN);
        }
        return latest == NO_FEED ? new ChangeFollower(store, index, interval, clock, false, 0)
                : new ChangeFollower(store, index, interval, clock, true, latest);
    }

    /** The store's feed, or {@code null} with one WARN when the store has none (a provider failure is no answer). */
    private static @Nullable ChangeRepository feedOf(StoreTransaction tx) {
        try {
            return tx.changes();
        } catch (ProviderException e) {
            throw e;
        } catch (EcosystemException e) {
            LOG.warn("The partner store has no change feed, so this client sees only the writes made through it; run "
                    + "a single app node on this store, or give it a feed: {}", e.getMessage());
            return null;
        }
    }

    /**
     * The revision of the store's change feed up to which every change is reflected in this client's memory; 0 for a
     * store without a feed, and before the first successful read of the feed.
     */
    public long applied() {
        long revision = applied;
        return revision == UNKNOWN ? 0 : revision;
    }

    /**
     * How far behind the store's change feed this client may be: the time since a catch-up that started then last
     * reached the feed's end. Under a poll interval while polls succeed; it grows while the store cannot be read.
     * Zero for a store without a feed (there is nothing to follow).
     */
    public Duration lag() {
        if (thread == null) {
            return Duration.ZERO;
        }
        Duration lag = Duration.between(caughtUpAt, clock.instant());
        return lag.isNegative() ? Duration.ZERO : lag;
    }

    /**
     * Starts polling the feed on the follower's thread; later calls do nothing. Until then (and without a feed) the
     * client still applies every change on {@link #catchUp()}.
     */
    public void startPolling() {
        if (thread != null && polling.compareAndSet(false, true)) {
            caughtUpAt = clock.instant();
            schedule(interval);
        }
    }

    /** Whether the store has a change feed that this follower follows. */
    public boolean following() {
        return thread != null;
    }

    /**
     * Applies every change committed before the call, on the calling thread, and returns the applied revision.
     *
     * @throws dev.ecosystem.spi.ProviderException when the store cannot be read
     */
    public synchronized long catchUp() {
        if (thread == null) {
            return 0;
        }
        Instant asOf = clock.instant();
        if (applied == UNKNOWN) {
            long latest = store.inTransaction(tx -> tx.changes().latestRevision());
            index.invalidate(); // changes before it may have been missed: load the index anew
            applied = latest;
        }
        while (true) {
            long from = applied;
            List<StoreChange> changes = store.inTransaction(tx -> tx.changes().after(from,
                    ChangeRepository.MAX_LIMIT));
            if (changes.isEmpty()) {
                caughtUpAt = asOf;
                return from;
            }
            Set<CompanyId> companies = new LinkedHashSet<>();
            // Changes the index's last load already reflects (it read the store after them) are read past.
            long loaded = index.loadedRevision();
            for (StoreChange change : changes) {
                if (change.revision() > loaded
                        && (change.kind() == ChangeKind.COMPANY || change.kind() == ChangeKind.CONTACT)) {
                    companies.add(change.company());
                }
            }
            index.refresh(companies);
            applied = changes.get(changes.size() - 1).revision();
            index.caughtUp(applied);
            LOG.debug("Applied {} store changes up to revision {}", changes.size(), applied);
            if (changes.size() < ChangeRepository.MAX_LIMIT) {
                caughtUpAt = asOf;
                return applied;
            }
        }
    }

    private void poll() {
        Duration next = interval;
        try {
            catchUp();
            failures = 0;
        } catch (RuntimeException e) {
            failures++;
            next = backOff();
            LOG.warn("Following the store's change feed failed ({} in a row); trying again in {}", failures, next, e);
        }
        schedule(next);
    }

    /** The interval, doubled for every failure in a row after the first, up to a minute (or the interval). */
    private Duration backOff() {
        Duration cap = interval.compareTo(MAX_BACK_OFF) > 0 ? interval : MAX_BACK_OFF;
        Duration delay = interval;
        for (int i = 1; i < failures && delay.compareTo(cap) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(cap) > 0 ? cap : delay;
    }

    private void schedule(Duration delay) {
        ScheduledExecutorService executor = thread;
        if (executor == null || executor.isShutdown()) {
            return;
        }
        try {
            executor.schedule(this::poll, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // closed meanwhile
        }
    }

    /** Stops the thread; a poll under way is interrupted. */
    @Override
    public void close() {
        ScheduledExecutorService executor = thread;
        if (executor == null) {
            return;
        }
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("The change follower thread did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
