package dev.ecosystem.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads a JSON document of named arrays of objects, such as {@code {"companies": [...], "contacts": [...]}}, into
 * {@link Row}s. Jackson's streaming parser does the syntax and tells the line of every field; this class checks
 * the shape and the field names.
 */
final class JsonRows {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();

    private JsonRows() {
    }

    /**
     * Reads the document; {@code arrays} names the top-level arrays (all optional) and the columns of their objects.
     * Returns the rows of each array by name. A syntax error stops the document where it is.
     */
    static Map<String, List<Row>> read(Reader reader, String source, Map<String, Columns> arrays, Problems problems) {
        Map<String, List<Row>> rows = new LinkedHashMap<>();
        arrays.keySet().forEach(name -> rows.put(name, new ArrayList<>()));
        String shape = "{" + String.join(", ", arrays.keySet().stream().map(name -> "\"" + name + "\": [...]")
                .toList()) + "}";
        try (JsonParser parser = FACTORY.createParser(reader)) {
            JsonToken token = parser.nextToken();
            if (token != JsonToken.START_OBJECT) {
                problems.add(source + Sources.line(parser.currentTokenLocation()) + ": must be a JSON object such as "
                        + shape + ", but " + (token == null ? "was empty" : "started with " + describe(parser)),
                        null);
                return rows;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                int line = line(parser);
                token = parser.nextToken();
                Columns columns = arrays.get(name);
                if (columns == null) {
                    problems.add(source + " line " + line + ", field " + name + ": unknown field; the fields are "
                            + String.join(", ", arrays.keySet()), null);
                    parser.skipChildren();
                } else if (token == JsonToken.START_ARRAY) {
                    readArray(parser, source, name, columns, Objects.requireNonNull(rows.get(name)), problems);
                } else if (token != JsonToken.VALUE_NULL) {
                    problems.add(source + " line " + line + ", field " + name + ": must be an array of objects, but "
                            + "was " + describe(parser), null);
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                problems.add(source + Sources.line(parser.currentTokenLocation())
                        + ": unexpected content after the end of the top-level object", null);
            }
        } catch (JsonProcessingException e) {
            problems.add(source + Sources.line(e.getLocation()) + ": malformed JSON: " + Sources.parserMessage(e),
                    e);
        } catch (IOException e) {
            throw Sources.unreadable(source, e);
        }
        return rows;
    }

    private static void readArray(JsonParser parser, String source, String array, Columns columns, List<Row> rows,
            Problems problems) throws IOException {
        Map<String, String> columnsByField = new HashMap<>();
        columns.names().forEach(column -> columnsByField.put(Columns.jsonName(column), column));
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.START_OBJECT) {
                problems.add(source + " line " + line(parser) + ", " + array + ": each element must be an object, "
                        + "but one was " + describe(parser), null);
                parser.skipChildren();
                continue;
            }
            int start = line(parser);
            Map<String, Value> values = new HashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                int line = line(parser);
                parser.nextToken();
                String column = columnsByField.get(field);
                if (column == null) {
                    problems.add(source + " line " + line + ", field " + field + ": unknown field; the fields of "
                            + array + " are " + columns.jsonList(), null);
                    parser.skipChildren();
                } else {
                    values.put(column, value(parser, line));
                }
            }
            rows.add(new JsonRow(source, start, values));
        }
    }

    /** A field's value: a String, a Boolean, a List of Strings, null, or an {@link Other}. */
    private record Value(int line, @Nullable Object value, String shown) {
    }

    /** A value of a type no column takes (a number, an object, an array with more than strings). */
    private record Other(String shown) {
    }

    private static Value value(JsonParser parser, int line) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            return new Value(line, parser.getText(), Checks.quote(parser.getText()));
        }
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
            return new Value(line, token == JsonToken.VALUE_TRUE, parser.getText());
        }
        if (token == JsonToken.VALUE_NULL) {
            return new Value(line, null, "null");
        }
        if (token == JsonToken.START_ARRAY) {
            List<String> texts = new ArrayList<>();
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token != JsonToken.VALUE_STRING) {
                    String shown = "an array containing " + describe(parser);
                    parser.skipChildren();
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        parser.skipChildren();
                    }
                    return new Value(line, new Other(shown), shown);
                }
                texts.add(parser.getText());
            }
            return new Value(line, List.copyOf(texts), "an array");
        }
        String shown = describe(parser);
        parser.skipChildren();
        return new Value(line, new Other(shown), shown);
    }

    private static String describe(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            return "nothing";
        }
        switch (token) {
            case START_OBJECT:
                return "an object";
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "the string " + Checks.quote(parser.getText());
            default:
                return parser.getText();
        }
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }

    /** One JSON object: values by column (CSV spelling), named by their JSON spelling in messages. */
    private static final class JsonRow implements Row {
        private final String source;
        private final int line;
        private final Map<String, Value> values;

        JsonRow(String source, int line, Map<String, Value> values) {
            this.source = source;
            this.line = line;
            this.values = Map.copyOf(values);
        }

        @Override
        public String source() {
            return source;
        }

        @Override
        public int line() {
            return line;
        }

        @Override
        public int line(String column) {
            Value value = values.get(column);
            return value == null ? line : value.line;
        }

        @Override
        public String label(String column) {
            return "field " + Columns.jsonName(column);
        }

        @Override
        public @Nullable String text(String column) {
            Value value = values.get(column);
            if (value == null || value.value == null) {
                return null;
            }
            if (!(value.value instanceof String)) {
                throw new ValidationException("must be a string, but was " + value.shown);
            }
            String text = ((String) value.value).strip();
            return text.isEmpty() ? null : text;
        }

        @Override
        public List<String> values(String column) {
            Value value = values.get(column);
            if (value == null || value.value == null) {
                return List.of();
            }
            if (!(value.value instanceof List<?>)) {
                throw new ValidationException("must be an array of strings such as [\"a\", \"b\"], but was "
                        + value.shown);
            }
            List<String> texts = new ArrayList<>();
            for (Object text : (List<?>) value.value) {
                String stripped = text.toString().strip();
                if (!stripped.isEmpty()) {
                    texts.add(stripped);
                }
            }
            return texts;
        }

        @Override
        public boolean flag(String column) {
            Value value = values.get(column);
            if (value == null || value.value == null) {
                return false;
            }
            if (!(value.value instanceof Boolean)) {
                throw new ValidationException("must be true or false, but was " + value.shown);
            }
            return (Boolean) value.value;
        }

        @Override
        public Map<String, String> extras() {
            return Map.of();
        }
    }
}
