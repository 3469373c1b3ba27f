package dev.ecosystem.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ecosystem.error.AccessDeniedException;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.spi.PartnerStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Verifies and parses HubSpot webhook deliveries for one app (keyed by its client secret).
 *
 * <p>{@link #verify} checks signature v3 ({@code X-HubSpot-Signature-v3}: HMAC-SHA256 over method, public URI, raw
 * body and millisecond timestamp, Base64, with a five-minute timestamp window), comparing in constant time, and
 * refuses a request whose signature was seen before: a replay within the window. Seen signatures are recorded
 * through a {@link ReplayGuard}; give every app node the same durable one ({@link ReplayGuard#inStore}), since the
 * default remembers only in this instance's memory, so another node or a restart would accept the replay. The older
 * v2 and v1 signatures (hex SHA-256 with no timestamp, so a captured request stays valid for ever) are refused unless
 * {@link Builder#acceptV1AndV2 turned on}; CRM object subscriptions of older apps are sent with v1. {@link #parse}
 * reads an event batch and drops redeliveries it has seen in the last 24 hours.
 *
 * <pre>{@code
 * HubSpotWebhooks webhooks = HubSpotWebhooks.builder(clientSecret)
 *         .replayGuard(HubSpotWebhooks.ReplayGuard.inStore(partnerStore, hostCompanyId))
 *         .build();
 * // in the host's HTTP handler, with the raw body bytes and the public URL HubSpot called:
 * webhooks.verify("POST", "https://app.example.com/hubspot/events", body, request::getHeader);
 * for (HubSpotWebhooks.Event event : webhooks.parse(body)) { ... }
 * }</pre>
 */
public final class HubSpotWebhooks {
    /** How old (or how far ahead) a v3 timestamp may be. */
    public static final Duration TIMESTAMP_WINDOW = Duration.ofMinutes(5);
    private static final Duration REMEMBER_EVENTS = Duration.ofHours(24);
    /** The only escapes v3 decodes in the URI before signing; every other escape is signed as sent. */
    private static final Set<String> DECODED_ESCAPES =
            Set.of("3A", "2F", "3F", "40", "21", "24", "27", "28", "29", "2A", "2C", "3B");

    private final byte[] clientSecret;
    private final Clock clock;
    private final ObjectMapper json = Json.mapper();
    private final Cache<EventKey, Boolean> seen;
    private final ReplayGuard replayGuard;
    private final boolean acceptV1AndV2;

    private HubSpotWebhooks(Builder builder) {
        this.clientSecret = builder.clientSecret.getBytes(StandardCharsets.UTF_8);
        this.clock = builder.clock;
        this.seen = expiringSet(clock);
        this.replayGuard = builder.replayGuard != null ? builder.replayGuard : ReplayGuard.inMemory(clock);
        this.acceptV1AndV2 = builder.acceptV1AndV2;
    }

    private static <K> Cache<K, Boolean> expiringSet(Clock clock) {
        return Caffeine.newBuilder()
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .expireAfterWrite(REMEMBER_EVENTS)
                .maximumSize(200_000)
                .build();
    }

    /**
     * A verifier and parser for the app with this client secret, on the system clock, with every default: v3 only,
     * replays remembered in this instance's memory.
     */
    public static HubSpotWebhooks create(String clientSecret) {
        return builder(clientSecret).build();
    }

    /** Like {@link #create(String)}; {@code clock} judges v3 timestamps. */
    public static HubSpotWebhooks create(String clientSecret, Clock clock) {
        return builder(clientSecret).clock(clock).build();
    }

    /** Starts a builder for the app with this client secret. */
    public static Builder builder(String clientSecret) {
        return new Builder(Checks.singleLine(clientSecret, "clientSecret", 200));
    }

    /**
     * Remembers which deliveries were verified, so that a replay is refused. Implementations must be atomic across
     * every node that verifies the app's webhooks: of two nodes recording one key, exactly one learns it was first.
     */
    @FunctionalInterface
    public interface ReplayGuard {
        /**
         * Records {@code key} (a short ASCII string naming a signed request) as seen.
         *
         * @return {@code true} the first time the key is recorded, {@code false} for every later time
         */
        boolean firstTime(String key);

        /**
         * A guard over the store's idempotency records ({@code putIfAbsent(owner, "hubspot-webhook:" + key, ...)}):
         * every node and every restart over one {@link PartnerStore} refuses the same replay. One small record per
         * delivery is kept; the store keeps idempotency records as long as it keeps them for other uses.
         *
         * @param store the store every app node shares
         * @param owner the company the records are filed under: the host's own company, since a webhook belongs to the
         *     app rather than to one tenant
         */
        static ReplayGuard inStore(PartnerStore store, CompanyId owner) {
            Checks.required(store, "store");
            Checks.required(owner, "owner");
            return key -> store.inTransaction(tx -> tx.idempotency()
                    .putIfAbsent(owner, "hubspot-webhook:" + key, "seen")) == null;
        }

        /** A guard in this JVM's memory for 24 hours: enough for one node; another node or a restart forgets. */
        static ReplayGuard inMemory(Clock clock) {
            Cache<String, Boolean> keys = expiringSet(Checks.required(clock, "clock"));
            return key -> keys.asMap().putIfAbsent(key, Boolean.TRUE) == null;
        }
    }

    /** Configures {@link HubSpotWebhooks}. */
    public static final class Builder {
        private final String clientSecret;
        private Clock clock = Clock.systemUTC();
        private @Nullable ReplayGuard replayGuard;
        private boolean acceptV1AndV2;

        private Builder(String clientSecret) {
            this.clientSecret = clientSecret;
        }

        /** The clock that judges v3 timestamps; the system clock by default. */
        public Builder clock(Clock clock) {
            this.clock = Checks.required(clock, "clock");
            return this;
        }

        /**
         * Where verified requests are remembered so that replays are refused; by default this instance's memory.
         * Pass {@link ReplayGuard#inStore} (the same store on every node) when more than one node receives webhooks
         * or a restart must not forget.
         */
        public Builder replayGuard(ReplayGuard guard) {
            this.replayGuard = Checks.required(guard, "replayGuard");
            return this;
        }

        /**
         * Whether v1 and v2 signatures are accepted; off by default. They carry no timestamp, so a captured request
         * stays valid for ever and only the replay guard stops it: turn them on only for an app HubSpot still signs
         * that way (CRM object subscriptions of older apps).
         */
        public Builder acceptV1AndV2(boolean accept) {
            this.acceptV1AndV2 = accept;
            return this;
        }

        /** Builds the verifier and parser. */
        public HubSpotWebhooks build() {
            return new HubSpotWebhooks(this);
        }
    }

    /**
     * Checks that a delivery comes from HubSpot.
     *
     * @param method the HTTP method, such as {@code POST}
     * @param requestUri the full public URL HubSpot called ({@code https://host/path?query}), not the one a proxy
     *     forwarded to
     * @param body the raw request body, exactly as received
     * @param headers looks up a request header by name (such as {@code request::getHeader}), null when absent
     * @throws AccessDeniedException when the signature is missing, wrong, (v3) its timestamp is outside the window,
     *     it is v1 or v2 and those are not {@link Builder#acceptV1AndV2 accepted}, or the same signed request was
     *     verified before (a replay)
     */
    public void verify(String method, String requestUri, byte[] body, Function<String, @Nullable String> headers) {
        Checks.text(method, "method", 10);
        Checks.text(requestUri, "requestUri", 8000);
        Checks.required(body, "body");
        Checks.required(headers, "headers");
        String v3 = headers.apply("X-HubSpot-Signature-v3");
        if (v3 != null) {
            verifyV3(method.strip(), requestUri.strip(), body, v3, headers.apply("X-HubSpot-Request-Timestamp"));
            refuseReplay("v3:" + v3.strip());
            return;
        }
        String signature = headers.apply("X-HubSpot-Signature");
        if (signature == null) {
            throw new AccessDeniedException("HubSpot webhook has no X-HubSpot-Signature-v3 or X-HubSpot-Signature "
                    + "header: refused");
        }
        String version = headers.apply("X-HubSpot-Signature-Version");
        if (!acceptV1AndV2) {
            throw new AccessDeniedException("HubSpot webhook is signed with " + (version == null ? "v1" : Checks.quote(
                    version.strip())) + " (X-HubSpot-Signature, no timestamp), but only v3 is accepted: refused; "
                    + "turn v1 and v2 on with HubSpotWebhooks.builder(...).acceptV1AndV2(true) if HubSpot signs "
                    + "this app's webhooks that way");
        }
        String signed;
        if (version == null || version.strip().equalsIgnoreCase("v1")) {
            signed = new String(clientSecret, StandardCharsets.UTF_8) + new String(body, StandardCharsets.UTF_8);
        } else if (version.strip().equalsIgnoreCase("v2")) {
            signed = new String(clientSecret, StandardCharsets.UTF_8) + method.strip() + requestUri.strip()
                    + new String(body, StandardCharsets.UTF_8);
        } else {
            throw new AccessDeniedException("X-HubSpot-Signature-Version must be v1 or v2 with X-HubSpot-Signature, "
                    + "but was " + Checks.quote(version));
        }
        byte[] expected = HexFormat.of().formatHex(sha256(signed)).getBytes(StandardCharsets.US_ASCII);
        byte[] actual = signature.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, actual)) {
            throw new AccessDeniedException("HubSpot webhook signature (" + (version == null ? "v1" : version.strip())
                    + ") does not match the body: refused");
        }
        refuseReplay("v1v2:" + new String(actual, StandardCharsets.US_ASCII));
    }

    private void refuseReplay(String key) {
        if (!replayGuard.firstTime(key)) {
            throw new AccessDeniedException("HubSpot webhook request was verified before (same signature): refused as "
                    + "a replay");
        }
    }

    private void verifyV3(String method, String requestUri, byte[] body, String signature, @Nullable String timestamp) {
        if (timestamp == null) {
            throw new AccessDeniedException("HubSpot webhook has X-HubSpot-Signature-v3 but no "
                    + "X-HubSpot-Request-Timestamp: refused");
        }
        Instant sentAt;
        try {
            sentAt = Instant.ofEpochMilli(Long.parseLong(timestamp.strip()));
        } catch (NumberFormatException e) {
            throw new AccessDeniedException("X-HubSpot-Request-Timestamp must be epoch milliseconds, but was "
                    + Checks.quote(timestamp));
        }
        Duration age = Duration.between(sentAt, clock.instant()).abs();
        if (age.compareTo(TIMESTAMP_WINDOW) > 0) {
            throw new AccessDeniedException("HubSpot webhook timestamp " + sentAt + " is more than "
                    + TIMESTAMP_WINDOW.toMinutes() + " minutes from now: refused as a possible replay");
        }
        if (!requestUri.regionMatches(true, 0, "https://", 0, 8) && !requestUri.regionMatches(true, 0, "http://", 0, 7)) {
            throw new ValidationException("requestUri must be the full public URL HubSpot called, such as "
                    + "https://app.example.com/hubspot/events, but was " + Checks.quote(requestUri));
        }
        byte[] message = (method + decodeV3Uri(requestUri) + new String(body, StandardCharsets.UTF_8)
                + timestamp.strip()).getBytes(StandardCharsets.UTF_8);
        byte[] expected = Base64.getEncoder().encode(hmacSha256(message));
        if (!MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.US_ASCII))) {
            throw new AccessDeniedException("HubSpot webhook signature (v3) does not match the request: refused");
        }
    }

    /** Decodes exactly the escapes HubSpot decodes before signing v3, and nothing else. */
    static String decodeV3Uri(String uri) {
        StringBuilder out = new StringBuilder(uri.length());
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c == '%' && i + 2 < uri.length()) {
                String hex = uri.substring(i + 1, i + 3).toUpperCase(Locale.ROOT);
                if (DECODED_ESCAPES.contains(hex)) {
                    out.append((char) Integer.parseInt(hex, 16));
                    i += 2;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * Parses an event batch, in the order events occurred, without events already returned by this instance in the
     * last 24 hours (HubSpot redelivers and reorders). Acknowledge the delivery only after handling the events; if
     * handling fails, {@link #forget} them so that the redelivery is handled.
     *
     * @throws ValidationException when the body is not a JSON array of HubSpot events
     */
    public List<Event> parse(byte[] body) {
        Checks.required(body, "body");
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            throw new ValidationException("webhook body must be a JSON array of HubSpot events, but it did not parse ("
                    + e.getClass().getSimpleName() + ")");
        }
        if (root == null || !root.isArray()) {
            throw new ValidationException("webhook body must be a JSON array of HubSpot events, but was "
                    + (root == null ? "empty" : root.getNodeType().toString().toLowerCase(Locale.ROOT)));
        }
        List<Event> events = new ArrayList<>();
        Set<EventKey> inBatch = new HashSet<>();
        for (JsonNode node : root) {
            Event event = event(node);
            EventKey key = EventKey.of(event);
            if (inBatch.add(key) && seen.asMap().putIfAbsent(key, Boolean.TRUE) == null) {
                events.add(event);
            }
        }
        events.sort(Comparator.comparing(Event::occurredAt));
        return List.copyOf(events);
    }

    /** Forgets that an event was parsed, so a redelivery of it is returned again. */
    public void forget(Event event) {
        seen.invalidate(EventKey.of(Checks.required(event, "event")));
    }

    private static Event event(JsonNode node) {
        return new Event(requiredLong(node, "portalId"), requiredLong(node, "subscriptionId"),
                requiredLong(node, "eventId"), requiredText(node, "subscriptionType"), node.path("objectId").asLong(0),
                Instant.ofEpochMilli(requiredLong(node, "occurredAt")), node.path("attemptNumber").asInt(0),
                text(node, "propertyName"), text(node, "propertyValue"));
    }

    private static long requiredLong(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToLong()) {
            throw new ValidationException("webhook event " + field + " must be a number, but was "
                    + (value == null ? "absent" : Checks.quote(value.toString())));
        }
        return value.asLong();
    }

    private static String requiredText(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            throw new ValidationException("webhook event " + field + " is required, but was absent");
        }
        return value;
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private byte[] hmacSha256(byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(clientSecret, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private record EventKey(long portalId, long subscriptionId, long eventId) {
        static EventKey of(Event event) {
            return new EventKey(event.portalId(), event.subscriptionId(), event.eventId());
        }
    }

    /**
     * One webhook event. Built only by {@link #parse}, so it has no builder. {@code toString} leaves out the property
     * value, which is CRM data.
     *
     * @param portalId the HubSpot account
     * @param subscriptionId the app's subscription that fired
     * @param eventId the event id, unique within the subscription
     * @param subscriptionType such as {@code company.propertyChange} or {@code deal.deletion}
     * @param objectId the CRM record the event is about
     * @param occurredAt when the change happened
     * @param attemptNumber 0 for the first delivery, more for retries
     * @param propertyName for property changes, the property; otherwise {@code null}
     * @param propertyValue for property changes, the new value; otherwise {@code null}
     */
    public record Event(long portalId, long subscriptionId, long eventId, String subscriptionType, long objectId,
            Instant occurredAt, int attemptNumber, @Nullable String propertyName, @Nullable String propertyValue) {
        @Override
        public String toString() {
            return "Event[portalId=" + portalId + ", subscriptionId=" + subscriptionId + ", eventId=" + eventId
                    + ", subscriptionType=" + subscriptionType + ", objectId=" + objectId + ", occurredAt=" + occurredAt
                    + ", attemptNumber=" + attemptNumber + ", propertyName=" + propertyName + "]";
        }
    }
}
