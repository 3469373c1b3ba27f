package dev.ecosystem.mail.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.http.HttpSettings;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.jackson.JacksonConverterFactory;

/** OkHttp/Retrofit/Jackson set-up shared by the HTTP adapters. */
public final class Http {
    /** Lenient about unknown fields (providers add them), silent about nulls when writing. */
    public static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                    JsonInclude.Include.NON_NULL))
            .build();

    private Http() {
    }

    /**
     * The HTTP settings the Gmail and Graph mailers start from: connect 10 seconds, read and whole call 30 seconds,
     * 5 attempts per send, backoff from 1 second doubling with jitter up to 32 seconds.
     */
    public static HttpSettings.Builder mailDefaults() {
        return HttpSettings.builder().connectTimeout(Duration.ofSeconds(10)).readTimeout(Duration.ofSeconds(30))
                .callTimeout(Duration.ofSeconds(30)).maxAttempts(5).initialBackoff(Duration.ofSeconds(1))
                .maxBackoff(Duration.ofSeconds(32)).maxRetryAfter(Duration.ofMinutes(2));
    }

    /** A Retrofit instance on {@code baseUrl} (a trailing slash is added if missing). */
    public static Retrofit retrofit(String baseUrl, OkHttpClient client) {
        return new Retrofit.Builder()
                .baseUrl(withSlash(baseUrl))
                .client(client)
                .addConverterFactory(JacksonConverterFactory.create(JSON))
                .build();
    }

    /** Checks a base URL and adds the trailing slash Retrofit needs. */
    public static String withSlash(String baseUrl) {
        URI uri;
        try {
            uri = URI.create(baseUrl);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("baseUrl must be an http(s) URL, but was \"" + baseUrl + "\"", e);
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))
                || uri.getHost() == null) {
            throw new ValidationException("baseUrl must be an http(s) URL, but was \"" + baseUrl + "\"");
        }
        return baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    }

    /** The error body parsed as JSON, or an empty object when it is missing or not JSON. */
    public static JsonNode errorJson(Response<?> response) {
        try (ResponseBody body = response.errorBody()) {
            if (body == null) {
                return JSON.createObjectNode();
            }
            String text = body.string();
            JsonNode node = JSON.readTree(text);
            return node == null ? JSON.createObjectNode() : node;
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    /** The bearer header value for a token. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
