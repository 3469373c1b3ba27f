package dev.ecosystem.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A HubSpot portal served through WireMock: answers the list, search, batch association and pipeline endpoints from
 * the records it holds, in the documented JSON shapes (string property values, percent-encoded {@code after}
 * cursors, v4 association batches with per-record paging, rate-limit headers), enforcing HubSpot's page limits and
 * search's 10,000-result cap. Can fail every n-th call once, with the failures HubSpot really produces.
 */
final class FakePortal implements ResponseDefinitionTransformerV2 {
    static final String NAME = "fake-hubspot-portal";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Company(String id, String name, @Nullable String domain, @Nullable String lifecycleStage,
            Instant modifiedAt) {
    }

    record Deal(String id, String name, @Nullable String amount, @Nullable String currency, String stage,
            @Nullable LocalDate closeDate, Instant createdAt, Instant modifiedAt, List<String> companies) {
    }

    record Call(String method, String path, Instant at) {
    }

    private final String objects;
    private final String associations;
    private final String pipelines;
    private final Map<String, Company> companies = new LinkedHashMap<>();
    private final Map<String, Deal> deals = new LinkedHashMap<>();
    private final Map<String, String> stages = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger counter = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final java.time.Clock clock;
    private volatile int failEvery;
    private volatile int searchesPerSecond;
    private final AtomicInteger searchRejections = new AtomicInteger();
    private final AtomicInteger searchLimited = new AtomicInteger();
    private final List<Instant> searchesServed = new CopyOnWriteArrayList<>();

    FakePortal(String apiVersion, java.time.Clock clock) {
        ApiPaths paths = ApiPaths.forVersion(apiVersion);
        this.objects = "/" + paths.objects() + "/";
        this.associations = "/" + paths.associations() + "/deals/companies/batch/read";
        this.pipelines = "/" + paths.pipelines() + "/deals";
        this.clock = clock;
        resetStages();
    }

    /** Back to the three stages of the contract fixture. */
    void resetStages() {
        stages.clear();
        stage("qualified", "false", "0.4");
        stage("won", "true", "1.0");
        stage("lost", "true", "0.0");
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    synchronized void load(List<Company> newCompanies, List<Deal> newDeals) {
        companies.clear();
        deals.clear();
        newCompanies.stream().sorted((a, b) -> Long.compare(Long.parseLong(a.id()), Long.parseLong(b.id())))
                .forEach(c -> companies.put(c.id(), c));
        newDeals.stream().sorted((a, b) -> Long.compare(Long.parseLong(a.id()), Long.parseLong(b.id())))
                .forEach(d -> deals.put(d.id(), d));
    }

    /** Adds or replaces one company, keeping the others. */
    synchronized void put(Company company) {
        companies.put(company.id(), company);
    }

    void stage(String id, String isClosed, String probability) {
        stages.put(id, isClosed + "/" + probability);
    }

    /** Every n-th call (counting all calls) fails once; 0 turns failures off. */
    void failEvery(int n) {
        failEvery = n;
    }

    /** Enforces search's limit as HubSpot does: a search beyond {@code n} in the last second is a SECONDLY 429. */
    void enforceSearchLimit(int n) {
        searchesPerSecond = n;
    }

    /** The next {@code n} searches are refused with search's SECONDLY 429. */
    void rejectSearches(int n) {
        searchRejections.set(n);
    }

    /** How many searches were refused with a 429 (enforced limit or rejections). */
    int searchesLimited() {
        return searchLimited.get();
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

    void resetCalls() {
        calls.clear();
        counter.set(0);
        failures.set(0);
        searchesServed.clear();
        searchLimited.set(0);
        searchRejections.set(0);
        searchesPerSecond = 0;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        String path = request.getUrl().split("\\?", 2)[0];
        calls.add(new Call(request.getMethod().getName(), path, clock.instant()));
        int n = counter.incrementAndGet();
        if (failEvery > 0 && n % failEvery == 0) {
            failures.incrementAndGet();
            return failure(n / failEvery);
        }
        try {
            if (path.equals(pipelines)) {
                return ok(pipelines());
            }
            if (path.equals(associations)) {
                return ok(associationBatch(JSON.readTree(request.getBodyAsString())));
            }
            if (path.equals(objects + "companies") || path.equals(objects + "deals")) {
                return list(request, path.endsWith("companies"));
            }
            if (path.equals(objects + "companies/search") || path.equals(objects + "deals/search")) {
                if (searchLimited()) {
                    searchLimited.incrementAndGet();
                    return secondlyLimit();
                }
                return search(JSON.readTree(request.getBodyAsString()), path.contains("companies"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return error(404, "OBJECT_NOT_FOUND", "no such endpoint in the fake: " + path);
    }

    private synchronized boolean searchLimited() {
        if (searchRejections.get() > 0) {
            searchRejections.decrementAndGet();
            return true;
        }
        Instant now = clock.instant();
        int limit = searchesPerSecond;
        if (limit > 0 && searchesServed.stream().filter(at -> at.isAfter(now.minusSeconds(1))).count() >= limit) {
            return true;
        }
        searchesServed.add(now);
        return false;
    }

    /** Search's 429, as HubSpot sends it: no rate-limit headers. */
    static ResponseDefinition secondlyLimit() {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"error\",\"message\":\"You have reached your secondly limit.\","
                        + "\"errorType\":\"RATE_LIMIT\",\"correlationId\":\"4d4bbdf6-7f8a-4c3e-9c2b-2f1d0e6a7b11\","
                        + "\"policyName\":\"SECONDLY\"}")
                .build();
    }

    private ResponseDefinition failure(int index) {
        return switch (index % 6) {
            case 0 -> error(503, "SERVICE_UNAVAILABLE", "Service Unavailable");
            case 1 -> error(502, "BAD_GATEWAY", "Bad Gateway");
            case 2 -> error(504, "GATEWAY_TIMEOUT", "Gateway Timeout");
            case 3 -> error(524, "TIMEOUT", "A timeout occurred");
            case 4 -> ResponseDefinitionBuilder.responseDefinition().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
            default -> ResponseDefinitionBuilder.responseDefinition().withStatus(429)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("X-HubSpot-RateLimit-Interval-Milliseconds", "10000")
                    .withHeader("X-HubSpot-RateLimit-Max", "190")
                    .withHeader("X-HubSpot-RateLimit-Remaining", "0")
                    .withBody("{\"status\":\"error\",\"message\":\"You have reached your ten_secondly_rolling limit.\","
                            + "\"errorType\":\"RATE_LIMIT\",\"correlationId\":\"c93e06a4-7d61-4c3e-b63f-edf486fc6e90\","
                            + "\"policyName\":\"TEN_SECONDLY_ROLLING\"}")
                    .build();
        };
    }

    private synchronized ResponseDefinition list(Request request, boolean isCompanies) {
        int limit = intParam(request.queryParameter("limit"), 10);
        if (limit > 100) {
            return error(400, "VALIDATION_ERROR", "limit must be at most 100");
        }
        QueryParameter afterParam = request.queryParameter("after");
        int offset = 0;
        if (afterParam.isPresent()) {
            try {
                offset = Integer.parseInt(new String(Base64.getDecoder().decode(afterParam.firstValue()),
                        StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return error(400, "VALIDATION_ERROR", "after is not a cursor this portal issued");
            }
        }
        Set<String> wanted = Set.of(request.queryParameter("properties").firstValue().split(","));
        List<?> all = new ArrayList<>(isCompanies ? companies.values() : deals.values());
        ObjectNode page = JSON.createObjectNode();
        ArrayNode results = page.putArray("results");
        for (int i = offset; i < Math.min(all.size(), offset + limit); i++) {
            results.add(isCompanies ? company((Company) all.get(i), wanted) : deal((Deal) all.get(i), wanted));
        }
        if (offset + limit < all.size()) {
            String after = URLEncoder.encode(Base64.getEncoder().encodeToString(
                    Integer.toString(offset + limit).getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
            page.putObject("paging").putObject("next").put("after", after).put("link", "?after=" + after);
        }
        return ok(page);
    }

    private synchronized ResponseDefinition search(JsonNode body, boolean isCompanies) {
        int limit = body.path("limit").asInt(10);
        int offset = body.path("after").asInt(0);
        if (limit > 200) {
            return error(400, "VALIDATION_ERROR", "limit must be at most 200");
        }
        if (offset + limit > 10_000) {
            return error(400, "VALIDATION_ERROR", "paging past 10,000 results is not supported");
        }
        long since = Long.MIN_VALUE;
        long afterId = Long.MIN_VALUE;
        for (JsonNode filter : body.path("filterGroups").path(0).path("filters")) {
            String property = filter.path("propertyName").asText();
            String operator = filter.path("operator").asText();
            long value = Long.parseLong(filter.path("value").asText());
            if (property.equals("hs_lastmodifieddate") && operator.equals("GTE")) {
                since = value;
            } else if (property.equals("hs_object_id") && operator.equals("GT")) {
                afterId = value;
            } else {
                return error(400, "VALIDATION_ERROR", "the fake supports only the connector's filters");
            }
        }
        if (!body.path("sorts").path(0).path("propertyName").asText().equals("hs_object_id")) {
            return error(400, "VALIDATION_ERROR", "the fake supports only sorting by hs_object_id");
        }
        Set<String> wanted = new java.util.HashSet<>();
        body.path("properties").forEach(p -> wanted.add(p.asText()));
        long minModified = since;
        long minId = afterId;
        List<?> matching = (isCompanies ? companies.values().stream()
                .filter(c -> c.modifiedAt().toEpochMilli() >= minModified && Long.parseLong(c.id()) > minId)
                : deals.values().stream()
                .filter(d -> d.modifiedAt().toEpochMilli() >= minModified && Long.parseLong(d.id()) > minId))
                .toList();
        ObjectNode page = JSON.createObjectNode();
        page.put("total", matching.size());
        ArrayNode results = page.putArray("results");
        for (Object match : matching.subList(Math.min(offset, matching.size()),
                Math.min(matching.size(), offset + limit))) {
            results.add(match instanceof Company c ? company(c, wanted) : deal((Deal) match, wanted));
        }
        if (offset + limit < matching.size()) {
            page.putObject("paging").putObject("next").put("after", Integer.toString(offset + limit));
        }
        // Search responses carry no rate-limit headers.
        return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(page.toString()).build();
    }

    private synchronized JsonNode associationBatch(JsonNode body) {
        ObjectNode response = JSON.createObjectNode();
        response.put("status", "COMPLETE");
        ArrayNode results = response.putArray("results");
        ArrayNode errors = JSON.createArrayNode();
        for (JsonNode input : body.path("inputs")) {
            Deal deal = deals.get(input.path("id").asText());
            if (deal == null || deal.companies().isEmpty()) {
                errors.addObject().put("status", "error").put("category", "OBJECT_NOT_FOUND")
                        .put("message", "No company is associated with deal " + input.path("id").asText());
                continue;
            }
            ObjectNode result = results.addObject();
            result.putObject("from").put("id", deal.id());
            ArrayNode to = result.putArray("to");
            boolean firstPage = !input.hasNonNull("after");
            // Two companies come in two pages; the second page repeats the first company, as labelled and unlabelled
            // associations of the same company do.
            List<String> ids = firstPage ? deal.companies().subList(0, 1) : deal.companies();
            for (String id : ids) {
                ObjectNode target = to.addObject();
                if (id.startsWith("0")) {
                    target.put("toObjectId", id);
                } else {
                    target.put("toObjectId", Long.parseLong(id));
                }
                ArrayNode types = target.putArray("associationTypes");
                types.addObject().put("category", "HUBSPOT_DEFINED").put("typeId", 5).put("label", "Primary");
                types.addObject().put("category", "HUBSPOT_DEFINED").put("typeId", 341).putNull("label");
            }
            if (firstPage && deal.companies().size() > 1) {
                result.putObject("paging").putObject("next").put("after", "MTAw");
            }
        }
        if (!errors.isEmpty()) {
            response.set("errors", errors);
        }
        response.put("startedAt", "2026-05-01T10:00:00.000Z").put("completedAt", "2026-05-01T10:00:00.050Z");
        return response;
    }

    private JsonNode pipelines() {
        ObjectNode response = JSON.createObjectNode();
        ObjectNode pipeline = response.putArray("results").addObject();
        pipeline.put("id", "default").put("label", "Sales Pipeline").put("displayOrder", 0).put("archived", false);
        ArrayNode stageList = pipeline.putArray("stages");
        int order = 0;
        for (Map.Entry<String, String> stage : new java.util.TreeMap<>(stages).entrySet()) {
            String[] meta = stage.getValue().split("/");
            ObjectNode node = stageList.addObject();
            node.put("id", stage.getKey()).put("label", "Stage " + stage.getKey()).put("displayOrder", order++)
                    .put("archived", false);
            node.putObject("metadata").put("isClosed", meta[0]).put("probability", meta[1]);
        }
        return response;
    }

    private static ObjectNode company(Company company, Set<String> wanted) {
        Map<String, @Nullable String> properties = new HashMap<>();
        properties.put("name", company.name());
        properties.put("domain", company.domain());
        properties.put("lifecyclestage", company.lifecycleStage());
        properties.put("createdate", "2020-01-09T20:11:27.309Z");
        properties.put("hs_lastmodifieddate", company.modifiedAt().toString());
        return object(company.id(), properties, wanted, "2020-01-09T20:11:27.309Z", company.modifiedAt());
    }

    private static ObjectNode deal(Deal deal, Set<String> wanted) {
        Map<String, @Nullable String> properties = new HashMap<>();
        properties.put("dealname", deal.name());
        properties.put("amount", deal.amount());
        properties.put("deal_currency_code", deal.currency());
        properties.put("pipeline", "default");
        properties.put("dealstage", deal.stage());
        properties.put("closedate", deal.closeDate() == null ? null
                : deal.closeDate().atStartOfDay(ZoneOffset.UTC).toInstant().toString());
        properties.put("createdate", deal.createdAt().toString());
        properties.put("hs_lastmodifieddate", deal.modifiedAt().toString());
        properties.put("hs_deal_stage_probability", "0.200000000000000011102230246251565404236316680908203125");
        return object(deal.id(), properties, wanted, deal.createdAt().toString(), deal.modifiedAt());
    }

    private static ObjectNode object(String id, Map<String, @Nullable String> all, Set<String> wanted,
            String createdAt, Instant updatedAt) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", id);
        ObjectNode properties = node.putObject("properties");
        for (Map.Entry<String, @Nullable String> property : all.entrySet()) {
            if (wanted.contains(property.getKey())) {
                properties.put(property.getKey(), property.getValue());
            }
        }
        properties.put("hs_object_id", id);
        node.put("createdAt", createdAt).put("updatedAt", updatedAt.toString()).put("archived", false);
        node.put("url", "https://app.hubspot.com/contacts/62515/record/0-2/" + id);
        return node;
    }

    private ResponseDefinition ok(JsonNode body) {
        int remaining = 189 - counter.get() % 190;
        return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                .withHeader("Content-Type", "application/json;charset=utf-8")
                .withHeader("X-HubSpot-RateLimit-Max", "190")
                .withHeader("X-HubSpot-RateLimit-Remaining", Integer.toString(Math.max(remaining, 50)))
                .withHeader("X-HubSpot-RateLimit-Interval-Milliseconds", "10000")
                .withHeader("X-HubSpot-RateLimit-Daily", "1000000")
                .withHeader("X-HubSpot-RateLimit-Daily-Remaining", "999000")
                .withHeader("X-HubSpot-Correlation-Id", "a43683b0-5717-4ceb-80b4-104d02915d8c")
                .withBody(body.toString()).build();
    }

    static ResponseDefinition error(int status, String category, String message) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("X-HubSpot-Correlation-Id", "corr-" + status)
                .withBody("{\"status\":\"error\",\"message\":\"" + message + "\",\"category\":\"" + category
                        + "\",\"correlationId\":\"corr-" + status + "\"}")
                .build();
    }

    private static int intParam(QueryParameter parameter, int fallback) {
        return parameter.isPresent() ? Integer.parseInt(parameter.firstValue()) : fallback;
    }
}
