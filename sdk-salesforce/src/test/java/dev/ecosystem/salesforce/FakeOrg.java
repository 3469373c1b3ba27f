package dev.ecosystem.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A Salesforce org served through WireMock, answering in the documented shapes: the OAuth token endpoint (refresh
 * token and JWT bearer grants, {@code instance_url}, rotation, {@code invalid_grant}), {@code query} and
 * {@code queryAll} with {@code totalSize}/{@code done}/{@code nextRecordsUrl} batches and {@code attributes}, the
 * Opportunity describe, {@code Organization.DefaultCurrencyIsoCode}, record PATCH and Task POST, error arrays
 * ({@code [{"message","errorCode","fields"}]}) and {@code Sforce-Limit-Info} on every REST response. It evaluates the
 * SOQL forms the connector sends (field lists, {@code COUNT()}, {@code Id >}, {@code Id =}, {@code SystemModstamp}
 * keysets, {@code IsDeleted = true}, {@code ORDER BY}, {@code LIMIT}) and refuses {@code CurrencyIsoCode} in a
 * single-currency org with {@code INVALID_FIELD}, as Salesforce does. Can fail every n-th data call once, with the
 * failures Salesforce really produces (timeouts are tested on their own, with a short call
 * timeout, so that these runs never depend on the machine's speed).
 */
final class FakeOrg implements ResponseDefinitionTransformerV2 {
    static final String NAME = "fake-salesforce-org";
    static final String VERSION = "62.0";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter REST_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);
    private static final Pattern SELECT = Pattern.compile(
            "SELECT (.+?) FROM (\\w+)(?: WHERE (.+?))?(?: ORDER BY (.+?))?(?: LIMIT (\\d+))?");
    private final Map<String, BulkJob> bulkJobs = new HashMap<>();
    /** Rows per page of a query job's results. */
    volatile int bulkPageSize = 10_000;
    private static final Pattern KEYSET = Pattern.compile(
            "\\(SystemModstamp > (\\S+) OR \\(SystemModstamp = (\\S+) AND Id > '([^']*)'\\)\\)");
    private static final Pattern CONDITION = Pattern.compile("(\\w+) (>=|>|=) ('(?:[^'\\\\]|\\\\.)*'|\\S+)");

    /** One record: field values by name (strings, BigDecimal, Boolean, Instant for dateTimes), deleted or not. */
    static final class Row {
        final Map<String, @Nullable Object> values = new LinkedHashMap<>();
        volatile boolean deleted;

        Row(String id, Instant stamp) {
            values.put("Id", id);
            set("SystemModstamp", stamp);
        }

        /** Sets a field; dateTimes are kept to the second, as Salesforce stores them. */
        Row set(String field, @Nullable Object value) {
            values.put(field, value instanceof Instant instant ? instant.truncatedTo(ChronoUnit.SECONDS) : value);
            return this;
        }

        String id() {
            return (String) values.get("Id");
        }

        Instant stamp() {
            return (Instant) values.get("SystemModstamp");
        }
    }

    record Call(String method, String path, @Nullable String soql) {
    }

    private final Clock clock;
    private final Map<String, TreeMap<String, Row>> objects = new ConcurrentHashMap<>();
    private final Map<String, List<ObjectNode>> locators = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private final AtomicInteger counter = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicLong apiUsage = new AtomicLong();
    private final AtomicInteger tokens = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    volatile int serveDelayMillis;
    volatile boolean multiCurrency = true;
    volatile String defaultCurrency = "USD";
    volatile int batchSize = 2000;
    volatile long apiMax = 100_000;
    volatile boolean rotateRefreshTokens;
    volatile @Nullable String instanceUrl;
    private volatile int failEvery;
    volatile boolean limitExceeded;
    volatile @Nullable String requiredHost;
    volatile java.security.@Nullable PublicKey jwtKey;
    final List<String> assertions = new CopyOnWriteArrayList<>();

    FakeOrg(Clock clock) {
        this.clock = clock;
        reset();
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    synchronized void reset() {
        objects.clear();
        for (String object : List.of("Account", "Opportunity", "Task", "Organization")) {
            objects.put(object, new TreeMap<>());
        }
        locators.clear();
        sessions.clear();
        revoked.clear();
        resetCalls();
        maxInFlight.set(0);
        serveDelayMillis = 0;
        multiCurrency = true;
        defaultCurrency = "USD";
        batchSize = 2000;
        apiUsage.set(0);
        apiMax = 100_000;
        rotateRefreshTokens = false;
        failEvery = 0;
        limitExceeded = false;
        requiredHost = null;
        jwtKey = null;
        assertions.clear();
    }

    void resetCalls() {
        calls.clear();
        counter.set(0);
        failures.set(0);
    }

    synchronized void put(String object, Row row) {
        objects.get(object).put(row.id(), row);
    }

    synchronized @Nullable Row get(String object, String id) {
        return objects.get(object).get(id);
    }

    /** Deletes a record to the recycle bin: {@code IsDeleted} and a new {@code SystemModstamp}. */
    synchronized void delete(String object, String id, Instant at) {
        Row row = objects.get(object).get(id);
        row.deleted = true;
        row.set("SystemModstamp", at);
    }

    synchronized List<Row> rows(String object) {
        return new ArrayList<>(objects.get(object).values());
    }

    /** Every n-th data call (counting retries) fails once; 0 turns failures off. */
    void failEvery(int n) {
        failEvery = n;
    }

    void expireSessions() {
        sessions.clear();
    }

    void revoke(String refreshToken) {
        revoked.add(refreshToken);
    }

    void setApiUsage(long used, long max) {
        apiUsage.set(used);
        apiMax = max;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    long calls(Predicate<Call> which) {
        return calls.stream().filter(which).count();
    }

    int failuresInjected() {
        return failures.get();
    }

    /** The most data calls that were under way at once. */
    int maxInFlight() {
        return maxInFlight.get();
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            if (serveDelayMillis > 0) {
                Thread.sleep(serveDelayMillis);
            }
            return serve(serveEvent);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private ResponseDefinition serve(ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        String path = request.getUrl().split("\\?", 2)[0];
        String soql = request.queryParameter("q").isPresent() ? request.queryParameter("q").firstValue() : null;
        calls.add(new Call(request.getMethod().getName(), path, soql));
        try {
            if (path.equals("/services/oauth2/token")) {
                return token(request);
            }
            if (requiredHost != null && !requiredHost.equals(request.getHost())) {
                return error(404, "NOT_FOUND", "this org lives at another instance: " + requiredHost);
            }
            String auth = request.getHeader("Authorization");
            if (auth == null || !sessions.contains(auth.replace("Bearer ", ""))) {
                return error(401, "INVALID_SESSION_ID", "Session expired or invalid");
            }
            apiUsage.incrementAndGet();
            if (limitExceeded) {
                return error(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
            }
            int n = counter.incrementAndGet();
            if (failEvery > 0 && n % failEvery == 0) {
                failures.incrementAndGet();
                return failure(n / failEvery);
            }
            String data = "/services/data/v" + VERSION + "/";
            if (!path.startsWith(data)) {
                return error(404, "NOT_FOUND", "The requested resource does not exist");
            }
            String rest = path.substring(data.length());
            if ((rest.equals("query") || rest.equals("queryAll")) && soql != null) {
                return query(soql, rest.equals("queryAll"));
            }
            if (rest.startsWith("query/")) {
                return nextBatch(rest.substring("query/".length()));
            }
            if (rest.equals("jobs/query") && request.getMethod().getName().equals("POST")) {
                return createJob(JSON.readTree(request.getBodyAsString()));
            }
            if (rest.startsWith("jobs/query/")) {
                return job(rest.substring("jobs/query/".length()), request);
            }
            if (rest.equals("sobjects/Opportunity/describe")) {
                return describe();
            }
            if (rest.startsWith("sobjects/Opportunity/") && request.getMethod().getName().equals("PATCH")) {
                return patch("Opportunity", rest.substring("sobjects/Opportunity/".length()), request);
            }
            if (rest.equals("sobjects/Task") && request.getMethod().getName().equals("POST")) {
                return createTask(request);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return error(404, "NOT_FOUND", "The requested resource does not exist");
    }

    // ---- OAuth ----

    private ResponseDefinition token(Request request) throws IOException {
        Map<String, String> form = form(request.getBodyAsString());
        String grant = form.get("grant_type");
        ObjectNode body = JSON.createObjectNode();
        if ("refresh_token".equals(grant)) {
            String refresh = form.get("refresh_token");
            if (refresh == null || revoked.contains(refresh)) {
                return oauthError("invalid_grant", "expired access/refresh token");
            }
            if (rotateRefreshTokens) {
                revoked.add(refresh);
                body.put("refresh_token", "5Aep861rotated" + tokens.incrementAndGet());
            }
        } else if (OrgAuth.JWT_BEARER.equals(grant)) {
            String assertion = form.get("assertion");
            assertions.add(assertion);
            if (jwtKey != null && !verifies(assertion, jwtKey)) {
                return oauthError("invalid_grant", "invalid assertion");
            }
        } else {
            return oauthError("unsupported_grant_type", "grant type not supported");
        }
        String token = "00Dxx0000001gPL!AQ0AQ" + tokens.incrementAndGet();
        sessions.add(token);
        body.put("access_token", token)
                .put("signature", "CMJ4l+CCaPQiKjoOEwEig9H4wqhpuLSk4J2urAe+fVg=")
                .put("scope", "api refresh_token")
                .put("instance_url", instanceUrl)
                .put("id", "https://login.salesforce.com/id/00Dxx0000001gPLEAY/005xx000001SwiUAAS")
                .put("token_type", "Bearer")
                .put("issued_at", Long.toString(clock.millis()));
        return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                .withHeader("Content-Type", "application/json;charset=UTF-8").withBody(body.toString()).build();
    }

    private static boolean verifies(String assertion, java.security.PublicKey key) {
        try {
            String[] parts = assertion.split("\\.");
            java.security.Signature rsa = java.security.Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return rsa.verify(java.util.Base64.getUrlDecoder().decode(parts[2]));
        } catch (java.security.GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static ResponseDefinition oauthError(String error, String description) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(400)
                .withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody("{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}").build();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return form;
    }

    // ---- queries ----

    private synchronized ResponseDefinition query(String soql, boolean all) {
        Selected selected = select(soql, all);
        return selected.answer() != null ? selected.answer() : batches(selected.records());
    }

    /** What a query selects: an answer of its own (an error, a count, the organization), or these records. */
    private record Selected(@Nullable ResponseDefinition answer, List<String> fields, List<ObjectNode> records) {
        static Selected answer(ResponseDefinition answer) {
            return new Selected(answer, List.of(), List.of());
        }
    }

    private synchronized Selected select(String soql, boolean all) {
        Matcher select = SELECT.matcher(soql);
        if (!select.matches()) {
            return Selected.answer(error(400, "MALFORMED_QUERY", "unexpected token in: " + soql));
        }
        String object = select.group(2);
        Map<String, Row> table = objects.get(object);
        if (table == null) {
            return Selected.answer(error(400, "INVALID_TYPE", "sObject type '" + object + "' is not supported."));
        }
        List<String> fields = List.of(select.group(1).split(", "));
        if (!multiCurrency && fields.contains("CurrencyIsoCode")) {
            return Selected.answer(error(400, "INVALID_FIELD", "No such column 'CurrencyIsoCode' on entity '" + object
                    + "'. If you are attempting to use a custom field, be sure to append the '__c' after the custom "
                    + "field name."));
        }
        if (object.equals("Organization")) {
            ObjectNode org = JSON.createObjectNode();
            org.putObject("attributes").put("type", "Organization");
            org.put("DefaultCurrencyIsoCode", defaultCurrency);
            return Selected.answer(page(List.of(org), 1, null));
        }
        Predicate<Row> where = where(select.group(3) == null ? "" : select.group(3), all);
        List<Row> found = new ArrayList<>();
        for (Row row : table.values()) {
            if (where.test(row)) {
                found.add(row);
            }
        }
        String order = select.group(4);
        if ("SystemModstamp, Id".equals(order)) {
            found.sort(Comparator.comparing(Row::stamp).thenComparing(Row::id));
        }
        if (select.group(5) != null) {
            int limit = Integer.parseInt(select.group(5));
            found = found.subList(0, Math.min(limit, found.size()));
        }
        if (fields.equals(List.of("COUNT()"))) {
            return Selected.answer(page(List.of(), found.size(), null));
        }
        List<ObjectNode> records = new ArrayList<>();
        for (Row row : found) {
            records.add(record(object, row, fields));
        }
        return new Selected(null, fields, records);
    }

    // ---- Bulk API 2.0 query jobs: complete at once, results as CSV pages of bulkPageSize rows ----

    private synchronized ResponseDefinition createJob(JsonNode body) {
        String soql = body.path("query").asText();
        Selected selected = select(soql, "queryAll".equals(body.path("operation").asText()));
        if (selected.answer() != null) {
            return selected.answer();
        }
        List<String> lines = new ArrayList<>();
        for (ObjectNode record : selected.records()) {
            List<String> values = new ArrayList<>();
            for (String field : selected.fields()) {
                JsonNode value = record.path(field);
                values.add(value.isNull() || value.isMissingNode() ? ""
                        : "\"" + value.asText().replace("\"", "\"\"") + "\"");
            }
            lines.add(String.join(",", values));
        }
        String id = "750R0000000zlh9IAA" + tokens.incrementAndGet();
        bulkJobs.put(id, new BulkJob(soql, String.join(",", selected.fields()), lines));
        return json(200, jobInfo(id, "UploadComplete", 0));
    }

    private synchronized ResponseDefinition job(String rest, Request request) {
        String id = rest.split("/", 2)[0];
        BulkJob job = bulkJobs.get(id);
        if (job == null) {
            return error(404, "NOT_FOUND", "The requested resource does not exist");
        }
        String method = request.getMethod().getName();
        if (method.equals("DELETE") && !rest.contains("/")) {
            bulkJobs.remove(id);
            return ResponseDefinitionBuilder.responseDefinition().withStatus(204).build();
        }
        if (!rest.endsWith("/results")) {
            return json(200, jobInfo(id, "JobComplete", job.lines().size()));
        }
        int from = request.queryParameter("locator").isPresent()
                ? Integer.parseInt(request.queryParameter("locator").firstValue()) : 0;
        int to = Math.min(job.lines().size(), from + bulkPageSize);
        StringBuilder csv = new StringBuilder(job.header()).append('\n');
        job.lines().subList(from, to).forEach(line -> csv.append(line).append('\n'));
        return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                .withHeader("Content-Type", "text/csv")
                .withHeader("Sforce-Locator", to < job.lines().size() ? Integer.toString(to) : "null")
                .withHeader("Sforce-NumberOfRecords", Integer.toString(to - from)).withBody(csv.toString()).build();
    }

    private ObjectNode jobInfo(String id, String state, int processed) {
        ObjectNode info = JSON.createObjectNode().put("id", id).put("operation", "query").put("object", "Account")
                .put("createdById", "005R0000000UyrWIAS").put("createdDate", "2026-12-06T14:00:00.000+0000")
                .put("systemModstamp", "2026-12-06T14:00:01.000+0000").put("state", state)
                .put("concurrencyMode", "Parallel").put("contentType", "CSV").put("apiVersion", Double.valueOf(VERSION))
                .put("lineEnding", "LF").put("columnDelimiter", "COMMA");
        if (processed > 0) {
            info.put("numberRecordsProcessed", processed).put("retries", 0).put("totalProcessingTime", 334);
        }
        return info;
    }

    private static ResponseDefinition json(int status, JsonNode body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", "application/json;charset=UTF-8").withBody(body.toString()).build();
    }

    /** A finished query job: the CSV header and one CSV line per row. */
    private record BulkJob(String soql, String header, List<String> lines) {
    }

    private Predicate<Row> where(String where, boolean all) {
        Predicate<Row> test = all ? row -> true : row -> !row.deleted;
        String rest = where;
        Matcher keyset = KEYSET.matcher(rest);
        if (keyset.find()) {
            Instant stamp = Instant.parse(keyset.group(1));
            String id = keyset.group(3);
            test = test.and(row -> row.stamp().isAfter(stamp)
                    || (row.stamp().equals(stamp) && row.id().compareTo(id) > 0));
            rest = rest.substring(0, keyset.start()) + rest.substring(keyset.end());
        }
        if (rest.contains("IsDeleted = true")) {
            test = test.and(row -> row.deleted);
            rest = rest.replace("IsDeleted = true", "");
        }
        Matcher condition = CONDITION.matcher(rest);
        while (condition.find()) {
            String field = condition.group(1);
            String op = condition.group(2);
            String literal = condition.group(3);
            if (field.equals("SystemModstamp")) {
                Instant at = Instant.parse(literal);
                test = test.and(row -> op.equals(">=") ? !row.stamp().isBefore(at)
                        : op.equals(">") ? row.stamp().isAfter(at) : row.stamp().equals(at));
            } else {
                String value = unquote(literal);
                test = test.and(row -> {
                    Object actual = row.values.get(field);
                    if (actual == null) {
                        return false;
                    }
                    int compared = actual.toString().compareTo(value);
                    return op.equals(">") ? compared > 0 : op.equals(">=") ? compared >= 0 : compared == 0;
                });
            }
        }
        return test;
    }

    private static String unquote(String literal) {
        String inner = literal.substring(1, literal.length() - 1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '\\' && i + 1 < inner.length()) {
                char next = inner.charAt(++i);
                out.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next == 't' ? '\t' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private ObjectNode record(String object, Row row, List<String> fields) {
        ObjectNode record = JSON.createObjectNode();
        record.putObject("attributes").put("type", object)
                .put("url", "/services/data/v" + VERSION + "/sobjects/" + object + "/" + row.id());
        for (String field : fields) {
            Object value = row.values.get(field);
            if (value == null) {
                record.putNull(field);
            } else if (value instanceof Instant instant) {
                record.put(field, REST_TIME.format(instant));
            } else if (value instanceof BigDecimal number) {
                record.put(field, number);
            } else if (value instanceof Boolean flag) {
                record.put(field, flag);
            } else {
                record.put(field, value.toString());
            }
        }
        return record;
    }

    private ResponseDefinition batches(List<ObjectNode> records) {
        int size = batchSize;
        if (records.size() <= size) {
            return page(records, records.size(), null);
        }
        String locator = "01gRO0000016PIAYA2";
        String key = locator + tokens.incrementAndGet();
        locators.put(key, records);
        return page(records.subList(0, size), records.size(), key + "-" + size);
    }

    private ResponseDefinition nextBatch(String locatorAndOffset) {
        int dash = locatorAndOffset.lastIndexOf('-');
        List<ObjectNode> records = locators.get(locatorAndOffset.substring(0, dash));
        if (records == null) {
            return error(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
        }
        int from = Integer.parseInt(locatorAndOffset.substring(dash + 1));
        int to = Math.min(records.size(), from + batchSize);
        return page(records.subList(from, to), records.size(),
                to < records.size() ? locatorAndOffset.substring(0, dash) + "-" + to : null);
    }

    private ResponseDefinition page(List<ObjectNode> records, int total, @Nullable String next) {
        ObjectNode body = JSON.createObjectNode();
        body.put("totalSize", total).put("done", next == null);
        if (next != null) {
            body.put("nextRecordsUrl", "/services/data/v" + VERSION + "/query/" + next);
        }
        ArrayNode array = body.putArray("records");
        records.forEach(array::add);
        return ok(body.toString());
    }

    private ResponseDefinition describe() {
        ObjectNode body = JSON.createObjectNode().put("name", "Opportunity");
        ArrayNode fields = body.putArray("fields");
        List<String> names = new ArrayList<>(List.of("Id", "AccountId", "Name", "Amount", "StageName", "IsClosed",
                "IsWon", "CloseDate", "CreatedDate", "SystemModstamp"));
        if (multiCurrency) {
            names.add("CurrencyIsoCode");
        }
        names.forEach(name -> fields.addObject().put("name", name));
        return ok(body.toString());
    }

    // ---- writes ----

    private synchronized ResponseDefinition patch(String object, String id, Request request) throws IOException {
        Row row = objects.get(object).get(id);
        if (row == null || row.deleted) {
            return error(404, "NOT_FOUND", "Provided external ID field does not exist or is not accessible: " + id);
        }
        var body = JSON.readTree(request.getBodyAsString());
        body.properties().forEach(field -> row.set(field.getKey(), field.getValue().asText()));
        row.set("SystemModstamp", clock.instant());
        return ResponseDefinitionBuilder.responseDefinition().withStatus(204)
                .withHeader("Sforce-Limit-Info", usage()).build();
    }

    private synchronized ResponseDefinition createTask(Request request) throws IOException {
        var body = JSON.readTree(request.getBodyAsString());
        String id = String.format("00Txx%013d", objects.get("Task").size() + 1);
        Row task = new Row(id, clock.instant());
        body.properties().forEach(field -> task.set(field.getKey(), field.getValue().asText()));
        objects.get("Task").put(id, task);
        return ResponseDefinitionBuilder.responseDefinition().withStatus(201)
                .withHeader("Content-Type", "application/json;charset=UTF-8").withHeader("Sforce-Limit-Info", usage())
                .withBody("{\"id\":\"" + id + "\",\"success\":true,\"errors\":[]}").build();
    }

    // ---- responses ----

    private ResponseDefinition failure(int index) {
        return switch (index % 7) {
            case 0 -> error(503, "SERVER_UNAVAILABLE", "Server temporarily unavailable");
            case 1 -> error(500, "UNKNOWN_EXCEPTION", "An unexpected error occurred. Please include this ErrorId "
                    + "if you contact support: 1409741047-66645 (-1311627564)");
            case 2 -> error(400, "UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access to this record");
            case 3 -> ResponseDefinitionBuilder.responseDefinition().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
            case 4 -> {
                expireSessions();
                yield error(401, "INVALID_SESSION_ID", "Session expired or invalid");
            }
            case 5 -> error(403, "REQUEST_LIMIT_EXCEEDED", "ConcurrentPerOrgLongTxn Limit exceeded.");
            default -> ResponseDefinitionBuilder.responseDefinition().withStatus(502)
                    .withHeader("Content-Type", "text/html").withBody("<html><body>502 Bad Gateway</body></html>")
                    .build();
        };
    }

    private String usage() {
        return "api-usage=" + apiUsage.get() + "/" + apiMax;
    }

    private ResponseDefinition ok(String body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                .withHeader("Content-Type", "application/json;charset=UTF-8")
                .withHeader("Sforce-Limit-Info", usage()).withBody(body).build();
    }

    ResponseDefinition error(int status, String code, String message) {
        ArrayNode errors = JSON.createArrayNode();
        errors.addObject().put("message", message).put("errorCode", code).putArray("fields");
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", "application/json;charset=UTF-8")
                .withHeader("Sforce-Limit-Info", usage()).withBody(errors.toString()).build();
    }

    /** Distinct ids of {@code object} that are not deleted. */
    synchronized Set<String> liveIds(String object) {
        Set<String> ids = new HashSet<>();
        objects.get(object).values().stream().filter(row -> !row.deleted).forEach(row -> ids.add(row.id()));
        return ids;
    }
}
