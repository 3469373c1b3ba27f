package dev.ecosystem.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ecosystem.http.Sleeper;
import dev.ecosystem.testkit.FakeTime;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.ecosystem.spi.ProviderException;
import dev.ecosystem.spi.QuotaExhaustedException;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.CompanyId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link BulkQuery} against WireMock stubs shaped like Salesforce's documented Bulk API 2.0 responses (job info
 * bodies, CSV result pages with {@code Sforce-Locator} and {@code Sforce-NumberOfRecords}, error arrays).
 */
class BulkQueryTest {
    private static final String VERSION = "62.0";
    private static final String JOB_ID = "750R0000000zlh9IAA";
    private static final String JOBS = "/services/data/v" + VERSION + "/jobs/query";
    private static final String JOB = JOBS + "/" + JOB_ID;
    private static final String RESULTS = JOB + "/results";
    private static final String SOQL = "SELECT Id, Name, Website FROM Account";
    private static final Instant START = Instant.parse("2026-12-06T12:00:00Z");
    private static final String LOCATOR_2 = "MTAwMDA";
    private static final String LOCATOR_3 = "MjAwMDA";
    private static final String PAGE_1 = "\"Id\",\"Name\",\"Website\"\n"
            + "\"001R0000001\",\"Acme, Inc.\",\"acme.com\"\n"
            + "\"001R0000002\",\"Beta\",\n";
    private static final String PAGE_2 = "\"Id\",\"Name\",\"Website\"\n"
            + "\"001R0000003\",\"Gamma \"\"G\"\" Ltd\",\"https://gamma.example/\"\n"
            + "\"001R0000004\",\"Delta\nDivision\",\"\"\n";
    private static final String PAGE_3 = "\"Id\",\"Name\",\"Website\"\n"
            + "\"001R0000005\",\"Epsilon\",\"eps.example\"\n";
    private static final List<String> ALL_IDS =
            List.of("001R0000001", "001R0000002", "001R0000003", "001R0000004", "001R0000005");

    private static WireMockServer server;

    private FakeTime time;
    private final AtomicInteger sessionAsks = new AtomicInteger();
    private List<String> tokens = List.of("token-1");
    private final List<String> ids = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final List<String> pageEnds = new ArrayList<>();

    @BeforeAll
    static void startServer() {
        // WireMock's own gzip is off, so that only the gzip test's page is compressed.
        server = new WireMockServer(options().dynamicPort().gzipDisabled(true));
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
        time = new FakeTime(START);
        server.stubFor(delete(urlPathEqualTo(JOB)).willReturn(aResponse().withStatus(204)));
    }

    // --- the happy path ---------------------------------------------------------------------------------------

    @Test
    @DisplayName("A query job is created, polled until JobComplete, read page by page by locator and deleted")
    void query_createsPollsReadsAllPagesAndDeletes() {
        stubCreate(BulkQuery.Operation.QUERY);
        stubPolls("InProgress", "JobComplete");
        stubThreePages();

        BulkQuery.Result result = query().run("Account", SOQL, BulkQuery.Operation.QUERY, sink());

        assertThat(ids).containsExactlyElementsOf(ALL_IDS);
        assertThat(names).containsExactly("Acme, Inc.", "Beta", "Gamma \"G\" Ltd", "Delta\nDivision", "Epsilon");
        assertThat(pageEnds).containsExactly("1:2", "2:2", "3:1");
        assertThat(result).isEqualTo(new BulkQuery.Result(JOB_ID, 5, 3));
        assertThat(count(postRequestedFor(urlPathEqualTo(JOBS)))).isEqualTo(1);
        assertThat(count(getRequestedFor(urlPathEqualTo(JOB)))).isEqualTo(2);
        assertThat(count(getRequestedFor(urlPathEqualTo(RESULTS)))).isEqualTo(3);
        assertThat(count(deleteRequestedFor(urlPathEqualTo(JOB)))).isEqualTo(1);
        assertThat(count(patchRequestedFor(urlPathEqualTo(JOB)))).isZero();
        // Every call with the session's token, the results in CSV with at most maxRecords rows a page.
        assertThat(server.getAllServeEvents()).allSatisfy(event -> assertThat(
                event.getRequest().getHeader("Authorization")).isEqualTo("Bearer token-1"));
        assertThat(server.findAll(getRequestedFor(urlPathEqualTo(RESULTS)))).allSatisfy(request -> {
            assertThat(request.queryParameter("maxRecords").firstValue()).isEqualTo("2");
            assertThat(request.getHeader("Accept")).isEqualTo("text/csv");
        });
        assertThat(sessionAsks).hasValue(1);
        // Polls wait with backoff (1 s, then 1.5 s): no retry waits.
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofMillis(1500));
    }

    @Test
    @DisplayName("queryAll is sent as the job's operation, so deleted rows come too")
    void queryAll_isTheJobsOperation() {
        stubCreate(BulkQuery.Operation.QUERY_ALL);
        stubPolls("JobComplete");
        server.stubFor(results(null).willReturn(page(PAGE_3, "null", 1)));

        BulkQuery.Result result = query().run("Account", SOQL, BulkQuery.Operation.QUERY_ALL, sink());

        assertThat(result.rows()).isEqualTo(1);
        assertThat(count(postRequestedFor(urlPathEqualTo(JOBS))
                .withRequestBody(equalToJson("{\"operation\":\"queryAll\",\"query\":\"" + SOQL + "\"}"))))
                .isEqualTo(1);
    }

    @Test
    @DisplayName("A query with no rows reads one header-only page")
    void emptyResult_readsOnePage() {
        stubCreate(BulkQuery.Operation.QUERY);
        stubPolls("JobComplete");
        server.stubFor(results(null).willReturn(page("\"Id\",\"Name\",\"Website\"\n", "null", 0)));

        BulkQuery.Result result = query().run("Account", SOQL, BulkQuery.Operation.QUERY, sink());

        assertThat(result).isEqualTo(new BulkQuery.Result(JOB_ID, 0, 1));
        assertThat(ids).isEmpty();
        assertThat(count(deleteRequestedFor(urlPathEqualTo(JOB)))).isEqualTo(1);
    }

    @Test
    @DisplayName("A gzip-encoded page is asked for and unpacked")
    void gzipPage_isUnpacked() throws IOException {
        stubCreate(BulkQuery.Operation.QUERY);
        stubPolls("JobComplete");
        server.stubFor(results(null).willReturn(page(PAGE_1, "null", 2)
                .withHeader("Content-Encoding", "gzip")
                .withBody(gzip(PAGE_1))));

        query().run("Account", SOQL, BulkQuery.Operation.QUERY, sink());

        assertThat(ids).containsExactly("001R0000001", "001R0000002");
        assertThat(names).containsExactly("Acme, Inc.", "Beta");
        assertThat(server.findAll(getRequestedFor(urlPathEqualTo(RESULTS))).get(0).getHeader("Accept-Encoding"))
                .contains("gzip");
    }

    // --- job outcomes -----------------------------------------------------------------------------------------

    @Test
    @DisplayName("A Failed job is a ProviderException with the job's errorMessage, the object and the SOQL; the job "
            + "is still deleted")
    void failedJob_isAProviderException_andTheJobIsDeleted() {
        stubCreate(BulkQuery.Operation.QUERY);
        stubPolls("InProgress", "Failed");

        ProviderException failure = catchThrowableOfType(ProviderException.class,
                () -> query().run("Account", SOQL, BulkQuery.Operation.QUERY, sink()));

        assertThat(failure.getMessage())
                .contains("Account", SOQL, JOB_ID, "Failed", "Retried more than 15 times");
        assertThat(failure.provider()).isEqualTo("salesforce");
        assertThat(failure.retryable()).isFalse();
        assertThat(count(getRequestedFor(urlPathEqualTo(RESULTS)))).isZero();
        assertThat(count(patchRequestedFor(urlPathEqualTo(JOB)))).isZero();
        assertThat(count(deleteRequestedFor(urlPathEqualTo(JOB)))).isEqualTo(1);
    }

    @Test
    @DisplayName("An Aborted job (someone else cancelled it) is a ProviderException")
    void abortedJob_isAProviderException() {
        stubCreate(BulkQuery.Operation.QUERY);
        stubPolls("Aborted");

        assertThatThrownBy(() -> query().run("Account", SOQL, BulkQuery.Operation.QUERY, sink()))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("the job ended Aborted without an errorMessage");
    }

    @Test
    @DisplayName("A job still running at the pollTimeout is aborted, then deleted, and the query fails retryably")
    void jobPastThePollTimeout_isAbortedAndDeleted() {
        stubCreate(BulkQuery.Operation.QUERY);
        stubPolls("InProgress");
        server.stubFor(patch(urlPathEqualTo(JOB)).withRequestBody(equalToJson("{\"state\":\"Aborted\"}"))
                .willReturn(json(200, jobJson("Aborted", null))));
        BulkQuery.Settings settings = settings().withMaxRecords(2);
        BulkQuery query = new BulkQuery(http(), sessions(), VERSION, new BulkQuery.Settings(settings.maxAttempts(),
                settings.retryBackoff(), settings.pollBackoff(), Duration.ofMinutes(1), 2, settings.quotaPause()),
                time, time::sleep);

        ProviderException failure = catchThrowableOfType(ProviderException.class,
                () -> query.run("Account", SOQL, BulkQuery.Operation.QUERY, sink()));

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.getMessage()).contains("still InProgress after the pollTimeout of PT1M");
        assertThat(count(patchRequestedFor(urlPathEqualTo(JOB)))).isEqualTo(1);
        assertThat(count(deleteRequestedFor(urlPathEqualTo(JOB)))).isEqualTo(1);
        assertThat(Duration.between(START, time.instant())).isGreaterThanOrEqualTo(Duration.ofMinutes(1));
    }

    // --- transient failures -----------------------------------------------------------------------------------

    @Test
    @DisplayName("A 503 during polling is retried with backoff and the query completes")
    void serverErrorDuringPoll_isRetried() {
        stubCreate(BulkQuery.Operation.QUERY);
        onceThen(() -> get(urlPathEqualTo(JOB)),
                aResponse().withStatus(503),
                json(200, jobJson("JobComplete", 5L)));
        stubThreePages();

        query().run("Account", SOQL, BulkQuery.Operation.QUERY, sink());

        assertThat(ids).containsExactlyElementsOf(ALL_IDS);
        assertThat(count(getRequestedFor(urlPathEqualTo(JOB)))).isEqualTo(2);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofMillis(10));
    }

    @Test
    @DisplayName("A 500 on a result page is retried by the same locator: no row is lost or given twice")
    void serverErrorOnAPage_isRetried_withoutLossOrDuplicates() {
        stubCreate(BulkQuery.Operation.QUERY);
        stubPolls("JobComplete");
        server.stubFor(results(null).willReturn(page(PAGE_1, LOCATOR_2, 2)));
        onceThen(() -> results(LOCATOR_2),
                json(500, "[{\"message\":\"An unexpected error occurred.\","
                        + "\"errorCode\":\"UNKNOWN_EXCEPTION\"}]"),
                page(PAGE_2, LOCATOR_3, 2));
        server.stubFor(results(LOCATOR_3).willReturn(page(PAGE_3, "null", 1)));

        query().run("Account", SOQL, BulkQuery.Operation.QUERY, sink());

        assertThat(ids).containsExactlyElementsOf(ALL_IDS);
        assertThat(count(getRequestedFor(urlPathEqualTo(RESULTS)))).isEqualTo(4);
    }

    @Test
    @DisplayName("A page cut short after some rows is read again and only the rows not given yet are given")
    void pageCutShort_isReadAgain_andSkipsTheRowsAlreadyGiven() {
        stubCreate(BulkQuery.Operation.QUERY);
        stubPolls("JobComplete");
        String full = "\"Id\",\"Name\",\"Website\"\n\"001R0000001\",\"A\",\n\"001R0000002\",\"B\",\n"
                + "\"001R0000003\",\"C\",\n\"001R0000004\",\"D\",\n";
        String cut = "\"Id\",\"Name\",\"Website\"\n\"001R0000001\",\"A\",\n\"001R0000002\",\"B\",\n";
        onceThen(() -> results(null),
                page(cut, LOCATOR_2, 4),
                page(full, LOCATOR_2, 4));
        server.stubFor(results(LOCATOR_2).willReturn(page(PAGE_3, "null", 1)));

        BulkQuery.Result result = query().run("Account", SOQL, BulkQuery.Operation.QUERY, sink());

        assertThat(ids).containsExactly("001R0000001", "001R0000002", "001R0000003", "001R0000004", "001R0000005");
        assertThat(pageEnds).containsExactly("1:4", "2:1");
        assertThat(result.rows()).isEqualTo(5);
        assertThat(count(getRequestedFor(urlPathEqualTo(RESULTS)))).isEqualTo(3);
    }

    @Test
    @DisplayName("A connection reset on a page is retried")
    void connectionReset_onAPage_isRetried() {
        stubCreate(BulkQuery.Operation.QUERY);
        stubPolls("JobComplete");
        onceThen(() -> results(null),
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                page(PAGE_1, "null", 2));

        query().run("Account", SOQL, BulkQuery.Operation.QUERY, sink());

        assertThat(ids).containsExactly("001R0000001", "001R0000002");
        assertThat(count(getRequestedFor(urlPathEqualTo(RESULTS)))).isEqualTo(2);
    }

    @Test
    @DisplayName("A page read again that differs from the first read fails rather than guessing which rows are new")
    void pageThatChangesOnReRead_fails() {
        stubCreate(BulkQuery.Operation.QUERY);
        stubPolls("JobComplete");
        onceThen(() -> results(null),
                page("\"Id\"\n\"001R0000001\"\n", "null", 2),
                page("\"Id\"\n\"001R0000009\"\n\"001R0000002\"\n", "null", 2));

        assertThatThrownBy(() -> query().run("Account", SOQL, BulkQuery.Operation.QUERY, sink()))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("result page 1 read again differs at row 1");
        assertThat(ids).containsExactly("001R0000001");
        assertThat(count(deleteRequestedFor(urlPathEqualTo(JOB)))).isEqualTo(1);
    }

    @ParameterizedTest(name = "HTTP {0} {1}")
    @CsvSource(delimiter = '|', value = {
        "400|UNABLE_TO_LOCK_ROW|unable to obtain exclusive access to this record",
        "403|REQUEST_LIMIT_EXCEEDED|ConcurrentPerOrgLongTxn Limit exceeded.",
        "503|SERVER_UNAVAILABLE|Server temporarily unavailable"})
    @DisplayName("Row locks, the concurrent long-running request limit and an unavailable server are retried")
    void transientErrorCodes_areRetried(int status, String errorCode, String message) {
        onceThen(() -> post(urlPathEqualTo(JOBS)),
                json(status, "[{\"message\":\"" + message + "\",\"errorCode\":\"" + errorCode + "\"}]"),
                json(200, createdJson("query")));
        stubPolls("JobComplete");
        server.stubFor(results(null).willReturn(page(PAGE_1, "null", 2)));

        query().run("Account", SOQL, BulkQuery.Operation.QUERY, sink());

        assertThat(ids).hasSize(2);
        assertThat(count(postRequestedFor(urlPathEqualTo(JOBS)))).isEqualTo(2);
        assertThat(time.sleeps()).startsWith(Duration.ofMillis(10));
    }

    @Test
    @DisplayName("A 503 that lasts is given up after maxAttempts as a retryable ProviderException, and the job is "
            + "aborted and deleted")
    void lastingServerError_isGivenUp_andTheJobCleanedUp() {
        stubCreate(BulkQuery.Operation.QUERY);
        server.stubFor(get(urlPathEqualTo(JOB)).willReturn(json(503,
                "[{\"message\":\"Server unavailable\",\"errorCode\":\"SERVER_UNAVAILABLE\"}]")));
        server.stubFor(patch(urlPathEqualTo(JOB)).willReturn(json(200, jobJson("Aborted", null))));

        ProviderException failure = catchThrowableOfType(ProviderException.class,
                () -> query().run("Account", SOQL, BulkQuery.Operation.QUERY, sink()));

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.status()).isEqualTo(503);
        assertThat(failure.getMessage()).contains("poll the job got HTTP 503 SERVER_UNAVAILABLE",
                "gave up after 4 attempts", SOQL);
        assertThat(count(getRequestedFor(urlPathEqualTo(JOB)))).isEqualTo(4);
        assertThat(count(patchRequestedFor(urlPathEqualTo(JOB)))).isEqualTo(1);
        assertThat(count(deleteRequestedFor(urlPathEqualTo(JOB)))).isEqualTo(1);
    }

    @Test
    @DisplayName("A 429 waits as Retry-After says and is retried")
    void tooManyRequests_waitsRetryAfter() {
        onceThen(() -> post(urlPathEqualTo(JOBS)),
                aResponse().withStatus(429).withHeader("Retry-After", "7"),
                json(200, createdJson("query")));
        stubPolls("JobComplete");
        server.stubFor(results(null).willReturn(page(PAGE_3, "null", 1)));

        query().run("Account", SOQL, BulkQuery.Operation.QUERY, sink());

        assertThat(time.sleeps()).startsWith(Duration.ofSeconds(7));
        assertThat(ids).hasSize(1);
    }

    @Test
    @DisplayName("A page that times out is read again")
    void pageTimeout_isRetried() {
        stubCreate(BulkQuery.Operation.QUERY);
        stubPolls("JobComplete");
        onceThen(() -> results(null),
                page(PAGE_1, "null", 2).withFixedDelay(2_000),
                page(PAGE_1, "null", 2));
        OkHttpClient impatient = new OkHttpClient.Builder().readTimeout(200, TimeUnit.MILLISECONDS)
                .retryOnConnectionFailure(false).build();

        new BulkQuery(impatient, sessions(), VERSION, settings(), time, time::sleep)
                .run("Account", SOQL, BulkQuery.Operation.QUERY, sink());

        assertThat(ids).containsExactly("001R0000001", "001R0000002");
        assertThat(count(getRequestedFor(urlPathEqualTo(RESULTS)))).isEqualTo(2);
    }

    @Test
    @DisplayName("An interrupt while waiting for the job ends the query, keeps the thread interrupted, and still "
            + "aborts and deletes the job")
    void interruptWhilePolling_endsTheQuery_andCleansUp() {
        stubCreate(BulkQuery.Operation.QUERY);
        stubPolls("InProgress");
        server.stubFor(patch(urlPathEqualTo(JOB)).willReturn(json(200, jobJson("Aborted", null))));
        Sleeper interrupted = duration -> {
            throw new InterruptedException("shutdown");
        };

        ProviderException failure = catchThrowableOfType(ProviderException.class, () -> new BulkQuery(http(),
                sessions(), VERSION, settings(), time, interrupted).run("Account", SOQL, BulkQuery.Operation.QUERY,
                sink()));

        boolean stillInterrupted = Thread.interrupted(); // clears the flag for the next tests
        assertThat(stillInterrupted).isTrue();
        assertThat(failure.getMessage()).contains("interrupted while waiting for the job");
        assertThat(count(patchRequestedFor(urlPathEqualTo(JOB)))).isEqualTo(1);
        assertThat(count(deleteRequestedFor(urlPathEqualTo(JOB)))).isEqualTo(1);
    }

    @Test
    @DisplayName("A full sync of 25,000 accounts in five pages with a fault on the poll and on every page maps every "
            + "account once, in order, with one extra call per fault")
    void fullSyncOf25000Accounts_withAFaultOnEveryPage_losesAndDuplicatesNothing() {
        tokens = List.of("token-1", "token-2");
        server.stubFor(post(urlPathEqualTo(JOBS)).willReturn(json(200, createdJson("query"))));
        onceThen(() -> get(urlPathEqualTo(JOB)), aResponse().withStatus(502),
                json(200, jobJson("JobComplete", 25_000L)));
        List<ResponseDefinitionBuilder> faults = List.of(
                json(401, "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]"),
                json(503, "[{\"message\":\"Server unavailable\",\"errorCode\":\"SERVER_UNAVAILABLE\"}]"),
                page(accountPage(10_000, 2_500), "3", 5_000),
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                json(500, "[{\"message\":\"An unexpected error occurred.\",\"errorCode\":\"UNKNOWN_EXCEPTION\"}]"));
        for (int p = 0; p < 5; p++) {
            String locator = p == 0 ? null : Integer.toString(p);
            onceThen(() -> results(locator), faults.get(p),
                    page(accountPage(p * 5_000, 5_000), p == 4 ? "null" : Integer.toString(p + 1), 5_000));
        }
        BulkAccountRows mapping = new BulkAccountRows(CompanyId.of("acme"), List.of());
        List<Account> accounts = new ArrayList<>();

        BulkQuery.Result result = query().run("Account", mapping.soql(), BulkQuery.Operation.QUERY,
                mapping.sink(accounts::add));

        assertThat(result.rows()).isEqualTo(25_000);
        assertThat(accounts).extracting(account -> account.id().value())
                .containsExactlyElementsOf(IntStream.range(0, 25_000).mapToObj(BulkQueryTest::id)
                        .toList());
        assertThat(accounts.get(24_999).name()).isEqualTo("Company 24999, Inc.");
        assertThat(sessionAsks).hasValue(2);
        assertThat(count(postRequestedFor(urlPathEqualTo(JOBS)))).isEqualTo(1);
        assertThat(count(getRequestedFor(urlPathEqualTo(JOB)))).isEqualTo(2);
        assertThat(count(getRequestedFor(urlPathEqualTo(RESULTS)))).isEqualTo(10);
        assertThat(count(deleteRequestedFor(urlPathEqualTo(JOB)))).isEqualTo(1);
        assertThat(server.getAllServeEvents()).hasSize(14);
    }

    // --- sessions ---------------------------------------------------------------------------------------------

    @Test
    @DisplayName("A 401 INVALID_SESSION_ID asks the session supplier once more, and the renewed token is used from "
            + "then on")
    void expiredSession_isRenewedOnce() {
        tokens = List.of("old", "new");
        server.stubFor(post(urlPathEqualTo(JOBS)).withHeader("Authorization", equalTo("Bearer new"))
                .willReturn(json(200, createdJson("query"))));
        server.stubFor(post(urlPathEqualTo(JOBS)).withHeader("Authorization", equalTo("Bearer old"))
                .willReturn(json(401, "[{\"message\":\"Session expired or invalid\","
                        + "\"errorCode\":\"INVALID_SESSION_ID\"}]")));
        stubPolls("JobComplete");
        server.stubFor(results(null).willReturn(page(PAGE_1, "null", 2)));

        query().run("Account", SOQL, BulkQuery.Operation.QUERY, sink());

        assertThat(sessionAsks).hasValue(2);
        assertThat(ids).hasSize(2);
        assertThat(count(postRequestedFor(urlPathEqualTo(JOBS)))).isEqualTo(2);
        assertThat(server.findAll(getRequestedFor(urlPathEqualTo(RESULTS)))).allSatisfy(request ->
                assertThat(request.getHeader("Authorization")).isEqualTo("Bearer new"));
    }

    @Test
    @DisplayName("A session refused again after renewal is a ProviderException with status 401")
    void sessionRefusedTwice_fails() {
        tokens = List.of("old", "still-bad");
        server.stubFor(post(urlPathEqualTo(JOBS)).willReturn(json(401,
                "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]")));

        ProviderException failure = catchThrowableOfType(ProviderException.class,
                () -> query().run("Account", SOQL, BulkQuery.Operation.QUERY, sink()));

        assertThat(failure.status()).isEqualTo(401);
        assertThat(failure.getMessage()).contains("INVALID_SESSION_ID", "also with the renewed session");
        assertThat(sessionAsks).hasValue(2);
        assertThat(count(postRequestedFor(urlPathEqualTo(JOBS)))).isEqualTo(2);
        assertThat(count(deleteRequestedFor(urlPathEqualTo(JOB)))).isZero();
    }

    // --- permanent errors and quota ---------------------------------------------------------------------------

    @Test
    @DisplayName("An error array is a ProviderException naming the object, the SOQL, the status and the errorCode")
    void errorArray_isAProviderException() {
        server.stubFor(post(urlPathEqualTo(JOBS)).willReturn(json(400, "[{\"errorCode\":\"INVALID_FIELD\","
                + "\"message\":\"No such column 'Websit' on entity 'Account'.\"}]")));

        ProviderException failure = catchThrowableOfType(ProviderException.class,
                () -> query().run("Account", SOQL, BulkQuery.Operation.QUERY, sink()));

        assertThat(failure.status()).isEqualTo(400);
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage()).isEqualTo("Salesforce Bulk API 2.0 query of Account for SOQL \"" + SOQL
                + "\": create the job got HTTP 400 INVALID_FIELD: \"No such column 'Websit' on entity 'Account'.\"");
        assertThat(count(postRequestedFor(urlPathEqualTo(JOBS)))).isEqualTo(1);
    }

    @Test
    @DisplayName("REQUEST_LIMIT_EXCEEDED for the daily allocation is a QuotaExhaustedException at once, saying when "
            + "to try again")
    void dailyLimit_isAQuotaError() {
        server.stubFor(post(urlPathEqualTo(JOBS)).willReturn(json(403, "[{\"message\":\"TotalRequests Limit "
                + "exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]")));

        QuotaExhaustedException failure = catchThrowableOfType(QuotaExhaustedException.class,
                () -> query().run("Account", SOQL, BulkQuery.Operation.QUERY, sink()));

        assertThat(failure.status()).isEqualTo(403);
        assertThat(failure.retryAfter()).isEqualTo(START.plus(Duration.ofHours(1)));
        assertThat(failure.getMessage()).contains("REQUEST_LIMIT_EXCEEDED", "Account", SOQL);
        assertThat(count(postRequestedFor(urlPathEqualTo(JOBS)))).isEqualTo(1);
    }

    @Test
    @DisplayName("An exception from the sink reaches the caller unchanged, is not retried, and the job is deleted")
    void sinkFailure_propagates_andTheJobIsDeleted() {
        stubCreate(BulkQuery.Operation.QUERY);
        stubPolls("JobComplete");
        stubThreePages();
        IllegalStateException boom = new IllegalStateException("store is full");

        assertThatThrownBy(() -> query().run("Account", SOQL, BulkQuery.Operation.QUERY, row -> {
            throw boom;
        })).isSameAs(boom);
        assertThat(count(getRequestedFor(urlPathEqualTo(RESULTS)))).isEqualTo(1);
        assertThat(count(deleteRequestedFor(urlPathEqualTo(JOB)))).isEqualTo(1);
    }

    @Test
    @DisplayName("A failed deletion is logged, not thrown: the rows were read")
    void failedDeletion_doesNotFailTheQuery() {
        stubCreate(BulkQuery.Operation.QUERY);
        stubPolls("JobComplete");
        server.stubFor(results(null).willReturn(page(PAGE_3, "null", 1)));
        server.stubFor(delete(urlPathEqualTo(JOB)).willReturn(json(404,
                "[{\"errorCode\":\"NOT_FOUND\",\"message\":\"The requested resource does not exist\"}]")));

        BulkQuery.Result result = query().run("Account", SOQL, BulkQuery.Operation.QUERY, sink());

        assertThat(result.rows()).isEqualTo(1);
    }

    @Test
    @DisplayName("An API version before Bulk API 2.0 query (47.0) or in another form is refused with the value")
    void badApiVersion_isRefused() {
        assertThatThrownBy(() -> new BulkQuery(http(), sessions(), "46.0", settings(), time, time::sleep))
                .isInstanceOf(ValidationException.class)
                .hasMessage("apiVersion must be a Salesforce API version of 47.0 or later (Bulk API 2.0 query), "
                        + "such as \"62.0\", but was \"46.0\"");
        assertThatThrownBy(() -> new BulkQuery(http(), sessions(), "v62", settings(), time, time::sleep))
                .isInstanceOf(ValidationException.class);
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private BulkQuery query() {
        return new BulkQuery(http(), sessions(), VERSION, settings(), time, time::sleep);
    }

    private static BulkQuery.Settings settings() {
        BulkQuery.Settings defaults = BulkQuery.Settings.defaults();
        // Retry waits without jitter, so that tests can name them.
        return new BulkQuery.Settings(4, attempt -> 10L, defaults.pollBackoff(), defaults.pollTimeout(), 2,
                defaults.quotaPause());
    }

    private static OkHttpClient http() {
        return new OkHttpClient.Builder().callTimeout(10, TimeUnit.SECONDS).retryOnConnectionFailure(false).build();
    }

    private Supplier<OrgSession> sessions() {
        return () -> {
            int ask = sessionAsks.getAndIncrement();
            return new OrgSession(HttpUrl.get(server.baseUrl()), tokens.get(Math.min(ask, tokens.size() - 1)));
        };
    }

    private BulkRowSink sink() {
        return new BulkRowSink() {
            @Override
            public void row(BulkRow row) {
                ids.add(row.get("Id"));
                if (row.header().indexOf("Name") >= 0) {
                    names.add(row.get("Name"));
                }
            }

            @Override
            public void pageEnd(int page, long rows) {
                pageEnds.add(page + ":" + rows);
            }
        };
    }

    private static int count(RequestPatternBuilder pattern) {
        return server.countRequestsMatching(pattern.build()).getCount();
    }

    private static void stubCreate(BulkQuery.Operation operation) {
        server.stubFor(post(urlPathEqualTo(JOBS))
                .withHeader("Content-Type", equalTo("application/json; charset=UTF-8"))
                .withRequestBody(equalToJson("{\"operation\":\"" + operation.wire() + "\",\"query\":\"" + SOQL
                        + "\"}"))
                .willReturn(json(200, createdJson(operation.wire()))));
    }

    /** The polls answer these states in turn, the last one from then on. */
    private static void stubPolls(String... states) {
        for (int i = 0; i < states.length; i++) {
            ScenarioMappingBuilder poll = get(urlPathEqualTo(JOB)).inScenario("states")
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "poll-" + i);
            if (i + 1 < states.length) {
                poll.willSetStateTo("poll-" + (i + 1));
            }
            server.stubFor(poll.willReturn(json(200, jobJson(states[i], "JobComplete".equals(states[i]) ? 5L
                    : null))));
        }
    }

    /** The first matching request gets {@code first}, every later one {@code then}. */
    private static void onceThen(Supplier<MappingBuilder> request, ResponseDefinitionBuilder first,
            ResponseDefinitionBuilder then) {
        String scenario = "once-" + UUID.randomUUID();
        server.stubFor(request.get().inScenario(scenario).whenScenarioStateIs(Scenario.STARTED).willReturn(first)
                .willSetStateTo("then"));
        server.stubFor(request.get().inScenario(scenario).whenScenarioStateIs("then").willReturn(then));
    }

    private static String id(int i) {
        return String.format("001R0%010dAAA", i);
    }

    /** A page of {@code rows} Account rows from number {@code first}, as Salesforce writes them. */
    private static String accountPage(int first, int rows) {
        StringBuilder csv = new StringBuilder("\"Id\",\"Name\",\"Website\",\"BillingCountry\",\"OwnerId\",\"Type\","
                + "\"SystemModstamp\"\n");
        for (int i = first; i < first + rows; i++) {
            csv.append('"').append(id(i)).append("\",\"Company ").append(i).append(", Inc.\",")
                    .append(i % 3 == 0 ? "" : "\"c" + i + ".example.com\"")
                    .append(",\"France\",\"005R0000000GiwjIAC\",")
                    .append(i % 2 == 0 ? "\"Prospect\"" : "").append(",\"2026-11-30T08:15:00.000Z\"\n");
        }
        return csv.toString();
    }

    private static void stubThreePages() {
        server.stubFor(results(null).willReturn(page(PAGE_1, LOCATOR_2, 2)));
        server.stubFor(results(LOCATOR_2).willReturn(page(PAGE_2, LOCATOR_3, 2)));
        server.stubFor(results(LOCATOR_3).willReturn(page(PAGE_3, "null", 1)));
    }

    private static MappingBuilder results(String locator) {
        return get(urlPathEqualTo(RESULTS)).withQueryParam("locator", locator == null ? absent() : equalTo(locator));
    }

    private static ResponseDefinitionBuilder page(String csv, String nextLocator, int records) {
        return aResponse().withStatus(200)
                .withHeader("Content-Type", "text/csv")
                .withHeader("Sforce-Locator", nextLocator)
                .withHeader("Sforce-NumberOfRecords", Integer.toString(records))
                .withBody(csv);
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody(body);
    }

    /** The body Salesforce answers job creation with. */
    private static String createdJson(String operation) {
        return "{\n  \"id\" : \"" + JOB_ID + "\",\n  \"operation\" : \"" + operation + "\",\n"
                + "  \"object\" : \"Account\",\n  \"createdById\" : \"005R0000000GiwjIAC\",\n"
                + "  \"createdDate\" : \"2026-12-06T12:00:00.000+0000\",\n"
                + "  \"systemModstamp\" : \"2026-12-06T12:00:00.000+0000\",\n  \"state\" : \"UploadComplete\",\n"
                + "  \"concurrencyMode\" : \"Parallel\",\n  \"contentType\" : \"CSV\",\n  \"apiVersion\" : 62.0,\n"
                + "  \"lineEnding\" : \"LF\",\n  \"columnDelimiter\" : \"COMMA\"\n}";
    }

    /** The body Salesforce answers a poll with (Get Information About a Query Job). */
    private static String jobJson(String state, Long processed) {
        return "{\n  \"id\" : \"" + JOB_ID + "\",\n  \"operation\" : \"query\",\n  \"object\" : \"Account\",\n"
                + "  \"createdById\" : \"005R0000000GiwjIAC\",\n"
                + "  \"createdDate\" : \"2026-12-06T12:00:00.000+0000\",\n"
                + "  \"systemModstamp\" : \"2026-12-06T12:00:04.000+0000\",\n  \"state\" : \"" + state + "\",\n"
                + ("Failed".equals(state) ? "  \"errorMessage\" : \"Retried more than 15 times\",\n" : "")
                + "  \"concurrencyMode\" : \"Parallel\",\n  \"contentType\" : \"CSV\",\n  \"apiVersion\" : 62.0,\n"
                + "  \"jobType\" : \"V2Query\",\n  \"lineEnding\" : \"LF\",\n  \"columnDelimiter\" : \"COMMA\",\n"
                + "  \"numberRecordsProcessed\" : " + (processed == null ? 0 : processed) + ",\n"
                + "  \"retries\" : 0,\n  \"totalProcessingTime\" : 334,\n  \"isPkChunkingSupported\" : true\n}";
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
