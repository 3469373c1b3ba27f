package dev.ecosystem.salesforce;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads one page of Bulk API 2.0 query results (RFC 4180 CSV in UTF-8 with a header row) row by row with Jackson's
 * streaming {@link CsvParser}, at token level: no schema, no map per row, one reused {@link BulkRow} view.
 *
 * <p>Quoted values may hold commas, line breaks and doubled quotes; an empty unquoted value is Salesforce's null
 * ({@link CsvParser.Feature#EMPTY_UNQUOTED_STRING_AS_NULL}). A row with more values than the header is not what
 * Salesforce sends and fails with a {@link JsonParseException} (a parse error, as the parser's own); a row with fewer
 * reads the missing columns as null.
 *
 * <pre>{@code
 * try (BulkCsvRows rows = BulkCsvRows.open(body.byteStream())) {
 *     while (rows.next()) {
 *         String id = rows.row().get(0);
 *     }
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one reader per page.
 */
final class BulkCsvRows implements Closeable {
    /** Shared: a Jackson factory is thread-safe once configured. */
    private static final CsvFactory FACTORY = CsvFactory.builder()
            .enable(CsvParser.Feature.EMPTY_UNQUOTED_STRING_AS_NULL)
            .build();
    private static final BulkRow.Header NO_COLUMNS = new BulkRow.Header(List.of());

    private final CsvParser parser;
    private final BulkRow row;
    private long rows;

    private BulkCsvRows(CsvParser parser, BulkRow.Header header) {
        this.parser = parser;
        this.row = new BulkRow(header);
    }

    /**
     * Starts reading {@code csv} (UTF-8 bytes) and reads its header row; an empty input has no columns and no rows.
     * Closing the reader closes the stream.
     *
     * @throws IOException when the stream fails or the header is not CSV
     */
    static BulkCsvRows open(InputStream csv) throws IOException {
        CsvParser parser = FACTORY.createParser(csv);
        try {
            List<String> names = readHeader(parser);
            return new BulkCsvRows(parser, names == null ? NO_COLUMNS : new BulkRow.Header(names));
        } catch (IOException | RuntimeException e) {
            parser.close();
            throw e;
        }
    }

    /** The page's header. */
    BulkRow.Header header() {
        return row.header();
    }

    /**
     * Moves to the next row.
     *
     * @return {@code false} at the end of the page
     * @throws IOException when the stream fails or the CSV is malformed
     */
    boolean next() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            return false;
        }
        if (token != JsonToken.START_ARRAY) {
            throw new JsonParseException(parser, "expected a CSV row, but got " + token);
        }
        row.start(++rows);
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new JsonParseException(parser, "CSV ended inside row " + rows);
            }
            if (!row.add(token == JsonToken.VALUE_NULL ? null : parser.getText())) {
                throw new JsonParseException(parser, "row " + rows + " has more values than the header's "
                        + row.columns() + " columns");
            }
        }
        row.finish();
        return true;
    }

    /** The current row; the same view for every row, valid until the next call to {@link #next()}. */
    BulkRow row() {
        return row;
    }

    /** How many rows {@link #next()} has read so far. */
    long rowsRead() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private static @Nullable List<String> readHeader(CsvParser parser) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            return null;
        }
        if (token != JsonToken.START_ARRAY) {
            throw new JsonParseException(parser, "expected the CSV header row, but got " + token);
        }
        List<String> names = new ArrayList<>();
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new JsonParseException(parser, "CSV ended inside the header row");
            }
            String name = token == JsonToken.VALUE_NULL ? "" : parser.getText();
            names.add(name);
        }
        return names;
    }
}
