package dev.ecosystem.internal.base;

import dev.ecosystem.error.ValidationException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Argument checks that fail with a {@link ValidationException} naming the field and the value. */
public final class Checks {
    private Checks() {
    }

    /** Returns {@code value}, or fails with "{field} is required" when it is null. */
    public static <T> T required(@Nullable T value, String field) {
        if (value == null) {
            throw new ValidationException(field + " is required, but was null");
        }
        return value;
    }

    /** Returns the trimmed text, or fails when it is null, blank or longer than {@code maxLength}. */
    public static String text(@Nullable String value, String field, int maxLength) {
        String trimmed = required(value, field).strip();
        if (trimmed.isEmpty()) {
            throw new ValidationException(field + " must not be blank, but was \"" + value + "\"");
        }
        if (trimmed.length() > maxLength) {
            throw new ValidationException(field + " must be at most " + maxLength + " characters, but was "
                    + trimmed.length());
        }
        return trimmed;
    }

    /** Like {@link #text} and also refuses control characters (CR, LF, NUL...), which must never reach a header. */
    public static String singleLine(@Nullable String value, String field, int maxLength) {
        String text = text(value, field, maxLength);
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                throw new ValidationException(field + " must not contain control characters (such as CR or LF), "
                        + "but had one at index " + i + " in " + quote(text));
            }
        }
        return text;
    }

    /**
     * Parses a decimal number, failing with the field, the value and an example of what is allowed:
     * {@code "amount must be a decimal number such as 1200.50, but was \"12,5\""}.
     */
    public static BigDecimal decimal(@Nullable String value, String field, String example) {
        String text = required(value, field);
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException(field + " must be a decimal number such as " + example + ", but was "
                    + quote(value), e);
        }
    }

    /** Fails unless {@code min <= value <= max}. */
    public static int range(int value, int min, int max, String field) {
        if (value < min || value > max) {
            throw new ValidationException(field + " must be between " + min + " and " + max + ", but was " + value);
        }
        return value;
    }

    /** Fails unless {@code value >= 0}. */
    public static long nonNegative(long value, String field) {
        if (value < 0) {
            throw new ValidationException(field + " must not be negative, but was " + value);
        }
        return value;
    }

    /**
     * An unmodifiable copy of the list; fails if the list or any of its elements is null. One pass: the copy itself
     * finds a null element (what a separate check per element cost was a few percent of a Navigator search, which
     * builds a score's lists for every match).
     */
    public static <T> List<T> copyNoNulls(@Nullable List<T> values, String field) {
        required(values, field);
        try {
            return List.copyOf(values);
        } catch (NullPointerException e) {
            throw new ValidationException(field + " must not contain null elements", e);
        }
    }

    /** Fails if the collection or any of its elements is null. */
    public static <C extends Collection<?>> C noNulls(@Nullable C values, String field) {
        C checked = required(values, field);
        // A loop, not a stream: this runs for every list of every record a store reads in bulk.
        for (Object value : checked) {
            if (value == null) {
                throw new ValidationException(field + " must not contain null elements");
            }
        }
        return checked;
    }

    /**
     * Returns {@code values}, or fails when it has not one element per element of {@code others} (as a list of
     * match keys per account must).
     */
    public static <C extends Collection<?>> C sameSize(C values, String field, Collection<?> others,
            String othersField) {
        if (values.size() != others.size()) {
            throw new ValidationException(field + " must have one element per element of " + othersField
                    + ", but had " + values.size() + " for " + others.size());
        }
        return values;
    }

    /** Returns {@code value}, or fails when it is null, zero or negative. */
    public static Duration positive(@Nullable Duration value, String field) {
        Duration duration = required(value, field);
        if (duration.isNegative() || duration.isZero()) {
            throw new ValidationException(field + " must be positive, but was " + value);
        }
        return duration;
    }

    /**
     * Returns the URL of a host's page that links point to, or fails when it is not an absolute http(s) URL without
     * a fragment; {@code example} is shown in the message.
     */
    public static String pageUrl(@Nullable String value, String field, String example) {
        String text = singleLine(value, field, 1000);
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null
                    && uri.getFragment() == null) {
                return text;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new ValidationException(field + " must be an absolute http(s) URL without a fragment, such as "
                + example + ", but was " + quote(value));
    }

    /** Quotes a value for an error message, shortening long ones. */
    public static String quote(@Nullable Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        return "\"" + (text.length() > 80 ? text.substring(0, 77) + "..." : text) + "\"";
    }
}
