package dev.ecosystem.salesforce;

/**
 * Receives the rows of a Bulk API 2.0 query, page by page, as {@link BulkQuery} streams them: every row exactly once
 * and in order, even when a page had to be read again after a failure.
 *
 * <p>An exception thrown here stops the query (the job is still deleted) and reaches the caller unchanged; it is
 * never retried.
 */
@FunctionalInterface
interface BulkRowSink {
    /**
     * One row. The view is reused for the next row: copy out what you keep.
     *
     * @param row the current row
     */
    void row(BulkRow row);

    /**
     * A page has been read completely; every row of it has gone to {@link #row}. A place to flush a batch.
     *
     * @param page the page's number, from 1
     * @param rows the rows of that page
     */
    default void pageEnd(int page, long rows) {
    }
}
