package dev.ecosystem.mail;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.http.AccessTokenSource;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.ecosystem.spi.ProviderException;
import dev.ecosystem.spi.QuotaExhaustedException;
import dev.ecosystem.model.EmailAddress;
import dev.ecosystem.model.EmailMessage;
import dev.ecosystem.model.MailReceipt;
import dev.ecosystem.testkit.RecordingTelemetry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GraphMailerTest {
    private static final String SEND_DRAFT = "/me/messages/AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0AD1/send";
    private static final String DRAFT = "{\"id\":\"AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0AD1\",\"conversationId\":"
            + "\"AAQkAGI2-conv-1\",\"internetMessageId\":\"<x@y>\",\"isDraft\":true}";
    private static final ConcurrencyMeter METER = new ConcurrencyMeter();
    private static WireMockServer graph;

    private final TestMail.RecordingSleeper sleeper = new TestMail.RecordingSleeper();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-02T09:00:00Z"), ZoneOffset.UTC);

    @BeforeAll
    static void startStub() {
        graph = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(40).extensions(METER));
        graph.start();
    }

    @AfterAll
    static void stopStub() {
        graph.stop();
    }

    @BeforeEach
    void reset() {
        graph.resetAll();
        METER.reset();
    }

    private GraphMailer.Builder mailer() {
        return GraphMailer.builder().tokens(AccessTokenSource.of("eyJ0eXAi.good")).baseUrl(graph.baseUrl())
                .clock(clock).http(h -> h.sleeper(sleeper).initialBackoff(Duration.ofMillis(200)));
    }

    private static EmailMessage message() {
        return EmailMessage.builder("<" + UUID.randomUUID() + "@intro.example.com>",
                        EmailAddress.of("ada@example.com", "Ada Lovelace"), "Intro: Ada <> Grace")
                .to(EmailAddress.of("grace@example.org", "Grace Hopper"))
                .cc(EmailAddress.of("ben@example.net"))
                .text("Hello")
                .html("<p>Hello</p>")
                .build();
    }

    @Test
    void send_draftThenSend_returnsGraphIdAndConversationAndPostsStandardBase64Mime() {
        graph.stubFor(post(urlPathEqualTo("/me/messages")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(DRAFT)));
        graph.stubFor(post(urlPathEqualTo(SEND_DRAFT)).willReturn(aResponse().withStatus(202)));
        EmailMessage message = message();

        MailReceipt receipt = mailer().build().send(message);

        assertThat(receipt).isEqualTo(new MailReceipt(message.messageId(), "AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0AD1",
                "AAQkAGI2-conv-1", clock.instant()));
        graph.verify(postRequestedFor(urlPathEqualTo("/me/messages"))
                .withHeader("Content-Type", equalTo("text/plain"))
                .withHeader("Prefer", equalTo("IdType=\"ImmutableId\""))
                .withHeader("Authorization", equalTo("Bearer eyJ0eXAi.good")));
        String body = graph.getAllServeEvents().get(1).getRequest().getBodyAsString();
        assertThat(body).matches("[A-Za-z0-9+/]+=*");
        assertThat(new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8))
                .contains("Message-ID: " + message.messageId() + "\r\n");
    }

    @Test
    void send_sendMailMode_postsOnceAndKeepsCallerThread() {
        graph.stubFor(post(urlPathEqualTo("/users/ada%40example.com/sendMail"))
                .willReturn(aResponse().withStatus(202)));
        EmailMessage message = EmailMessage.builder("<m1@intro.example.com>", EmailAddress.of("ada@example.com"),
                "Hi").to(EmailAddress.of("grace@example.org")).threadId("conv-7").build();

        MailReceipt receipt = mailer().mode(GraphMailer.Mode.SEND_MAIL).user("ada@example.com").build().send(message);

        assertThat(receipt.providerMessageId()).isNull();
        assertThat(receipt.threadId()).isEqualTo("conv-7");
        graph.verify(1, postRequestedFor(urlPathEqualTo("/users/ada%40example.com/sendMail")));
    }

    @Test
    void send_throttled429_waitsRetryAfterThenSucceeds() {
        graph.stubFor(post(urlPathEqualTo("/me/messages")).inScenario("429").whenScenarioStateIs(STARTED)
                .willReturn(GraphStub.graphError(429, "TooManyRequests", "Please retry again later.")
                        .withHeader("Retry-After", "10"))
                .willSetStateTo("ok"));
        graph.stubFor(post(urlPathEqualTo("/me/messages")).inScenario("429").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(DRAFT)));
        graph.stubFor(post(urlPathEqualTo(SEND_DRAFT)).willReturn(aResponse().withStatus(202)));

        RecordingTelemetry telemetry = new RecordingTelemetry();

        mailer().telemetry(telemetry).build().send(message());

        assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(10));
        graph.verify(2, postRequestedFor(urlPathEqualTo("/me/messages")));
        assertThat(telemetry.calls()).as("every answer, as telemetry heard it")
                .containsExactly("graph 429", "graph 201", "graph 202");
    }

    @Test
    void send_retryAfterLongerThanAllowed_failsRetryableWithoutWaiting() {
        graph.stubFor(post(urlPathEqualTo("/me/messages")).willReturn(GraphStub.graphError(429, "TooManyRequests",
                "Please retry again later.").withHeader("Retry-After", "600")));

        assertThatThrownBy(() -> mailer().build().send(message()))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.requestId()).isEqualTo("94fb3b52-452a-4535-a601-69e0a90e3aa2");
                });
        assertThat(sleeper.sleeps).isEmpty();
    }

    @Test
    void send_neverMoreThanFourConcurrentRequestsPerMailbox() throws Exception {
        graph.stubFor(post(urlPathEqualTo("/me/messages")).willReturn(GraphStub.created().withFixedDelay(100)));
        graph.stubFor(post(urlPathMatching("/me/messages/[^/]+/send"))
                .willReturn(aResponse().withStatus(202).withFixedDelay(100)));
        GraphMailer mailer = mailer().build();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<MailReceipt>> receipts = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                receipts.add(pool.submit(() -> mailer.send(message())));
            }
            for (Future<MailReceipt> receipt : receipts) {
                receipt.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        // at most the bulkhead's 4; at least 2, so the sends did overlap (a loaded machine may not reach all 4 at once)
        assertThat(METER.max.get()).isBetween(2, 4);
        assertThat(GraphStub.deliveries(graph)).hasSize(12);
    }

    @Test
    void send_expiredToken_invalidatesAndRetriesOnceWithFreshToken() {
        List<String> invalidated = new ArrayList<>();
        AtomicInteger issued = new AtomicInteger();
        AccessTokenSource tokens = new AccessTokenSource() {
            @Override
            public String accessToken() {
                return invalidated.isEmpty() ? "old" : "new-" + issued.incrementAndGet();
            }

            @Override
            public void invalidate(String rejectedToken) {
                invalidated.add(rejectedToken);
            }
        };
        graph.stubFor(post(urlPathEqualTo("/me/messages")).withHeader("Authorization", equalTo("Bearer old"))
                .willReturn(GraphStub.graphError(401, "InvalidAuthenticationToken", "Access token has expired.")));
        graph.stubFor(post(urlPathEqualTo("/me/messages")).withHeader("Authorization", equalTo("Bearer new-1"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(DRAFT)));
        graph.stubFor(post(urlPathEqualTo(SEND_DRAFT)).willReturn(aResponse().withStatus(202)));

        mailer().tokens(tokens).build().send(message());

        assertThat(invalidated).containsExactly("old");
        graph.verify(1, postRequestedFor(urlPathEqualTo(SEND_DRAFT)));
    }

    @Test
    void send_accessDenied_failsNotRetryableNamingPermission() {
        graph.stubFor(post(urlPathEqualTo("/me/messages")).willReturn(GraphStub.graphError(403, "ErrorAccessDenied",
                "Access is denied. Check credentials and try again.")));

        assertThatThrownBy(() -> mailer().build().send(message()))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("Mail.Send");
        graph.verify(1, postRequestedFor(urlPathEqualTo("/me/messages")));
    }

    @Test
    void send_invalidRecipients_failsNotRetryable() {
        graph.stubFor(post(urlPathEqualTo("/me/messages")).willReturn(GraphStub.graphError(400,
                "ErrorInvalidRecipients", "At least one recipient is not valid.")));

        assertThatThrownBy(() -> mailer().build().send(message()))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.status()).isEqualTo(400);
                })
                .hasMessageContaining("ErrorInvalidRecipients");
    }

    @Test
    void send_sendingQuotaUsedUp_throwsQuotaExhausted() {
        graph.stubFor(post(urlPathEqualTo("/me/messages")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(DRAFT)));
        graph.stubFor(post(urlPathEqualTo(SEND_DRAFT)).willReturn(GraphStub.graphError(403,
                "ErrorSubmissionQuotaExceeded", "Cannot submit message.")));

        assertThatThrownBy(() -> mailer().build().send(message())).isInstanceOf(QuotaExhaustedException.class);
        assertThat(sleeper.sleeps).isEmpty();
    }

    @Test
    @org.junit.jupiter.api.DisplayName("A draft answer trickled byte by byte is cut off at the whole-call timeout; the "
            + "draft is then found and sent, not created twice")
    void send_trickledDraftAnswer_endsAtTheCallTimeout() {
        graph.stubFor(post(urlPathEqualTo("/me/messages")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(DRAFT).withChunkedDribbleDelay(25, 5_000)));
        graph.stubFor(post(urlPathEqualTo(SEND_DRAFT)).willReturn(aResponse().withStatus(202)));
        graph.stubFor(get(urlPathEqualTo("/me/messages")).willReturn(okJson("{\"value\":[{\"id\":"
                + "\"AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0AD1\",\"conversationId\":\"AAQkAGI2-conv-1\","
                + "\"internetMessageId\":\"<x@y>\",\"isDraft\":true}]}")));

        MailReceipt receipt = mailer().http(h -> h.readTimeout(Duration.ofMillis(400)).callTimeout(Duration.ofMillis(400))).build().send(message());

        assertThat(receipt.providerMessageId()).isEqualTo("AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0AD1");
        graph.verify(1, postRequestedFor(urlPathEqualTo("/me/messages")));
        graph.verify(1, postRequestedFor(urlPathEqualTo(SEND_DRAFT)));
    }

    @Test
    void send_afterUnknownOutcomeOfSendStep_doesNotSendTwice() {
        graph.stubFor(post(urlPathEqualTo("/me/messages")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(DRAFT)));
        // Graph accepts the send, but the answer comes after our timeout.
        graph.stubFor(post(urlPathEqualTo(SEND_DRAFT)).willReturn(aResponse().withStatus(202).withFixedDelay(1_500)));
        graph.stubFor(get(urlPathEqualTo("/me/messages")).willReturn(okJson("{\"value\":[{\"id\":"
                + "\"AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0AD1\",\"conversationId\":\"AAQkAGI2-conv-1\","
                + "\"internetMessageId\":\"<x@y>\",\"isDraft\":false}]}")));
        EmailMessage message = message();

        MailReceipt receipt = mailer().http(h -> h.readTimeout(Duration.ofMillis(300)).callTimeout(Duration.ofMillis(300))).build().send(message);

        assertThat(receipt.providerMessageId()).isEqualTo("AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0AD1");
        assertThat(receipt.threadId()).isEqualTo("AAQkAGI2-conv-1");
        graph.verify(1, postRequestedFor(urlPathEqualTo(SEND_DRAFT)));
        graph.verify(1, postRequestedFor(urlPathEqualTo("/me/messages")));
        graph.verify(getRequestedFor(urlPathEqualTo("/me/messages"))
                .withQueryParam("$filter", equalTo("internetMessageId eq '" + message.messageId() + "'")));
    }

    @Test
    void resend_ofAMessageAnotherNodeSent_returnsTheFoundMessageWithoutSending() {
        graph.stubFor(get(urlPathEqualTo("/me/messages")).willReturn(okJson("{\"value\":[{\"id\":"
                + "\"AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0AD1\",\"conversationId\":\"AAQkAGI2-conv-1\","
                + "\"internetMessageId\":\"<x@y>\",\"isDraft\":false}]}")));
        EmailMessage message = message();

        MailReceipt receipt = mailer().build().resend(message);

        assertThat(receipt.providerMessageId()).isEqualTo("AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0AD1");
        assertThat(receipt.threadId()).isEqualTo("AAQkAGI2-conv-1");
        graph.verify(0, postRequestedFor(urlPathEqualTo("/me/messages")));
        graph.verify(0, postRequestedFor(urlPathEqualTo(SEND_DRAFT)));
        graph.verify(1, getRequestedFor(urlPathEqualTo("/me/messages"))
                .withQueryParam("$filter", equalTo("internetMessageId eq '" + message.messageId() + "'")));
    }

    @Test
    void resend_ofAMessageTheMailboxLacks_createsAndSendsItOnce() {
        graph.stubFor(get(urlPathEqualTo("/me/messages")).willReturn(okJson("{\"value\":[]}")));
        graph.stubFor(post(urlPathEqualTo("/me/messages")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(DRAFT)));
        graph.stubFor(post(urlPathEqualTo(SEND_DRAFT)).willReturn(aResponse().withStatus(202)));

        MailReceipt receipt = mailer().build().resend(message());

        assertThat(receipt.providerMessageId()).isEqualTo("AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0AD1");
        graph.verify(1, getRequestedFor(urlPathEqualTo("/me/messages")));
        graph.verify(1, postRequestedFor(urlPathEqualTo("/me/messages")));
        graph.verify(1, postRequestedFor(urlPathEqualTo(SEND_DRAFT)));
    }

    @Test
    void send_afterUnknownOutcomeOfCreateStep_sendsTheExistingDraftInsteadOfCreatingAnother() {
        graph.stubFor(post(urlPathEqualTo("/me/messages"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        graph.stubFor(get(urlPathEqualTo("/me/messages")).willReturn(okJson("{\"value\":[" + DRAFT + "]}")));
        graph.stubFor(post(urlPathEqualTo(SEND_DRAFT)).willReturn(aResponse().withStatus(202)));

        MailReceipt receipt = mailer().build().send(message());

        assertThat(receipt.providerMessageId()).isEqualTo("AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0AD1");
        graph.verify(1, postRequestedFor(urlPathEqualTo("/me/messages")));
        graph.verify(1, postRequestedFor(urlPathEqualTo(SEND_DRAFT)));
    }

    @Test
    void resend_whenTheLookupListsADraftWithoutAnId_failsNamingTheMessageAndSendsNothing() {
        graph.stubFor(get(urlPathEqualTo("/me/messages")).willReturn(okJson("{\"value\":[{\"conversationId\":"
                + "\"AAQkAGI2-conv-1\",\"internetMessageId\":\"<x@y>\",\"isDraft\":true}]}")));
        EmailMessage message = message();

        assertThatThrownBy(() -> mailer().build().resend(message))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("Graph listed a draft of " + message.messageId() + " but returned no id");
        graph.verify(0, postRequestedFor(urlPathMatching(".*/send")));
    }

    @Test
    void send_serviceUnavailableAndNothingFound_createsAgainAfterRetryAfter() {
        graph.stubFor(post(urlPathEqualTo("/me/messages")).inScenario("503").whenScenarioStateIs(STARTED)
                .willReturn(GraphStub.graphError(503, "ServiceNotAvailable", "Service unavailable")
                        .withHeader("Retry-After", "3"))
                .willSetStateTo("ok"));
        graph.stubFor(post(urlPathEqualTo("/me/messages")).inScenario("503").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(DRAFT)));
        graph.stubFor(get(urlPathEqualTo("/me/messages")).willReturn(okJson("{\"value\":[]}")));
        graph.stubFor(post(urlPathEqualTo(SEND_DRAFT)).willReturn(aResponse().withStatus(202)));

        mailer().build().send(message());

        assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(3));
        graph.verify(2, postRequestedFor(urlPathEqualTo("/me/messages")));
        graph.verify(1, getRequestedFor(urlPathEqualTo("/me/messages")));
    }

    @Test
    void builder_rejectsMoreThanFourConcurrentRequests() {
        assertThatThrownBy(() -> GraphMailer.builder().maxConcurrentRequests(5))
                .hasMessage("maxConcurrentRequests must be between 1 and 4, but was 5");
    }

    /** Counts requests the stub is serving at the same time. */
    static final class ConcurrencyMeter implements ServeEventListener {
        final AtomicInteger now = new AtomicInteger();
        final AtomicInteger max = new AtomicInteger();

        void reset() {
            now.set(0);
            max.set(0);
        }

        @Override
        public void beforeMatch(ServeEvent serveEvent, Parameters parameters) {
            max.accumulateAndGet(now.incrementAndGet(), Math::max);
        }

        @Override
        public void afterComplete(ServeEvent serveEvent, Parameters parameters) {
            now.decrementAndGet();
        }

        @Override
        public String getName() {
            return "concurrency-meter";
        }
    }
}
