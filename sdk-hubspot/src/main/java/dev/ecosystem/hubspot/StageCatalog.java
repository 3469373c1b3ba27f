package dev.ecosystem.hubspot;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.ecosystem.model.DealStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each deal stage means (open, won or lost), from the deal pipelines' stage metadata rather than from stage
 * names, which portals rename and customize. Cached with Caffeine for a time-to-live on the injected clock, and
 * reloaded early when a deal names a stage the cache does not know (a stage added since the last load); such forced
 * reloads happen at most once a minute, so a deal with a stage HubSpot itself does not list cannot cause a storm.
 */
final class StageCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(StageCatalog.class);
    private static final Duration MIN_FORCED_RELOAD_SPACING = Duration.ofMinutes(1);
    private static final String KEY = "deals";

    private final LoadingCache<String, Map<String, DealStatus>> cache;
    private final Clock clock;
    private final Object reloadLock = new Object();
    private Instant lastForcedReload = Instant.EPOCH;

    StageCatalog(Supplier<Json.Pipelines> loader, Duration timeToLive, Clock clock) {
        this.clock = clock;
        this.cache = Caffeine.newBuilder()
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .expireAfterWrite(timeToLive)
                .build(key -> statuses(loader.get()));
    }

    /**
     * The status a stage means, or {@code null} when the pipelines do not list it even after a reload.
     */
    @Nullable DealStatus status(String stageId) {
        DealStatus status = cache.get(KEY).get(stageId);
        if (status != null) {
            return status;
        }
        synchronized (reloadLock) {
            Instant now = clock.instant();
            if (now.isBefore(lastForcedReload.plus(MIN_FORCED_RELOAD_SPACING))) {
                return cache.get(KEY).get(stageId);
            }
            lastForcedReload = now;
            LOG.debug("deal stage not in the cached pipelines; reloading the pipeline stages");
            cache.invalidate(KEY);
            return cache.get(KEY).get(stageId);
        }
    }

    private static Map<String, DealStatus> statuses(Json.Pipelines pipelines) {
        Map<String, DealStatus> statuses = new HashMap<>();
        for (Json.Pipeline pipeline : nonNull(pipelines.results())) {
            for (Json.Stage stage : nonNull(pipeline.stages())) {
                statuses.put(stage.id(), statusOf(stage.metadata()));
            }
        }
        return Map.copyOf(statuses);
    }

    /** Closed with probability 1 is won; closed with any other probability (HubSpot uses 0) is lost. */
    static DealStatus statusOf(Json.@Nullable StageMetadata metadata) {
        if (metadata == null || !"true".equalsIgnoreCase(strip(metadata.isClosed()))) {
            return DealStatus.OPEN;
        }
        String probability = strip(metadata.probability());
        try {
            return probability != null && new BigDecimal(probability).compareTo(BigDecimal.ONE) == 0
                    ? DealStatus.WON : DealStatus.LOST;
        } catch (NumberFormatException e) {
            return DealStatus.LOST;
        }
    }

    private static @Nullable String strip(@Nullable String value) {
        return value == null ? null : value.strip();
    }

    private static <T> List<T> nonNull(@Nullable List<T> list) {
        return list == null ? List.of() : list;
    }
}
