package dev.ecosystem.mail;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.ecosystem.intro.TemplateIntroDrafter;
import dev.ecosystem.spi.IntroDrafter;
import dev.ecosystem.testkit.IntroDrafterContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The language-model drafter keeps the drafter contract, against a chat-completions stub that writes each email from
 * the request it is sent (names, context and consent links), the way a model following the prompt would.
 */
class LlmIntroDrafterContractTest extends IntroDrafterContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static WireMockServer llm;

    @BeforeAll
    static void start() {
        llm = new WireMockServer(wireMockConfig().dynamicPort().extensions(new ModelFollowingThePrompt()));
        llm.start();
    }

    @AfterAll
    static void stop() {
        llm.stop();
    }

    @Override
    protected IntroDrafter createDrafter() {
        return LlmIntroDrafter.builder().baseUrl(llm.baseUrl() + "/v1").model("gpt-4o-mini").apiKey("sk-test")
                .timeout(Duration.ofSeconds(5)).fallback(TemplateIntroDrafter.create()).build();
    }

    /** Answers every chat completion with an email written from the prompt's fields, shaped as the API answers. */
    static final class ModelFollowingThePrompt implements ResponseDefinitionTransformerV2 {
        @Override
        public ResponseDefinition transform(ServeEvent event) {
            try {
                JsonNode body = JSON.readTree(event.getRequest().getBodyAsString());
                JsonNode ask = JSON.readTree(body.path("messages").path(1).path("content").asText());
                StringBuilder text = new StringBuilder("Hi " + ask.path("recipientName").asText() + ",\n\n"
                        + ask.path("requester").path("name").asText() + " of "
                        + ask.path("requester").path("company").asText() + " would like to meet "
                        + ask.path("target").path("name").asText() + ": " + ask.path("context").asText() + "\n");
                if (ask.hasNonNull("acceptUrl")) {
                    text.append("\nYes: ").append(ask.path("acceptUrl").asText()).append("\nNo thanks: ")
                            .append(ask.path("declineUrl").asText()).append('\n');
                }
                ObjectNode reply = JsonNodeFactory.instance.objectNode()
                        .put("subject", "An introduction to " + ask.path("target").path("company").asText())
                        .put("text", text.toString());
                ObjectNode completion = JsonNodeFactory.instance.objectNode().put("id", "chatcmpl-kit")
                        .put("object", "chat.completion").put("created", 1793000000).put("model", "gpt-4o-mini");
                ObjectNode choice = completion.putArray("choices").addObject().put("index", 0)
                        .put("finish_reason", "stop");
                choice.putObject("message").put("role", "assistant").put("content", reply.toString());
                return ResponseDefinition.okForJson(completion);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String getName() {
            return "model-following-the-prompt";
        }
    }
}
