package dev.ecosystem.mail;

import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.mail.internal.Http;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What the builders of the LLM drafters share: where the OpenAI-compatible API is, its key, the model and the
 * timeout of a call.
 *
 * @param <B> the drafter's own builder
 */
abstract class ChatModelBuilder<B extends ChatModelBuilder<B>> {
    private String baseUrl = "https://api.openai.com/v1/";
    private @Nullable String apiKey;
    private @Nullable String model;
    private Duration timeout;

    ChatModelBuilder(Duration defaultTimeout) {
        this.timeout = defaultTimeout;
    }

    abstract B self();

    /** The API root up to and including the version, e.g. {@code http://localhost:8080/v1/} for a local server. */
    public B baseUrl(String baseUrl) {
        this.baseUrl = Http.withSlash(Checks.required(baseUrl, "baseUrl"));
        return self();
    }

    /** The bearer API key; omit (or pass {@code null}) for local servers that need none. */
    public B apiKey(@Nullable String apiKey) {
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : Checks.singleLine(apiKey, "apiKey", 1_000);
        return self();
    }

    /** The model name (required), e.g. {@code gpt-4o-mini} or a local model's name. */
    public B model(String model) {
        this.model = model;
        return self();
    }

    /** How long to wait for the model, whole call. */
    public B timeout(Duration timeout) {
        this.timeout = Checks.positive(timeout, "timeout");
        return self();
    }

    /** The validated model name. */
    String checkedModel() {
        return Checks.text(model, "model", 200);
    }

    /** The call these settings describe. */
    ChatCompletions chat() {
        return new ChatCompletions(baseUrl, checkedModel(), apiKey, timeout);
    }
}
