package dev.ecosystem.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ecosystem.http.HttpSettings;
import dev.ecosystem.mail.internal.Http;
import dev.ecosystem.spi.Telemetry;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import retrofit2.Response;

/**
 * One chat-completions call of an OpenAI-compatible API, shared by the LLM drafters: the message content of the first
 * choice, or {@link DraftReplyValidator.Refused} saying why there is none (timeout, unreachable, HTTP 429 and other
 * errors, refusal, content filter, length limit, empty reply). Never retried: a drafter falls back instead.
 */
final class ChatCompletions {
    private final ChatApi api;
    private final String model;
    private final @Nullable String authorization;
    private final Duration timeout;

    ChatCompletions(String baseUrl, String model, @Nullable String apiKey, Duration timeout) {
        this.model = model;
        this.authorization = apiKey == null ? null : Http.bearer(apiKey);
        this.timeout = timeout;
        this.api = Http.retrofit(baseUrl, HttpSettings.builder().timeout(timeout).callTimeout(timeout).build().newClient(Telemetry.none(), "llm")).create(ChatApi.class);
    }

    /** Whether calls carry an API key. */
    boolean hasKey() {
        return authorization != null;
    }

    /** The model's answer to {@code user} under {@code system}, asked for a JSON object. */
    String complete(String system, String user, double temperature) throws DraftReplyValidator.Refused {
        ChatApi.ChatRequest body = new ChatApi.ChatRequest(model, List.of(
                new ChatApi.ChatMessage("system", system),
                new ChatApi.ChatMessage("user", user)), temperature, new ChatApi.ResponseFormat("json_object"));
        Response<ChatApi.ChatResponse> response;
        try {
            response = api.complete(authorization, body).execute();
        } catch (JsonProcessingException e) {
            throw new DraftReplyValidator.Refused("the model API's answer was not valid JSON");
        } catch (InterruptedIOException e) {
            throw new DraftReplyValidator.Refused("the model did not answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            throw new DraftReplyValidator.Refused("the model API could not be reached");
        }
        if (response.code() == 429) {
            throw new DraftReplyValidator.Refused("the model API is rate limiting (HTTP 429)");
        }
        if (!response.isSuccessful()) {
            if (response.errorBody() != null) {
                response.errorBody().close();
            }
            throw new DraftReplyValidator.Refused("the model API answered HTTP " + response.code());
        }
        ChatApi.ChatResponse reply = response.body();
        ChatApi.Choice choice = reply == null || reply.choices() == null || reply.choices().isEmpty()
                ? null : reply.choices().get(0);
        if (choice == null || choice.message() == null) {
            throw new DraftReplyValidator.Refused("the reply had no message");
        }
        if (choice.message().refusal() != null && !choice.message().refusal().isBlank()) {
            throw new DraftReplyValidator.Refused("the model refused to write it");
        }
        if ("content_filter".equals(choice.finishReason())) {
            throw new DraftReplyValidator.Refused("the model's content filter stopped the reply");
        }
        if ("length".equals(choice.finishReason())) {
            throw new DraftReplyValidator.Refused("the reply was cut off at the model's length limit");
        }
        String content = choice.message().content();
        if (content == null || content.isBlank()) {
            throw new DraftReplyValidator.Refused("the reply was empty");
        }
        return content;
    }
}
