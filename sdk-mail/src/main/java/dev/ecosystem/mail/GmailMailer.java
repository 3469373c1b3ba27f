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
import dev.ecosystem.spi.Telemetry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Response;

/**
 * Sends mail from the user's own Gmail or Google Workspace mailbox with the Gmail API
 * ({@code users.messages.send}), so replies come back to that person.
 *
 * <pre>{@code
 * Mailer gmail = GmailMailer.builder()
 *         .tokens(OAuthRefreshTokenSource.builder()
 *                 .tokenEndpoint("https://oauth2.googleapis.com/token")
 *                 .clientId(clientId).clientSecret(clientSecret).refreshToken(refreshToken)
 *                 .build())
 *         .build();
 * }</pre>
 *
 * <p>Behaviour:
 * <ul>
 *   <li>The message is rendered with Jakarta Mail (CRLF, RFC 2047 headers, the message's own Message-ID) and sent as
 *       base64url without padding; a follow-up with {@link EmailMessage#threadId()} set stays in that thread.</li>
 *   <li>Idempotent on Message-ID within one instance (the last {@link Builder#sentLogCapacity(long)} receipts are
 *       remembered; concurrent sends of one message share one attempt).</li>
 *   <li>Per-user and per-project rate limits ({@code userRateLimitExceeded}, {@code rateLimitExceeded}, as 403 or
 *       429) and 5xx are retried with exponential backoff through the injected {@link Sleeper}. A daily limit
 *       ({@code dailyLimitExceeded}) throws {@link QuotaExhaustedException} at once. A 401 invalidates the token and
 *       retries once with a fresh one; a second 401 or a missing scope is a non-retryable
 *       {@link ProviderException} saying what to fix.</li>
 *   <li>After an unknown outcome (timeout, 5xx) the next attempt first searches the mailbox with
 *       {@code rfc822msgid:} and returns the existing message instead of sending a second copy. That search needs a
 *       read scope ({@code gmail.readonly}); with {@link Builder#lookupBeforeResend(boolean)} off, an unknown
 *       outcome fails with a non-retryable error instead of risking a duplicate. {@link #resend} does the same
 *       search first, for a send another app node (or this one before a restart) may have made.</li>
 * </ul>
 * Thread-safe.
 */
public final class GmailMailer implements Mailer {
    private static final Logger LOG = LoggerFactory.getLogger(GmailMailer.class);
    private static final String PROVIDER = "gmail";

    private final GmailApi api;
    private final AccessTokenSource tokens;
    private final String userId;
    private final Clock clock;
    private final RetryExecutor retries;
    private final SentLog sentLog;
    private final boolean lookupBeforeResend;

    private GmailMailer(Builder b) {
        this.tokens = Checks.required(b.tokens, "tokens");
        this.userId = Checks.singleLine(b.userId, "userId", 320);
        this.clock = b.clock;
        this.lookupBeforeResend = b.lookupBeforeResend;
        HttpSettings http = b.http.build();
        this.retries = new RetryExecutor(PROVIDER, http);
        this.sentLog = new SentLog(PROVIDER, b.sentLogCapacity);
        this.api = Http.retrofit(b.baseUrl,
                http.newClient(b.telemetry, PROVIDER)).create(GmailApi.class);
    }

    /** A mailer for the token owner's mailbox ({@code me}) with default settings. */
    public static GmailMailer create(AccessTokenSource tokens) {
        return builder().tokens(tokens).build();
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sends the message, or returns the receipt of its earlier send by this instance.
     *
     * @return the receipt: Gmail's message id and thread id, and the message's own Message-ID
     * @throws QuotaExhaustedException when the mailbox's daily sending limit is reached
     * @throws ProviderException for every other failure, with {@code retryable()} set where a later retry may work
     */
    @Override
    public MailReceipt send(EmailMessage message) {
        Checks.required(message, "message");
        return sentLog.sendOnce(message.messageId(), () -> deliver(message, new Attempts()));
    }

    /**
     * Sends a message whose earlier send, by this or another instance, may have reached Gmail: searches the mailbox
     * for its Message-ID first and returns the message found instead of sending a second copy. With
     * {@link Builder#lookupBeforeResend(boolean)} off it fails, non-retryable, instead of risking a duplicate.
     */
    @Override
    public MailReceipt resend(EmailMessage message) {
        Checks.required(message, "message");
        Attempts state = new Attempts();
        state.unknownOutcome = new TransientFailure(PROVIDER, 0, null, null, true, "an earlier attempt to send "
                + message.messageId() + " ended without a known outcome", null);
        return sentLog.sendOnce(message.messageId(), () -> deliver(message, state));
    }

    private MailReceipt deliver(EmailMessage message, Attempts state) {
        byte[] mime = MimeRenderer.toBytes(message, clock.instant(), PROVIDER);
        String raw = Base64.getUrlEncoder().withoutPadding().encodeToString(mime);
        LOG.debug("sending {} through Gmail", message.messageId());
        return retries.run(() -> attempt(message, raw, state));
    }

    private MailReceipt attempt(EmailMessage message, String raw, Attempts state) {
        if (state.unknownOutcome != null) {
            MailReceipt found = lookUp(message, state.unknownOutcome);
            if (found != null) {
                LOG.debug("{} was already accepted by Gmail; not sending it again", message.messageId());
                return found;
            }
        }
        String token = tokens.accessToken();
        Response<GmailApi.MessageRef> response;
        try {
            response = api.send(Http.bearer(token), userId, new GmailApi.SendRequest(raw, message.threadId()))
                    .execute();
        } catch (IOException e) {
            TransientFailure failure = new TransientFailure(PROVIDER, 0, null, null, true,
                    "Gmail send of " + message.messageId() + " had no answer (" + e.getMessage()
                            + "); it may have been sent", e);
            state.unknownOutcome = failure;
            throw failure;
        }
        if (response.isSuccessful() && response.body() != null) {
            GmailApi.MessageRef ref = response.body();
            return new MailReceipt(message.messageId(), ref.id(), ref.threadId(), clock.instant());
        }
        ProviderException failure = classify(response, state, token);
        if (failure instanceof TransientFailure t && t.outcomeUnknown()) {
            state.unknownOutcome = t;
        }
        throw failure;
    }

    private @Nullable MailReceipt lookUp(EmailMessage message, TransientFailure unknown) {
        if (!lookupBeforeResend) {
            throw ProviderException.refused(PROVIDER, unknown.status(), unknown.requestId(),
                    "the outcome of sending " + message.messageId() + " is unknown and lookupBeforeResend is off, so "
                            + "it is not sent again (that could deliver it twice): " + unknown.getMessage(), unknown);
        }
        String token = tokens.accessToken();
        String query = "rfc822msgid:" + message.messageId().substring(1, message.messageId().length() - 1);
        Response<GmailApi.MessageList> response;
        try {
            response = api.search(Http.bearer(token), userId, query, true).execute();
        } catch (IOException e) {
            throw new TransientFailure(PROVIDER, 0, null, null, true, "could not check whether "
                    + message.messageId() + " was sent: " + e.getMessage(), e);
        }
        if (!response.isSuccessful()) {
            ProviderException failure = classify(response, new Attempts(), token);
            if (failure.retryable()) {
                throw new TransientFailure(PROVIDER, failure.status(), null,
                        failure instanceof TransientFailure t ? t.retryAfter() : null, true,
                        "could not check whether " + message.messageId() + " was sent: " + failure.getMessage(),
                        failure);
            }
            throw ProviderException.refused(PROVIDER, failure.status(), null, "the outcome of sending "
                    + message.messageId() + " is unknown and the mailbox could not be searched to find out (the "
                    + "search needs the gmail.readonly scope): " + failure.getMessage(), failure);
        }
        GmailApi.MessageList list = response.body();
        List<GmailApi.MessageRef> found = list == null || list.messages() == null ? List.of() : list.messages();
        if (found.isEmpty()) {
            return null;
        }
        GmailApi.MessageRef ref = found.get(0);
        return new MailReceipt(message.messageId(), ref.id(), ref.threadId(), clock.instant());
    }

    /** Classifies a Gmail error by its {@code reason}, not by status alone: Google throttles with 403 too. */
    private ProviderException classify(Response<?> response, Attempts state, String token) {
        int status = response.code();
        JsonNode error = Http.errorJson(response).path("error");
        String reason = error.path("errors").path(0).path("reason").asText("");
        String detail = error.path("message").asText("");
        String what = "Gmail answered HTTP " + status + (reason.isEmpty() ? "" : " (" + reason + ")")
                + (detail.isEmpty() ? "" : ": " + detail);
        switch (reason) {
            case "userRateLimitExceeded", "rateLimitExceeded", "concurrentLimitExceeded" -> {
                return new TransientFailure(PROVIDER, status, null, RetryExecutor.retryAfter(response.headers().get("Retry-After"), clock.instant()),
                        false, what, null);
            }
            case "dailyLimitExceeded", "quotaExceeded" -> {
                return new QuotaExhaustedException(PROVIDER, status, null, null, null,
                        what + "; the mailbox's daily sending limit is used up, do not retry today");
            }
            case "insufficientPermissions", "forbidden" -> {
                return ProviderException.refused(PROVIDER, status, null,
                        what + "; the token lacks the gmail.send scope or the mailbox may not send");
            }
            default -> {
                // fall through to status-based handling below
            }
        }
        if (status == 401 || reason.equals("authError")) {
            if (!state.refreshedToken) {
                state.refreshedToken = true;
                tokens.invalidate(token);
                return new TransientFailure(PROVIDER, status, null, Duration.ZERO, false, what, null);
            }
            return ProviderException.refused(PROVIDER, status, null, what
                    + "; the access token was rejected even after a refresh: the user must connect Gmail again");
        }
        if (status == 429) {
            return new TransientFailure(PROVIDER, status, null, RetryExecutor.retryAfter(response.headers().get("Retry-After"), clock.instant()), false,
                    what, null);
        }
        if (status >= 500) {
            return new TransientFailure(PROVIDER, status, null, RetryExecutor.retryAfter(response.headers().get("Retry-After"), clock.instant()), true,
                    what, null);
        }
        return ProviderException.refused(PROVIDER, status, null, what);
    }

    /** Never prints a token. */
    @Override
    public String toString() {
        return "GmailMailer[userId=" + userId + "]";
    }

    /** What one send has learnt across its attempts. */
    private static final class Attempts {
        private @Nullable TransientFailure unknownOutcome;
        private boolean refreshedToken;
    }

    /** Builds a {@link GmailMailer}. */
    public static final class Builder {
        private @Nullable AccessTokenSource tokens;
        private String userId = "me";
        private String baseUrl = "https://gmail.googleapis.com/";
        private Clock clock = Clock.systemUTC();
        private boolean lookupBeforeResend = true;
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

        /** The mailbox: {@code me} (default, the token's owner) or the user's address. */
        public Builder userId(String userId) {
            this.userId = userId;
            return this;
        }

        /** The API root (default {@code https://gmail.googleapis.com/}); tests point it at a stub. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = Http.withSlash(Checks.required(baseUrl, "baseUrl"));
            return this;
        }

        /** Stamps receipts (default system UTC). */
        public Builder clock(Clock clock) {
            this.clock = Checks.required(clock, "clock");
            return this;
        }

        /** Whether to search the mailbox for the message after an unknown outcome before re-sending (default on). */
        public Builder lookupBeforeResend(boolean lookupBeforeResend) {
            this.lookupBeforeResend = lookupBeforeResend;
            return this;
        }

        /** How many receipts this instance remembers for idempotency (default 100,000). */
        public Builder sentLogCapacity(long sentLogCapacity) {
            if (sentLogCapacity < 1) {
                throw new ValidationException("sentLogCapacity must be at least 1, but was " + sentLogCapacity);
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
        public GmailMailer build() {
            return new GmailMailer(this);
        }
    }
}
