package dev.ecosystem.attribution;

import dev.ecosystem.internal.Checks;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How a partner's introductions went in a period, as the host counts them from its introductions: requested, then
 * consented by both sides, then connected; or declined, or expired.
 *
 * @param requested introductions asked for
 * @param consented introductions every side agreed to
 * @param connected introductions whose joint email went out
 * @param declined introductions a side declined
 * @param expired introductions that timed out
 * @param medianTimeToConnect the median time from request to connection, or {@code null} when none connected
 */
public record IntroFunnel(
        long requested, long consented, long connected, long declined, long expired,
        @Nullable Duration medianTimeToConnect) {

    /** Validates that the counts are not negative and narrow in order: requested, consented, connected. */
    public IntroFunnel {
        Checks.nonNegative(requested, "funnel requested");
        Checks.nonNegative(consented, "funnel consented");
        Checks.nonNegative(connected, "funnel connected");
        Checks.nonNegative(declined, "funnel declined");
        Checks.nonNegative(expired, "funnel expired");
        if (consented > requested || connected > consented) {
            throw new dev.ecosystem.ValidationException("funnel must narrow: requested >= consented >= connected, "
                    + "but was " + requested + ", " + consented + ", " + connected);
        }
        if (medianTimeToConnect != null && medianTimeToConnect.isNegative()) {
            throw new dev.ecosystem.ValidationException("funnel medianTimeToConnect must not be negative, but was "
                    + medianTimeToConnect);
        }
    }

    /** A funnel with no introductions. */
    public static IntroFunnel empty() {
        return new IntroFunnel(0, 0, 0, 0, 0, null);
    }
}
