package dev.ecosystem.salesforce;

import java.util.function.Consumer;

/**
 * The REST side of the {@link FullReader} seam: one SOQL query, its batches (up to 2,000 rows each) followed by
 * {@code nextRecordsUrl} until {@code done}. Each batch costs one API request, so a large object is better read by the
 * Bulk API 2.0 reader, which the builder plugs in for objects past its threshold.
 */
final class RestFullReader implements FullReader {
    private final Org org;

    RestFullReader(Org org) {
        this.org = org;
    }

    /** {@inheritDoc} Sessions come from the org's own transport, which renews them; {@code sessions} is the same. */
    @Override
    public void read(String object, String soql, RestTransport.Sessions sessions,
            Consumer<RecordMapping.Fields> rows) {
        org.query(object, soql, false, record -> rows.accept(Org.fields(record)));
    }
}
