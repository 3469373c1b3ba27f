package dev.ecosystem.intro;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How far a group of introductions got.
 *
 * @param requested introductions requested
 * @param consented introductions the target agreed to
 * @param connected introductions that connected (every consent in, joint email enqueued)
 * @param declined introductions someone declined
 * @param expired introductions that expired
 * @param cancelled introductions withdrawn or cancelled
 * @param open introductions still waiting
 * @param averageTimeToConnect mean time from request to connection, or {@code null} when none connected
 * @param medianTimeToConnect median time from request to connection (the lower middle for an even count), or
 *     {@code null} when none connected
 */
public record FunnelCounts(
        long requested, long consented, long connected, long declined, long expired, long cancelled, long open,
        @Nullable Duration averageTimeToConnect, @Nullable Duration medianTimeToConnect) {

    /** The share of requests that connected, 0 to 1 (0 when nothing was requested). */
    public double connectionRate() {
        return requested == 0 ? 0 : (double) connected / requested;
    }
}
