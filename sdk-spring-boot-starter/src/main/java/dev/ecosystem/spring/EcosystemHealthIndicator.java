package dev.ecosystem.spring;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.model.OutboxStatus;
import java.time.Duration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * The client's health: {@code DOWN} when the store cannot be read; {@link #DEGRADED} when emails are parked (they
 * wait for the host: {@code client.intros().parked(...)} and {@code retry}) or the change feed lags beyond
 * {@code ecosystem.health.max-feed-lag}; else {@code UP}. Details: pending and parked counts and the lag.
 *
 * <p>{@code DEGRADED} is not in Spring Boot's default status order, so it does not take the application out of a load
 * balancer; to see it in the aggregate, set {@code management.endpoint.health.status.order=DOWN,OUT_OF_SERVICE,
 * DEGRADED,UP,UNKNOWN}.
 */
public final class EcosystemHealthIndicator implements HealthIndicator {
    /** Working, but something waits for the host: parked emails or a lagging change feed. */
    public static final Status DEGRADED = new Status("DEGRADED", "parked emails or a lagging change feed");

    private final EcosystemClient client;
    private final Duration maxFeedLag;

    /** The health of {@code client}, degraded beyond {@code maxFeedLag}. */
    public EcosystemHealthIndicator(EcosystemClient client, Duration maxFeedLag) {
        this.client = client;
        this.maxFeedLag = maxFeedLag;
    }

    @Override
    public Health health() {
        long pending;
        long parked;
        try {
            pending = client.store().inTransaction(tx -> tx.outbox().count(OutboxStatus.PENDING));
            parked = client.store().inTransaction(tx -> tx.outbox().count(OutboxStatus.PARKED));
        } catch (RuntimeException e) {
            return Health.down().withDetail("store", "unreachable").withDetail("error", e.getClass().getSimpleName()
                    + ": " + e.getMessage()).build();
        }
        Duration lag = client.changeFeedLag();
        Health.Builder health = parked > 0 || lag.compareTo(maxFeedLag) > 0 ? Health.status(DEGRADED) : Health.up();
        health.withDetail("outboxPending", pending).withDetail("outboxParked", parked)
                .withDetail("changeFeedLag", lag.toString());
        if (parked > 0) {
            health.withDetail("parked", parked + " emails failed too often and wait for the host "
                    + "(client.intros().parked(tenant, page), then retry)");
        }
        if (lag.compareTo(maxFeedLag) > 0) {
            health.withDetail("lagging", "the change feed lags " + lag + ", beyond ecosystem.health.max-feed-lag "
                    + maxFeedLag);
        }
        return health.build();
    }
}
