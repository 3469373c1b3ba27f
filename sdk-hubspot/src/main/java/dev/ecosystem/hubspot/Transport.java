package dev.ecosystem.hubspot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecosystem.error.EcosystemException;
import dev.ecosystem.http.RetryExecutor;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.spi.ProviderException;
import dev.ecosystem.spi.QuotaExhaustedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Call;
import retrofit2.Response;

/**
 * Runs one HubSpot call to completion or to a clear {@link EcosystemException}: waits as the {@link RateGovernor}
 * says, acts on 429 policies, retries transient failures with jittered exponential backoff, goes through the
 * circuit breaker, and turns every HTTP, Retrofit or Jackson failure into a {@link ProviderException} carrying the
 * status and HubSpot's correlation id.
 *
 * <p>The loop is this class's own (429 waits and a 401's one re-authorization do not count as attempts); the backoff
 * between transient failures, the give-up after {@code maxAttempts} and every wait come from sdk-http's
 * {@link RetryExecutor}.
 */
final class Transport {
    static final String PROVIDER = "hubspot";
    private static final Logger LOG = LoggerFactory.getLogger(Transport.class);
    static final String CORRELATION_HEADER = "X-HubSpot-Correlation-Id";
    /** Gateway and overload statuses that HubSpot documents as worth retrying. */
    private static final Set<Integer> TRANSIENT = Set.of(502, 503, 504, 524);
    /** Statuses that say the request was not processed, so even a non-idempotent write may be retried. */
    private static final Set<Integer> NOT_PROCESSED = Set.of(423, 477, 503);

    /** Whether a call may be repeated safely when its outcome is unknown. */
    enum Repeat { SAFE, ONLY_IF_NOT_PROCESSED }

    /** What a transport needs besides its collaborators: who it calls for, and how long it keeps trying. */
    record Settings(CompanyId tenant, Duration rateLimitDeadline, @Nullable ZoneId portalZone, Clock clock) {
    }

    private final RateGovernor governor;
    private final ClockedCircuit circuit;
    private final CircuitBreaker breaker;
    private final RetryExecutor retries;
    private final Settings settings;
    private final ObjectMapper mapper;
    private volatile @Nullable Consumer<String> onUnauthorized;

    Transport(RateGovernor governor, ClockedCircuit circuit, RetryExecutor retries, Settings settings,
            ObjectMapper mapper) {
        this.governor = governor;
        this.circuit = circuit;
        this.breaker = circuit.breaker();
        this.retries = retries;
        this.settings = settings;
        this.mapper = mapper;
    }

    /** What to do once on a 401 before giving up: drop the refused OAuth access token, which it is given. */
    void onUnauthorized(Consumer<String> action) {
        this.onUnauthorized = action;
    }

    /**
     * Executes a call built afresh for every attempt.
     *
     * @param operation what the call does, for errors and logs ("list companies")
     * @param search whether the call goes to a search endpoint (own rate limit, no headers)
     */
    <T> T execute(String operation, boolean search, Repeat repeat, Supplier<Call<T>> call) {
        int failures = 0;
        int rateLimitWaits = 0;
        @Nullable Instant firstRateLimited = null;
        boolean reauthorized = false;
        while (true) {
            retries.pause(governor.reserve(search), operation);
            circuit.halfOpenWhenDue();
            if (!breaker.tryAcquirePermission()) {
                throw ProviderException.unavailable(PROVIDER, "HubSpot calls are paused by the circuit breaker "
                        + "after repeated failures; " + operation + " was not sent, retry later", null);
            }
            Response<T> response;
            try {
                response = call.get().execute();
            } catch (JsonProcessingException e) {
                breaker.onError(0, TimeUnit.NANOSECONDS, e);
                throw ProviderException.refused(PROVIDER, 200, null, operation
                        + " returned a body that is not HubSpot's documented JSON (" + e.getOriginalMessage() + ")");
            } catch (IOException e) {
                breaker.onError(0, TimeUnit.NANOSECONDS, e);
                boolean notSent = e instanceof ConnectException || e instanceof UnknownHostException;
                ProviderException failure = ProviderException.unavailable(PROVIDER,
                        operation + " failed without a response: " + describe(e), e);
                if (repeat == Repeat.ONLY_IF_NOT_PROCESSED && !notSent) {
                    throw failure;
                }
                failures = retries.retryOrThrow(failure, failures, null, operation);
                continue;
            } catch (EcosystemException e) {
                breaker.releasePermission();
                throw e;
            } catch (RuntimeException e) {
                breaker.onError(0, TimeUnit.NANOSECONDS, e);
                throw ProviderException.failed(PROVIDER, operation + " failed: "
                        + e.getClass().getSimpleName(), e);
            }
            governor.observe(response.headers());
            if (response.isSuccessful()) {
                breaker.onSuccess(0, TimeUnit.NANOSECONDS);
                T body = response.body();
                if (body == null) {
                    throw ProviderException.refused(PROVIDER, response.code(),
                            response.headers().get(CORRELATION_HEADER), operation + " returned no body");
                }
                return body;
            }
            int status = response.code();
            Json.Error error = readError(response.errorBody());
            String requestId = firstNonNull(response.headers().get(CORRELATION_HEADER), error.correlationId());
            if (status == 429) {
                breaker.releasePermission();
                if ("DAILY".equals(error.policyName())) {
                    Instant resetsAt = dailyReset(settings.clock().instant(), settings.portalZone());
                    throw new QuotaExhaustedException(PROVIDER, 429, requestId, resetsAt, null, "HubSpot's daily API "
                            + "limit of this account is used up (policy DAILY, shared by all its apps); " + operation
                            + " stopped; it resets at midnight in the account's time zone, " + resetsAt
                            + (settings.portalZone() == null ? " at the latest (portalTimeZone was not set)" : ""));
                }
                // Short limits (ten-secondly, search's secondly) are waited out, never a failure by themselves: only
                // a limit that lasts past the deadline fails, since then something else is using the budget.
                Instant now = settings.clock().instant();
                if (firstRateLimited == null) {
                    firstRateLimited = now;
                } else if (Duration.between(firstRateLimited, now).compareTo(settings.rateLimitDeadline()) >= 0) {
                    throw ProviderException.retryable(PROVIDER, 429, requestId, operation + " was still rate limited ("
                            + error.policyName() + ") after waiting " + Duration.between(firstRateLimited, now)
                            + " over " + rateLimitWaits + " waits, the rateLimitDeadline of "
                            + settings.rateLimitDeadline() + "; another client may be using this portal's budget");
                }
                rateLimitWaits++;
                LOG.debug("{}: rate limited by policy {}, wait {}", operation, error.policyName(), rateLimitWaits);
                governor.rateLimited(search, error.policyName(), response.headers(), rateLimitWaits);
                continue;
            }
            Consumer<String> reauthorize = onUnauthorized;
            if (status == 401 && !reauthorized && reauthorize != null) {
                breaker.releasePermission();
                reauthorized = true;
                String sent = response.raw().request().header("Authorization");
                reauthorize.accept(sent == null ? "" : sent.replaceFirst("^Bearer ", ""));
                continue;
            }
            if (TRANSIENT.contains(status) || NOT_PROCESSED.contains(status)) {
                breaker.onError(0, TimeUnit.NANOSECONDS, new IOException("HTTP " + status));
                ProviderException failure = ProviderException.retryable(PROVIDER, status, requestId,
                        operation + " failed with HTTP " + status + describeCategory(error));
                if (repeat == Repeat.ONLY_IF_NOT_PROCESSED && !NOT_PROCESSED.contains(status)) {
                    throw failure;
                }
                Duration wait = status == 423 ? Duration.ofSeconds(2)
                        : status == 477 ? RetryExecutor.retryAfter(response.headers().get("Retry-After"),
                                settings.clock().instant()) : null;
                failures = retries.retryOrThrow(failure, failures, wait, operation);
                continue;
            }
            if (status >= 500) {
                breaker.onError(0, TimeUnit.NANOSECONDS, new IOException("HTTP " + status));
            } else {
                breaker.releasePermission();
            }
            throw permanent(operation, status, requestId, error);
        }
    }

    private ProviderException permanent(String operation, int status, @Nullable String requestId,
            Json.Error error) {
        String what;
        if (status == 401) {
            what = "HubSpot refused the access token (401" + describeCategory(error) + ") for " + operation
                    + ": check the token or connect HubSpot again";
        } else if (status == 403) {
            what = "HubSpot denied " + operation + " (403" + describeCategory(error)
                    + "): the token lacks a scope this call needs";
        } else {
            what = operation + " failed with HTTP " + status + describeCategory(error)
                    + (error.message() == null ? "" : ": " + Checks.quote(error.message()));
        }
        return ProviderException.refused(PROVIDER, status, requestId, what);
    }

    private Json.Error readError(@Nullable ResponseBody body) {
        Json.Error none = new Json.Error(null, null, null, null, null, null, null);
        if (body == null) {
            return none;
        }
        try (body) {
            Json.Error error = mapper.readValue(body.bytes(), Json.Error.class);
            return error == null ? none : error;
        } catch (IOException | RuntimeException e) {
            return none;
        }
    }

    private static String describeCategory(Json.Error error) {
        String category = firstNonNull(error.category(), error.errorType());
        return category == null ? "" : " " + category;
    }

    private static String describe(IOException e) {
        if (e instanceof InterruptedIOException) {
            return "timed out (" + e.getClass().getSimpleName() + ")";
        }
        return e.getClass().getSimpleName();
    }

    /**
     * When the daily limit resets: HubSpot resets it at midnight in the account's time zone. Without the zone, the
     * latest next midnight of any time zone (UTC-12 to UTC+14; up to a day away), so that a host never retries
     * before the reset.
     */
    static Instant dailyReset(Instant now, @Nullable ZoneId zone) {
        if (zone != null) {
            LocalDate today = now.atZone(zone).toLocalDate();
            return today.plusDays(1).atStartOfDay(zone).toInstant();
        }
        Instant latest = now;
        for (int hours = -12; hours <= 14; hours++) {
            Instant midnight = dailyReset(now, ZoneOffset.ofHours(hours));
            latest = midnight.isAfter(latest) ? midnight : latest;
        }
        return latest;
    }

    private static @Nullable String firstNonNull(@Nullable String a, @Nullable String b) {
        return a != null ? a : b;
    }
}
