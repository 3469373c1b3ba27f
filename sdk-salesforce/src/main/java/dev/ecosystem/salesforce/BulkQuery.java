package dev.ecosystem.salesforce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecosystem.http.Sleeper;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.spi.ProviderException;
import dev.ecosystem.spi.QuotaExhaustedException;
import io.github.resilience4j.core.IntervalFunction;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one Bulk API 2.0 query job from start to end and streams its rows: creates the job
 * ({@code POST /services/data/vXX.X/jobs/query}), polls it with backoff until {@code JobComplete}, reads the CSV
 * result pages by locator ({@code GET .../jobs/query/{id}/results?locator=...&maxRecords=...}) into a
 * {@link BulkRowSink}, and deletes the job, also after a failure (aborting it first when it may still run).
 *
 * <p>Only one page is in flight at a time and rows go to the sink as they are parsed, so memory does not grow with
 * the result. When a page fails part way (a reset connection, fewer rows than its {@code Sforce-NumberOfRecords}),
 * it is read again by the same locator (Salesforce keeps a locator's rows while the job exists) and the rows the sink
 * already had are skipped, the last of them checked to be the same row: no row is lost or given twice.
 *
 * <p>Failures: 5xx, timeouts and resets, {@code UNABLE_TO_LOCK_ROW}, {@code SERVER_UNAVAILABLE}, the concurrent
 * long-running request limit ({@code REQUEST_LIMIT_EXCEEDED} about {@code ConcurrentPerOrgLongTxn}) and 429 are
 * retried with jittered exponential backoff, up to {@link Settings#maxAttempts()} attempts per call. The daily API
 * limit ({@code REQUEST_LIMIT_EXCEEDED} otherwise) is a {@link QuotaExhaustedException} at once, as is a 429 that
 * outlasts the attempts. Everything else is a {@link ProviderException} naming the object, the SOQL, the job, the
 * status and Salesforce's {@code errorCode}.
 *
 * <p>Sessions: the session supplier is asked once when a job starts and once more after a 401 (Salesforce's
 * {@code INVALID_SESSION_ID}, an expired access token), at most once per HTTP call. Contract: a call to
 * {@link Supplier#get()} after a 401 returns a refreshed session (a new access token, and the instance URL of the
 * token response), not the cached one that was refused; a supplier whose grant was revoked throws
 * {@link dev.ecosystem.spi.ReauthorizationRequiredException}, which reaches the caller unchanged.
 *
 * <p>Compression: no {@code Accept-Encoding} header is set here, so OkHttp asks for gzip itself and unpacks the
 * response transparently (setting the header by hand would turn that off).
 *
 * <p>Job creation is not idempotent: when its answer is lost (a reset, a timeout) it is sent again, and the job the
 * first request may have created is left to Salesforce, which deletes jobs after seven days. Org-wide limits
 * ({@code Sforce-Limit-Info} on every response) are for the caller to watch, for example with a network interceptor
 * on the {@link OkHttpClient} it passes in.
 *
 * <p>Provider facts relied on (Bulk API 2.0 Developer Guide, "Get Results for a Query Job",
 * https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/query_get_job_results.htm): results
 * are read with the API version that created the job (409 otherwise); a locator's results can be read again as long
 * as the job exists; {@code Sforce-Locator} is the string {@code null} on the last page; the job must be
 * {@code JobComplete} before its results are read. Job states and bodies: "Get Information About a Query Job" and
 * "Create a Query Job" of the same guide.
 *
 * <p>Thread-safe: each {@link #run} keeps its state to itself. Waits go through the injected {@link Sleeper} and
 * deadlines through the injected {@link Clock}, so tests never sleep.
 */
final class BulkQuery {
    static final String PROVIDER = "salesforce";
    static final String LOCATOR_HEADER = "Sforce-Locator";
    static final String RECORDS_HEADER = "Sforce-NumberOfRecords";

    private static final Logger LOG = LoggerFactory.getLogger(BulkQuery.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=UTF-8");
    private static final Pattern API_VERSION = Pattern.compile("(\\d{2,3})\\.\\d");
    /** Bulk API 2.0 query jobs exist from this API version on. */
    private static final int FIRST_BULK_QUERY_VERSION = 47;
    private static final Set<String> TRANSIENT_CODES = Set.of("UNABLE_TO_LOCK_ROW", "SERVER_UNAVAILABLE");
    private static final String LIMIT_EXCEEDED = "REQUEST_LIMIT_EXCEEDED";
    /** How much of the SOQL an error shows: all of it, unless a host selects hundreds of custom fields. */
    private static final int SOQL_SHOWN = 2_000;
    /** How much of Salesforce's error message an error shows. */
    private static final int MESSAGE_SHOWN = 1_000;

    /** Whether the query sees deleted and archived rows too. */
    enum Operation {
        /** Live rows only. */
        QUERY("query"),
        /** Also deleted (in the recycle bin) and archived rows: for deletions since a checkpoint. */
        QUERY_ALL("queryAll");

        private final String wire;

        Operation(String wire) {
            this.wire = wire;
        }

        /** The operation as the job request spells it. */
        String wire() {
            return wire;
        }
    }

    /**
     * How hard a query tries.
     *
     * @param maxAttempts attempts per HTTP call before a transient failure is given up, 1 to 20
     * @param retryBackoff the wait before retry {@code n} (from 1) after a transient failure
     * @param pollBackoff the wait before poll {@code n} (from 1) of the job's state
     * @param pollTimeout how long a job may stay queued or running before it is aborted and the query fails
     * @param maxRecords the {@code maxRecords} asked for per result page, or {@code 0} to let Salesforce choose
     * @param quotaPause the wait to suggest after the daily API limit, when Salesforce gives no {@code Retry-After}:
     *     the allocation is over a rolling 24 hours, so there is no reset time to read
     */
    record Settings(int maxAttempts, IntervalFunction retryBackoff, IntervalFunction pollBackoff,
            Duration pollTimeout, int maxRecords, Duration quotaPause) {
        /** Validates every field. */
        Settings {
            Checks.range(maxAttempts, 1, 20, "maxAttempts");
            Checks.required(retryBackoff, "retryBackoff");
            Checks.required(pollBackoff, "pollBackoff");
            positive(pollTimeout, "pollTimeout");
            Checks.range(maxRecords, 0, 1_000_000, "maxRecords");
            positive(quotaPause, "quotaPause");
        }

        /**
         * Five attempts with backoff from 0.5 s (doubling, jittered by half, at most 30 s); polls after 1 s, 1.5 s,
         * ... at most every 20 s, for up to two hours; pages of up to 50,000 rows; one hour after the daily limit.
         */
        static Settings defaults() {
            return new Settings(5, IntervalFunction.ofExponentialRandomBackoff(Duration.ofMillis(500), 2.0, 0.5,
                            Duration.ofSeconds(30)),
                    IntervalFunction.ofExponentialBackoff(Duration.ofSeconds(1), 1.5, Duration.ofSeconds(20)),
                    Duration.ofHours(2), 50_000, Duration.ofHours(1));
        }

        /** These settings with another page size. */
        Settings withMaxRecords(int maxRecords) {
            return new Settings(maxAttempts, retryBackoff, pollBackoff, pollTimeout, maxRecords, quotaPause);
        }

        private static void positive(Duration duration, String field) {
            Checks.required(duration, field);
            if (duration.isNegative() || duration.isZero()) {
                throw new dev.ecosystem.error.ValidationException(field + " must be positive, but was " + duration);
            }
        }
    }

    /**
     * What a finished query read.
     *
     * @param jobId the (now deleted) job's id
     * @param rows the rows given to the sink
     * @param pages the result pages read
     */
    record Result(String jobId, long rows, int pages) {
    }

    private final OkHttpClient http;
    private final Supplier<OrgSession> sessions;
    private final String apiVersion;
    private final Settings settings;
    private final Clock clock;
    private final Sleeper sleeper;

    /**
     * Creates a reader.
     *
     * @param http the client for every call (its timeouts bound each call; a timeout is retried)
     * @param sessions the org session; see the class comment for when it is asked again
     * @param apiVersion the REST API version, such as {@code "62.0"}, 47.0 or later; the job is created and read
     *     with it
     */
    BulkQuery(OkHttpClient http, Supplier<OrgSession> sessions, String apiVersion, Settings settings, Clock clock,
            Sleeper sleeper) {
        this.http = Checks.required(http, "http");
        this.sessions = Checks.required(sessions, "sessions");
        this.apiVersion = checkVersion(apiVersion);
        this.settings = Checks.required(settings, "settings");
        this.clock = Checks.required(clock, "clock");
        this.sleeper = Checks.required(sleeper, "sleeper");
    }

    /**
     * Runs {@code soql} as a Bulk API 2.0 query job and gives every row to {@code sink}, page by page.
     *
     * @param object the queried object, such as {@code Account}, for errors and logs
     * @param soql the query; Bulk API 2.0 takes no {@code COUNT()}, {@code GROUP BY}, {@code OFFSET} or nested
     *     queries
     * @throws QuotaExhaustedException when the org's API allocation is used up
     * @throws ProviderException when the job fails or a call fails for good
     */
    Result run(String object, String soql, Operation operation, BulkRowSink sink) {
        Run run = new Run(Checks.text(object, "object", 100), Checks.text(soql, "soql", 100_000),
                Checks.required(operation, "operation"));
        return run.execute(Checks.required(sink, "sink"));
    }

    /**
     * The full-sync reader for objects past the connector's bulk threshold: one query job per object, each row
     * handed to the mapping by field name.
     */
    static FullReader fullReader(OkHttpClient http, String apiVersion, Clock clock, Sleeper sleeper) {
        return (object, soql, sessions, rows) -> new BulkQuery(http, renewing(sessions), apiVersion,
                Settings.defaults(), clock, sleeper).run(object, soql, Operation.QUERY, row -> rows.accept(row::get));
    }

    /**
     * The sessions of one job: the current one first; a job asks again only after a 401, so every later ask drops
     * the refused session and takes a renewed one.
     */
    private static Supplier<OrgSession> renewing(RestTransport.Sessions sessions) {
        OrgSession[] last = new OrgSession[1];
        return () -> {
            if (last[0] != null) {
                sessions.invalidate(last[0]);
            }
            last[0] = sessions.session();
            return last[0];
        };
    }

    private static String checkVersion(String apiVersion) {
        Checks.required(apiVersion, "apiVersion");
        Matcher matcher = API_VERSION.matcher(apiVersion.strip());
        if (!matcher.matches() || Integer.parseInt(matcher.group(1)) < FIRST_BULK_QUERY_VERSION) {
            throw new dev.ecosystem.error.ValidationException("apiVersion must be a Salesforce API version of "
                    + FIRST_BULK_QUERY_VERSION + ".0 or later (Bulk API 2.0 query), such as \"62.0\", but was "
                    + Checks.quote(apiVersion));
        }
        return apiVersion.strip();
    }

    /** Reads a successful response. */
    @FunctionalInterface
    private interface Handler<T> {
        T handle(Response response) throws IOException;
    }

    /** A page read fewer rows than it should: read it again. */
    private static final class IncompletePageException extends IOException {
        private static final long serialVersionUID = 1L;

        IncompletePageException(String message) {
            super(message);
        }
    }

    /** How a failed call goes on. */
    private enum Kind { REAUTHORIZE, TRANSIENT, RATE_LIMITED, QUOTA, PERMANENT }

    private record Failure(Kind kind, int status, @Nullable String errorCode, String description,
            @Nullable Duration retryAfter, @Nullable Throwable cause) {
    }

    /** Salesforce's error: the first of the array {@code [{"message":"...","errorCode":"..."}]}. */
    private record SalesforceError(@Nullable String errorCode, @Nullable String message) {
    }

    /** The body of job creation. */
    private record CreateJob(String operation, String query) {
    }

    /** One page's progress, kept across attempts so that a page read again gives no row twice. */
    private static final class PageProgress {
        long delivered;
        @Nullable String lastKey;
    }

    private record Page(@Nullable String nextLocator, long rows) {
    }

    /** The state of one query. */
    private final class Run {
        private final String object;
        private final String soql;
        private final Operation operation;
        private OrgSession session;
        private @Nullable String jobId;
        private BulkJobState state = BulkJobState.UNKNOWN;
        /** The job's own count of records, from its last poll. */
        private @Nullable Long reported;

        Run(String object, String soql, Operation operation) {
            this.object = object;
            this.soql = soql;
            this.operation = operation;
            this.session = Checks.required(sessions.get(), "session");
        }

        Result execute(BulkRowSink sink) {
            BulkJobInfo created = call("create the job", settings.maxAttempts(), () -> request(jobs())
                    .post(RequestBody.create(json(new CreateJob(operation.wire(), soql)), JSON_TYPE))
                    .build(), this::jobInfo);
            String id = created.id();
            if (id == null || id.isBlank()) {
                throw ProviderException.refused(PROVIDER, 200, null, context()
                        + ": job creation answered without a job id", null);
            }
            jobId = id;
            state = created.jobState();
            LOG.debug("bulk {} of {}: job {} created ({})", operation.wire(), object, id, created.state());
            try {
                waitForCompletion();
                return readResults(sink);
            } finally {
                cleanUp();
            }
        }

        private void waitForCompletion() {
            Instant deadline = clock.instant().plus(settings.pollTimeout());
            for (int polls = 1; ; polls++) {
                sleep(Duration.ofMillis(settings.pollBackoff().apply(polls)), "waiting for the job");
                BulkJobInfo info = call("poll the job", settings.maxAttempts(), () -> request(job()).get().build(),
                        this::jobInfo);
                state = info.jobState();
                switch (state) {
                    case JOB_COMPLETE -> {
                        LOG.debug("bulk job {} complete after {} polls, {} records", jobId, polls,
                                info.numberRecordsProcessed());
                        reported = info.numberRecordsProcessed();
                        return;
                    }
                    case FAILED, ABORTED -> throw ProviderException.refused(PROVIDER, 200, null, context()
                            + ": the job ended " + state.wire() + (info.errorMessage() == null
                            ? " without an errorMessage" : ": " + quoted(info.errorMessage(), MESSAGE_SHOWN)), null);
                    default -> {
                        if (!clock.instant().isBefore(deadline)) {
                            throw ProviderException.retryable(PROVIDER, 200, null, context() + ": the job was still "
                                    + info.state() + " after the pollTimeout of " + settings.pollTimeout() + " ("
                                    + polls + " polls), so it is aborted", null);
                        }
                    }
                }
            }
        }

        private Result readResults(BulkRowSink sink) {
            String locator = null;
            int pages = 0;
            long rows = 0;
            do {
                pages++;
                Page page = readPage(pages, locator, sink);
                rows += page.rows();
                sink.pageEnd(pages, page.rows());
                locator = page.nextLocator();
            } while (locator != null);
            LOG.debug("bulk job {}: {} rows in {} pages", jobId, rows, pages);
            if (reported != null && reported != rows) {
                // Every page matched its Sforce-NumberOfRecords, so this is Salesforce's count disagreeing with
                // itself; the rows are given as read.
                LOG.warn("bulk job {} reported {} records processed but its result pages held {}", jobId, reported,
                        rows);
            }
            return new Result(Objects.requireNonNull(jobId), rows, pages);
        }

        private Page readPage(int number, @Nullable String locator, BulkRowSink sink) {
            PageProgress progress = new PageProgress();
            return call("read result page " + number, settings.maxAttempts(), () -> {
                HttpUrl.Builder url = job().newBuilder().addPathSegment("results");
                if (locator != null) {
                    url.addQueryParameter("locator", locator);
                }
                if (settings.maxRecords() > 0) {
                    url.addQueryParameter("maxRecords", Integer.toString(settings.maxRecords()));
                }
                return request(url.build()).header("Accept", "text/csv").get().build();
            }, response -> readRows(response, number, progress, sink));
        }

        private Page readRows(Response response, int number, PageProgress progress, BulkRowSink sink)
                throws IOException {
            String next = response.header(LOCATOR_HEADER);
            if (next == null || next.isBlank()) {
                // Salesforce always sends it ("null" on the last page): a page without it was cut short on the way.
                throw new IncompletePageException("page " + number + " came without the " + LOCATOR_HEADER
                        + " header, so whether more pages follow is unknown");
            }
            Long expected = number(response.header(RECORDS_HEADER));
            ResponseBody body = Objects.requireNonNull(response.body());
            MediaType type = body.contentType();
            if (type != null && !type.subtype().toLowerCase(Locale.ROOT).contains("csv")) {
                throw ProviderException.refused(PROVIDER, response.code(), null, context() + ": result page "
                        + number + " is " + type + ", not CSV", null);
            }
            try (BulkCsvRows rows = BulkCsvRows.open(body.byteStream())) {
                while (rows.next()) {
                    BulkRow row = rows.row();
                    long n = rows.rowsRead();
                    if (n <= progress.delivered) {
                        if (n == progress.delivered && !Objects.equals(key(row), progress.lastKey)) {
                            throw ProviderException.retryable(PROVIDER, response.code(), null, context()
                                    + ": result page " + number + " read again differs at row " + n
                                    + " from the first read, so rows cannot be matched up; run the query again",
                                    null);
                        }
                        continue;
                    }
                    sink.row(row);
                    progress.delivered = n;
                    progress.lastKey = key(row);
                }
                long read = rows.rowsRead();
                if ((expected != null && read != expected) || read < progress.delivered) {
                    throw new IncompletePageException("page " + number + " ended after " + read + " rows, but "
                            + (expected != null ? RECORDS_HEADER + " said " + expected : progress.delivered
                            + " were read before"));
                }
            }
            return new Page("null".equals(next.strip()) ? null : next.strip(), progress.delivered);
        }

        private @Nullable String key(BulkRow row) {
            return row.columns() == 0 ? null : row.get(0);
        }

        /** Aborts a job that may still run and deletes the job; failures are logged, never thrown. */
        private void cleanUp() {
            boolean interrupted = Thread.interrupted(); // so that the calls below are not cut short
            try {
                if (!state.terminal()) {
                    try {
                        call("abort the job", settings.maxAttempts(), () -> request(job())
                                .patch(RequestBody.create(json(new AbortJob("Aborted")), JSON_TYPE)).build(),
                                Response::code); // the status, unused: the body does not matter
                    } catch (RuntimeException e) {
                        LOG.warn("bulk job {} could not be aborted: {}", jobId, e.getMessage());
                    }
                }
                try {
                    call("delete the job", settings.maxAttempts(), () -> request(job()).delete().build(),
                            Response::code); // the status, unused
                    LOG.debug("bulk job {} deleted", jobId);
                } catch (RuntimeException e) {
                    LOG.warn("bulk job {} could not be deleted (Salesforce drops it after 7 days): {}", jobId,
                            e.getMessage());
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** Executes a call built afresh for each attempt, retrying what is transient. */
        private <T> T call(String what, int maxAttempts, Supplier<Request> request, Handler<T> handler) {
            int failures = 0;
            boolean renewed = false;
            while (true) {
                Failure failure;
                try (Response response = http.newCall(request.get()).execute()) {
                    if (response.isSuccessful()) {
                        return handler.handle(response);
                    }
                    failure = failure(response);
                } catch (JsonProcessingException e) {
                    throw ProviderException.refused(PROVIDER, 200, null, context() + ": " + what
                            + " returned a body that does not parse (" + e.getOriginalMessage() + ")", null);
                } catch (IOException e) {
                    if (interrupted(e)) {
                        Thread.currentThread().interrupt();
                        throw ProviderException.unavailable(PROVIDER, context() + ": " + what
                                + " was interrupted", e);
                    }
                    failure = new Failure(Kind.TRANSIENT, 0, null, "failed without a complete response ("
                            + describe(e) + ")", null, e);
                }
                switch (failure.kind()) {
                    case REAUTHORIZE -> {
                        if (renewed) {
                            throw exception(what, failure, false, " (also with the renewed session)");
                        }
                        renewed = true;
                        LOG.debug("bulk {}: session refused ({}), asking for a renewed one", what,
                                failure.errorCode());
                        session = Checks.required(sessions.get(), "session");
                    }
                    case TRANSIENT, RATE_LIMITED -> {
                        failures++;
                        if (failures >= maxAttempts) {
                            if (failure.kind() == Kind.RATE_LIMITED) {
                                throw quota(what, failure, " (still after " + failures + " attempts)");
                            }
                            throw exception(what, failure, true, " (gave up after " + failures + " attempts)");
                        }
                        Duration wait = failure.retryAfter() != null ? failure.retryAfter()
                                : Duration.ofMillis(settings.retryBackoff().apply(failures));
                        LOG.debug("bulk {}: attempt {} failed (status {}), retrying in {} ms", what, failures,
                                failure.status(), wait.toMillis());
                        sleep(wait, what);
                    }
                    case QUOTA -> throw quota(what, failure, "");
                    default -> throw exception(what, failure, false, "");
                }
            }
        }

        private Failure failure(Response response) {
            int status = response.code();
            SalesforceError error = error(response.body());
            String code = error.errorCode();
            String description = "got HTTP " + status + (code == null ? "" : " " + code)
                    + (error.message() == null ? "" : ": " + quoted(error.message(), MESSAGE_SHOWN));
            Long seconds = number(response.header("Retry-After"));
            Duration retryAfter = seconds == null ? null : Duration.ofSeconds(Math.max(0, seconds));
            Kind kind;
            if (status == 401) {
                kind = Kind.REAUTHORIZE;
            } else if (LIMIT_EXCEEDED.equals(code)) {
                // The same code covers the daily allocation and the concurrent long-running request limit; only
                // the second clears within seconds.
                String message = error.message() == null ? "" : error.message().toLowerCase(Locale.ROOT);
                kind = message.contains("concurrent") ? Kind.TRANSIENT : Kind.QUOTA;
            } else if (status == 429) {
                kind = Kind.RATE_LIMITED;
            } else if ((code != null && TRANSIENT_CODES.contains(code)) || status >= 500) {
                kind = Kind.TRANSIENT;
            } else {
                kind = Kind.PERMANENT;
            }
            return new Failure(kind, status, code, description, retryAfter, null);
        }

        private ProviderException exception(String what, Failure failure, boolean retryable, String suffix) {
            return new ProviderException(PROVIDER, failure.status(), null, retryable, context() + ": " + what + " "
                    + failure.description() + suffix, failure.cause());
        }

        private QuotaExhaustedException quota(String what, Failure failure, String suffix) {
            Instant resume = clock.instant().plus(failure.retryAfter() != null ? failure.retryAfter()
                    : settings.quotaPause());
            return new QuotaExhaustedException(PROVIDER, failure.status(), null, resume, null, context() + ": "
                    + what + " " + failure.description() + suffix + "; the org's API allocation is used up, try "
                    + "again after " + resume);
        }

        private BulkJobInfo jobInfo(Response response) throws IOException {
            BulkJobInfo info = JSON.readValue(Objects.requireNonNull(response.body()).byteStream(),
                    BulkJobInfo.class);
            if (info == null) {
                throw ProviderException.refused(PROVIDER, response.code(), null, context()
                        + ": the job info was empty", null);
            }
            return info;
        }

        private String context() {
            return "Salesforce Bulk API 2.0 " + operation.wire() + " of " + object
                    + (jobId == null ? "" : " (job " + jobId + ")") + " for SOQL " + quoted(soql, SOQL_SHOWN);
        }

        private HttpUrl jobs() {
            return session.instanceUrl().newBuilder()
                    .addPathSegments("services/data/v" + apiVersion + "/jobs/query")
                    .build();
        }

        private HttpUrl job() {
            return jobs().newBuilder().addPathSegment(Objects.requireNonNull(jobId)).build();
        }

        private Request.Builder request(HttpUrl url) {
            return new Request.Builder().url(url)
                    .header("Authorization", "Bearer " + session.accessToken())
                    .header("Accept", "application/json");
        }
    }

    /** The body that aborts a job. */
    private record AbortJob(String state) {
    }

    /** Waits through the injected sleeper; an interrupt ends the query (the job is still cleaned up). */
    private void sleep(Duration duration, String what) {
        try {
            if (duration.compareTo(Duration.ZERO) > 0) {
                sleeper.sleep(duration);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProviderException.unavailable(PROVIDER, "Salesforce Bulk API 2.0 query was interrupted "
                    + "while " + what, e);
        }
    }

    private static byte[] json(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a job request did not serialize", e);
        }
    }

    private static SalesforceError error(@Nullable ResponseBody body) {
        SalesforceError none = new SalesforceError(null, null);
        if (body == null) {
            return none;
        }
        try {
            JsonNode root = JSON.readTree(body.byteStream());
            JsonNode first = root != null && root.isArray() && !root.isEmpty() ? root.get(0) : root;
            if (first == null || !first.isObject()) {
                return none;
            }
            return new SalesforceError(text(first, "errorCode", "error"), text(first, "message",
                    "error_description"));
        } catch (IOException | RuntimeException e) {
            return none;
        }
    }

    private static @Nullable String text(JsonNode node, String field, String alternative) {
        JsonNode value = node.hasNonNull(field) ? node.get(field) : node.get(alternative);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** {@code text} in double quotes, cut after {@code max} characters (unlike {@code Checks.quote}'s 80). */
    private static String quoted(String text, int max) {
        return "\"" + (text.length() > max ? text.substring(0, max) + "..." : text) + "\"";
    }

    /** A header's whole number, or {@code null} when it is absent or not a number. */
    private static @Nullable Long number(@Nullable String header) {
        try {
            return header == null ? null : Long.valueOf(header.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Whether the calling thread was interrupted: Okio then throws {@code InterruptedIOException("interrupted")} and
     * clears the flag, where a timeout is a {@link SocketTimeoutException} or
     * {@code InterruptedIOException("timeout")}.
     */
    private static boolean interrupted(IOException e) {
        return Thread.currentThread().isInterrupted() || (e instanceof InterruptedIOException
                && !(e instanceof SocketTimeoutException) && "interrupted".equals(e.getMessage()));
    }

    private static String describe(IOException e) {
        return e instanceof InterruptedIOException ? "timed out or interrupted: " + e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
