package dev.ecosystem.intro.internal;

import dev.ecosystem.internal.DaemonScheduler;
import dev.ecosystem.model.OutboxEntry;
import dev.ecosystem.model.OutboxStatus;
import dev.ecosystem.spi.PartnerStore;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the lease of an outbox entry alive while its message is with the mailer, so a send that takes longer than
 * the lease (a slow or stalled provider) is not taken over by another node and sent twice. The lease is renewed a
 * third of the way through, each time under the holder's claim, and the time a later attempt may look the message up
 * moves on with it: once the entry was taken over or finished, renewing stops. If the renewals fail (the store is unreachable), the lease runs out and another node may take the entry
 * over; that node then treats the outcome of this send as unknown.
 */
final class LeaseRenewer {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseRenewer.class);

    private final PartnerStore store;
    private final Duration lease;
    private @Nullable ScheduledExecutorService timer;

    /** A renewer over {@code store}, extending leases to {@code lease} past the current time. */
    LeaseRenewer(PartnerStore store, Duration lease) {
        this.store = store;
        this.lease = lease;
    }

    /** One entry's renewals, stopped by {@link #close()}. */
    final class Renewal {
        private final OutboxEntry held;
        private final Supplier<Instant> clock;
        private final ScheduledFuture<?> task;
        private boolean closed;

        private Renewal(OutboxEntry held, Supplier<Instant> clock, long periodMillis) {
            this.held = held;
            this.clock = clock;
            this.task = timer().scheduleAtFixedRate(this::renew, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        }

        private synchronized void renew() {
            if (closed) {
                return;
            }
            try {
                boolean kept = store.inTransaction(tx -> {
                    OutboxEntry current = tx.outbox().get(held.id());
                    if (current == null || current.status() != OutboxStatus.PENDING
                            || current.claim() != held.claim()) {
                        return false;
                    }
                    Instant now = clock.get();
                    tx.outbox().update(current.sending(now, now.plus(lease)));
                    return true;
                });
                closed = !kept; // the ticks left until close() return at once
            } catch (RuntimeException e) {
                LOG.warn("could not renew the lease of outbox entry {}; if it runs out, another dispatcher may take "
                        + "the entry over", held.id(), e);
            }
        }

        /** Stops renewing; waits for a renewal under way, so none lands after the holder's own update. */
        synchronized void close() {
            closed = true;
            task.cancel(false);
        }
    }

    /**
     * Starts renewing the lease of {@code held}, whose message is about to go to the mailer, to {@code lease} past
     * the time {@code clock} gives.
     */
    Renewal keep(OutboxEntry held, Supplier<Instant> clock) {
        return new Renewal(held, clock, Math.max(1, lease.toMillis() / 3));
    }

    /** Stops the renewal thread, if one was started. */
    synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    private synchronized ScheduledExecutorService timer() {
        if (timer == null) {
            timer = DaemonScheduler.create("ecosystem-outbox-lease");
        }
        return timer;
    }
}
