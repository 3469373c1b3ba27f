package dev.ecosystem.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.spi.ProviderException;
import dev.ecosystem.spi.QuotaExhaustedException;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.http.QuotaStops;
import dev.ecosystem.spi.support.Cursors;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.spi.CrmChanges;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes one org through {@link RestTransport}: SOQL queries (following {@code nextRecordsUrl}), keyset
 * pages, the change feed, full reads through a {@link FullReader} chosen by a {@code COUNT()}, the org's currency
 * settings, and idempotent write-back.
 */
final class Org {
    private static final Logger LOG = LoggerFactory.getLogger(Org.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=UTF-8");
    /** The most rows one SOQL page asks for: REST returns query results in batches of up to 2,000. */
    static final int QUERY_MAX = 2000;
    /** A record id: 15 characters (case-sensitive) or 18 (case-safe). */
    private static final Pattern RECORD_ID = Pattern.compile("[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?");
    private static final String ACCOUNTS_LISTING = "salesforce/Account";
    private static final String OPPORTUNITIES_LISTING = "salesforce/Opportunity";
    static final String INTRO_SUBJECT = "Partner introduction";

    /** Settings of reads and write-back. */
    record Settings(String apiVersion, Duration clockSkew, Duration recycleBinWindow, long bulkThreshold,
            @Nullable String partnerSourceField) {
    }

    /** The org's currencies: whether records carry {@code CurrencyIsoCode}, and the default currency. */
    record Currencies(boolean multiCurrency, Currency defaultCurrency) {
    }

    private final RestTransport transport;
    private final RestTransport.Sessions sessions;
    private final RecordMapping mapping;
    private final Clock clock;
    private final Settings settings;
    private final FullReader rest;
    private final @Nullable FullReader largeReader;
    private volatile @Nullable Currencies currencies;

    Org(RestTransport transport, RestTransport.Sessions sessions, RecordMapping mapping, Clock clock,
            Settings settings, @Nullable FullReader largeReader) {
        this.transport = transport;
        this.sessions = sessions;
        this.mapping = mapping;
        this.clock = clock;
        this.settings = settings;
        this.largeReader = largeReader;
        this.rest = new RestFullReader(this);
    }

    // ---- queries ----

    /**
     * Runs a SOQL query, following {@code nextRecordsUrl} until {@code done}, handing every record to
     * {@code records}.
     *
     * @param all {@code queryAll} (deleted and archived rows too) instead of {@code query}
     * @return the query's {@code totalSize}
     */
    long query(String object, String soql, boolean all, Consumer<JsonNode> records) {
        RestTransport.What what = new RestTransport.What(all ? "queryAll" : "query", object, soql);
        JsonNode page = transport.call(what, RestTransport.Repeat.SAFE, sessions,
                session -> get(dataUrl(session, all ? "queryAll" : "query").addQueryParameter("q", soql).build()));
        long total = page.path("totalSize").asLong();
        while (true) {
            page.path("records").forEach(records);
            String next = page.path("nextRecordsUrl").asText(null);
            if (page.path("done").asBoolean(true) || next == null) {
                return total;
            }
            page = transport.call(what, RestTransport.Repeat.SAFE, sessions, session -> {
                HttpUrl url = session.instanceUrl().resolve(next);
                if (url == null) {
                    throw ProviderException.refused(RestTransport.PROVIDER, 200, null, what
                            + " returned a nextRecordsUrl that is not a path: " + Checks.quote(next), null);
                }
                return get(url);
            });
        }
    }

    /** {@code SELECT COUNT() FROM object}: Salesforce answers with {@code totalSize} and no records. */
    long count(String object) {
        return query(object, "SELECT COUNT() FROM " + object, false, record -> { });
    }

    /** A REST record's values by field name, as {@link RecordMapping} reads them. */
    static RecordMapping.Fields fields(JsonNode record) {
        return field -> {
            JsonNode value = record.get(field);
            if (value == null || value.isNull() || value.isMissingNode()) {
                return null;
            }
            return value.isValueNode() ? value.asText() : value.toString();
        };
    }

    // ---- the CrmConnector reads ----

    Page<Account> accounts(PageRequest request) {
        String after = after(ACCOUNTS_LISTING, request);
        String soql = "SELECT " + String.join(", ", mapping.accountFields()) + " FROM Account"
                + (after == null ? "" : " WHERE Id > " + literal(after)) + " ORDER BY Id LIMIT " + size(request);
        return QuotaStops.withResumeCheckpoint(resume(ACCOUNTS_LISTING, request), () -> {
            List<Account> accounts = new ArrayList<>();
            query("Account", soql, false, record -> accounts.add(mapping.account(fields(record))));
            return new Page<>(accounts, next(ACCOUNTS_LISTING, accounts.size() < size(request) || accounts.isEmpty()
                    ? null : accounts.get(accounts.size() - 1).id().value()));
        });
    }

    Page<Deal> deals(PageRequest request) {
        String after = after(OPPORTUNITIES_LISTING, request);
        return QuotaStops.withResumeCheckpoint(resume(OPPORTUNITIES_LISTING, request), () -> {
            Currencies org = currencies();
            String soql = "SELECT " + String.join(", ", mapping.opportunityFields(org.multiCurrency()))
                    + " FROM Opportunity" + (after == null ? "" : " WHERE Id > " + literal(after)) + " ORDER BY Id LIMIT "
                    + size(request);
            List<Deal> deals = new ArrayList<>();
            query("Opportunity", soql, false, record -> deals.add(mapping.deal(fields(record), org.defaultCurrency())));
            return new Page<>(deals, next(OPPORTUNITIES_LISTING, deals.size() < size(request) || deals.isEmpty()
                    ? null : deals.get(deals.size() - 1).id().value()));
        });
    }

    CrmChanges changes(@Nullable String checkpoint, int limit) {
        Checks.range(limit, 1, PageRequest.MAX_SIZE, "limit");
        Instant now = clock.instant();
        ChangeCheckpoint start = (checkpoint == null ? ChangeCheckpoint.beginning()
                : ChangeCheckpoint.decode(checkpoint)).started(now);
        if (!start.fromBeginning() && start.since().isBefore(now.minus(settings.recycleBinWindow()))) {
            throw new ValidationException("checkpoint is from " + start.since() + ", older than the org's recycle bin "
                    + "keeps deleted records (recycleBinWindow " + settings.recycleBinWindow() + "), so deletions "
                    + "since then can no longer be read: run a full sync (changesSince(null, ...) and a listing of "
                    + "the CRM) and continue from its checkpoint");
        }
        return QuotaStops.withResumeCheckpoint(start.encode(), () -> {
            List<Account> accounts = new ArrayList<>();
            List<Deal> deals = new ArrayList<>();
            List<AccountId> deletedAccounts = new ArrayList<>();
            List<DealId> deletedDeals = new ArrayList<>();
            ChangeCheckpoint at = start;
            boolean passDone = false;
            int read = 0;
            while (read < limit) {
                int size = Math.min(QUERY_MAX, limit - read);
                ChangeCheckpoint.Phase phase = at.phase();
                List<JsonNode> rows = new ArrayList<>();
                query(phase.object, changeSoql(at, size), phase.deleted, rows::add);
                for (JsonNode row : rows) {
                    RecordMapping.Fields fields = fields(row);
                    switch (phase) {
                        case ACCOUNTS -> accounts.add(mapping.account(fields));
                        case OPPORTUNITIES -> deals.add(mapping.deal(fields, currencies().defaultCurrency()));
                        case DELETED_ACCOUNTS -> deletedAccounts.add(AccountId.of(row.path("Id").asText()));
                        case DELETED_OPPORTUNITIES -> deletedDeals.add(DealId.of(row.path("Id").asText()));
                    }
                }
                read += rows.size();
                if (!rows.isEmpty()) {
                    JsonNode last = rows.get(rows.size() - 1);
                    Instant stamp = RecordMapping.instant(fields(last).get("SystemModstamp"), last.path("Id").asText());
                    if (stamp == null) {
                        throw ProviderException.refused(RestTransport.PROVIDER, 200, null, "a " + phase.object
                                + " row of the change feed has no SystemModstamp", null);
                    }
                    at = at.after(stamp, last.path("Id").asText());
                }
                if (rows.size() < size) {
                    ChangeCheckpoint next = at.nextPhase();
                    if (next == null) {
                        Instant passStart = Checks.required(at.passStart(), "passStart");
                        at = at.nextPass(passStart.minus(settings.clockSkew()));
                        passDone = true;
                        break;
                    }
                    at = next;
                }
            }
            return new CrmChanges(accounts, deals, deletedAccounts, deletedDeals, at.encode(), !passDone);
        });
    }

    /** A checkpoint whose pass reads what is modified from now on, less the clock-skew margin. */
    String currentCheckpoint() {
        return ChangeCheckpoint.beginning().nextPass(clock.instant().minus(settings.clockSkew())).encode();
    }

    private String changeSoql(ChangeCheckpoint at, int size) {
        ChangeCheckpoint.Phase phase = at.phase();
        String fields = phase.deleted ? "Id, SystemModstamp"
                : String.join(", ", phase == ChangeCheckpoint.Phase.ACCOUNTS ? mapping.accountFields()
                        : mapping.opportunityFields(currencies().multiCurrency()));
        String keyset;
        if (at.afterStamp() == null || at.afterId() == null) {
            keyset = "SystemModstamp >= " + literal(at.since());
        } else {
            String stamp = literal(at.afterStamp());
            keyset = "(SystemModstamp > " + stamp + " OR (SystemModstamp = " + stamp + " AND Id > "
                    + literal(at.afterId()) + "))";
        }
        return "SELECT " + fields + " FROM " + phase.object + " WHERE " + (phase.deleted ? "IsDeleted = true AND " : "")
                + keyset + " ORDER BY SystemModstamp, Id LIMIT " + size;
    }

    // ---- full reads ----

    /**
     * Reads every account, then every opportunity, each object through the reader its {@code COUNT()} calls for.
     *
     * @return how many rows of each object were read: accounts, then opportunities
     */
    long[] readAll(Consumer<Account> accounts, Consumer<Deal> deals) {
        long[] read = new long[2];
        reader("Account").read("Account", "SELECT " + String.join(", ", mapping.accountFields()) + " FROM Account",
                sessions, row -> {
                    accounts.accept(mapping.account(row));
                    read[0]++;
                });
        Currencies org = currencies();
        reader("Opportunity").read("Opportunity", "SELECT " + String.join(", ",
                        mapping.opportunityFields(org.multiCurrency())) + " FROM Opportunity", sessions, row -> {
                    deals.accept(mapping.deal(row, org.defaultCurrency()));
                    read[1]++;
                });
        return read;
    }

    /** The reader for a full read of {@code object}: the large-object reader past the threshold, REST otherwise. */
    FullReader reader(String object) {
        if (largeReader == null) {
            return rest;
        }
        long rows = count(object);
        boolean large = rows > settings.bulkThreshold();
        LOG.debug("{} has {} rows: full read through {}", object, rows, large ? "the large-object reader" : "REST");
        return large ? largeReader : rest;
    }

    // ---- org settings ----

    /**
     * The org's currencies, read once: multi-currency orgs have {@code CurrencyIsoCode} on Opportunity (its describe
     * lists the field); the default currency is {@code Organization.DefaultCurrencyIsoCode}.
     */
    Currencies currencies() {
        Currencies known = currencies;
        if (known != null) {
            return known;
        }
        JsonNode describe = transport.call(new RestTransport.What("describe", "Opportunity", null),
                RestTransport.Repeat.SAFE, sessions,
                session -> get(dataUrl(session, "sobjects/Opportunity/describe").build()));
        boolean multi = false;
        for (JsonNode field : describe.path("fields")) {
            multi |= RecordMapping.CURRENCY_FIELD.equals(field.path("name").asText());
        }
        String[] code = new String[1];
        query("Organization", "SELECT DefaultCurrencyIsoCode FROM Organization", false,
                record -> code[0] = record.path("DefaultCurrencyIsoCode").asText(null));
        if (code[0] == null) {
            throw ProviderException.refused(RestTransport.PROVIDER, 200, null,
                    "the org's Organization record has no DefaultCurrencyIsoCode", null);
        }
        Currency currency;
        try {
            currency = Currency.getInstance(code[0].strip());
        } catch (IllegalArgumentException e) {
            throw ProviderException.refused(RestTransport.PROVIDER, 200, null, "the org's DefaultCurrencyIsoCode is "
                    + "not an ISO 4217 code: " + Checks.quote(code[0]), null);
        }
        Currencies found = new Currencies(multi, currency);
        currencies = found;
        return found;
    }

    // ---- write-back ----

    /** Sets the opportunity's partner source field, unless it holds that value already (no write, no new stamp). */
    void setPartnerSource(DealId deal, String field, String value) {
        String id = recordId(deal.value(), "deal");
        JsonNode[] found = new JsonNode[1];
        query("Opportunity", "SELECT Id, " + field + " FROM Opportunity WHERE Id = " + literal(id), false,
                record -> found[0] = record);
        if (found[0] == null) {
            throw new NotFoundException("opportunity " + id + " does not exist in the org (or the user cannot see it)");
        }
        if (value.equals(found[0].path(field).asText(null))) {
            LOG.debug("opportunity {} already has its partner source", id);
            return;
        }
        ObjectNode body = transport.json().createObjectNode().put(field, value);
        transport.call(new RestTransport.What("update", "Opportunity", null), RestTransport.Repeat.SAFE, sessions,
                session -> new Request.Builder().url(dataUrl(session, "sobjects/Opportunity/" + id).build())
                        .patch(RequestBody.create(body.toString(), JSON)).build());
    }

    /**
     * Logs an introduction as a completed Task on the account, once: the subject carries a marker derived from the
     * account and the note, looked up before creating, and looked up again before a retry whose first try may have
     * created the Task.
     */
    void logIntroduction(AccountId account, String note, int attempts) {
        String id = recordId(account.value(), "account");
        String subject = INTRO_SUBJECT + " [eco:" + marker(id, note) + "]";
        String lookup = "SELECT Id FROM Task WHERE WhatId = " + literal(id) + " AND Subject = " + literal(subject)
                + " LIMIT 1";
        ObjectNode task = transport.json().createObjectNode()
                .put("Subject", subject).put("WhatId", id).put("Description", note).put("Status", "Completed")
                .put("ActivityDate", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString());
        for (int attempt = 1; ; attempt++) {
            boolean[] exists = new boolean[1];
            query("Task", lookup, false, record -> exists[0] = true);
            if (exists[0]) {
                LOG.debug("the introduction Task on account {} exists already", id);
                return;
            }
            try {
                transport.call(new RestTransport.What("create", "Task", null),
                        RestTransport.Repeat.ONLY_IF_NOT_PROCESSED, sessions,
                        session -> new Request.Builder().url(dataUrl(session, "sobjects/Task").build())
                                .post(RequestBody.create(task.toString(), JSON)).build());
                return;
            } catch (ProviderException e) {
                if (!e.retryable() || e instanceof QuotaExhaustedException || attempt >= attempts) {
                    throw e;
                }
                LOG.debug("creating the introduction Task on account {} had an unknown outcome; looking it up again",
                        id);
            }
        }
    }

    static String marker(String accountId, String note) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((accountId + "\n" + note).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    // ---- helpers ----

    private HttpUrl.Builder dataUrl(OrgSession session, String path) {
        return session.instanceUrl().newBuilder().encodedPath("/services/data/v" + settings.apiVersion() + "/")
                .addPathSegments(path);
    }

    private static Request get(HttpUrl url) {
        return new Request.Builder().url(url).get().build();
    }

    /** A SOQL string literal: backslash, quotes and line breaks escaped. */
    static String literal(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('\'');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('\'').toString();
    }

    /**
     * A SOQL dateTime literal (UTC, to the second, unquoted). Salesforce keeps {@code SystemModstamp} to the second
     * (REST shows {@code .000}), so the keyset loses nothing by the truncation.
     */
    static String literal(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String recordId(String value, String field) {
        if (!RECORD_ID.matcher(value).matches()) {
            throw new ValidationException(field + " must be a Salesforce record id of 15 or 18 letters and digits, "
                    + "but was " + Checks.quote(value));
        }
        return value;
    }

    private static int size(PageRequest request) {
        return Math.min(request.size(), QUERY_MAX);
    }

    private static @Nullable String after(String listing, PageRequest request) {
        String after = Cursors.decode(listing, request.cursor());
        return after == null || after.isEmpty() ? null : after;
    }

    private static @Nullable String next(String listing, @Nullable String lastId) {
        return lastId == null ? null : Cursors.encode(listing, lastId);
    }

    private static String resume(String listing, PageRequest request) {
        return request.cursor() != null ? request.cursor() : Cursors.encode(listing, "");
    }
}
