package dev.ecosystem.io;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Reads the columns of one {@link Row} into typed values, turning every failure into a located problem instead of
 * stopping at it, so one pass reports every bad column. Once a column failed, {@link #build} builds nothing.
 */
final class Cells {
    private final Row row;
    private final Problems problems;
    private boolean failed;

    Cells(Row row, Problems problems) {
        this.row = row;
        this.problems = problems;
    }

    /** The value parsed by {@code parse}; an empty value is a problem. Returns null when there was one. */
    <T> @Nullable T required(String column, Function<String, T> parse) {
        return read(column, () -> {
            String text = row.text(column);
            if (text == null) {
                throw new ValidationException("a value is required, but was empty");
            }
            return parse.apply(text);
        });
    }

    /** The value parsed by {@code parse}, or null when empty (or when it failed). */
    <T> @Nullable T optional(String column, Function<String, T> parse) {
        return read(column, () -> {
            String text = row.text(column);
            return text == null ? null : parse.apply(text);
        });
    }

    /** The text, or null when empty. */
    @Nullable String optional(String column) {
        return read(column, () -> row.text(column));
    }

    /** The text, or the empty string, for the model to judge. */
    String text(String column) {
        String text = optional(column);
        return text == null ? "" : text;
    }

    /** Each value of a multi-valued column parsed by {@code parse}; empty when it failed. */
    <T> List<T> values(String column, Function<String, T> parse) {
        List<T> values = read(column, () -> {
            List<T> parsed = new ArrayList<>();
            for (String value : row.values(column)) {
                parsed.add(parse.apply(value));
            }
            return parsed;
        });
        return values == null ? List.of() : values;
    }

    /** The flag; false when empty or when it failed. */
    boolean flag(String column) {
        return Boolean.TRUE.equals(read(column, () -> row.flag(column)));
    }

    /** Columns the file kind does not define, with their values. */
    Map<String, String> extras() {
        return row.extras();
    }

    /** Records a problem with a column found by the caller. */
    void fail(String column, String message) {
        failed = true;
        problems.at(row, column, new ValidationException(message));
    }

    /** Whether a column failed. */
    boolean failed() {
        return failed;
    }

    /**
     * Builds the record unless a column failed. The record's constructor checks the rest; its messages start with the
     * model's field name, which {@code columnsByField} maps back to a column (for instance {@code "company name"} to
     * {@code name}); a message that starts with none of them is reported for the whole row.
     */
    <T> @Nullable T build(Supplier<T> build, Map<String, String> columnsByField) {
        if (failed) {
            return null;
        }
        try {
            return build.get();
        } catch (ValidationException e) {
            failed = true;
            String message = String.valueOf(e.getMessage());
            String column = columnsByField.entrySet().stream()
                    .filter(entry -> message.startsWith(entry.getKey() + " "))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
            if (column == null) {
                problems.at(row, e);
            } else {
                problems.at(row, column, e);
            }
            return null;
        }
    }

    private <T> @Nullable T read(String column, Supplier<@Nullable T> read) {
        try {
            return read.get();
        } catch (ValidationException e) {
            failed = true;
            problems.at(row, column, e);
            return null;
        }
    }

    // Parsers for values the model has no parser for. Their messages leave out the column: the location names it.

    /** An enum constant by name, in any case. */
    static <E extends Enum<E>> E constant(String text, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text)) {
                return constant;
            }
        }
        throw new ValidationException("must be one of " + Arrays.toString(type.getEnumConstants())
                .replace("[", "").replace("]", "") + " (in any case), but was " + Checks.quote(text));
    }

    /** {@code true} or {@code false}, in any case. */
    static boolean bool(String text) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw new ValidationException("must be true or false (empty means false), but was "
                        + Checks.quote(text));
        }
    }

    /** An ISO-8601 instant such as {@code 2025-03-01T09:30:00Z}; an offset instead of {@code Z} is allowed. */
    static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ValidationException("must be an ISO-8601 instant such as 2025-03-01T09:30:00Z, but was "
                    + Checks.quote(text), e);
        }
    }

    /** An ISO-8601 date such as {@code 2025-03-31}. */
    static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new ValidationException("must be an ISO-8601 date such as 2025-03-31, but was "
                    + Checks.quote(text), e);
        }
    }

    /** A plain decimal number such as {@code 1200.50}. */
    static BigDecimal decimal(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new ValidationException("must be a decimal number such as 1200.50, but was " + Checks.quote(text),
                    e);
        }
    }
}
