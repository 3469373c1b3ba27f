package dev.ecosystem.hubspot;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.http.AccessTokenSource;
import dev.ecosystem.http.HttpSettings;
import dev.ecosystem.http.OAuthRefreshTokenSource;
import dev.ecosystem.http.RetryExecutor;
import dev.ecosystem.http.Sleeper;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.Money;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.Account;
import dev.ecosystem.spi.CrmChanges;
import dev.ecosystem.spi.CrmConnector;
import dev.ecosystem.spi.Telemetry;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import retrofit2.Retrofit;
import retrofit2.converter.jackson.JacksonConverterFactory;

/**
 * A {@link CrmConnector} for one tenant's HubSpot portal.
 *
 * <p>Reads companies and deals (with their associated companies and won/lost status from the pipelines' stage
 * metadata) page by page at HubSpot's maximum page size, and changes since a checkpoint through search with keyset
 * paging. Adapts to HubSpot's rate-limit headers, paces search below its limit with a {@link SearchBudget} shared by
 * the portal's connectors, waits out ten-second and search 429s (failing only after {@link Builder#rateLimitDeadline}),
 * stops on the daily limit with a {@link dev.ecosystem.spi.QuotaExhaustedException} carrying a resume checkpoint and the
 * reset time, raises {@link dev.ecosystem.spi.ReauthorizationRequiredException} when the OAuth grant is revoked, bounds
 * every call by a whole-call timeout, retries 502/503/504/524 and timeouts with
 * jittered backoff, and stops calling a failing portal for a while (circuit breaker). Never retries a 4xx that will
 * not change. Every failure is an {@link dev.ecosystem.error.EcosystemException}; nothing from OkHttp, Retrofit or Jackson
 * leaks. Thread-safe.
 *
 * <pre>{@code
 * CrmConnector crm = HubSpotCrm.builder()
 *         .tenant(CompanyId.of("acme"))
 *         .oauth(clientId, clientSecret, vault.refreshToken("acme"), rotated -> vault.storeRefreshToken("acme", rotated))
 *         .companyProperties("industry", "numberofemployees")
 *         .build();
 * Page<Account> first = crm.accounts(PageRequest.first(100));
 * }</pre>
 */
public final class HubSpotCrm implements CrmConnector {
    private final CompanyId tenant;
    private final HttpUrl baseUrl;
    private final Portal portal;
    private final @Nullable String partnerSourceProperty;

    private HubSpotCrm(CompanyId tenant, HttpUrl baseUrl, Portal portal, @Nullable String partnerSourceProperty) {
        this.tenant = tenant;
        this.baseUrl = baseUrl;
        this.portal = portal;
        this.partnerSourceProperty = partnerSourceProperty;
    }

    /**
     * A connector with a static bearer token (a private app's access token or a Service Key) and every default.
     *
     * @param tenant the tenant whose portal the token opens
     * @param accessToken the static token
     */
    public static HubSpotCrm create(CompanyId tenant, String accessToken) {
        return builder().tenant(tenant).accessToken(accessToken).build();
    }

    /** Starts a builder: {@link Builder#tenant} and one of the credentials are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The budget of HubSpot's search limit (5 requests a second per account, no rate-limit headers to adapt to) that
     * connectors of one portal draw on. Every connector built without {@link Builder#searchBudget} shares one budget
     * per tenant in this JVM at {@value #DEFAULT_PER_SECOND} searches a second, a margin below the limit, since HubSpot
     * counts requests by its own clock and network jitter bunches them. Connectors of different tenants on one
     * portal share a budget when the host passes the same object to their builders.
     *
     * <p>Across app nodes: HubSpot counts the searches of every node, so divide the rate by the number of nodes that
     * sync the portal at the same time, such as {@code SearchBudget.create(SearchBudget.DEFAULT_PER_SECOND / nodes)}.
     * A 429 that gets through anyway pauses the whole budget and is waited out, never a failure by itself.
     *
     * <pre>{@code
     * // three nodes sync portal 62515 at once: each takes a third of the pace
     * SearchBudget portal62515 = SearchBudget.create(SearchBudget.DEFAULT_PER_SECOND / 3);
     * HubSpotCrm.builder().tenant(a).accessToken(tokenA).searchBudget(portal62515).build();
     * HubSpotCrm.builder().tenant(b).accessToken(tokenB).searchBudget(portal62515).build();
     * }</pre>
     */
    public static final class SearchBudget {
        /** HubSpot's search limit: requests a second per account. */
        public static final double HUBSPOT_LIMIT_PER_SECOND = 5;
        /** The default pace: below the limit by a margin. */
        public static final double DEFAULT_PER_SECOND = 4;
        private static final Cache<Object, SearchBudget> SHARED = Caffeine.newBuilder().weakValues().build();

        private final double perSecond;
        private final Duration spacing;
        private Instant nextAt = Instant.EPOCH;

        private SearchBudget(double perSecond) {
            this.perSecond = perSecond;
            this.spacing = Duration.ofNanos(Math.round(1_000_000_000d / perSecond));
        }

        /**
         * A budget of {@code perSecond} searches a second, to pass to the builders of every connector that should
         * share it.
         *
         * @throws ValidationException unless {@code 0 < perSecond <= 5}
         */
        public static SearchBudget create(double perSecond) {
            if (!(perSecond > 0 && perSecond <= HUBSPOT_LIMIT_PER_SECOND)) {
                throw new ValidationException("perSecond must be more than 0 and at most " + HUBSPOT_LIMIT_PER_SECOND
                        + " (HubSpot's search limit per account), but was " + perSecond);
            }
            return new SearchBudget(perSecond);
        }

        /**
         * The budget shared by default: one per tenant and clock (a budget's reservations are instants of one clock),
         * kept while a connector uses it.
         */
        static SearchBudget shared(CompanyId tenant, Clock clock) {
            return SHARED.get(List.of(tenant, clock), key -> new SearchBudget(DEFAULT_PER_SECOND));
        }

        /** Searches a second this budget allows. */
        public double perSecond() {
            return perSecond;
        }

        /** The start of the next search that may start no earlier than {@code earliest}, reserving its place. */
        synchronized Instant reserve(Instant earliest) {
            Instant start = earliest.isBefore(nextAt) ? nextAt : earliest;
            nextAt = start.plus(spacing);
            return start;
        }

        /** After a search 429: no search of this budget starts before {@code until}. */
        synchronized void pause(Instant until) {
            nextAt = until.isAfter(nextAt) ? until : nextAt;
        }

        @Override
        public String toString() {
            return "SearchBudget[perSecond=" + perSecond + "]";
        }
    }

    /** Returns {@code "hubspot"}. */
    @Override
    public String provider() {
        return Transport.PROVIDER;
    }

    @Override
    public CompanyId tenant() {
        return tenant;
    }

    /** {@inheritDoc} Pages hold at most 100 accounts, HubSpot's largest list page. */
    @Override
    public Page<Account> accounts(PageRequest page) {
        Checks.required(page, "page");
        return portal.accounts(page);
    }

    /** {@inheritDoc} Pages hold at most 100 deals; their companies come from one association batch read per page. */
    @Override
    public Page<Deal> deals(PageRequest page) {
        Checks.required(page, "page");
        return portal.deals(page);
    }

    /**
     * {@inheritDoc} Deletions are not reported (HubSpot search does not return archived records); subscribe to
     * deletion webhooks through {@link HubSpotWebhooks} for those.
     */
    @Override
    public CrmChanges changesSince(@Nullable String checkpoint, int limit) {
        return portal.changes(checkpoint, limit);
    }

    /**
     * {@inheritDoc} A checkpoint for a search pass over everything modified from now on (less search's indexing lag),
     * so that the incremental syncs after a list-based full sync read only what changed meanwhile.
     */
    @Override
    public String currentCheckpoint() {
        return portal.currentCheckpoint();
    }

    /** True when the builder was given a {@link Builder#partnerSourceProperty partner source property}. */
    @Override
    public boolean supportsWriteBack() {
        return partnerSourceProperty != null;
    }

    /** Sets the deal's partner source property (chosen by the host) to {@code partnerName}. */
    @Override
    public void recordPartnerSource(DealId deal, CompanyId partner, String partnerName) {
        if (partnerSourceProperty == null) {
            CrmConnector.super.recordPartnerSource(deal, partner, partnerName);
            return;
        }
        Checks.required(deal, "deal");
        Checks.required(partner, "partner");
        portal.setDealProperty(deal, partnerSourceProperty, Checks.singleLine(partnerName, "partnerName", 500));
    }

    /** Adds a note to the company's timeline. */
    @Override
    public void logIntroduction(AccountId account, String note) {
        if (partnerSourceProperty == null) {
            CrmConnector.super.logIntroduction(account, note);
            return;
        }
        Checks.required(account, "account");
        portal.addCompanyNote(account, Checks.text(note, "note", 65_000));
    }

    @Override
    public String toString() {
        return "HubSpotCrm[tenant=" + tenant + ", baseUrl=" + baseUrl + "]";
    }

    /** Configures a {@link HubSpotCrm}. Not thread-safe; build once per tenant and share the connector. */
    public static final class Builder {
        private @Nullable CompanyId tenant;
        private @Nullable String accessToken;
        private @Nullable String clientId;
        private @Nullable String clientSecret;
        private @Nullable String refreshToken;
        private Consumer<String> onRefreshTokenRotated = token -> { };
        private String baseUrl = "https://api.hubapi.com/";
        private String apiVersion = "v3";
        private final List<String> companyProperties = new ArrayList<>();
        private final List<String> dealProperties = new ArrayList<>();
        private Currency defaultCurrency = Currency.getInstance("USD");
        private @Nullable String partnerSourceProperty;
        private Duration stageCacheTtl = Duration.ofMinutes(10);
        private Duration rateLimitDeadline = Duration.ofMinutes(5);
        private @Nullable ZoneId portalTimeZone;
        private @Nullable SearchBudget searchBudget;
        private Duration refreshAhead = Duration.ofMinutes(5);
        private Clock clock = Clock.systemUTC();
        private Telemetry telemetry = Telemetry.none();
        private final HttpSettings.Builder http = HttpSettings.builder().timeout(Duration.ofSeconds(30))
                .callTimeout(Duration.ofSeconds(60)).maxAttempts(5).initialBackoff(Duration.ofMillis(500))
                .maxBackoff(Duration.ofSeconds(30));

        private Builder() {
        }

        /**
         * Where every answer of HubSpot's API (token refreshes too) is reported with its HTTP status, so a host can
         * count calls and 429s. Default: {@link Telemetry#none()}.
         */
        public Builder telemetry(Telemetry telemetry) {
            this.telemetry = Checks.required(telemetry, "telemetry");
            return this;
        }

        /** The tenant whose portal this reads (required). */
        public Builder tenant(CompanyId tenant) {
            this.tenant = Checks.required(tenant, "tenant");
            return this;
        }

        /** A static bearer token: a private app's access token or a Service Key. */
        public Builder accessToken(String accessToken) {
            this.accessToken = Checks.singleLine(accessToken, "accessToken", 4096);
            return this;
        }

        /**
         * OAuth 2 credentials of a public app's installation. Access tokens are refreshed ahead of expiry; when HubSpot
         * rotates the refresh token, {@code onRefreshTokenRotated} receives the new one to store in place of the old.
         */
        public Builder oauth(String clientId, String clientSecret, String refreshToken,
                Consumer<String> onRefreshTokenRotated) {
            this.clientId = Checks.singleLine(clientId, "clientId", 200);
            this.clientSecret = Checks.singleLine(clientSecret, "clientSecret", 200);
            this.refreshToken = Checks.singleLine(refreshToken, "refreshToken", 4096);
            this.onRefreshTokenRotated = Checks.required(onRefreshTokenRotated, "onRefreshTokenRotated");
            return this;
        }

        /** The API host, {@code https://api.hubapi.com/} by default (tests point it at a stub server). */
        public Builder baseUrl(String baseUrl) {
            Checks.singleLine(baseUrl, "baseUrl", 2000);
            HttpUrl url = HttpUrl.parse(baseUrl);
            if (url == null) {
                throw new ValidationException("baseUrl must be an http or https URL such as https://api.hubapi.com/, "
                        + "but was " + Checks.quote(baseUrl));
            }
            this.baseUrl = url.toString().endsWith("/") ? url.toString() : url + "/";
            return this;
        }

        /**
         * The API version: {@code "v3"} (the default: {@code /crm/v3/objects}, associations v4, OAuth v1) or a date
         * version such as {@code "2026-03"} ({@code /crm/objects/2026-03}, {@code /oauth/2026-03/token}), which
         * replace the v1-v4 paths in 2027.
         */
        public Builder apiVersion(String apiVersion) {
            ApiPaths.forVersion(apiVersion);
            this.apiVersion = apiVersion.strip();
            return this;
        }

        /** Further company properties to read into {@link Account#properties()}. */
        public Builder companyProperties(String... names) {
            for (String name : names) {
                companyProperties.add(Checks.singleLine(name, "company property", 200));
            }
            return this;
        }

        /** Further deal properties to read into {@link Deal#properties()}. */
        public Builder dealProperties(String... names) {
            for (String name : names) {
                dealProperties.add(Checks.singleLine(name, "deal property", 200));
            }
            return this;
        }

        /** The currency of deals without {@code deal_currency_code} (the portal's company currency); USD by default. */
        public Builder defaultCurrency(String isoCode) {
            this.defaultCurrency = Money.currency(Checks.required(isoCode, "defaultCurrency"));
            return this;
        }

        /**
         * Enables write-back: the deal property that {@link #recordPartnerSource} sets, created by the host in the
         * portal beforehand. Notes for {@link #logIntroduction} need the {@code crm.objects.companies.write} scope.
         */
        public Builder partnerSourceProperty(String property) {
            this.partnerSourceProperty = Checks.singleLine(property, "partnerSourceProperty", 200);
            return this;
        }

        /** How long the pipelines' stage metadata is cached; 10 minutes by default. */
        public Builder stageCacheTtl(Duration ttl) {
            this.stageCacheTtl = Checks.positive(ttl, "stageCacheTtl");
            return this;
        }

        /**
         * How long one call keeps waiting out 429s of the short limits (ten-secondly, search's secondly) before it
         * fails with a retryable {@link dev.ecosystem.spi.ProviderException}; 5 minutes by default.
         */
        public Builder rateLimitDeadline(Duration deadline) {
            this.rateLimitDeadline = Checks.positive(deadline, "rateLimitDeadline");
            return this;
        }

        /**
         * The portal's time zone (HubSpot: Settings, Account defaults), in which HubSpot resets the daily limit at
         * midnight: {@link dev.ecosystem.spi.QuotaExhaustedException#retryAfter()} is then that midnight. Without it, the
         * latest next midnight of any time zone (up to a day away), so that a host never retries too early; set it
         * (for example from the account's settings the host already reads) to resume as soon as HubSpot allows.
         */
        public Builder portalTimeZone(ZoneId zone) {
            this.portalTimeZone = Checks.required(zone, "portalTimeZone");
            return this;
        }

        /**
         * The search budget to draw on, shared with the other connectors of the same portal; by default one budget
         * per tenant in this JVM at {@value SearchBudget#DEFAULT_PER_SECOND} searches a second.
         */
        public Builder searchBudget(SearchBudget budget) {
            this.searchBudget = Checks.required(budget, "searchBudget");
            return this;
        }

        /** How long before expiry an OAuth access token is refreshed; 5 minutes by default. */
        public Builder refreshAhead(Duration refreshAhead) {
            this.refreshAhead = Checks.required(refreshAhead, "refreshAhead");
            Checks.nonNegative(refreshAhead.toMillis(), "refreshAhead");
            return this;
        }

        /**
         * Timeouts, attempts and the {@link Sleeper} that waits (backoff, rate limits), starting from this
         * connector's defaults: connect, read and write 30 seconds; 60 seconds for a whole call from start to the last
         * byte of the response (the read timeout alone never ends a call whose server trickles a byte now and then; a
         * call cut off is a retryable {@link dev.ecosystem.spi.ProviderException} with status 0, retried like other
         * timeouts); 5 attempts per call for transient failures (5xx, timeouts); backoff from 500 ms doubling with
         * jitter up to 30 seconds; {@link Sleeper#system()}. At most 10 attempts: {@link #build} refuses more.
         */
        public Builder http(Consumer<HttpSettings.Builder> settings) {
            Checks.required(settings, "http").accept(http);
            return this;
        }

        /** The clock for token expiry, rate-limit windows, caches and the circuit breaker. */
        public Builder clock(Clock clock) {
            this.clock = Checks.required(clock, "clock");
            return this;
        }

        /**
         * Builds the connector.
         *
         * @throws ValidationException when the tenant is missing, not exactly one kind of credentials was given, or
         *     more than 10 attempts are set
         */
        public HubSpotCrm build() {
            CompanyId owner = Checks.required(tenant, "tenant");
            boolean oauth = refreshToken != null;
            if (oauth == (accessToken != null)) {
                throw new ValidationException("credentials must be either accessToken(...) or oauth(...), but "
                        + (oauth ? "both were" : "neither was") + " given");
            }
            ApiPaths paths = ApiPaths.forVersion(apiVersion);
            ObjectMapper json = Json.mapper();
            HttpSettings settings = http.build();
            // More attempts than this only prolong an outage for the provider's other clients.
            Checks.range(settings.maxAttempts(), 1, 10, "maxAttempts");
            OkHttpClient plain = settings.newClient(telemetry, Transport.PROVIDER);
            SearchBudget budget = searchBudget != null ? searchBudget : SearchBudget.shared(owner, clock);
            Transport transport = new Transport(new RateGovernor(clock, budget), circuitBreaker(owner),
                    new RetryExecutor(Transport.PROVIDER, settings),
                    new Transport.Settings(owner, rateLimitDeadline, portalTimeZone, clock), json);
            AccessTokenSource token;
            if (oauth) {
                OAuthRefreshTokenSource tokens = OAuthRefreshTokenSource.builder()
                        .tokenEndpoint(baseUrl + paths.oauthToken())
                        .clientId(Checks.required(clientId, "clientId"))
                        .clientSecret(Checks.required(clientSecret, "clientSecret"))
                        .refreshToken(Checks.required(refreshToken, "refreshToken"))
                        .onRefreshTokenRotated(onRefreshTokenRotated)
                        .provider(Transport.PROVIDER).tenant(owner)
                        .reauthorizationHint("the tenant must connect HubSpot again")
                        .requestIdHeader(Transport.CORRELATION_HEADER)
                        .clock(clock).refreshAhead(refreshAhead).telemetry(telemetry)
                        .http(settings)
                        .build();
                transport.onUnauthorized(tokens::invalidate);
                token = tokens;
            } else {
                token = AccessTokenSource.of(Checks.required(accessToken, "accessToken"));
            }
            OkHttpClient authorized = plain.newBuilder()
                    .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                            .header("Authorization", "Bearer " + token.accessToken()).build()))
                    .build();
            HubSpotApi api = retrofit(authorized, json).create(HubSpotApi.class);
            StageCatalog stages = new StageCatalog(() -> transport.execute("read deal pipelines", false,
                    Transport.Repeat.SAFE, () -> api.dealPipelines(paths.pipelines())), stageCacheTtl, clock);
            RecordMapper mapper = new RecordMapper(owner, defaultCurrency, companyProperties, dealProperties, stages);
            return new HubSpotCrm(owner, HttpUrl.get(baseUrl), new Portal(api, paths, transport, mapper, clock),
                    partnerSourceProperty);
        }

        private Retrofit retrofit(OkHttpClient client, ObjectMapper json) {
            return new Retrofit.Builder().baseUrl(baseUrl).client(client)
                    .addConverterFactory(JacksonConverterFactory.create(json)).build();
        }

        private ClockedCircuit circuitBreaker(CompanyId owner) {
            CircuitBreakerConfig.Builder config = CircuitBreakerConfig.custom()
                    .slidingWindowSize(20)
                    .minimumNumberOfCalls(10)
                    .failureRateThreshold(50)
                    .permittedNumberOfCallsInHalfOpenState(2);
            return new ClockedCircuit("hubspot-" + owner.value(), config, Duration.ofSeconds(30), clock);
        }
    }
}
