package dev.ecosystem.salesforce;

import java.util.function.Consumer;

/**
 * Reads every row of one SOQL query during a full sync: the seam where a large object switches from REST to the Bulk
 * API 2.0. {@link SalesforceCrm#readAll} counts each object first ({@code SELECT COUNT() FROM ...}); up to the
 * builder's {@code bulkThreshold} it reads through {@link RestFullReader} (REST query, following
 * {@code nextRecordsUrl}), above it through the reader given to the builder for large objects (the Bulk API 2.0 query
 * job reader), or through REST again when none was given.
 *
 * <p>Rows go to {@link RecordMapping}, which maps a REST record and a Bulk CSV row alike, since both hand their values
 * over by field name.
 */
@FunctionalInterface
interface FullReader {
    /**
     * Reads every row of {@code soql}, each exactly once, in the order the reader gets them.
     *
     * @param object the sObject the query reads, for errors ({@code Account})
     * @param soql the query, without {@code LIMIT}
     * @param sessions the org's sessions: call {@link RestTransport.Sessions#session()} before each request (it
     *     renews as needed) and {@link RestTransport.Sessions#invalidate} with a session Salesforce refused
     * @param rows receives every row; a row's view may be reused after the call returns
     * @throws dev.ecosystem.error.EcosystemException when the read fails; rows handed over before stay handed over
     */
    void read(String object, String soql, RestTransport.Sessions sessions, Consumer<RecordMapping.Fields> rows);
}
