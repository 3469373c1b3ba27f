package dev.ecosystem.intro;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The host's HMAC-SHA256 keys for consent links, by key id. The current key signs; every key verifies, so keys can
 * be rotated without breaking links already sent: add the new key as current and keep the old one as retired until
 * its links have expired.
 *
 * <pre>{@code
 * ConsentKeys keys = ConsentKeys.of("2026-11", vault.secret("consent-2026-11"))
 *         .withRetired("2026-10", vault.secret("consent-2026-10"));
 * }</pre>
 *
 * <p>A signed value has the form {@code keyId.payload.mac} (payload and mac in unpadded base64url), so it can go in a
 * URL as is. Signatures are compared in constant time. Immutable and thread-safe; {@link #toString()} never prints a
 * key.
 */
public final class ConsentKeys {
    private static final String ALGORITHM = "HmacSHA256";
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    /** The shortest secret accepted: the HMAC-SHA256 block of security, 256 bits. */
    public static final int MIN_SECRET_BYTES = 32;

    private final String currentId;
    private final Map<String, SecretKeySpec> keys;

    private ConsentKeys(String currentId, Map<String, SecretKeySpec> keys) {
        this.currentId = currentId;
        this.keys = keys;
    }

    /**
     * Keys with {@code secret} as the current signing key.
     *
     * @param keyId 1 to 32 characters of {@code A-Z a-z 0-9 _ -}
     * @param secret at least {@value #MIN_SECRET_BYTES} random bytes; copied
     * @throws ValidationException when the id or the secret is not acceptable
     */
    public static ConsentKeys of(String keyId, byte[] secret) {
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        keys.put(keyId(keyId), key(keyId, secret));
        return new ConsentKeys(keyId, keys);
    }

    /**
     * Keys with a random current key that lives as long as this object: links stop working when the process
     * restarts. The embedded default, for demos and tests; production hosts supply their own with {@link #of}.
     */
    public static ConsentKeys random() {
        byte[] secret = new byte[MIN_SECRET_BYTES];
        new SecureRandom().nextBytes(secret);
        return of("ephemeral", secret);
    }

    /**
     * A copy that also verifies (but never signs) with an older key.
     *
     * @throws ValidationException when the id is taken or the secret too short
     */
    public ConsentKeys withRetired(String keyId, byte[] secret) {
        if (keys.containsKey(keyId(keyId))) {
            throw new ValidationException("consent keyId must be unique, but " + Checks.quote(keyId)
                    + " is already present");
        }
        Map<String, SecretKeySpec> more = new LinkedHashMap<>(keys);
        more.put(keyId, key(keyId, secret));
        return new ConsentKeys(currentId, more);
    }

    /** The id of the key that signs. */
    public String currentKeyId() {
        return currentId;
    }

    /** Signs {@code payload} with the current key: {@code keyId.payload.mac}. */
    public String sign(String payload) {
        Checks.required(payload, "payload");
        String head = currentId + "." + ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return head + "." + ENCODER.encodeToString(mac(Objects.requireNonNull(keys.get(currentId)), head));
    }

    /**
     * The payload of a value {@link #sign} made with one of these keys.
     *
     * @throws ValidationException when the value is malformed, names an unknown key, or its signature does not
     *     match (forged or tampered); the message never repeats the value
     */
    public String verify(String signed) {
        Checks.required(signed, "consent token");
        String[] parts = signed.strip().split("\\.", -1);
        if (parts.length != 3) {
            throw invalid("it is not of the form keyId.payload.signature");
        }
        SecretKeySpec key = keys.get(parts[0]);
        if (key == null) {
            throw invalid("it was signed with an unknown key");
        }
        byte[] given;
        byte[] payload;
        try {
            given = DECODER.decode(parts[2]);
            payload = DECODER.decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw invalid("it is not base64url");
        }
        if (!ENCODER.encodeToString(given).equals(parts[2])) {
            // another spelling of the same bytes (unused low bits of the last character, or padding) is not the link
            // that was sent: refused, so that a link has exactly one valid form
            throw invalid("its signature is not in canonical base64url");
        }
        if (!MessageDigest.isEqual(mac(key, parts[0] + "." + parts[1]), given)) {
            throw invalid("its signature does not match");
        }
        return new String(payload, StandardCharsets.UTF_8);
    }

    private static ValidationException invalid(String why) {
        return new ValidationException("consent token is not valid: " + why);
    }

    private static byte[] mac(SecretKeySpec key, String data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(data.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
        }
    }

    private static String keyId(String keyId) {
        Checks.required(keyId, "consent keyId");
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new ValidationException("consent keyId must be 1 to 32 characters of A-Z a-z 0-9 _ -, but was "
                    + Checks.quote(keyId));
        }
        return keyId;
    }

    private static SecretKeySpec key(String keyId, byte[] secret) {
        Checks.required(secret, "consent secret");
        if (secret.length < MIN_SECRET_BYTES) {
            throw new ValidationException("consent secret for key " + keyId + " must have at least "
                    + MIN_SECRET_BYTES + " bytes, but had " + secret.length);
        }
        return new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    /** The key ids only. */
    @Override
    public String toString() {
        return "ConsentKeys[current=" + currentId + ", keys=" + keys.keySet() + "]";
    }
}
