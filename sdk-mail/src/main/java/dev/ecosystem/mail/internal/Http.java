package dev.ecosystem.mail.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ecosystem.ValidationException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import dev.ecosystem.spi.Telemetry;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
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

    /** An OkHttp client with every timeout set: no call can hang for ever. */
    public static OkHttpClient client(Duration connectTimeout, Duration callTimeout) {
        return client(connectTimeout, callTimeout, Telemetry.none(), "");
    }

    /**
     * An OkHttp client with every timeout set, reporting the status of every answer {@code provider} gives to
     * {@code telemetry} (each attempt, so 429s are counted where they happen).
     */
    public static OkHttpClient client(Duration connectTimeout, Duration callTimeout, Telemetry telemetry,
            String provider) {
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectTimeout(connectTimeout)
                .readTimeout(callTimeout)
                .writeTimeout(callTimeout)
                .callTimeout(callTimeout)
                .retryOnConnectionFailure(false);
        if (telemetry != Telemetry.none()) {
            builder.addInterceptor(chain -> {
                okhttp3.Response response = chain.proceed(chain.request());
                telemetry.providerCall(provider, response.code());
                return response;
            });
        }
        return builder.build();
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

    /** The {@code Retry-After} header (seconds or an HTTP date) as a wait from {@code now}, or {@code null}. */
    public static @Nullable Duration retryAfter(Response<?> response, Instant now) {
        String value = response.headers().get("Retry-After");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(value.strip());
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = DateTimeFormatter.RFC_1123_DATE_TIME.parse(value.strip(), Instant::from);
                Duration wait = Duration.between(now, at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    /** The bearer header value for a token. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
