package dev.ecosystem.model;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
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

    /** The model family; the parameters that matter depend on it. */
    public enum Kind {
        /** Partners that sourced the deal share it equally. */
        SOURCED,
        /** Partners that touched the open deal share it equally. */
        INFLUENCED,
        /** The earliest touch takes it all. */
        FIRST_TOUCH,
        /** The latest touch takes it all. */
        LAST_TOUCH,
        /** Every touch weighs the same. */
        LINEAR,
        /** A touch weighs half as much per {@linkplain #halfLifeSeconds() half-life}. */
        TIME_DECAY,
        /** The {@linkplain #first() first} and {@linkplain #last() last} touch get fixed shares. */
        POSITION_BASED
    }

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

    /** The model family. */
    public Kind kind() {
        return kind;
    }

    /** The half-life of {@link Kind#TIME_DECAY} in seconds; 0 for the other families. */
    public long halfLifeSeconds() {
        return halfLifeSeconds;
    }

    /** The first touch's share for {@link Kind#POSITION_BASED}; 0 for the other families. */
    public double first() {
        return first;
    }

    /** The last touch's share for {@link Kind#POSITION_BASED}; 0 for the other families. */
    public double last() {
        return last;
    }

    /**
     * The model a {@link #name()} names, for stores that keep models as text: {@code parse(m.name()).equals(m)}.
     *
     * @throws ValidationException when the text names no model
     */
    public static AttributionModel parse(String name) {
        Checks.required(name, "model name");
        String text = name.strip();
        try {
            if (text.startsWith("time-decay(") && text.endsWith(")")) {
                return timeDecay(Duration.parse(text.substring("time-decay(".length(), text.length() - 1)));
            }
            if (text.startsWith("position-based(") && text.endsWith(")")) {
                String[] shares = text.substring("position-based(".length(), text.length() - 1).split(",", -1);
                if (shares.length == 2) {
                    return positionBased(Double.parseDouble(shares[0]), Double.parseDouble(shares[1]));
                }
            }
        } catch (RuntimeException e) {
            throw new ValidationException(unknownModel(text), e);
        }
        return switch (text) {
            case "sourced" -> sourced();
            case "influenced" -> influenced();
            case "first-touch" -> firstTouch();
            case "last-touch" -> lastTouch();
            case "linear" -> linear();
            default -> throw new ValidationException(unknownModel(text));
        };
    }

    private static String unknownModel(String text) {
        return "model name must be one of sourced, influenced, first-touch, last-touch, linear, "
                + "time-decay(<ISO-8601 duration>) or position-based(<first>,<last>), but was " + Checks.quote(text);
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
