package dev.ecosystem.salesforce;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The states of a Bulk API 2.0 query job, as {@code GET /services/data/vXX.X/jobs/query/{id}} reports them. A
 * query job starts in {@code UploadComplete} (queued), runs in {@code InProgress} and ends in one of the three
 * terminal states; {@code Open} belongs to ingest jobs and is listed so that a poll never fails on it.
 */
enum BulkJobState {
    OPEN("Open"),
    UPLOAD_COMPLETE("UploadComplete"),
    IN_PROGRESS("InProgress"),
    JOB_COMPLETE("JobComplete"),
    FAILED("Failed"),
    ABORTED("Aborted"),
    /** A state this SDK does not know (one Salesforce may add): polled like a running job. */
    UNKNOWN("?");

    private final String wire;

    BulkJobState(String wire) {
        this.wire = wire;
    }

    /** The state as Salesforce spells it. */
    String wire() {
        return wire;
    }

    /** Whether the job has stopped: results can be read ({@link #JOB_COMPLETE}) or never will be. */
    boolean terminal() {
        return this == JOB_COMPLETE || this == FAILED || this == ABORTED;
    }

    /** The state for Salesforce's spelling; {@link #UNKNOWN} for anything else, including null. */
    static BulkJobState of(@Nullable String wire) {
        if (wire != null) {
            for (BulkJobState state : values()) {
                if (state.wire.toLowerCase(Locale.ROOT).equals(wire.strip().toLowerCase(Locale.ROOT))) {
                    return state;
                }
            }
        }
        return UNKNOWN;
    }
}
