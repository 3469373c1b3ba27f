package dev.ecosystem.mail;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ecosystem.spi.Draft;
import dev.ecosystem.spi.DraftKind;
import dev.ecosystem.spi.DraftRequest;
import dev.ecosystem.spi.IntroDrafter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LlmIntroDrafterTest {
    private static final String PATH = "/v1/chat/completions";
    private static final String ACCEPT = "https://app.example.com/c/tok123/accept";
    private static final String DECLINE = "https://app.example.com/c/tok123/decline";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static WireMockServer llm;

    /** The small test fallback: a fixed template that says it is one. */
    private static final IntroDrafter TEMPLATE = request -> new Draft("Would you like to meet "
            + request.requesterName() + "?", "Template text", "<p>Template text</p>", null);

    @BeforeAll
    static void start() {
        llm = new WireMockServer(wireMockConfig().dynamicPort());
        llm.start();
    }

    @AfterAll
    static void stop() {
        llm.stop();
    }

    @BeforeEach
    void reset() {
        llm.resetAll();
    }

    private LlmIntroDrafter drafter() {
        return LlmIntroDrafter.builder().baseUrl(llm.baseUrl() + "/v1").model("gpt-4o-mini").apiKey("sk-test")
                .timeout(Duration.ofMillis(500)).fallback(TEMPLATE).build();
    }

    private static DraftRequest consentAsk() {
        return DraftRequest.builder(DraftKind.CONSENT_ASK, "Grace Hopper")
                .requester("Ada Lovelace", "VP Partnerships", "Acme").target("Grace Hopper", "CTO", "Globex")
                .introducer("Linus").context("Both sell to logistics firms; see https://acme.example/case")
                .sharedFacts(List.of("12 shared customers")).consentLinks(ACCEPT, DECLINE).build();
    }

    /** A chat-completions answer shaped like the documented one, with {@code content} as the message. */
    private static String completion(String content, String finishReason) {
        return "{\"id\":\"chatcmpl-abc123\",\"object\":\"chat.completion\",\"created\":1793000000,"
                + "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                + "\"content\":" + JsonNodeFactory.instance.textNode(content) + ",\"refusal\":null},\"logprobs\":null,"
                + "\"finish_reason\":\"" + finishReason + "\"}],\"usage\":{\"prompt_tokens\":210,"
                + "\"completion_tokens\":95,\"total_tokens\":305}}";
    }

    private static String reply(String subject, String text) {
        return JsonNodeFactory.instance.objectNode().put("subject", subject).put("text", text).toString();
    }

    private void answer(String content) {
        llm.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(completion(content, "stop"))));
    }

    @Test
    void draft_goodReply_isUsedWithEscapedHtmlAndOnlyGivenLinksClickable() {
        answer(reply("Meet Ada from Acme?", "Hi Grace,\n\nAda <VP> at Acme would like to meet you.\n\nYes: " + ACCEPT
                + "\nNo thanks: " + DECLINE + "\n\nLinus"));

        Draft draft = drafter().draft(consentAsk());

        assertThat(draft.subject()).isEqualTo("Meet Ada from Acme?");
        assertThat(draft.textBody()).contains("Ada <VP> at Acme").contains(ACCEPT).contains(DECLINE);
        assertThat(draft.htmlBody()).contains("Ada &lt;VP&gt; at Acme")
                .contains("<a href=\"" + ACCEPT + "\">" + ACCEPT + "</a>")
                .contains("<a href=\"" + DECLINE + "\">");
        assertThat(draft.note()).contains("gpt-4o-mini").doesNotContain("fell back");
        llm.verify(postRequestedFor(urlPathEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer sk-test")));
    }

    @Test
    void draft_promptCarriesOnlyTheRequestFields() throws Exception {
        answer(reply("s", "x " + ACCEPT + " " + DECLINE));

        drafter().draft(consentAsk());

        JsonNode body = JSON.readTree(llm.getAllServeEvents().get(0).getRequest().getBodyAsString());
        assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(body.path("response_format").path("type").asText()).isEqualTo("json_object");
        JsonNode user = JSON.readTree(body.path("messages").path(1).path("content").asText());
        assertThat(fieldNames(user)).containsExactly("kind", "recipientName", "requester", "target", "introducerName",
                "context", "sharedFacts", "acceptUrl", "declineUrl", "declineReason");
        assertThat(fieldNames(user.path("requester"))).containsExactly("name", "title", "company");
        assertThat(user.path("sharedFacts").get(0).asText()).isEqualTo("12 shared customers");
        assertThat(body.path("messages")).hasSize(2);
    }

    @Test
    void draft_linkFromTheContext_isAllowed() {
        answer(reply("Meet Ada?", "See https://acme.example/case. Yes: " + ACCEPT + " No: " + DECLINE));

        assertThat(drafter().draft(consentAsk()).note()).doesNotContain("fell back");
    }

    @Test
    void draft_malformedReply_fallsBackWithNote() {
        answer("Sure! Here is your email: Dear Grace, ...");

        Draft draft = drafter().draft(consentAsk());

        assertThat(draft.subject()).isEqualTo("Would you like to meet Ada Lovelace?");
        assertThat(draft.note()).startsWith("The AI drafter fell back to the template").contains("not valid JSON");
    }

    @Test
    void draft_replyMissingText_fallsBack() {
        answer("{\"subject\":\"Hi\"}");

        assertThat(drafter().draft(consentAsk()).note()).contains("string fields subject and text");
    }

    @Test
    void draft_timeout_fallsBackWithNote() {
        llm.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(completion(reply("s", "t"), "stop"))
                .withFixedDelay(1_000)));

        Draft draft = drafter().draft(consentAsk());

        assertThat(draft.textBody()).isEqualTo("Template text");
        assertThat(draft.note()).contains("did not answer within 500 ms");
    }

    @Test
    @org.junit.jupiter.api.DisplayName("A model server that trickles its answer is cut off at the whole-call timeout "
            + "and the template is used")
    void draft_trickledAnswer_endsAtTheCallTimeout() {
        llm.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(completion(reply("s", "t"), "stop"))
                .withChunkedDribbleDelay(25, 5_000)));

        Draft draft = drafter().draft(consentAsk());

        assertThat(draft.textBody()).isEqualTo("Template text");
        assertThat(draft.note()).contains("did not answer within 500 ms");
    }

    @Test
    void draft_rateLimited429_fallsBackWithNote() {
        llm.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withHeader("retry-after", "20")
                .withBody("{\"error\":{\"message\":\"Rate limit reached for gpt-4o-mini\",\"type\":\"requests\","
                        + "\"param\":null,\"code\":\"rate_limit_exceeded\"}}")));

        assertThat(drafter().draft(consentAsk()).note()).contains("rate limiting (HTTP 429)");
        llm.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void draft_refusal_fallsBackWithNote() {
        llm.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson("{\"id\":\"chatcmpl-r\",\"object\":"
                + "\"chat.completion\",\"created\":1793000000,\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":null,\"refusal\":\"I'm sorry, I can't help with "
                + "that.\"},\"logprobs\":null,\"finish_reason\":\"stop\"}]}")));

        assertThat(drafter().draft(consentAsk()).note()).contains("refused");
    }

    @Test
    void draft_serverError_fallsBack() {
        llm.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(500)));

        assertThat(drafter().draft(consentAsk()).note()).contains("HTTP 500");
    }

    @Test
    void draft_linkTheContextDidNotGive_isRefused() {
        answer(reply("Meet Ada?", "Book here: https://evil.example/phish " + ACCEPT + " " + DECLINE));

        assertThat(drafter().draft(consentAsk()).note()).contains("link the introduction did not give")
                .contains("evil.example");
    }

    @Test
    void draft_headerLikeLine_isRefused() {
        answer(reply("Meet Ada?", "Hi Grace\nBcc: someone@evil.example\n" + ACCEPT + " " + DECLINE));

        assertThat(drafter().draft(consentAsk()).note()).contains("looks like a mail header");
    }

    @Test
    void draft_multiLineSubject_isRefused() {
        answer(reply("Meet Ada?\nBcc: x@evil.example", "Hi " + ACCEPT + " " + DECLINE));

        assertThat(drafter().draft(consentAsk()).note()).contains("subject");
    }

    @Test
    void draft_missingConsentLink_isRefused() {
        answer(reply("Meet Ada?", "Hi Grace, reply to say yes. " + DECLINE));

        assertThat(drafter().draft(consentAsk()).note()).contains("consent link");
    }

    @Test
    void draft_tooLongText_isRefused() {
        answer(reply("Meet Ada?", "word ".repeat(1_000) + ACCEPT + " " + DECLINE));

        assertThat(drafter().draft(consentAsk()).note()).contains("characters");
    }

    @Test
    void draft_fencedJsonFromALocalModel_isAccepted() {
        answer("```json\n" + reply("Meet Ada?", "Hi " + ACCEPT + " " + DECLINE) + "\n```");

        assertThat(drafter().draft(consentAsk()).subject()).isEqualTo("Meet Ada?");
    }

    @Test
    void draft_localServerWithoutKey_sendsNoAuthorizationHeader() {
        answer(reply("Meet Ada?", "Hi " + ACCEPT + " " + DECLINE));

        LlmIntroDrafter.builder().baseUrl(llm.baseUrl() + "/v1").model("llama3").fallback(TEMPLATE).build()
                .draft(consentAsk());

        assertThat(llm.getAllServeEvents().get(0).getRequest().containsHeader("Authorization")).isFalse();
    }

    @Test
    void toString_neverPrintsTheKey() {
        assertThat(drafter().toString()).doesNotContain("sk-test");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
