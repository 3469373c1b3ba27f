package dev.ecosystem.spring;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.model.OutboxStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Levels read when the registry asks: {@code ecosystem.outbox.pending} and {@code ecosystem.outbox.parked} (counted in
 * the store, every tenant) and {@code ecosystem.change.feed.lag} (seconds behind other nodes' writes). A store that
 * cannot be read gives NaN, not an error: the health indicator reports that.
 */
public final class EcosystemGauges implements MeterBinder {
    private static final Logger LOG = LoggerFactory.getLogger(EcosystemGauges.class);

    private final EcosystemClient client;

    /** Gauges of {@code client}. */
    public EcosystemGauges(EcosystemClient client) {
        this.client = client;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("ecosystem.outbox.pending", this, gauges -> gauges.count(OutboxStatus.PENDING))
                .description("emails waiting in the outbox, every tenant").register(registry);
        Gauge.builder("ecosystem.outbox.parked", this, gauges -> gauges.count(OutboxStatus.PARKED))
                .description("emails parked after failing too often, waiting for the host").register(registry);
        TimeGauge.builder("ecosystem.change.feed.lag", client, TimeUnit.MILLISECONDS,
                        c -> c.changeFeedLag().toMillis())
                .description("time since this node last caught up with the store's change feed").register(registry);
    }

    private double count(OutboxStatus status) {
        try {
            return client.store().inTransaction(tx -> tx.outbox().count(status));
        } catch (RuntimeException e) {
            LOG.debug("could not count {} outbox entries", status, e);
            return Double.NaN;
        }
    }
}
