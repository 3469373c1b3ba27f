package dev.ecosystem.mail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.http.AccessTokenSource;
import dev.ecosystem.http.HttpSettings;
import dev.ecosystem.http.OAuthRefreshTokenSource;
import dev.ecosystem.http.RetryExecutor;
import dev.ecosystem.http.Sleeper;
import dev.ecosystem.http.TransientFailure;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.mail.internal.Http;
import dev.ecosystem.mail.internal.MimeRenderer;
import dev.ecosystem.mail.internal.SentLog;
import dev.ecosystem.model.EmailMessage;
import dev.ecosystem.model.MailReceipt;
import dev.ecosystem.spi.Mailer;
import dev.ecosystem.spi.ProviderException;
import dev.ecosystem.spi.QuotaExhaustedException;
import dev.ecosystem.spi.ReauthorizationRequiredException;
import dev.ecosystem.spi.Telemetry;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Call;
import retrofit2.Response;

/**
 * Sends mail from the user's own Outlook / Microsoft 365 mailbox with Microsoft Graph, so replies come back to
 * that person. The message goes in MIME form (standard Base64 of the RFC 5322 message rendered with Jakarta Mail),
 * so Graph keeps its Message-ID, {@code In-Reply-To} and {@code References} exactly.
 *
 * <pre>{@code
 * Mailer outlook = GraphMailer.builder()
 *         .tokens(OAuthRefreshTokenSource.builder()
 *                 .tokenEndpoint("https://login.microsoftonline.com/" + tenant + "/oauth2/v2.0/token")
 *                 .clientId(clientId).clientSecret(clientSecret).refreshToken(refreshToken)
 *                 .scope("https://graph.microsoft.com/Mail.ReadWrite https://graph.microsoft.com/Mail.Send offline_access")
 *                 .onRefreshTokenRotated(vault::save)
 *                 .build())
 *         .build();
 * }</pre>
 *
 * <p>Behaviour:
 * <ul>
 *   <li>{@link Mode#DRAFT_THEN_SEND} (default) creates the message ({@code POST /messages}, 201) and sends it
 *       ({@code POST /messages/{id}/send}, 202), so the receipt carries Graph's immutable message id and
 *       {@code conversationId} for threading; it needs {@code Mail.ReadWrite} and {@code Mail.Send}.
 *       {@link Mode#SEND_MAIL} posts to {@code /sendMail} (only {@code Mail.Send}) and returns no provider ids.
 *       Either way a 202 means accepted, not delivered.</li>
 *   <li>At most {@link Builder#maxConcurrentRequests(int) 4} requests run at once per mailer (Graph throttles more
 *       per mailbox), through a Resilience4j bulkhead. Use one instance per mailbox.</li>
 *   <li>429 and 503 honour {@code Retry-After}; other retryable failures back off exponentially through the
 *       injected {@link Sleeper}. A 401 refreshes the token once. Sending quotas throw
 *       {@link QuotaExhaustedException}.</li>
 *   <li>Idempotent on Message-ID within one instance. After an unknown outcome (timeout, 5xx) the next attempt looks
 *       the message up by {@code internetMessageId} first: already sent means done; still a draft means send that
 *       draft; not there means create it again. The lookup needs {@code Mail.ReadBasic} or more. {@link #resend}
 *       looks up first too, for a send another app node (or this one before a restart) may have made.</li>
 * </ul>
 * Thread-safe.
 */
public final class GraphMailer implements Mailer {
    private static final Logger LOG = LoggerFactory.getLogger(GraphMailer.class);
    private static final String PROVIDER = "graph";
    private static final MediaType TEXT_PLAIN = MediaType.get("text/plain");
    private static final Set<String> QUOTA_CODES = Set.of("ErrorQuotaExceeded", "ErrorSubmissionQuotaExceeded",
            "ErrorExceededMessageLimit", "ErrorMessagePerFolderCountReceiveQuotaExceeded");

    /** How the message is handed to Graph. */
    public enum Mode {
        /** Create a draft, then send it: the receipt carries Graph's message id and conversation id. */
        DRAFT_THEN_SEND,
        /** One {@code sendMail} call: fewer permissions, no provider ids in the receipt. */
        SEND_MAIL
    }

    private final GraphApi api;
    private final AccessTokenSource tokens;
    private final String mailbox;
    private final Mode mode;
    private final Clock clock;
    private final RetryExecutor retries;
    private final SentLog sentLog;
    private final Bulkhead bulkhead;

    private GraphMailer(Builder b) {
        this.tokens = Checks.required(b.tokens, "tokens");
        this.mailbox = b.mailbox;
        this.mode = b.mode;
        this.clock = b.clock;
        HttpSettings http = b.http.build();
        this.retries = new RetryExecutor(PROVIDER, http);
        this.sentLog = new SentLog(PROVIDER, b.sentLogCapacity);
        this.bulkhead = Bulkhead.of(PROVIDER + ":" + mailbox, BulkheadConfig.custom()
                .maxConcurrentCalls(b.maxConcurrentRequests).maxWaitDuration(b.maxQueueWait).build());
        this.api = Http.retrofit(b.baseUrl,
                http.newClient(b.telemetry, PROVIDER)).create(GraphApi.class);
    }

    /** A mailer for the signed-in user's mailbox ({@code /me}) in {@link Mode#DRAFT_THEN_SEND}. */
    public static GraphMailer create(AccessTokenSource tokens) {
        return builder().tokens(tokens).build();
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sends the message, or returns the receipt of its earlier send by this instance.
     *
     * @return the receipt; in {@link Mode#DRAFT_THEN_SEND} with Graph's message id and conversation id
     * @throws QuotaExhaustedException when the mailbox's sending quota is used up
     * @throws ProviderException for every other failure, with {@code retryable()} set where a later retry may work
     */
    @Override
    public MailReceipt send(EmailMessage message) {
        Checks.required(message, "message");
        return sentLog.sendOnce(message.messageId(), () -> deliver(message, new Attempts()));
    }

    /**
     * Sends a message whose earlier send, by this or another instance, may have reached Graph: looks it up by
     * {@code internetMessageId} first; already sent means done, still a draft means send that draft.
     */
    @Override
    public MailReceipt resend(EmailMessage message) {
        Checks.required(message, "message");
        Attempts state = new Attempts();
        state.outcomeUnknown = true;
        return sentLog.sendOnce(message.messageId(), () -> deliver(message, state));
    }

    private MailReceipt deliver(EmailMessage message, Attempts state) {
        byte[] mime = MimeRenderer.toBytes(message, clock.instant(), PROVIDER);
        String base64 = Base64.getEncoder().encodeToString(mime);
        LOG.debug("sending {} through Microsoft Graph ({})", message.messageId(), mode);
        return retries.run(() -> attempt(message, base64, state));
    }

    private MailReceipt attempt(EmailMessage message, String base64, Attempts state) {
        if (state.outcomeUnknown) {
            GraphApi.GraphMessage found = lookUp(message, state);
            state.outcomeUnknown = false;
            state.draft = null;
            if (found != null && !Boolean.TRUE.equals(found.isDraft())) {
                LOG.debug("{} was already sent through Graph; not sending it again", message.messageId());
                return receipt(message, found.id(), found.conversationId());
            }
            if (found != null && mode == Mode.DRAFT_THEN_SEND) {
                state.draft = found;
            }
        }
        if (mode == Mode.SEND_MAIL) {
            call(api.sendMail(bearer(state), mailbox, mimeBody(base64)), state, message);
            return receipt(message, null, message.threadId());
        }
        if (state.draft == null) {
            GraphApi.GraphMessage created = call(api.createDraft(bearer(state), mailbox,
                    mimeBody(base64)), state, message).body();
            if (created == null || created.id() == null) {
                throw ProviderException.refused(PROVIDER, 201, null, "Graph created a draft for "
                        + message.messageId() + " but returned no id");
            }
            state.draft = created;
        }
        GraphApi.GraphMessage draft = state.draft;
        String draftId = draft.id();
        if (draftId == null) { // a draft found by the lookup, listed without its id
            throw ProviderException.refused(PROVIDER, 200, null, "Graph listed a draft of " + message.messageId()
                    + " but returned no id");
        }
        call(api.sendDraft(bearer(state), mailbox, draftId), state, message);
        return receipt(message, draftId, draft.conversationId());
    }

    /** Graph's MIME mode wants exactly {@code Content-Type: text/plain} and standard Base64. */
    private static RequestBody mimeBody(String base64) {
        return RequestBody.create(base64.getBytes(StandardCharsets.US_ASCII), TEXT_PLAIN);
    }

    private MailReceipt receipt(EmailMessage message, @Nullable String id, @Nullable String conversationId) {
        return new MailReceipt(message.messageId(), id, conversationId, clock.instant());
    }

    private String bearer(Attempts state) {
        state.token = tokens.accessToken();
        return Http.bearer(state.token);
    }

    private GraphApi.@Nullable GraphMessage lookUp(EmailMessage message, Attempts state) {
        String filter = "internetMessageId eq '" + message.messageId().replace("'", "''") + "'";
        Response<GraphApi.GraphMessageList> response;
        try {
            response = call(api.find(bearer(state), mailbox, filter, "id,conversationId,internetMessageId,isDraft"),
                    state, message);
        } catch (TransientFailure failure) {
            state.outcomeUnknown = true;
            throw failure;
        } catch (ReauthorizationRequiredException failure) {
            throw failure; // the token source's: the host must see it as such to flag the tenant
        } catch (ProviderException failure) {
            throw ProviderException.refused(PROVIDER, failure.status(), failure.requestId(), "the outcome of "
                    + "sending " + message.messageId() + " is unknown and the mailbox could not be searched to find "
                    + "out (needs Mail.ReadBasic or more): " + failure.getMessage(), failure);
        }
        GraphApi.GraphMessageList list = response.body();
        List<GraphApi.GraphMessage> found = list == null || list.value() == null ? List.of() : list.value();
        return found.stream().filter(m -> !Boolean.TRUE.equals(m.isDraft())).findFirst()
                .orElse(found.isEmpty() ? null : found.get(0));
    }

    /** Runs one request inside the mailbox bulkhead and turns every failure into a classified exception. */
    private <T> Response<T> call(Call<T> call, Attempts state, EmailMessage message) {
        try {
            bulkhead.acquirePermission();
        } catch (BulkheadFullException e) {
            throw new TransientFailure(PROVIDER, 0, null, null, false, "more requests for this mailbox are waiting "
                    + "than Graph allows at once", e);
        }
        Response<T> response;
        try {
            response = call.execute();
        } catch (IOException e) {
            state.outcomeUnknown = true;
            throw new TransientFailure(PROVIDER, 0, null, null, true, "Graph request for " + message.messageId()
                    + " had no answer (" + e.getMessage() + "); it may have taken effect", e);
        } finally {
            bulkhead.onComplete();
        }
        if (response.isSuccessful()) {
            return response;
        }
        ProviderException failure = classify(response, state);
        if (failure instanceof TransientFailure t && t.outcomeUnknown()) {
            state.outcomeUnknown = true;
        }
        throw failure;
    }

    private ProviderException classify(Response<?> response, Attempts state) {
        int status = response.code();
        JsonNode error = Http.errorJson(response).path("error");
        String code = error.path("code").asText("");
        String requestId = response.headers().get("request-id");
        if (requestId == null) {
            requestId = error.path("innerError").path("request-id").asText(null);
        }
        String what = "Graph answered HTTP " + status + (code.isEmpty() ? "" : " (" + code + ")")
                + (error.path("message").asText("").isEmpty() ? "" : ": " + error.path("message").asText());
        Duration retryAfter = RetryExecutor.retryAfter(response.headers().get("Retry-After"), clock.instant());
        if (QUOTA_CODES.contains(code)) {
            return new QuotaExhaustedException(PROVIDER, status, requestId,
                    retryAfter == null ? null : clock.instant().plus(retryAfter), null,
                    what + "; the mailbox's sending quota is used up");
        }
        if (status == 429) {
            return new TransientFailure(PROVIDER, status, requestId, retryAfter, false, what, null);
        }
        if (status == 401) {
            if (!state.refreshedToken && state.token != null) {
                state.refreshedToken = true;
                tokens.invalidate(state.token);
                return new TransientFailure(PROVIDER, status, requestId, Duration.ZERO, false, what, null);
            }
            return ProviderException.refused(PROVIDER, status, requestId, what + "; the access token was "
                    + "rejected even after a refresh: the user must connect Outlook again");
        }
        if (status == 403) {
            return ProviderException.refused(PROVIDER, status, requestId, what + "; the app needs Mail.Send (and "
                    + "Mail.ReadWrite to create drafts) for this mailbox");
        }
        if (status == 404 && code.equals("ErrorItemNotFound")) {
            // The draft we were sending is gone: most likely it was sent and moved to Sent Items. Look it up.
            return new TransientFailure(PROVIDER, status, requestId, Duration.ZERO, true, what, null);
        }
        if (status >= 500) {
            return new TransientFailure(PROVIDER, status, requestId, retryAfter, true, what, null);
        }
        return ProviderException.refused(PROVIDER, status, requestId, what);
    }

    /** Never prints a token. */
    @Override
    public String toString() {
        return "GraphMailer[mailbox=" + mailbox + ", mode=" + mode + "]";
    }

    /** What one send has learnt across its attempts. */
    private static final class Attempts {
        private boolean outcomeUnknown;
        private boolean refreshedToken;
        private @Nullable String token;
        private GraphApi.@Nullable GraphMessage draft;
    }

    /** Builds a {@link GraphMailer}. */
    public static final class Builder {
        private @Nullable AccessTokenSource tokens;
        private String mailbox = "me";
        private Mode mode = Mode.DRAFT_THEN_SEND;
        private String baseUrl = "https://graph.microsoft.com/v1.0/";
        private Clock clock = Clock.systemUTC();
        private int maxConcurrentRequests = 4;
        private Duration maxQueueWait = Duration.ofSeconds(60);
        private long sentLogCapacity = 100_000;
        private Telemetry telemetry = Telemetry.none();
        private final HttpSettings.Builder http = Http.mailDefaults();

        private Builder() {
        }

        /** Where every answer of the API is reported with its HTTP status (default {@link Telemetry#none()}). */
        public Builder telemetry(Telemetry telemetry) {
            this.telemetry = Checks.required(telemetry, "telemetry");
            return this;
        }

        /** Where access tokens come from (required). */
        public Builder tokens(AccessTokenSource tokens) {
            this.tokens = Checks.required(tokens, "tokens");
            return this;
        }

        /** Send from this user's mailbox ({@code /users/{id or UPN}}, app-only tokens) instead of {@code /me}. */
        public Builder user(String idOrUserPrincipalName) {
            String user = Checks.singleLine(idOrUserPrincipalName, "user", 320);
            this.mailbox = "users/" + URLEncoder.encode(user, StandardCharsets.UTF_8).replace("+", "%20");
            return this;
        }

        /** Draft then send (default, returns ids) or plain {@code sendMail}. */
        public Builder mode(Mode mode) {
            this.mode = Checks.required(mode, "mode");
            return this;
        }

        /** The API root (default {@code https://graph.microsoft.com/v1.0/}); tests point it at a stub. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = Http.withSlash(Checks.required(baseUrl, "baseUrl"));
            return this;
        }

        /** Stamps receipts and reads HTTP-date {@code Retry-After} values (default system UTC). */
        public Builder clock(Clock clock) {
            this.clock = Checks.required(clock, "clock");
            return this;
        }

        /** Requests in flight at once for this mailbox, 1 to 4 (default 4, Graph's per-mailbox limit). */
        public Builder maxConcurrentRequests(int maxConcurrentRequests) {
            this.maxConcurrentRequests = Checks.range(maxConcurrentRequests, 1, 4, "maxConcurrentRequests");
            return this;
        }

        /** How long a request may wait for a free slot before failing retryably (default 60 seconds). */
        public Builder maxQueueWait(Duration maxQueueWait) {
            this.maxQueueWait = Checks.positive(maxQueueWait, "maxQueueWait");
            return this;
        }

        /** How many receipts this instance remembers for idempotency (default 100,000). */
        public Builder sentLogCapacity(long sentLogCapacity) {
            if (sentLogCapacity < 1) {
                throw new ValidationException("sentLogCapacity must be at least 1, but was "
                        + sentLogCapacity);
            }
            this.sentLogCapacity = sentLogCapacity;
            return this;
        }

        /**
         * Timeouts, attempts, backoff and the {@link Sleeper} that waits between attempts, starting from this mailer's
         * defaults: connect 10 seconds, read and whole call 30 seconds, 5 attempts per send, backoff from 1 second
         * doubling with jitter up to 32 seconds, {@code Retry-After} waited up to 2 minutes, {@link Sleeper#system()}.
         */
        public Builder http(Consumer<HttpSettings.Builder> settings) {
            Checks.required(settings, "http").accept(http);
            return this;
        }

        /** Validates and builds. */
        public GraphMailer build() {
            return new GraphMailer(this);
        }
    }
}
