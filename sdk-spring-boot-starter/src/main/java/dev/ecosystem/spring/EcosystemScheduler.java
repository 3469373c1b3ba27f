package dev.ecosystem.spring;

import dev.ecosystem.EcosystemClient;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the client's due work with the application context: every {@code ecosystem.scheduling.interval} after the
 * previous run ended, the {@code runDue} of introductions (reminders, expiry, email delivery), partnerships
 * (invitation reminders and expiry, dormancy), referrals (ended protection) and CRM write-back, each on its own so
 * one failing does not skip the others. Runs never overlap: one thread, and a lock that a manual {@link #runOnce()}
 * takes too. A failure is logged and the schedule goes on.
 *
 * <p>On context start it also starts the client's change-feed follower ({@link EcosystemClient#startChangeFollowing()};
 * the auto-configured client is built with it deferred), whether scheduling is on or off.
 *
 * <p>On context stop (before the DataSource and other beans are destroyed): no new run starts; a run under way gets
 * {@code ecosystem.scheduling.shutdown-timeout} to finish, after which the outbox emails this node claimed and has not
 * sent are handed back for other nodes ({@code client.intros().releaseClaims()}); then the client is closed, which
 * stops its change-feed follower. Its phase is Spring's default for SmartLifecycle, so it stops before the web server
 * (which stops later), so consent links still answer while the last run ends.
 */
public class EcosystemScheduler implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(EcosystemScheduler.class);

    private final EcosystemClient client;
    private final boolean enabled;
    private final Duration interval;
    private final Duration shutdownTimeout;
    private final ReentrantLock running = new ReentrantLock();
    private @Nullable ScheduledExecutorService executor;
    private @Nullable ScheduledFuture<?> task;
    private volatile boolean started;

    /** A scheduler for {@code client}, running every {@code interval} when {@code enabled}. */
    public EcosystemScheduler(EcosystemClient client, boolean enabled, Duration interval, Duration shutdownTimeout) {
        this.client = client;
        this.enabled = enabled;
        this.interval = interval;
        this.shutdownTimeout = shutdownTimeout;
    }

    @Override
    public synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        client.startChangeFollowing();
        if (!enabled) {
            LOG.info("Ecosystem scheduling is off (ecosystem.scheduling.enabled=false): call runDue yourself");
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ecosystem-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        task = executor.scheduleWithFixedDelay(this::runOnce, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Runs every due operation once at the client clock's time, unless a run is under way (then returns {@code false}
     * at once: runs never overlap).
     */
    public boolean runOnce() {
        if (!running.tryLock()) {
            LOG.debug("an ecosystem run is under way; not starting another");
            return false;
        }
        try {
            Instant now = client.clock().instant();
            step("introductions", n -> LOG.debug("intros: {}", client.intros().runDue(n)), now);
            step("partnerships", n -> LOG.debug("partnerships: {}", client.partnerships().runDue(n)), now);
            step("referrals", n -> LOG.debug("referrals expired: {}", client.referrals().runDue(n)), now);
            step("CRM write-back", n -> LOG.debug("write-back: {}", client.crmWriteBacks().runDue(n)), now);
            return true;
        } finally {
            running.unlock();
        }
    }

    private static void step(String what, Consumer<Instant> work, Instant now) {
        try {
            work.accept(now);
        } catch (RuntimeException e) {
            LOG.warn("scheduled ecosystem run of {} failed; the next run tries again", what, e);
        }
    }

    @Override
    public synchronized void stop() {
        if (!started) {
            return;
        }
        started = false;
        ScheduledExecutorService scheduled = executor;
        if (task != null) {
            task.cancel(false);
        }
        if (scheduled != null) {
            scheduled.shutdown();
        }
        try {
            boolean finished = awaitRun();
            if (!finished) {
                LOG.warn("the ecosystem run under way did not finish within {}; handing back its claimed emails",
                        shutdownTimeout);
            }
            int released = client.intros().releaseClaims();
            if (released > 0) {
                LOG.info("handed back {} claimed outbox emails for other nodes", released);
            }
        } catch (RuntimeException e) {
            LOG.warn("could not hand back claimed outbox emails; they are sent after their lease", e);
        } finally {
            if (scheduled != null) {
                scheduled.shutdownNow();
            }
            client.close();
        }
    }

    /** Waits up to the shutdown timeout for a run under way; whether none is running any more. */
    private boolean awaitRun() {
        try {
            if (running.tryLock(shutdownTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
                running.unlock();
                return true;
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public boolean isRunning() {
        return started;
    }
}
