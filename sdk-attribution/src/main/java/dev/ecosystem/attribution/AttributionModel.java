package dev.ecosystem.attribution;

import dev.ecosystem.ValidationException;
import dev.ecosystem.internal.Checks;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a deal's amount is shared among the partners that touched it. Every model is a pure function of the ledger
 * and the deals; a touch counts for a deal when it names the deal (or, naming only an account, one of the deal's
 * accounts) and happened no earlier than the lookback before the deal was created and no later than its close date.
 *
 * <ul>
 *   <li>{@link #sourced()}: partners that sourced the deal share it equally: a {@code SOURCED_REFERRAL} touch, or
 *       an {@code INTRODUCTION} touch whose introduction connected no later than the deal was created.</li>
 *   <li>{@link #influenced()}: partners that touched the deal while it was open share it equally; an introduction
 *       that connected after the deal was created counts here (and not as sourced).</li>
 *   <li>{@link #firstTouch()}, {@link #lastTouch()}: the earliest or latest touch takes it all.</li>
 *   <li>{@link #linear()}: every touch weighs the same.</li>
 *   <li>{@link #timeDecay(Duration)}: a touch weighs half as much per half-life before the deal's last touch.</li>
 *   <li>{@link #positionBased(double, double)}: the first and last touch get fixed shares, the touches between
 *       share the rest.</li>
 * </ul>
 * Touches at the same instant are ordered by touchpoint id. Instances are immutable values.
 */
public final class AttributionModel {

    /** The model family, for the engine. */
    enum Kind { SOURCED, INFLUENCED, FIRST_TOUCH, LAST_TOUCH, LINEAR, TIME_DECAY, POSITION_BASED }

    private final Kind kind;
    private final long halfLifeSeconds;
    private final double first;
    private final double last;

    private AttributionModel(Kind kind, long halfLifeSeconds, double first, double last) {
        this.kind = kind;
        this.halfLifeSeconds = halfLifeSeconds;
        this.first = first;
        this.last = last;
    }

    /**
     * Partners that sourced the opportunity share the deal equally. A touch sources the deal when it is a
     * {@code SOURCED_REFERRAL}, or an {@code INTRODUCTION} that connected at or before the deal's creation
     * ({@code occurredAt <= createdAt}): the partner brought the buyer before the opportunity existed. An
     * introduction that connected later only {@linkplain #influenced() influenced} the deal. Like every touch, it
     * must also fall within the lookback before the deal's creation.
     */
    public static AttributionModel sourced() {
        return new AttributionModel(Kind.SOURCED, 0, 0, 0);
    }

    /**
     * Partners with any touch between the deal's creation and close share the deal equally; an introduction that
     * connected after the deal was created counts here.
     */
    public static AttributionModel influenced() {
        return new AttributionModel(Kind.INFLUENCED, 0, 0, 0);
    }

    /** The partner of the earliest touch gets the whole deal. */
    public static AttributionModel firstTouch() {
        return new AttributionModel(Kind.FIRST_TOUCH, 0, 0, 0);
    }

    /** The partner of the latest touch gets the whole deal. */
    public static AttributionModel lastTouch() {
        return new AttributionModel(Kind.LAST_TOUCH, 0, 0, 0);
    }

    /** Every touch weighs the same; a partner's share is its number of touches over all touches. */
    public static AttributionModel linear() {
        return new AttributionModel(Kind.LINEAR, 0, 0, 0);
    }

    /**
     * A touch weighs {@code 2^(-age / halfLife)}, its age measured back from the deal's latest touch.
     *
     * @param halfLife at least one second
     */
    public static AttributionModel timeDecay(Duration halfLife) {
        Checks.required(halfLife, "halfLife");
        if (halfLife.getSeconds() < 1) {
            throw new ValidationException("halfLife must be at least 1 second, but was " + halfLife);
        }
        return new AttributionModel(Kind.TIME_DECAY, halfLife.getSeconds(), 0, 0);
    }

    /**
     * The first touch gets {@code first}, the last touch {@code last} and the touches between share the rest
     * equally ({@code positionBased(0.4, 0.4)} is the usual U shape). With two touches they split in the ratio
     * {@code first : last}; a single touch gets everything.
     *
     * @param first the first touch's share, 0 to 1
     * @param last the last touch's share, 0 to 1; {@code first + last} at most 1 and above 0
     */
    public static AttributionModel positionBased(double first, double last) {
        if (!(first >= 0 && first <= 1) || !(last >= 0 && last <= 1) || first + last > 1 || first + last <= 0) {
            throw new ValidationException("positionBased shares must each be between 0 and 1 with a sum above 0 "
                    + "and at most 1, but were first=" + first + ", last=" + last);
        }
        return new AttributionModel(Kind.POSITION_BASED, 0, first, last);
    }

    /** The seven models with the usual parameters: time decay with a 7-day half-life, position based 40/40. */
    public static List<AttributionModel> all() {
        return List.of(sourced(), influenced(), firstTouch(), lastTouch(), linear(),
                timeDecay(Duration.ofDays(7)), positionBased(0.4, 0.4));
    }

    Kind kind() {
        return kind;
    }

    long halfLifeSeconds() {
        return halfLifeSeconds;
    }

    double first() {
        return first;
    }

    double last() {
        return last;
    }

    /** The model's name with its parameters, such as {@code time-decay(P7D)}. */
    public String name() {
        return switch (kind) {
            case SOURCED -> "sourced";
            case INFLUENCED -> "influenced";
            case FIRST_TOUCH -> "first-touch";
            case LAST_TOUCH -> "last-touch";
            case LINEAR -> "linear";
            case TIME_DECAY -> "time-decay(" + Duration.ofSeconds(halfLifeSeconds) + ")";
            case POSITION_BASED -> "position-based(" + first + "," + last + ")";
        };
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AttributionModel m && m.kind == kind && m.halfLifeSeconds == halfLifeSeconds
                && Double.compare(m.first, first) == 0 && Double.compare(m.last, last) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, halfLifeSeconds, first, last);
    }

    @Override
    public String toString() {
        return name();
    }
}
