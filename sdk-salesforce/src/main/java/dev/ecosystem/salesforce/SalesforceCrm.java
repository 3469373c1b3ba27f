package dev.ecosystem.salesforce;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.http.HttpSettings;
import dev.ecosystem.http.RetryExecutor;
import dev.ecosystem.http.Sleeper;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.spi.CrmChanges;
import dev.ecosystem.spi.CrmConnector;
import dev.ecosystem.spi.Telemetry;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * A {@link CrmConnector} for one tenant's Salesforce org.
 *
 * <p>Reads Accounts (name, website, billing country, owner, type, configured custom fields) and Opportunities (amount,
 * stage, {@code IsClosed}/{@code IsWon}, close and created dates, {@code CurrencyIsoCode} in multi-currency orgs and the
 * org's default currency otherwise) through REST SOQL, in keyset pages by {@code Id}; changes since a checkpoint by
 * {@code SystemModstamp} in keyset order, with deletions from the recycle bin through {@code queryAll}; a full read of
 * every record ({@link #readAll}) that picks REST or the Bulk API 2.0 per object from a {@code COUNT()}. Signs in by
 * the OAuth 2.0 web-server flow's refresh token (rotated refresh tokens handed back to the host) or the JWT bearer
 * flow, always calling the instance URL of the token response. Reads {@code Sforce-Limit-Info} on every response and
 * slows down, then stops, before the org's daily allocation runs out; {@code REQUEST_LIMIT_EXCEEDED} is a
 * {@link dev.ecosystem.spi.QuotaExhaustedException} with a resume checkpoint; an expired session is renewed once and the
 * call retried; a revoked grant raises {@link dev.ecosystem.spi.ReauthorizationRequiredException}; 5xx, timeouts,
 * {@code UNABLE_TO_LOCK_ROW} and {@code SERVER_UNAVAILABLE} are retried with jittered backoff; everything else is a
 * {@link dev.ecosystem.spi.ProviderException} naming the object, the SOQL and Salesforce's error code. Thread-safe.
 *
 * <pre>{@code
 * CrmConnector crm = SalesforceCrm.builder()
 *         .tenant(CompanyId.of("acme"))
 *         .oauth(consumerKey, consumerSecret, vault.refreshToken("acme"), rotated -> vault.storeRefreshToken("acme", rotated))
 *         .accountFields("Partner_Tier__c")
 *         .partnerSourceField("Partner_Source__c")
 *         .build();
 * Page<Account> first = crm.accounts(PageRequest.first(1000));
 * }</pre>
 */
public final class SalesforceCrm implements CrmConnector {
    private static final Pattern API_VERSION = Pattern.compile("\\d{2,3}\\.0");

    private final CompanyId tenant;
    private final Org org;
    private final @Nullable String partnerSourceField;
    private final int maxAttempts;

    private SalesforceCrm(CompanyId tenant, Org org, @Nullable String partnerSourceField, int maxAttempts) {
        this.tenant = tenant;
        this.org = org;
        this.partnerSourceField = partnerSourceField;
        this.maxAttempts = maxAttempts;
    }

    /** Starts a builder: {@link Builder#tenant} and one of the credentials are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * How many rows a {@link #readAll} read.
     *
     * @param accounts accounts read
     * @param opportunities opportunities read
     */
    public record FullRead(long accounts, long opportunities) {
    }

    /** Returns {@code "salesforce"}. */
    @Override
    public String provider() {
        return RestTransport.PROVIDER;
    }

    @Override
    public CompanyId tenant() {
        return tenant;
    }

    /** {@inheritDoc} In {@code Id} order, one SOQL query per page (pages above 2,000 are lowered to it). */
    @Override
    public Page<Account> accounts(PageRequest page) {
        Checks.required(page, "page");
        return org.accounts(page);
    }

    /** {@inheritDoc} In {@code Id} order; the deal's accounts are its {@code AccountId} and the configured lookups. */
    @Override
    public Page<Deal> deals(PageRequest page) {
        Checks.required(page, "page");
        return org.deals(page);
    }

    /**
     * {@inheritDoc} Deletions are reported from the recycle bin, which keeps deleted records about 15 days: a
     * checkpoint older than the builder's {@link Builder#recycleBinWindow} is refused with a
     * {@link ValidationException} saying to run a full sync, since deletions from before it can no longer be read.
     */
    @Override
    public CrmChanges changesSince(@Nullable String checkpoint, int limit) {
        return org.changes(checkpoint, limit);
    }

    /** {@inheritDoc} A pass over what is modified from now on, less the clock-skew margin. */
    @Override
    public String currentCheckpoint() {
        return org.currentCheckpoint();
    }

    /**
     * Reads every account, then every opportunity, handing each over as it comes: a full sync without pages. Where a
     * Bulk API 2.0 reader is available, each object is counted first ({@code SELECT COUNT()}) and read through it past
     * {@link Builder#bulkThreshold}; otherwise, and below the threshold, through one REST query whose batches are
     * followed by {@code nextRecordsUrl}.
     *
     * @return how many rows were read
     */
    public FullRead readAll(Consumer<Account> accounts, Consumer<Deal> deals) {
        Checks.required(accounts, "accounts");
        Checks.required(deals, "deals");
        long[] read = org.readAll(accounts, deals);
        return new FullRead(read[0], read[1]);
    }

    /** True when the builder was given a {@link Builder#partnerSourceField partner source field}. */
    @Override
    public boolean supportsWriteBack() {
        return partnerSourceField != null;
    }

    /**
     * Sets the opportunity's partner source field to {@code partnerName}; reads it first and writes only when it
     * differs, so a repeat neither writes nor moves the record's {@code SystemModstamp}.
     */
    @Override
    public void recordPartnerSource(DealId deal, CompanyId partner, String partnerName) {
        if (partnerSourceField == null) {
            CrmConnector.super.recordPartnerSource(deal, partner, partnerName);
            return;
        }
        Checks.required(deal, "deal");
        Checks.required(partner, "partner");
        org.setPartnerSource(deal, partnerSourceField, Checks.singleLine(partnerName, "partnerName", 255));
    }

    /**
     * Logs the introduction as a completed Task on the account, once: the Task's subject carries a marker derived
     * from the account and the note, and is looked up before the Task is created.
     */
    @Override
    public void logIntroduction(AccountId account, String note) {
        if (partnerSourceField == null) {
            CrmConnector.super.logIntroduction(account, note);
            return;
        }
        Checks.required(account, "account");
        org.logIntroduction(account, Checks.text(note, "note", 32_000), maxAttempts);
    }

    @Override
    public String toString() {
        return "SalesforceCrm[tenant=" + tenant + "]";
    }

    /** Configures a {@link SalesforceCrm}. Not thread-safe; build once per tenant and share the connector. */
    public static final class Builder {
        private @Nullable CompanyId tenant;
        private OrgAuth.@Nullable Grant grant;
        private HttpUrl loginUrl = HttpUrl.get("https://login.salesforce.com/");
        private @Nullable String audience;
        private String apiVersion = "62.0";
        private final List<String> accountFields = new ArrayList<>();
        private final List<String> opportunityFields = new ArrayList<>();
        private final List<String> accountLookups = new ArrayList<>();
        private @Nullable String partnerSourceField;
        private long bulkThreshold = 50_000;
        private @Nullable FullReader largeObjectReader;
        private int maxConcurrentRequests = 5;
        private double slowDownAt = 0.8;
        private double stopAt = 0.95;
        private Duration usageStaleAfter = Duration.ofHours(1);
        private Duration clockSkew = Duration.ofMinutes(5);
        private Duration recycleBinWindow = Duration.ofDays(15);
        private Duration maxSessionAge = Duration.ofHours(1);
        private Clock clock = Clock.systemUTC();
        private Telemetry telemetry = Telemetry.none();
        private final HttpSettings.Builder http = HttpSettings.builder().timeout(Duration.ofSeconds(30))
                .callTimeout(Duration.ofSeconds(120)).maxAttempts(5).initialBackoff(Duration.ofMillis(500))
                .maxBackoff(Duration.ofSeconds(30));

        private Builder() {
        }

        /** The tenant whose org this reads (required). */
        public Builder tenant(CompanyId tenant) {
            this.tenant = Checks.required(tenant, "tenant");
            return this;
        }

        /**
         * The OAuth 2.0 web-server flow: the connected app's consumer key and secret (the secret may be {@code null}
         * where the app does not require it for refreshes) and the refresh token from the authorization. When
         * Salesforce rotates the refresh token (the connected app's refresh token rotation), {@code onRotated}
         * receives the new one to store in place of the old.
         */
        public Builder oauth(String consumerKey, @Nullable String consumerSecret, String refreshToken,
                Consumer<String> onRotated) {
            this.grant = new OrgAuth.RefreshGrant(Checks.singleLine(consumerKey, "consumerKey", 500),
                    consumerSecret == null ? null : Checks.singleLine(consumerSecret, "consumerSecret", 500),
                    Checks.singleLine(refreshToken, "refreshToken", 4096), Checks.required(onRotated, "onRotated"));
            return this;
        }

        /**
         * The OAuth 2.0 JWT bearer flow (server to server): the connected app's consumer key, the user to act as
         * (pre-authorized for the app) and the RSA private key whose certificate is uploaded to the app.
         */
        public Builder jwtBearer(String consumerKey, String username, PrivateKey key) {
            Checks.required(key, "key");
            if (!"RSA".equals(key.getAlgorithm())) {
                throw new ValidationException("key must be an RSA private key (the JWT bearer flow signs with RS256), "
                        + "but was a " + key.getAlgorithm() + " key");
            }
            this.grant = new OrgAuth.JwtGrant(Checks.singleLine(consumerKey, "consumerKey", 500),
                    Checks.singleLine(username, "username", 320), "", key);
            return this;
        }

        /**
         * Where sessions come from: {@code https://login.salesforce.com} (the default), {@code
         * https://test.salesforce.com} for sandboxes, or the org's My Domain URL. API calls go to the instance URL of
         * the token response, never here.
         */
        public Builder loginUrl(String url) {
            this.loginUrl = url(url, "loginUrl");
            return this;
        }

        /** The JWT bearer assertion's audience; the {@link #loginUrl} (without a trailing slash) by default. */
        public Builder jwtAudience(String audience) {
            this.audience = Checks.singleLine(audience, "jwtAudience", 500);
            return this;
        }

        /** The REST API version, such as {@code 62.0} (the default). */
        public Builder apiVersion(String version) {
            Checks.singleLine(version, "apiVersion", 10);
            if (!API_VERSION.matcher(version).matches()) {
                throw new ValidationException("apiVersion must be a Salesforce API version such as 62.0, but was "
                        + Checks.quote(version));
            }
            this.apiVersion = version;
            return this;
        }

        /** Further Account fields (custom ones end in {@code __c}) to read into {@link Account#properties()}. */
        public Builder accountFields(String... fields) {
            for (String field : fields) {
                accountFields.add(RecordMapping.fieldName(field, "accountFields"));
            }
            return this;
        }

        /** Further Opportunity fields to read into {@link Deal#properties()}. */
        public Builder opportunityFields(String... fields) {
            for (String field : fields) {
                opportunityFields.add(RecordMapping.fieldName(field, "opportunityFields"));
            }
            return this;
        }

        /**
         * Further Opportunity lookup fields to Account (such as {@code Partner_Account__c}) whose accounts the deal is
         * associated with too, besides its {@code AccountId}.
         */
        public Builder opportunityAccountLookups(String... fields) {
            for (String field : fields) {
                accountLookups.add(RecordMapping.fieldName(field, "opportunityAccountLookups"));
            }
            return this;
        }

        /**
         * Enables write-back: the Opportunity field (created by the host's admin, such as {@code Partner_Source__c})
         * that {@link #recordPartnerSource} sets. Introductions are logged as Tasks, which needs create access to
         * Task.
         */
        public Builder partnerSourceField(String field) {
            this.partnerSourceField = RecordMapping.fieldName(field, "partnerSourceField");
            return this;
        }

        /** Past how many rows {@link #readAll} reads an object through the Bulk API 2.0; 50,000 by default. */
        public Builder bulkThreshold(long rows) {
            this.bulkThreshold = Checks.nonNegative(rows, "bulkThreshold");
            return this;
        }

        /** The reader for objects past {@link #bulkThreshold}: the Bulk API 2.0 query job reader. */
        Builder largeObjectReader(FullReader reader) {
            this.largeObjectReader = Checks.required(reader, "largeObjectReader");
            return this;
        }

        /**
         * How many calls this connector has under way at once, 1 to 25; 5 by default. Salesforce limits the org's
         * concurrent long-running requests (25 in production orgs), shared by all its apps.
         */
        public Builder maxConcurrentRequests(int requests) {
            this.maxConcurrentRequests = Checks.range(requests, 1, 25, "maxConcurrentRequests");
            return this;
        }

        /**
         * The share of the org's daily API allocation (from {@code Sforce-Limit-Info}) from which calls are spaced out
         * (0.8 by default), and from which none is sent (0.95 by default), leaving the rest to the org's other apps.
         */
        public Builder apiUsageThresholds(double slowDownAt, double stopAt) {
            if (!(slowDownAt > 0 && slowDownAt <= stopAt && stopAt <= 1)) {
                throw new ValidationException("apiUsageThresholds must satisfy 0 < slowDownAt <= stopAt <= 1, but were "
                        + slowDownAt + " and " + stopAt);
            }
            this.slowDownAt = slowDownAt;
            this.stopAt = stopAt;
            return this;
        }

        /**
         * How long a stop for the daily allocation lasts before one call looks again (usage is counted over a
         * rolling 24 hours), and the retry time a quota error gives; one hour by default.
         */
        public Builder apiUsageStaleAfter(Duration duration) {
            this.usageStaleAfter = Checks.positive(duration, "apiUsageStaleAfter");
            return this;
        }

        /** How much each change pass reads again before the previous one started; 5 minutes by default. */
        public Builder clockSkew(Duration skew) {
            this.clockSkew = Checks.required(skew, "clockSkew");
            Checks.nonNegative(skew.toMillis(), "clockSkew");
            return this;
        }

        /** How long the recycle bin keeps deleted records; 15 days (Salesforce's documented period) by default. */
        public Builder recycleBinWindow(Duration window) {
            this.recycleBinWindow = Checks.positive(window, "recycleBinWindow");
            return this;
        }

        /**
         * How long a session is used before it is renewed even if Salesforce has not refused it; one hour by
         * default (the org's session timeout decides when Salesforce refuses it; a refusal renews it at once).
         */
        public Builder maxSessionAge(Duration age) {
            this.maxSessionAge = Checks.positive(age, "maxSessionAge");
            return this;
        }

        /** Where every answer of Salesforce (token calls too) is reported with its HTTP status. */
        public Builder telemetry(Telemetry telemetry) {
            this.telemetry = Checks.required(telemetry, "telemetry");
            return this;
        }

        /**
         * Timeouts, attempts and the {@link Sleeper} that waits (backoff, pacing), starting from this connector's
         * defaults: connect, read and write 30 seconds; 120 seconds for a whole call from start to the last byte (a
         * SOQL query may run up to two minutes; the read timeout alone never ends a call whose server trickles bytes,
         * and a call cut off is retried like other timeouts); 5 attempts per call for transient failures; backoff
         * from 500 ms doubling with jitter up to 30 seconds; {@link Sleeper#system()}. At most 10 attempts:
         * {@link #build} refuses more.
         */
        public Builder http(Consumer<HttpSettings.Builder> settings) {
            Checks.required(settings, "http").accept(http);
            return this;
        }

        /** The clock for sessions, usage windows and checkpoints. */
        public Builder clock(Clock clock) {
            this.clock = Checks.required(clock, "clock");
            return this;
        }

        /**
         * Builds the connector.
         *
         * @throws ValidationException when the tenant or the credentials are missing, or more than 10 attempts are set
         */
        public SalesforceCrm build() {
            CompanyId owner = Checks.required(tenant, "tenant");
            if (grant == null) {
                throw new ValidationException("credentials must be given by oauth(...) or jwtBearer(...), but neither "
                        + "was");
            }
            OrgAuth.Grant chosen = grant;
            if (chosen instanceof OrgAuth.JwtGrant jwt) {
                String login = loginUrl.toString();
                chosen = new OrgAuth.JwtGrant(jwt.clientId(), jwt.username(), audience != null ? audience
                        : login.endsWith("/") ? login.substring(0, login.length() - 1) : login, jwt.key());
            }
            ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
            HttpSettings settings = http.build();
            // More attempts than this only prolong an outage for the provider's other clients.
            Checks.range(settings.maxAttempts(), 1, 10, "maxAttempts");
            OkHttpClient plain = settings.newClient(telemetry, RestTransport.PROVIDER);
            RestTransport transport = new RestTransport(plain,
                    new ApiUsageGovernor(clock, slowDownAt, stopAt, usageStaleAfter),
                    new RetryExecutor(RestTransport.PROVIDER, settings),
                    new RestTransport.Settings(owner, maxConcurrentRequests, clock), json);
            OrgAuth auth = new OrgAuth(loginUrl, chosen, clock, maxSessionAge, transport,
                    new OrgAuth.TokenCalls(owner, settings, telemetry));
            RecordMapping mapping = new RecordMapping(owner, accountFields, opportunityFields, accountLookups);
            Org org = new Org(transport, auth, mapping, clock, new Org.Settings(apiVersion, clockSkew,
                    recycleBinWindow, bulkThreshold, partnerSourceField), largeObjectReader != null ? largeObjectReader
                    : bulkAvailable(apiVersion) ? BulkQuery.fullReader(plain, apiVersion, clock, settings.sleeper()) : null);
            return new SalesforceCrm(owner, org, partnerSourceField, settings.maxAttempts());
        }

        /** Whether the API version has Bulk API 2.0 query jobs (47.0 and later); earlier ones read through REST. */
        private static boolean bulkAvailable(String apiVersion) {
            return Integer.parseInt(apiVersion.substring(0, apiVersion.indexOf('.'))) >= 47;
        }

        private static HttpUrl url(String url, String field) {
            Checks.singleLine(url, field, 2000);
            HttpUrl parsed = HttpUrl.parse(url);
            if (parsed == null) {
                throw new ValidationException(field + " must be an http or https URL such as "
                        + "https://login.salesforce.com, but was " + Checks.quote(url));
            }
            return parsed;
        }
    }
}
