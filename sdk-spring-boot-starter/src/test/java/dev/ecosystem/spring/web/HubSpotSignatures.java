package dev.ecosystem.spring.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs test deliveries the way HubSpot signs v3: HMAC-SHA256 of method + URI + body + timestamp, Base64. */
final class HubSpotSignatures {
    static final String CLIENT_SECRET = "test-client-secret";

    private HubSpotSignatures() {
    }

    static String v3(String method, String uri, byte[] body, long timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(CLIENT_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((method + uri).getBytes(StandardCharsets.UTF_8));
            mac.update(body);
            mac.update(Long.toString(timestamp).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** A batch of one event of {@code portal}, with odd spacing (a re-serialized body would not match). */
    static byte[] batch(long portal, long eventId) {
        return ("[ {\"eventId\": " + eventId + ",  \"subscriptionId\":12345,\"portalId\":" + portal
                + ",\"appId\":54321,\"occurredAt\":1564113600000,\"subscriptionType\":\"company.propertyChange\","
                + "\"attemptNumber\":0,\"objectId\":123,\"propertyName\":\"name\",\"propertyValue\":\"Ümlaut\"} ]")
                .getBytes(StandardCharsets.UTF_8);
    }
}
