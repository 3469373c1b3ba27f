package dev.ecosystem.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.testkit.FakeTime;
import dev.ecosystem.error.AccessDeniedException;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.memory.InMemoryPartnerStore;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.spi.PartnerStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Webhook signatures v1, v2, v3 and event batches. */
class HubSpotWebhooksTest {
    private static final String SECRET = "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy";
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final byte[] BODY = ("[{\"eventId\":1,\"subscriptionId\":12345,\"portalId\":62515,\"appId\":54321,"
            + "\"occurredAt\":1564113600000,\"subscriptionType\":\"contact.creation\",\"attemptNumber\":0,"
            + "\"objectId\":123,\"changeSource\":\"CRM\",\"changeFlag\":\"NEW\"}]").getBytes(StandardCharsets.UTF_8);

    private final FakeTime time = new FakeTime(NOW);
    private final HubSpotWebhooks webhooks = HubSpotWebhooks.create(SECRET, time);
    private final HubSpotWebhooks legacyWebhooks = HubSpotWebhooks.builder(SECRET).clock(time).acceptV1AndV2(true)
            .build();

    @Test
    @DisplayName("A v3 signature over method, public URI (listed escapes decoded), body and timestamp is accepted")
    void v3_validSignature_isAccepted() throws Exception {
        String timestamp = Long.toString(NOW.minusSeconds(30).toEpochMilli());
        // HubSpot decodes %3A and %40 before signing, but not %20.
        String signedUri = "https://app.example.com/hooks/hubspot?from=a:b@c&name=a%20b";
        String signature = hmac("POST" + signedUri + new String(BODY, StandardCharsets.UTF_8) + timestamp);

        assertThatCode(() -> webhooks.verify("POST", "https://app.example.com/hooks/hubspot?from=a%3Ab%40c&name=a%20b",
                BODY, headers("X-HubSpot-Signature-v3", signature, "X-HubSpot-Request-Timestamp", timestamp)))
                .doesNotThrowAnyException();
    }

    @Test
    @DisplayName("A v3 signature is refused when the body was changed, or when other escapes were decoded")
    void v3_tamperedOrWronglyDecoded_isRefused() throws Exception {
        String timestamp = Long.toString(NOW.toEpochMilli());
        String uri = "https://app.example.com/hooks?name=a%20b";
        String signature = hmac("POST" + uri + new String(BODY, StandardCharsets.UTF_8) + timestamp);
        String wrongDecoding = hmac("POST" + "https://app.example.com/hooks?name=a b"
                + new String(BODY, StandardCharsets.UTF_8) + timestamp);

        assertThatThrownBy(() -> webhooks.verify("POST", uri, "[]".getBytes(StandardCharsets.UTF_8),
                headers("X-HubSpot-Signature-v3", signature, "X-HubSpot-Request-Timestamp", timestamp)))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("does not match");
        assertThatThrownBy(() -> webhooks.verify("POST", uri, BODY,
                headers("X-HubSpot-Signature-v3", wrongDecoding, "X-HubSpot-Request-Timestamp", timestamp)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @DisplayName("A v3 delivery older than five minutes is refused even with a correct signature")
    void v3_staleTimestamp_isRefused() throws Exception {
        String timestamp = Long.toString(NOW.minus(Duration.ofMinutes(6)).toEpochMilli());
        String uri = "https://app.example.com/hooks";
        String signature = hmac("POST" + uri + new String(BODY, StandardCharsets.UTF_8) + timestamp);

        assertThatThrownBy(() -> webhooks.verify("POST", uri, BODY,
                headers("X-HubSpot-Signature-v3", signature, "X-HubSpot-Request-Timestamp", timestamp)))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("replay");
    }

    @Test
    @DisplayName("When turned on, v2 (secret, method, URI, body) and v1 (secret, body) hex SHA-256 signatures are "
            + "checked")
    void v1AndV2_whenTurnedOn_signaturesAreChecked() throws Exception {
        String uri = "https://app.example.com/hooks";
        String v2 = sha256Hex(SECRET + "POST" + uri + new String(BODY, StandardCharsets.UTF_8));
        String v1 = sha256Hex(SECRET + new String(BODY, StandardCharsets.UTF_8));

        assertThatCode(() -> legacyWebhooks.verify("POST", uri, BODY,
                headers("X-HubSpot-Signature", v2, "X-HubSpot-Signature-Version", "v2"))).doesNotThrowAnyException();
        assertThatCode(() -> legacyWebhooks.verify("POST", uri, BODY,
                headers("X-HubSpot-Signature", v1.toUpperCase(), "X-HubSpot-Signature-Version", "v1")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> legacyWebhooks.verify("POST", uri, BODY,
                headers("X-HubSpot-Signature", v1, "X-HubSpot-Signature-Version", "v2")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> legacyWebhooks.verify("POST", uri, BODY, headers()))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("no X-HubSpot-Signature");
    }

    @Test
    @DisplayName("v1 and v2 signatures, valid but without a timestamp, are refused unless the host turns them on")
    void v1AndV2_byDefault_areRefused() throws Exception {
        String uri = "https://app.example.com/hooks";
        String v2 = sha256Hex(SECRET + "POST" + uri + new String(BODY, StandardCharsets.UTF_8));
        String v1 = sha256Hex(SECRET + new String(BODY, StandardCharsets.UTF_8));

        assertThatThrownBy(() -> webhooks.verify("POST", uri, BODY,
                headers("X-HubSpot-Signature", v2, "X-HubSpot-Signature-Version", "v2")))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("only v3 is accepted");
        assertThatThrownBy(() -> webhooks.verify("POST", uri, BODY, headers("X-HubSpot-Signature", v1)))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("acceptV1AndV2(true)");
    }

    @Test
    @DisplayName("An exact v3 replay within the five-minute window is refused by the instance that verified it")
    void v3_exactReplayWithinTheWindow_isRefused() throws Exception {
        String timestamp = Long.toString(NOW.toEpochMilli());
        String uri = "https://app.example.com/hooks";
        var signed = headers("X-HubSpot-Signature-v3",
                hmac("POST" + uri + new String(BODY, StandardCharsets.UTF_8) + timestamp),
                "X-HubSpot-Request-Timestamp", timestamp);
        webhooks.verify("POST", uri, BODY, signed);
        time.advance(Duration.ofMinutes(2));

        assertThatThrownBy(() -> webhooks.verify("POST", uri, BODY, signed))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("replay");
    }

    @Test
    @DisplayName("An exact v3 replay sent to another node, or after a restart, is refused when both verify over one "
            + "store's idempotency records")
    void v3_exactReplayToAnotherNode_isRefusedThroughTheStore() throws Exception {
        PartnerStore store = InMemoryPartnerStore.create();
        CompanyId host = CompanyId.of("host-app");
        HubSpotWebhooks nodeA = HubSpotWebhooks.builder(SECRET).clock(time)
                .replayGuard(HubSpotWebhooks.ReplayGuard.inStore(store, host)).build();
        HubSpotWebhooks nodeB = HubSpotWebhooks.builder(SECRET).clock(time)
                .replayGuard(HubSpotWebhooks.ReplayGuard.inStore(store, host)).build();
        String timestamp = Long.toString(NOW.toEpochMilli());
        String uri = "https://app.example.com/hooks";
        var signed = headers("X-HubSpot-Signature-v3",
                hmac("POST" + uri + new String(BODY, StandardCharsets.UTF_8) + timestamp),
                "X-HubSpot-Request-Timestamp", timestamp);
        String otherTimestamp = Long.toString(NOW.plusSeconds(1).toEpochMilli());
        var redelivery = headers("X-HubSpot-Signature-v3",
                hmac("POST" + uri + new String(BODY, StandardCharsets.UTF_8) + otherTimestamp),
                "X-HubSpot-Request-Timestamp", otherTimestamp);

        nodeA.verify("POST", uri, BODY, signed);

        assertThatThrownBy(() -> nodeB.verify("POST", uri, BODY, signed))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("replay");
        assertThatCode(() -> nodeB.verify("POST", uri, BODY, redelivery)).doesNotThrowAnyException();
        String recorded = store.inTransaction(tx -> tx.idempotency().putIfAbsent(host,
                "hubspot-webhook:v3:" + signed.apply("X-HubSpot-Signature-v3"), "probe"));
        assertThat(recorded).isEqualTo("seen");
    }

    @Test
    @DisplayName("A v1 request, which never expires, is refused when replayed to another node over one store")
    void v1_replayToAnotherNode_isRefusedThroughTheStore() throws Exception {
        PartnerStore store = InMemoryPartnerStore.create();
        CompanyId host = CompanyId.of("host-app");
        HubSpotWebhooks.Builder node = HubSpotWebhooks.builder(SECRET).clock(time).acceptV1AndV2(true)
                .replayGuard(HubSpotWebhooks.ReplayGuard.inStore(store, host));
        String v1 = sha256Hex(SECRET + new String(BODY, StandardCharsets.UTF_8));
        node.build().verify("POST", "https://app.example.com/hooks", BODY, headers("X-HubSpot-Signature", v1));
        time.advance(Duration.ofDays(30));

        assertThatThrownBy(() -> node.build().verify("POST", "https://app.example.com/hooks", BODY,
                headers("X-HubSpot-Signature", v1)))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("replay");
    }

    @Test
    @DisplayName("An event batch is parsed in order of occurrence, without repeats in the batch or redeliveries")
    void parse_dropsRepeatsAndRedeliveries() {
        byte[] batch = ("[" + event(3, 1564113600300L, "company.propertyChange", ",\"propertyName\":\"domain\","
                + "\"propertyValue\":\"acme.com\"") + "," + event(1, 1564113600000L, "deal.creation", "") + ","
                + event(1, 1564113600000L, "deal.creation", "") + "]").getBytes(StandardCharsets.UTF_8);

        List<HubSpotWebhooks.Event> first = webhooks.parse(batch);
        List<HubSpotWebhooks.Event> redelivered = webhooks.parse(batch);

        assertThat(first).extracting(HubSpotWebhooks.Event::eventId).containsExactly(1L, 3L);
        assertThat(first.get(1).propertyName()).isEqualTo("domain");
        assertThat(first.get(1).propertyValue()).isEqualTo("acme.com");
        assertThat(first.get(1).toString()).doesNotContain("acme.com");
        assertThat(redelivered).isEmpty();

        webhooks.forget(first.get(0));
        assertThat(webhooks.parse(batch)).extracting(HubSpotWebhooks.Event::eventId).containsExactly(1L);
        time.advance(Duration.ofHours(25));
        assertThat(webhooks.parse(batch)).hasSize(2);
    }

    @Test
    @DisplayName("A body that is not an event array is refused with a validation error")
    void parse_malformedBody_isRefused() {
        assertThatThrownBy(() -> webhooks.parse("{\"eventId\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("JSON array");
        assertThatThrownBy(() -> webhooks.parse("[{\"eventId\":1".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> webhooks.parse("[{\"eventId\":1}]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("portalId");
    }

    private static String event(long id, long occurredAt, String type, String extra) {
        return "{\"eventId\":" + id + ",\"subscriptionId\":12345,\"portalId\":62515,\"appId\":54321,\"occurredAt\":"
                + occurredAt + ",\"subscriptionType\":\"" + type + "\",\"attemptNumber\":0,\"objectId\":123,"
                + "\"changeSource\":\"CRM\"" + extra + "}";
    }

    private static java.util.function.Function<String, String> headers(String... pairs) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map::get;
    }

    private static String hmac(String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    private static String sha256Hex(String message) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(message.getBytes(StandardCharsets.UTF_8)));
    }
}
