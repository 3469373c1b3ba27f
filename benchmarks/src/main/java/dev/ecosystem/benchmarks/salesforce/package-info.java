/**
 * Salesforce benchmarks: a full sync of accounts from recorded Bulk API 2.0 CSV pages through sdk-salesforce's
 * reader, against a plain {@code String.split} loop and Jackson's {@code CsvMapper} in the same run, and the heap
 * retained per mapped account.
 */
@NullMarked
package dev.ecosystem.benchmarks.salesforce;

import org.jspecify.annotations.NullMarked;
