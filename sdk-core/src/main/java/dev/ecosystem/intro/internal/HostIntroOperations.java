package dev.ecosystem.intro.internal;

import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.intro.ConsentView;
import dev.ecosystem.intro.DueRun;
import dev.ecosystem.intro.IntroOperations;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.OutboxEntry;
import dev.ecosystem.model.OutboxEntryId;
import dev.ecosystem.model.OutboxStatus;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.error.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link IntroOperations} over one {@link IntroEngine}. */
public final class HostIntroOperations implements IntroOperations {
    private static final Logger LOG = LoggerFactory.getLogger(HostIntroOperations.class);

    private final IntroEngine engine;

    /** The host's operations of {@code engine}. */
    public HostIntroOperations(IntroEngine engine) {
        this.engine = Checks.required(engine, "engine");
    }

    @Override
    public DueRun runDue(Instant now) {
        return engine.runDue(now);
    }

    @Override
    public ScheduledFuture<?> scheduleOn(ScheduledExecutorService scheduler, Duration every) {
        Checks.required(scheduler, "scheduler");
        Checks.required(every, "every");
        if (every.isNegative() || every.isZero()) {
            throw new ValidationException("every must be positive, but was " + every);
        }
        return scheduler.scheduleWithFixedDelay(() -> {
            try {
                DueRun run = engine.runDue(engine.context().clock().instant());
                LOG.debug("scheduled intro run: {}", run);
            } catch (RuntimeException e) {
                LOG.warn("scheduled intro run failed; the next run tries again", e);
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public Introduction redeem(String token, @Nullable String reason, boolean shareReason) {
        return engine.redeem(token, reason, shareReason);
    }

    @Override
    public ConsentView peek(String token) {
        return engine.peek(token);
    }

    @Override
    public Page<OutboxEntry> parked(CompanyId tenant, PageRequest page) {
        Checks.required(tenant, "tenant");
        Checks.required(page, "page");
        return engine.context().store().inTransaction(tx -> tx.outbox().list(tenant, OutboxStatus.PARKED, page));
    }

    @Override
    public OutboxEntry retry(OutboxEntryId id) {
        return engine.retryParked(id);
    }

    @Override
    public int releaseClaims() {
        return engine.releaseClaims();
    }
}
