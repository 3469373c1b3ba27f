package dev.ecosystem.benchmarks.overlap;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * One pair of CRM account records of the labeled set ({@code labeled-pairs.csv} beside this class, rules in
 * {@code labeled-pairs.md}), and reading and writing the set as CSV (Jackson).
 *
 * @param category what the pair exercises (see the rules)
 * @param same whether the two records are the same company, by the labeling rules
 * @param nameA the first record's company name
 * @param domainA the first record's domain field as typed (empty: none)
 * @param nameB the second record's company name
 * @param domainB the second record's domain field
 * @param note how the pair was made
 */
@JsonPropertyOrder({"category", "same", "nameA", "domainA", "nameB", "domainB", "note"})
public record LabeledPair(String category, boolean same, String nameA, String domainA, String nameB, String domainB,
        String note) {
    /** The resource the set is shipped as. */
    public static final String RESOURCE = "labeled-pairs.csv";
    private static final CsvMapper CSV = new CsvMapper();
    private static final CsvSchema SCHEMA = CSV.schemaFor(LabeledPair.class).withHeader();

    /** The shipped labeled set. */
    public static List<LabeledPair> load() {
        try (InputStream in = LabeledPair.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing beside " + LabeledPair.class.getName());
            }
            try (MappingIterator<LabeledPair> rows = CSV.readerFor(LabeledPair.class).with(SCHEMA).readValues(in)) {
                return rows.readAll();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RESOURCE, e);
        }
    }

    /** Writes pairs as the set's CSV. */
    public static void write(List<LabeledPair> pairs, Writer out) throws IOException {
        CSV.writerFor(LabeledPair.class).with(SCHEMA).writeValues(out).writeAll(pairs).close();
    }
}
