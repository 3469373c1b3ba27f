package dev.ecosystem.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.ecosystem.error.EcosystemException;
import dev.ecosystem.http.RetryExecutor;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.spi.ProviderException;
import dev.ecosystem.spi.QuotaExhaustedException;
import dev.ecosystem.spi.ReauthorizationRequiredException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one Salesforce REST call to completion or to a clear {@link EcosystemException}: holds a permit of the
 * connector's concurrent-request budget, waits as the {@link ApiUsageGovernor} says, renews the session once on a 401
 * ({@code INVALID_SESSION_ID}), retries 5xx, timeouts, {@code UNABLE_TO_LOCK_ROW}, {@code SERVER_UNAVAILABLE} and the
 * concurrent-request limit with jittered exponential backoff, raises {@link QuotaExhaustedException} on
 * {@code REQUEST_LIMIT_EXCEEDED}, and turns every other failure into a {@link ProviderException} naming the operation,
 * the object, the SOQL and Salesforce's {@code errorCode} (error bodies are arrays of
 * {@code {"message","errorCode","fields"}}). Nothing from OkHttp or Jackson leaks.
 */
final class RestTransport {
    static final String PROVIDER = "salesforce";
    static final String LIMIT_HEADER = "Sforce-Limit-Info";
    private static final Logger LOG = LoggerFactory.getLogger(RestTransport.class);
    /** Error codes that say the request was not carried out and may succeed as it is a moment later. */
    private static final Set<String> TRANSIENT_CODES = Set.of("UNABLE_TO_LOCK_ROW", "SERVER_UNAVAILABLE");
    /** OAuth errors (RFC 6749) that say the stored grant or client is dead: only the tenant can fix them. */
    private static final Set<String> GRANT_REFUSED = Set.of("invalid_grant", "invalid_client", "unauthorized_client");

    /** Whether a call may be repeated safely when its outcome is unknown. */
    enum Repeat { SAFE, ONLY_IF_NOT_PROCESSED }

    /** Where sessions come from, and where a session Salesforce refused goes back. */
    interface Sessions extends Supplier<OrgSession> {
        /** The current session, renewed first when there is none. */
        OrgSession session();

        @Override
        default OrgSession get() {
            return session();
        }

        /** Forgets {@code refused}, so the next {@link #session()} gets a new one. */
        void invalidate(OrgSession refused);
    }

    /**
     * What a call is, for errors and logs.
     *
     * @param operation what it does ("query", "update Opportunity")
     * @param object the sObject it concerns, or {@code null}
     * @param soql the SOQL it runs, or {@code null}
     */
    record What(String operation, @Nullable String object, @Nullable String soql) {
        @Override
        public String toString() {
            return operation + (object == null ? "" : " " + object) + (soql == null ? "" : " (SOQL: " + soql + ")");
        }
    }

    /** What a transport needs besides its collaborators. */
    record Settings(CompanyId tenant, int maxConcurrent, Clock clock) {
    }

    /** One parsed Salesforce error. */
    record SalesforceError(@Nullable String errorCode, @Nullable String message) {
        static final SalesforceError NONE = new SalesforceError(null, null);
    }

    private final OkHttpClient http;
    private final ApiUsageGovernor governor;
    private final RetryExecutor retries;
    private final Settings settings;
    private final ObjectMapper json;
    private final Semaphore concurrent;

    RestTransport(OkHttpClient http, ApiUsageGovernor governor, RetryExecutor retries, Settings settings,
            ObjectMapper json) {
        this.http = http;
        this.governor = governor;
        this.retries = retries;
        this.settings = settings;
        this.json = json;
        this.concurrent = new Semaphore(settings.maxConcurrent(), true);
    }

    ObjectMapper json() {
        return json;
    }

    /**
     * Runs an authorized call built afresh for every attempt from the current session.
     *
     * @return the response's JSON, {@link NullNode} for a response without a body (204)
     */
    JsonNode call(What what, Repeat repeat, Sessions sessions, Function<OrgSession, Request> request) {
        return run(what, repeat, sessions, request);
    }

    /**
     * Runs a call to the OAuth token endpoint: no session, and a refused grant is the typed reauthorization error.
     */
    JsonNode token(What what, Request request) {
        return run(what, Repeat.SAFE, null, none -> request);
    }

    private JsonNode run(What what, Repeat repeat, @Nullable Sessions sessions, Function<OrgSession, Request> build) {
        int failures = 0;
        boolean renewed = false;
        while (true) {
            ApiUsageGovernor.Decision decision = governor.reserve();
            if (decision.stop()) {
                Instant resumes = governor.resumesAt();
                throw new QuotaExhaustedException(PROVIDER, 0, null, resumes, null, "the org has used " + decision.used()
                        + " of its " + decision.max() + " daily API requests (Sforce-Limit-Info), past this "
                        + "connector's stop threshold, so " + what + " was not sent to leave the rest to the org's "
                        + "other integrations; the allocation is counted over a rolling 24 hours, retry after "
                        + resumes);
            }
            retries.pause(decision.delay(), what.toString());
            OrgSession session = sessions == null ? null : sessions.session();
            Request request = build.apply(session);
            if (session != null) {
                request = request.newBuilder().header("Authorization", "Bearer " + session.accessToken()).build();
            }
            acquire(what);
            JsonNode body;
            int status;
            String limitInfo;
            try (Response response = http.newCall(request).execute()) {
                status = response.code();
                limitInfo = response.header(LIMIT_HEADER);
                governor.observe(limitInfo);
                ResponseBody raw = response.body();
                byte[] bytes = raw == null ? new byte[0] : raw.bytes();
                if (response.isSuccessful()) {
                    return bytes.length == 0 ? NullNode.getInstance() : parse(bytes, what, status);
                }
                body = bytes.length == 0 ? NullNode.getInstance() : tryParse(bytes);
            } catch (IOException e) {
                boolean notSent = e instanceof ConnectException || e instanceof UnknownHostException;
                ProviderException failure = ProviderException.unavailable(PROVIDER,
                        what + " failed without a response: " + describe(e), e);
                if (repeat == Repeat.ONLY_IF_NOT_PROCESSED && !notSent) {
                    throw failure;
                }
                failures = retries.retryOrThrow(failure, failures, null, what.toString());
                continue;
            } catch (EcosystemException e) {
                throw e;
            } catch (RuntimeException e) {
                throw ProviderException.failed(PROVIDER, what + " failed: " + e.getClass().getSimpleName(),
                        e);
            } finally {
                concurrent.release();
            }
            SalesforceError error = error(body);
            String oauthError = body.path("error").asText(null);
            if (sessions == null && oauthError != null && GRANT_REFUSED.contains(oauthError)) {
                throw new ReauthorizationRequiredException(PROVIDER, status, null, settings.tenant(), "Salesforce "
                        + "refused the OAuth grant of tenant " + settings.tenant().value() + " (" + oauthError
                        + (body.hasNonNull("error_description") ? ": " + body.get("error_description").asText() : "")
                        + "): the refresh token was revoked or expired, or the connected app no longer allows this "
                        + "user, so the tenant must connect Salesforce again");
            }
            if (status == 401 && sessions != null && session != null && !renewed) {
                // INVALID_SESSION_ID: the session expired or was revoked; one new session, one more try.
                renewed = true;
                LOG.debug("{}: session refused ({}), renewing it once", what.operation(), error.errorCode());
                sessions.invalidate(session);
                continue;
            }
            if ("REQUEST_LIMIT_EXCEEDED".equals(error.errorCode())) {
                if (error.message() != null && error.message().contains("Concurrent")) {
                    // The org's concurrent long-running request limit: short-lived, waited out with backoff.
                    failures = retries.retryOrThrow(ProviderException.retryable(PROVIDER, status, null, what
                            + " hit the org's concurrent request limit (REQUEST_LIMIT_EXCEEDED: "
                            + error.message() + ")", null), failures, null, what.toString());
                    continue;
                }
                governor.exhausted();
                Instant resumes = governor.resumesAt();
                throw new QuotaExhaustedException(PROVIDER, status, null, resumes, null, "the org's daily API request "
                        + "allocation is used up (REQUEST_LIMIT_EXCEEDED" + (limitInfo == null ? "" : ", " + limitInfo)
                        + "); " + what + " stopped; Salesforce counts it over a rolling 24 hours, retry after "
                        + resumes);
            }
            boolean transientCode = error.errorCode() != null && TRANSIENT_CODES.contains(error.errorCode());
            if (status >= 500 || transientCode) {
                ProviderException failure = ProviderException.retryable(PROVIDER, status, null, what
                        + " failed with HTTP " + status + describe(error), null);
                // A lock error or an unavailable server did not carry the request out; other 5xx may have.
                boolean notProcessed = transientCode || status == 503;
                if (repeat == Repeat.ONLY_IF_NOT_PROCESSED && !notProcessed) {
                    throw failure;
                }
                failures = retries.retryOrThrow(failure, failures, null, what.toString());
                continue;
            }
            throw permanent(what, status, error, body);
        }
    }

    private ProviderException permanent(What what, int status, SalesforceError error, JsonNode body) {
        String message;
        if (status == 401) {
            message = "Salesforce refused the session for " + what + " (401" + describe(error) + ") even after "
                    + "renewing it: check the connected app's policies and the user's access";
        } else if (status == 403) {
            message = "Salesforce denied " + what + " (403" + describe(error) + "): the user lacks a permission or "
                    + "the org lacks a feature this call needs";
        } else {
            String oauth = body.path("error").asText(null);
            message = what + " failed with HTTP " + status + (oauth == null ? describe(error) : " (" + oauth
                    + (body.hasNonNull("error_description") ? ": " + body.get("error_description").asText() : "")
                    + ")");
        }
        return ProviderException.refused(PROVIDER, status, null, message, null);
    }

    private void acquire(What what) {
        try {
            concurrent.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProviderException.unavailable(PROVIDER, what + " was interrupted while waiting for a "
                    + "concurrent request permit", e);
        }
    }

    private JsonNode parse(byte[] bytes, What what, int status) {
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            throw ProviderException.refused(PROVIDER, status, null, what
                    + " returned a body that is not Salesforce's documented JSON", null);
        }
    }

    private JsonNode tryParse(byte[] bytes) {
        try {
            JsonNode node = json.readTree(bytes);
            return node == null ? NullNode.getInstance() : node;
        } catch (IOException e) {
            return NullNode.getInstance();
        }
    }

    /** The first error of Salesforce's error array (or a lone error object). */
    static SalesforceError error(JsonNode body) {
        JsonNode first = body.isArray() ? body.path(0) : body;
        if (!first.isObject()) {
            return SalesforceError.NONE;
        }
        return new SalesforceError(first.path("errorCode").asText(null), first.path("message").asText(null));
    }

    private static String describe(SalesforceError error) {
        if (error.errorCode() == null) {
            return "";
        }
        return ", errorCode " + error.errorCode()
                + (error.message() == null ? "" : ": " + Checks.quote(error.message()));
    }

    private static String describe(IOException e) {
        if (e instanceof InterruptedIOException) {
            return "timed out (" + e.getClass().getSimpleName() + ")";
        }
        return e.getClass().getSimpleName();
    }
}
