package dev.ecosystem.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.ecosystem.internal.base.Checks;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a CSV file with a header line into {@link Row}s. Jackson does the CSV syntax (quoting, embedded line breaks,
 * line numbers); this class checks the header against the {@link Columns} and the width of every row.
 */
final class CsvRows {
    /** Separates the values of a multi-valued column. */
    static final String MULTI_SEPARATOR = "|";
    private static final Pattern MULTI = Pattern.compile(Pattern.quote(MULTI_SEPARATOR));

    // Without a schema, Jackson returns each record as an array of strings. The caller's reader stays open.
    private static final CsvFactory FACTORY = CsvFactory.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();

    private CsvRows() {
    }

    /**
     * Reads every row. A bad header stops the file (its rows cannot be read right); a syntax error stops it where it
     * is. Rows read up to there are returned either way, so that their problems are reported too.
     */
    static List<Row> read(Reader reader, String source, Columns columns, Problems problems) {
        List<Row> rows = new ArrayList<>();
        try (CsvParser parser = FACTORY.createParser(reader)) {
            Record first = parser.nextToken() == JsonToken.START_ARRAY ? next(parser) : null;
            if (first == null) {
                problems.add(source + " line 1: the file is empty, but must start with a header line such as \""
                        + String.join(",", columns.names()) + "\"", null);
                return rows;
            }
            Header header = header(first, source, columns, problems);
            if (header == null) {
                return rows;
            }
            Record record;
            while ((record = next(parser)) != null) {
                if (record.values.size() != header.names.size()) {
                    problems.add(source + " line " + record.line + ": has " + record.values.size()
                            + " values, but the header has " + header.names.size() + " columns", null);
                } else {
                    rows.add(new CsvRow(source, record.line, header, record.values));
                }
            }
        } catch (JsonProcessingException e) {
            problems.add(source + Sources.line(e.getLocation()) + ": malformed CSV: " + Sources.parserMessage(e),
                    e);
        } catch (IOException e) {
            throw Sources.unreadable(source, e);
        }
        return rows;
    }

    private record Record(int line, List<String> values) {
    }

    /** The next record, or null at the end. Its line is that of its first value, where Jackson saw it. */
    private static @Nullable Record next(CsvParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_ARRAY) {
            return null;
        }
        List<String> values = new ArrayList<>();
        int line = -1;
        while (parser.nextToken() == JsonToken.VALUE_STRING) {
            if (values.isEmpty()) {
                JsonLocation location = parser.currentTokenLocation();
                line = location.getLineNr();
            }
            values.add(parser.getText());
        }
        return new Record(line, values);
    }

    private record Header(List<String> names, Map<String, Integer> indexes, Columns columns) {
    }

    private static @Nullable Header header(Record record, String source, Columns columns, Problems problems) {
        List<String> names = new ArrayList<>();
        Map<String, Integer> indexes = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        List<String> repeated = new ArrayList<>();
        for (int i = 0; i < record.values.size(); i++) {
            String name = record.values.get(i).strip();
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1).strip(); // byte order mark, as spreadsheet programs write
            }
            if (name.isEmpty()) {
                problems.add(source + " line " + record.line + ": column " + (i + 1) + " of the header has no name",
                        null);
                return null;
            }
            if (indexes.putIfAbsent(name, i) != null) {
                repeated.add(Checks.quote(name));
            }
            if (!columns.names().contains(name)) {
                unknown.add(Checks.quote(name));
            }
            names.add(name);
        }
        List<String> missing = columns.names().stream()
                .filter(name -> columns.required().contains(name) && !indexes.containsKey(name))
                .map(Checks::quote)
                .toList();
        boolean ok = true;
        if (!repeated.isEmpty()) {
            problems.add(source + " line " + record.line + ": the header repeats " + String.join(", ", repeated)
                    + "; each column may appear once", null);
            ok = false;
        }
        if (!unknown.isEmpty() && !columns.extrasAllowed()) {
            problems.add(source + " line " + record.line + ": unknown column" + (unknown.size() == 1 ? " " : "s ")
                    + String.join(", ", unknown) + "; the columns are " + columns.list(), null);
            ok = false;
        }
        if (!missing.isEmpty()) {
            problems.add(source + " line " + record.line + ": missing required column"
                    + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing) + "; the columns are "
                    + columns.list() + " (required: " + String.join(", ", columns.names().stream()
                            .filter(columns.required()::contains).toList()) + ")", null);
            ok = false;
        }
        return ok ? new Header(List.copyOf(names), Map.copyOf(indexes), columns) : null;
    }

    /** One CSV record: a value per header column. */
    private static final class CsvRow implements Row {
        private final String source;
        private final int line;
        private final Header header;
        private final List<String> values;

        CsvRow(String source, int line, Header header, List<String> values) {
            this.source = source;
            this.line = line;
            this.header = header;
            this.values = List.copyOf(values);
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
            return line;
        }

        @Override
        public String label(String column) {
            return "column " + column;
        }

        @Override
        public @Nullable String text(String column) {
            Integer index = header.indexes.get(column);
            if (index == null) {
                return null;
            }
            String value = values.get(index).strip();
            return value.isEmpty() ? null : value;
        }

        @Override
        public List<String> values(String column) {
            String text = text(column);
            if (text == null) {
                return List.of();
            }
            List<String> values = new ArrayList<>();
            for (String value : MULTI.split(text, -1)) {
                if (!value.isBlank()) {
                    values.add(value.strip());
                }
            }
            return values;
        }

        @Override
        public boolean flag(String column) {
            String text = text(column);
            return text != null && Cells.bool(text);
        }

        @Override
        public Map<String, String> extras() {
            Map<String, String> extras = new LinkedHashMap<>();
            for (int i = 0; i < header.names.size(); i++) {
                String name = header.names.get(i);
                String value = values.get(i).strip();
                if (!header.columns.names().contains(name) && !value.isEmpty()) {
                    extras.put(name, value);
                }
            }
            return extras;
        }
    }
}
