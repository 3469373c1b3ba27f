package dev.ecosystem.spring.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The consent form's protection against cross-site request forgery, without Spring Security: the page sets a random
 * browser id in a {@code SameSite=Strict} cookie and puts in its form a nonce that signs (HMAC-SHA256) the consent
 * token, that browser id and the time the page was shown. A POST is taken only with a nonce that matches the token
 * and the cookie the browser sent and is younger than the form's lifetime: another site can neither read the nonce
 * nor make the browser send the cookie with its own POST.
 *
 * <p>The nonce is {@code issuedAtMillis.mac}, with the mac in unpadded base64url.
 */
final class FormNonces {
    static final int MIN_KEY_BYTES = 32;
    private static final Pattern BROWSER_ID = Pattern.compile("[0-9a-f]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PURPOSE = "ecosystem-consent-form";

    private final SecretKeySpec key;
    private final Duration ttl;
    private final Clock clock;

    FormNonces(byte[] key, Duration ttl, Clock clock) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the consent form key must have at least " + MIN_KEY_BYTES
                    + " bytes, but had " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.ttl = ttl;
        this.clock = clock;
    }

    /** A random key, for a single process. */
    static byte[] randomKey() {
        byte[] key = new byte[MIN_KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /** The key a {@code form-secret} property holds, or {@code null} when it is not base64 of enough bytes. */
    static byte @Nullable [] decodeKey(String base64) {
        try {
            byte[] key = Base64.getDecoder().decode(base64.strip());
            return key.length >= MIN_KEY_BYTES ? key : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** How long a form stays valid. */
    Duration ttl() {
        return ttl;
    }

    /** A new random browser id: 128 bits, hex. */
    static String newBrowserId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Whether {@code value} (from a cookie) has the form of a browser id. */
    static boolean isBrowserId(@Nullable String value) {
        return value != null && BROWSER_ID.matcher(value).matches();
    }

    /** The nonce for a form answering {@code token}, shown now to the browser {@code browserId}. */
    String issue(String token, String browserId) {
        long issuedAt = clock.millis();
        return issuedAt + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(token, browserId,
                issuedAt));
    }

    /**
     * Whether {@code nonce} was issued by {@link #issue} for this token and browser, no longer than the form's
     * lifetime ago (and not in the future).
     */
    boolean verify(@Nullable String nonce, String token, @Nullable String browserId) {
        if (nonce == null || browserId == null || !isBrowserId(browserId)) {
            return false;
        }
        int dot = nonce.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        long issuedAt;
        byte[] given;
        try {
            issuedAt = Long.parseLong(nonce.substring(0, dot));
            given = Base64.getUrlDecoder().decode(nonce.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return false;
        }
        long age = clock.millis() - issuedAt;
        boolean fresh = age >= 0 && age <= ttl.toMillis();
        return MessageDigest.isEqual(mac(token, browserId, issuedAt), given) && fresh;
    }

    private byte[] mac(String token, String browserId, long issuedAt) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(String.join("\n", PURPOSE, token, browserId, Long.toString(issuedAt))
                    .getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }
}
