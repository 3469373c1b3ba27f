package dev.ecosystem.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.model.EmailMessage;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How values that are not plain text are kept in columns: instants as nanoseconds since the epoch, collections and
 * the email message as JSON text.
 */
final class Columns {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private Columns() {
    }

    /** Nanoseconds since the epoch; exact, for instants between the years 1677 and 2262. */
    static long nanos(Instant instant, String field) {
        try {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS_PER_SECOND), instant.getNano());
        } catch (ArithmeticException e) {
            throw new ValidationException(field + " must be between 1677-09-21 and 2262-04-11 to be stored, but was "
                    + instant, e);
        }
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
    }

    static void setNanos(PreparedStatement statement, int index, @Nullable Instant instant, String field)
            throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, nanos(instant, field));
        }
    }

    static @Nullable Instant getInstant(ResultSet row, String column) throws SQLException {
        long nanos = row.getLong(column);
        return row.wasNull() ? null : instant(nanos);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * The strings of a JSON array written by {@link #json}, unmodifiable. Arrays without escapes (tags, ids and the
     * like) are split directly, many times faster than a JSON parser; the rest are parsed.
     */
    static List<String> strings(String json) {
        int last = json.length() - 1;
        if (json.indexOf('\\') >= 0 || last < 1 || json.charAt(0) != '[' || json.charAt(last) != ']') {
            return List.copyOf(read(json, STRINGS));
        }
        if (last == 1) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        int at = 1;
        while (at < last) {
            // Without escapes, a value is every character between a quote and the next one.
            int end = json.indexOf('"', at + 1);
            if (json.charAt(at) != '"' || end < 0 || end >= last) {
                return List.copyOf(read(json, STRINGS));
            }
            values.add(json.substring(at + 1, end));
            at = end + 1;
            if (at < last && json.charAt(at++) != ',') {
                return List.copyOf(read(json, STRINGS));
            }
        }
        return List.copyOf(values);
    }

    /** The map of a JSON object written by {@link #json}. */
    static Map<String, String> stringMap(String json) {
        return read(json, STRING_MAP);
    }

    static EmailMessage message(String json) {
        return record(json, EmailMessage.class);
    }

    /** A record (with nested records, lists and instants) from the JSON {@link #json} wrote for it. */
    static <T> T record(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored " + type.getSimpleName() + " is not the JSON this store wrote",
                    e);
        }
    }

    /** The JSON tree of text {@link #json} wrote. */
    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored column is not the JSON this store wrote", e);
        }
    }

    /** Each element's text, for a JSON array. */
    static String jsonStrings(Collection<?> values) {
        return json(values.stream().map(Object::toString).toList());
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored column is not the JSON this store wrote", e);
        }
    }
}
