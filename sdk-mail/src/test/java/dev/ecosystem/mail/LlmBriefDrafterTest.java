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
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ecosystem.model.BriefSection;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.program.TemplateBriefDrafter;
import dev.ecosystem.spi.BriefDraft;
import dev.ecosystem.spi.BriefRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LlmBriefDrafterTest {
    private static final String PATH = "/v1/chat/completions";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BriefRequest REQUEST = new BriefRequest("Acme Mail", "Referral partners",
            PartnerType.REFERRAL, List.of("must be a business in agency", "ideally a business in email marketing"),
            "Earn 10% on every customer you refer.",
            List.of("10% of the revenue credited to you (plan \"Referral 2026\", sourced attribution)",
                    "15% at tier gold", "at most 20000 per calendar year"),
            180, List.of("Sign the partner agreement"), List.of("registered", "gold"));
    private static WireMockServer llm;

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

    /** A drafter with a timeout generous enough for a cold JVM's first call. */
    private LlmBriefDrafter drafter() {
        return drafter(Duration.ofSeconds(5));
    }

    private LlmBriefDrafter drafter(Duration timeout) {
        return LlmBriefDrafter.builder().baseUrl(llm.baseUrl() + "/v1").model("gpt-4o-mini").apiKey("sk-test")
                .timeout(timeout).fallback(TemplateBriefDrafter.create()).build();
    }

    /** A chat-completions answer shaped like the documented one, with {@code content} as the message. */
    private static String completion(String content, String finishReason) {
        return "{\"id\":\"chatcmpl-abc123\",\"object\":\"chat.completion\",\"created\":1793000000,"
                + "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                + "\"content\":" + JsonNodeFactory.instance.textNode(content) + ",\"refusal\":null},\"logprobs\":null,"
                + "\"finish_reason\":\"" + finishReason + "\"}],\"usage\":{\"prompt_tokens\":410,"
                + "\"completion_tokens\":395,\"total_tokens\":805}}";
    }

    /** A good brief, with {@code change} applied to its sections. */
    private static String reply(String title, Map<BriefSection, String> change) {
        Map<BriefSection, String> sections = new EnumMap<>(BriefSection.class);
        sections.put(BriefSection.IDEAL_PARTNER, "Agencies, ideally in email marketing.");
        sections.put(BriefSection.VALUE_PROPOSITION, "Earn 10% on every customer you refer.");
        sections.put(BriefSection.GOOD_REFERRAL, "A company with a real need and a person who agreed to talk.");
        sections.put(BriefSection.HOW_TO_REGISTER, "Register before you introduce; protected for 180 days.\n\n"
                + "- Sign the partner agreement");
        sections.put(BriefSection.COMMISSION, "- 10% of credited revenue\n- 15% at tier gold\n- at most 20000 a year");
        sections.putAll(change);
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("title", title);
        ObjectNode body = json.putObject("sections");
        sections.forEach((section, text) -> {
            if (text != null) {
                body.put(section.name(), text);
            }
        });
        return json.toString();
    }

    private static String reply(Map<BriefSection, String> change) {
        return reply("Referral partners at Acme Mail", change);
    }

    private void answer(String content) {
        llm.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(completion(content, "stop"))));
    }

    private static void assertFellBack(BriefDraft draft, String reason) {
        assertThat(draft.note()).startsWith("The AI drafter fell back to the template").contains(reason);
        assertThat(draft).usingRecursiveComparison().ignoringFields("note")
                .isEqualTo(TemplateBriefDrafter.create().draft(REQUEST));
    }

    @Test
    void draft_goodReply_isUsed_andNamesTheModel() {
        answer(reply(Map.of()));

        BriefDraft draft = drafter().draft(REQUEST);

        assertThat(draft.title()).as(draft.note()).isEqualTo("Referral partners at Acme Mail");
        assertThat(draft.sections().get(BriefSection.COMMISSION)).startsWith("- 10% of credited revenue");
        assertThat(draft.sections().get(BriefSection.HOW_TO_REGISTER)).contains("180 days");
        assertThat(draft.note()).contains("gpt-4o-mini").doesNotContain("fell back");
        llm.verify(postRequestedFor(urlPathEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer sk-test")));
    }

    @Test
    void draft_promptCarriesOnlyTheProgramsTerms() throws Exception {
        answer(reply(Map.of()));

        drafter().draft(REQUEST);

        JsonNode body = JSON.readTree(llm.getAllServeEvents().get(0).getRequest().getBodyAsString());
        assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(body.path("response_format").path("type").asText()).isEqualTo("json_object");
        assertThat(body.path("messages")).hasSize(2);
        JsonNode user = JSON.readTree(body.path("messages").path(1).path("content").asText());
        List<String> fields = new ArrayList<>();
        user.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("vendorName", "programName", "partnerType", "idealPartner",
                "valueProposition", "commission", "protectionDays", "checklist", "tiers");
        assertThat(user.path("commission").get(1).asText()).isEqualTo("15% at tier gold");
        assertThat(user.path("protectionDays").asLong()).isEqualTo(180);
    }

    @Test
    void draft_rateLimited429_fallsBackToTheTemplate_withoutRetrying() {
        llm.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withHeader("retry-after", "20")
                .withBody("{\"error\":{\"message\":\"Rate limit reached for gpt-4o-mini\",\"type\":\"requests\","
                        + "\"param\":null,\"code\":\"rate_limit_exceeded\"}}")));

        assertFellBack(drafter().draft(REQUEST), "rate limiting (HTTP 429)");
        llm.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void draft_serverError_fallsBack() {
        llm.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}")));

        assertFellBack(drafter().draft(REQUEST), "HTTP 500");
    }

    @Test
    void draft_timeout_fallsBack() {
        llm.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(completion(reply(Map.of()), "stop"))
                .withFixedDelay(1_000)));

        assertFellBack(drafter(Duration.ofMillis(500)).draft(REQUEST), "did not answer within 500 ms");
    }

    @Test
    void draft_refusal_orCutOffReply_fallsBack() {
        llm.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson("{\"id\":\"chatcmpl-r\",\"object\":"
                + "\"chat.completion\",\"created\":1793000000,\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":null,\"refusal\":\"I'm sorry, I can't help with "
                + "that.\"},\"logprobs\":null,\"finish_reason\":\"stop\"}]}")));
        assertFellBack(drafter().draft(REQUEST), "refused");

        llm.resetAll();
        llm.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(completion("{\"title\":\"Ref", "length"))));
        assertFellBack(drafter().draft(REQUEST), "cut off");
    }

    @Test
    void draft_malformedOutput_fallsBack() {
        answer("Sure! Here is your brief: Referral partners ...");
        assertFellBack(drafter().draft(REQUEST), "not valid JSON");

        answer("{\"title\":\"Referral partners\",\"text\":\"all in one\"}");
        assertFellBack(drafter().draft(REQUEST), "object of sections");
    }

    @Test
    void draft_missingOrBlankSection_isRefused() {
        Map<BriefSection, String> missing = new EnumMap<>(BriefSection.class);
        missing.put(BriefSection.GOOD_REFERRAL, null);
        answer(reply(missing));
        assertFellBack(drafter().draft(REQUEST), "no text for the section GOOD_REFERRAL");

        answer(reply(Map.of(BriefSection.IDEAL_PARTNER, "   ")));
        assertFellBack(drafter().draft(REQUEST), "section IDEAL_PARTNER had 0 characters");
    }

    @Test
    void draft_link_headerLine_orMultiLineTitle_isRefused() {
        answer(reply(Map.of(BriefSection.HOW_TO_REGISTER, "Register at https://evil.example/form within 180 days")));
        assertFellBack(drafter().draft(REQUEST), "contained a link");

        answer(reply(Map.of(BriefSection.GOOD_REFERRAL, "Good ones.\nBcc: someone@evil.example")));
        assertFellBack(drafter().draft(REQUEST), "looks like a mail header");

        answer(reply("Referral partners\nBcc: x@evil.example", Map.of()));
        assertFellBack(drafter().draft(REQUEST), "title");
    }

    @Test
    void draft_inventedOrMissingRate_orMissingProtectionWindow_isRefused() {
        answer(reply(Map.of(BriefSection.COMMISSION, "- 10% of credited revenue\n- 15% at tier gold\n- 20% at "
                + "platinum")));
        assertFellBack(drafter().draft(REQUEST), "rate the program does not have: 20%");

        answer(reply(Map.of(BriefSection.COMMISSION, "- 10% of credited revenue")));
        assertFellBack(drafter().draft(REQUEST), "left out the rate 15%");

        answer(reply(Map.of(BriefSection.HOW_TO_REGISTER, "Register before you introduce it.")));
        assertFellBack(drafter().draft(REQUEST), "protection window of 180 days");
    }

    @Test
    void draft_fencedJsonFromALocalModel_withoutKey_isAccepted() {
        answer("```json\n" + reply(Map.of()) + "\n```");

        BriefDraft draft = LlmBriefDrafter.builder().baseUrl(llm.baseUrl() + "/v1").model("llama3")
                .fallback(TemplateBriefDrafter.create()).build().draft(REQUEST);

        assertThat(draft.note()).doesNotContain("fell back");
        assertThat(llm.getAllServeEvents().get(0).getRequest().containsHeader("Authorization")).isFalse();
    }

    @Test
    void toString_neverPrintsTheKey() {
        assertThat(drafter().toString()).doesNotContain("sk-test").contains("***");
    }
}
