package dev.ecosystem.mail;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.http.AccessTokenSource;
import dev.ecosystem.http.OAuthRefreshTokenSource;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.ecosystem.spi.ProviderException;
import dev.ecosystem.spi.QuotaExhaustedException;
import dev.ecosystem.model.EmailAddress;
import dev.ecosystem.model.EmailMessage;
import dev.ecosystem.model.MailReceipt;
import dev.ecosystem.testkit.RecordingTelemetry;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GmailMailerTest {
    private static final String SEND = GmailMailerContractTest.SEND_PATH;
    private static final String SEARCH = "/gmail/v1/users/me/messages";
    private static final String OK = "{\"id\":\"1872208dcc053b54\",\"threadId\":\"1872208dcc053b54\","
            + "\"labelIds\":[\"SENT\"]}";
    private static WireMockServer gmail;

    private final TestMail.RecordingSleeper sleeper = new TestMail.RecordingSleeper();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-02T09:00:00Z"), ZoneOffset.UTC);

    @BeforeAll
    static void startStub() {
        gmail = new WireMockServer(wireMockConfig().dynamicPort());
        gmail.start();
    }

    @AfterAll
    static void stopStub() {
        gmail.stop();
    }

    @BeforeEach
    void reset() {
        gmail.resetAll();
    }

    private GmailMailer.Builder mailer() {
        return GmailMailer.builder().tokens(AccessTokenSource.of("ya29.good")).baseUrl(gmail.baseUrl())
                .clock(clock).http(h -> h.sleeper(sleeper).initialBackoff(Duration.ofMillis(500)));
    }

    private static EmailMessage message() {
        return EmailMessage.builder("<" + UUID.randomUUID() + "@intro.example.com>",
                        EmailAddress.of("ada@example.com", "Ada Lovelace"), "Größe: Ada ↔ Grace")
                .to(EmailAddress.of("grace@example.org", "Grace Hopper"))
                .text("line one\nline two\n")
                .build();
    }

    private static ResponseDefinitionBuilder googleError(int status, String reason, String text) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody("{\"error\":{\"errors\":[{\"domain\":\"usageLimits\",\"reason\":\"" + reason
                        + "\",\"message\":\"" + text + "\"}],\"code\":" + status + ",\"message\":\"" + text + "\"}}");
    }

    @Test
    void send_postsBase64UrlRawWithoutPadding_crlfEncodedSubjectAndOwnMessageId() {
        gmail.stubFor(post(urlPathEqualTo(SEND)).willReturn(okJson(OK)));
        EmailMessage message = EmailMessage.builder("<follow-up-1@intro.example.com>",
                        EmailAddress.of("ada@example.com", "Ada Lovelace"), "Re: Größe: Ada ↔ Grace")
                .to(EmailAddress.of("grace@bücher.example", "Grâce Hopper"))
                .text("line one\nline two\n")
                .inReplyTo("<root@intro.example.com>").reference("<root@intro.example.com>")
                .threadId("1872208dcc053b54")
                .build();

        MailReceipt receipt = mailer().build().send(message);

        String body = gmail.getAllServeEvents().get(0).getRequest().getBodyAsString();
        String raw = GmailMailerContractTest.field(body, "raw");
        assertThat(raw).matches("[A-Za-z0-9_-]+");
        assertThat(GmailMailerContractTest.field(body, "threadId")).isEqualTo("1872208dcc053b54");
        String rfc5322 = new String(GmailMailerContractTest.accepted(gmail).get(0), StandardCharsets.UTF_8);
        assertThat(rfc5322.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        assertThat(rfc5322).contains("Message-ID: <follow-up-1@intro.example.com>\r\n")
                .contains("In-Reply-To: <root@intro.example.com>\r\n")
                .contains("References: <root@intro.example.com>\r\n")
                .containsPattern("Subject: =\\?UTF-8\\?[QB]\\?")
                .containsPattern("To: =\\?UTF-8\\?[QB]\\?\\S+\\?= <grace@xn--bcher-kva.example>\r\n");
        assertThat(rfc5322.chars().allMatch(c -> c < 0x80)).as("7-bit clean").isTrue();
        assertThat(receipt).isEqualTo(new MailReceipt("<follow-up-1@intro.example.com>", "1872208dcc053b54",
                "1872208dcc053b54", clock.instant()));
    }

    @Test
    void send_displayNameWithAddressSyntax_cannotAddRecipients() throws Exception {
        gmail.stubFor(post(urlPathEqualTo(SEND)).willReturn(okJson(OK)));
        EmailMessage message = EmailMessage.builder("<inj-1@intro.example.com>",
                        EmailAddress.of("ada@example.com", "Ada\", <evil@attacker.example>; Bcc: x@attacker.example"),
                        "Hello")
                .to(EmailAddress.of("grace@example.org", "Grace, <evil2@attacker.example>"))
                .build();

        mailer().build().send(message);

        MimeMessage received = TestMail.parse(GmailMailerContractTest.accepted(gmail).get(0));
        assertThat(received.getAllRecipients()).hasSize(1);
        assertThat(received.getRecipients(Message.RecipientType.TO)[0].toString()).contains("grace@example.org");
        assertThat(received.getHeader("Bcc")).isNull();
        assertThat(received.getFrom()).hasSize(1);
    }

    @Test
    void send_userRateLimit_retriesWithBackoffThroughSleeper() {
        gmail.stubFor(post(urlPathEqualTo(SEND)).inScenario("rate").whenScenarioStateIs(STARTED)
                .willReturn(googleError(403, "userRateLimitExceeded", "User Rate Limit Exceeded"))
                .willSetStateTo("ok"));
        gmail.stubFor(post(urlPathEqualTo(SEND)).inScenario("rate").whenScenarioStateIs("ok")
                .willReturn(okJson(OK)));

        MailReceipt receipt = mailer().build().send(message());

        assertThat(receipt.providerMessageId()).isEqualTo("1872208dcc053b54");
        assertThat(sleeper.sleeps).singleElement()
                .satisfies(d -> assertThat(d).isBetween(Duration.ofMillis(250), Duration.ofMillis(750)));
        gmail.verify(2, postRequestedFor(urlPathEqualTo(SEND)));
    }

    @Test
    void send_concurrentRequestLimit429_isRetried() {
        gmail.stubFor(post(urlPathEqualTo(SEND)).inScenario("429").whenScenarioStateIs(STARTED)
                .willReturn(googleError(429, "rateLimitExceeded", "Too many concurrent requests for user"))
                .willSetStateTo("ok"));
        gmail.stubFor(post(urlPathEqualTo(SEND)).inScenario("429").whenScenarioStateIs("ok")
                .willReturn(okJson(OK)));

        mailer().build().send(message());

        assertThat(sleeper.sleeps).hasSize(1);
        gmail.verify(2, postRequestedFor(urlPathEqualTo(SEND)));
    }

    @Test
    @DisplayName("Telemetry hears every answer of the API with its status: the 429, then the success")
    void telemetry_hearsEachAnswer() {
        gmail.stubFor(post(urlPathEqualTo(SEND)).inScenario("429").whenScenarioStateIs(STARTED)
                .willReturn(googleError(429, "rateLimitExceeded", "Too many concurrent requests for user"))
                .willSetStateTo("ok"));
        gmail.stubFor(post(urlPathEqualTo(SEND)).inScenario("429").whenScenarioStateIs("ok")
                .willReturn(okJson(OK)));
        RecordingTelemetry telemetry = new RecordingTelemetry();

        mailer().telemetry(telemetry).build().send(message());

        assertThat(telemetry.calls()).containsExactly("gmail 429", "gmail 200");
    }

    @Test
    void send_rateLimitThatNeverClears_failsRetryableAfterMaxAttempts() {
        gmail.stubFor(post(urlPathEqualTo(SEND))
                .willReturn(googleError(403, "userRateLimitExceeded", "User Rate Limit Exceeded")));

        assertThatThrownBy(() -> mailer().http(h -> h.maxAttempts(3)).build().send(message()))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.provider()).isEqualTo("gmail");
                    assertThat(e).hasMessageContaining("userRateLimitExceeded");
                });
        gmail.verify(3, postRequestedFor(urlPathEqualTo(SEND)));
        assertThat(sleeper.sleeps).hasSize(2);
        assertThat(sleeper.sleeps.get(1)).isGreaterThan(Duration.ofMillis(400));
    }

    @Test
    void send_dailyLimit_throwsQuotaExhaustedWithoutRetry() {
        gmail.stubFor(post(urlPathEqualTo(SEND))
                .willReturn(googleError(403, "dailyLimitExceeded", "Daily Limit Exceeded")));

        assertThatThrownBy(() -> mailer().build().send(message()))
                .isInstanceOfSatisfying(QuotaExhaustedException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.status()).isEqualTo(403);
                });
        gmail.verify(1, postRequestedFor(urlPathEqualTo(SEND)));
        assertThat(sleeper.sleeps).isEmpty();
    }

    @Test
    void send_missingScope_failsWithClearErrorWithoutRetry() {
        gmail.stubFor(post(urlPathEqualTo(SEND))
                .willReturn(googleError(403, "insufficientPermissions", "Request had insufficient authentication "
                        + "scopes.")));

        assertThatThrownBy(() -> mailer().build().send(message()))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("gmail.send scope");
        gmail.verify(1, postRequestedFor(urlPathEqualTo(SEND)));
    }

    @Test
    void send_badRequest_isNotRetried() {
        gmail.stubFor(post(urlPathEqualTo(SEND)).willReturn(googleError(400, "badRequest", "Invalid To header")));

        assertThatThrownBy(() -> mailer().build().send(message()))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.status()).isEqualTo(400);
                })
                .hasMessageContaining("Invalid To header");
        gmail.verify(1, postRequestedFor(urlPathEqualTo(SEND)));
    }

    @Test
    void send_expiredAccessToken_refreshesThroughTokenSourceAndRetriesOnce() {
        gmail.stubFor(post(urlPathEqualTo("/token")).inScenario("token").whenScenarioStateIs(STARTED)
                .willReturn(okJson("{\"access_token\":\"ya29.old\",\"expires_in\":3599,\"token_type\":\"Bearer\"}"))
                .willSetStateTo("rotated"));
        gmail.stubFor(post(urlPathEqualTo("/token")).inScenario("token").whenScenarioStateIs("rotated")
                .willReturn(okJson("{\"access_token\":\"ya29.new\",\"expires_in\":3599,\"token_type\":\"Bearer\"}")));
        gmail.stubFor(post(urlPathEqualTo(SEND)).withHeader("Authorization", equalTo("Bearer ya29.old"))
                .willReturn(googleError(401, "authError", "Invalid Credentials")));
        gmail.stubFor(post(urlPathEqualTo(SEND)).withHeader("Authorization", equalTo("Bearer ya29.new"))
                .willReturn(okJson(OK)));
        AccessTokenSource tokens = OAuthRefreshTokenSource.builder().tokenEndpoint(gmail.baseUrl() + "/token")
                .clientId("client").clientSecret("secret").refreshToken("1//refresh").clock(clock).build();

        MailReceipt receipt = mailer().tokens(tokens).build().send(message());

        assertThat(receipt.providerMessageId()).isEqualTo("1872208dcc053b54");
        gmail.verify(2, postRequestedFor(urlPathEqualTo("/token")));
        gmail.verify(2, postRequestedFor(urlPathEqualTo(SEND)));
    }

    @Test
    void send_tokenRejectedAgainAfterRefresh_failsWithClearAuthError() {
        gmail.stubFor(post(urlPathEqualTo(SEND)).willReturn(googleError(401, "authError", "Invalid Credentials")));

        assertThatThrownBy(() -> mailer().build().send(message()))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.status()).isEqualTo(401);
                })
                .hasMessageContaining("connect Gmail again");
        gmail.verify(2, postRequestedFor(urlPathEqualTo(SEND)));
    }

    @Test
    void send_afterUnknownOutcome_doesNotSendTwice() {
        // The provider accepts the message but the answer arrives after our timeout.
        gmail.stubFor(post(urlPathEqualTo(SEND)).willReturn(okJson(OK).withFixedDelay(1_500)));
        gmail.stubFor(get(urlPathEqualTo(SEARCH)).willReturn(okJson("{\"messages\":[{\"id\":\"1872208dcc053b54\","
                + "\"threadId\":\"18720000aaaa0000\"}],\"resultSizeEstimate\":1}")));
        EmailMessage message = message();

        MailReceipt receipt = mailer().http(h -> h.readTimeout(Duration.ofMillis(300)).callTimeout(Duration.ofMillis(300))).build().send(message);

        assertThat(receipt).isEqualTo(new MailReceipt(message.messageId(), "1872208dcc053b54", "18720000aaaa0000",
                clock.instant()));
        gmail.verify(1, postRequestedFor(urlPathEqualTo(SEND)));
        String bare = message.messageId().substring(1, message.messageId().length() - 1);
        gmail.verify(1, getRequestedFor(urlPathEqualTo(SEARCH)).withQueryParam("q", equalTo("rfc822msgid:" + bare)));
    }

    @Test
    @org.junit.jupiter.api.DisplayName("A send answer trickled byte by byte is cut off at the whole-call timeout; the "
            + "message is then looked up, not sent again")
    void send_trickledAnswer_endsAtTheCallTimeout() {
        gmail.stubFor(post(urlPathEqualTo(SEND)).willReturn(okJson(OK).withChunkedDribbleDelay(25, 5_000)));
        gmail.stubFor(get(urlPathEqualTo(SEARCH)).willReturn(okJson("{\"messages\":[{\"id\":\"1872208dcc053b54\","
                + "\"threadId\":\"18720000aaaa0000\"}],\"resultSizeEstimate\":1}")));

        MailReceipt receipt = mailer().http(h -> h.readTimeout(Duration.ofMillis(400)).callTimeout(Duration.ofMillis(400))).build().send(message());

        assertThat(receipt.providerMessageId()).isEqualTo("1872208dcc053b54");
        gmail.verify(1, postRequestedFor(urlPathEqualTo(SEND)));
    }

    @Test
    void send_afterServerErrorAndNoSuchMessage_sendsAgain() {
        gmail.stubFor(post(urlPathEqualTo(SEND)).inScenario("5xx").whenScenarioStateIs(STARTED)
                .willReturn(googleError(500, "backendError", "Backend Error")).willSetStateTo("ok"));
        gmail.stubFor(post(urlPathEqualTo(SEND)).inScenario("5xx").whenScenarioStateIs("ok").willReturn(okJson(OK)));
        gmail.stubFor(get(urlPathEqualTo(SEARCH)).willReturn(okJson("{\"resultSizeEstimate\":0}")));

        MailReceipt receipt = mailer().build().send(message());

        assertThat(receipt.providerMessageId()).isEqualTo("1872208dcc053b54");
        gmail.verify(2, postRequestedFor(urlPathEqualTo(SEND)));
        gmail.verify(1, getRequestedFor(urlPathEqualTo(SEARCH)));
    }

    @Test
    void resend_ofAMessageAnotherNodeSent_returnsTheFoundMessageWithoutSending() {
        gmail.stubFor(post(urlPathEqualTo(SEND)).willReturn(okJson(OK)));
        gmail.stubFor(get(urlPathEqualTo(SEARCH)).willReturn(okJson("{\"messages\":[{\"id\":\"1872208dcc053b54\","
                + "\"threadId\":\"18720000aaaa0000\"}],\"resultSizeEstimate\":1}")));
        EmailMessage message = message();

        MailReceipt receipt = mailer().build().resend(message);

        assertThat(receipt).isEqualTo(new MailReceipt(message.messageId(), "1872208dcc053b54", "18720000aaaa0000",
                clock.instant()));
        gmail.verify(0, postRequestedFor(urlPathEqualTo(SEND)));
        String bare = message.messageId().substring(1, message.messageId().length() - 1);
        gmail.verify(1, getRequestedFor(urlPathEqualTo(SEARCH)).withQueryParam("q", equalTo("rfc822msgid:" + bare)));
    }

    @Test
    void resend_ofAMessageTheMailboxLacks_sendsItOnce() {
        gmail.stubFor(post(urlPathEqualTo(SEND)).willReturn(okJson(OK)));
        gmail.stubFor(get(urlPathEqualTo(SEARCH)).willReturn(okJson("{\"resultSizeEstimate\":0}")));

        MailReceipt receipt = mailer().build().resend(message());

        assertThat(receipt.providerMessageId()).isEqualTo("1872208dcc053b54");
        gmail.verify(1, getRequestedFor(urlPathEqualTo(SEARCH)));
        gmail.verify(1, postRequestedFor(urlPathEqualTo(SEND)));
    }

    @Test
    void resend_withLookupOff_failsWithoutSending() {
        gmail.stubFor(post(urlPathEqualTo(SEND)).willReturn(okJson(OK)));

        assertThatThrownBy(() -> mailer().lookupBeforeResend(false).build().resend(message()))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("unknown");
        gmail.verify(0, postRequestedFor(urlPathEqualTo(SEND)));
    }

    @Test
    void send_unknownOutcomeWithLookupOff_failsWithoutSendingAgain() {
        gmail.stubFor(post(urlPathEqualTo(SEND)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> mailer().lookupBeforeResend(false).build().send(message()))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("unknown");
        gmail.verify(1, postRequestedFor(urlPathEqualTo(SEND)));
    }

    @Test
    void send_unknownOutcomeAndNoReadScope_failsWithoutSendingAgain() {
        gmail.stubFor(post(urlPathEqualTo(SEND)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        gmail.stubFor(get(urlPathEqualTo(SEARCH)).willReturn(googleError(403, "insufficientPermissions",
                "Request had insufficient authentication scopes.")));

        assertThatThrownBy(() -> mailer().build().send(message()))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("gmail.readonly");
        gmail.verify(1, postRequestedFor(urlPathEqualTo(SEND)));
    }

    @Test
    void builder_rejectsBadSettingsNamingTheField() {
        assertThatThrownBy(() -> GmailMailer.builder().http(h -> h.maxAttempts(0)))
                .hasMessage("maxAttempts must be between 1 and 20, but was 0");
        assertThatThrownBy(() -> GmailMailer.builder().baseUrl("ftp://x"))
                .hasMessageContaining("baseUrl must be an http(s) URL");
        assertThatThrownBy(() -> GmailMailer.builder().build()).hasMessage("tokens is required, but was null");
    }
}
