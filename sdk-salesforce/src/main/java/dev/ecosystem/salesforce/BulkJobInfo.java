package dev.ecosystem.salesforce;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * The fields of a Bulk API 2.0 query job's info (the body of job creation and of every poll) that the reader uses;
 * the others ({@code createdById}, {@code concurrencyMode}, {@code lineEnding}, ...) are ignored.
 *
 * @param id the job id ({@code 750...})
 * @param operation {@code query} or {@code queryAll}
 * @param object the queried object, such as {@code Account}
 * @param state the job's state as Salesforce spells it
 * @param numberRecordsProcessed how many records the job has found so far, if reported
 * @param errorMessage why the job failed, on {@code Failed} jobs
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record BulkJobInfo(@Nullable String id, @Nullable String operation, @Nullable String object,
        @Nullable String state, @Nullable Long numberRecordsProcessed, @Nullable String errorMessage) {

    /** The parsed state. */
    BulkJobState jobState() {
        return BulkJobState.of(state);
    }
}
