package dev.ecosystem.mail;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.Header;
import retrofit2.http.POST;

/** The OpenAI-compatible chat-completions call (hosted models and local servers alike). */
interface ChatApi {
    @POST("chat/completions")
    Call<ChatResponse> complete(@Header("Authorization") @Nullable String authorization, @Body ChatRequest request);

    /** The request: model, messages, and a JSON-object reply format. */
    record ChatRequest(String model, List<ChatMessage> messages, double temperature,
            @JsonProperty("response_format") ResponseFormat responseFormat) {
    }

    /** One chat message. */
    record ChatMessage(String role, String content) {
    }

    /** {@code {"type":"json_object"}}. */
    record ResponseFormat(String type) {
    }

    /** The reply; only the first choice is read. */
    record ChatResponse(@Nullable List<Choice> choices) {
    }

    /** One choice. */
    record Choice(@Nullable Reply message, @JsonProperty("finish_reason") @Nullable String finishReason) {
    }

    /** The assistant's message; {@code refusal} is set when the model declined. */
    record Reply(@Nullable String content, @Nullable String refusal) {
    }
}
