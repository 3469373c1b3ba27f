package dev.ecosystem.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.error.ConflictException;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.intro.ConsentKeys;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.ConsentStatus;
import dev.ecosystem.model.IntroParty;
import dev.ecosystem.model.IntroductionId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Consent tokens: signed, expiring, and refused when forged, tampered with, malformed or expired. */
class ConsentTokensTest {
    private static final byte[] SECRET = secret('a');
    private static final byte[] OTHER_SECRET = secret('b');
    private static final Instant EXPIRES = Instant.parse("2026-12-01T00:00:00Z");
    private static final ConsentTokens.Claim CLAIM = new ConsentTokens.Claim(CompanyId.of("co-0001"),
            IntroductionId.of("intro-1"), IntroParty.TARGET, ConsentStatus.ACCEPTED, "0123456789abcdef", EXPIRES);

    private final ConsentTokens tokens = new ConsentTokens(ConsentKeys.of("k1", SECRET),
            "https://app.example.com/consent");

    private static byte[] secret(char fill) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) fill);
        return bytes;
    }

    @Test
    void issuedToken_readsBackItsClaim() {
        String token = tokens.issue(CLAIM);

        assertThat(tokens.read(token, EXPIRES.minusSeconds(1))).isEqualTo(CLAIM);
        assertThat(token).startsWith("k1.").matches("[A-Za-z0-9_.-]+");
    }

    @Test
    void link_appendsTheTokenAsQueryParameter() {
        String token = tokens.issue(CLAIM);

        assertThat(tokens.link(token)).isEqualTo("https://app.example.com/consent?token=" + token);
        assertThat(new ConsentTokens(ConsentKeys.of("k1", SECRET), "https://x.example.com/c?lang=en").link(token))
                .isEqualTo("https://x.example.com/c?lang=en&token=" + token);
    }

    @Test
    void token_atItsExpiryInstant_isExpired() {
        String token = tokens.issue(CLAIM);

        assertThat(tokens.read(token, EXPIRES.minusNanos(1)).intro()).isEqualTo(CLAIM.intro());
        assertThatThrownBy(() -> tokens.read(token, EXPIRES))
                .isInstanceOf(ConflictException.class).hasMessageContaining("expired");
        assertThatThrownBy(() -> tokens.read(token, EXPIRES.plusSeconds(86_400)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void token_signedWithAnotherSecret_isRefusedAsForged() {
        ConsentTokens forger = new ConsentTokens(ConsentKeys.of("k1", OTHER_SECRET), "https://evil.example.com/c");
        String forged = forger.issue(CLAIM);

        assertThatThrownBy(() -> tokens.read(forged, EXPIRES.minusSeconds(1)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("signature does not match");
    }

    @Test
    void token_withTamperedPayload_isRefused() {
        String token = tokens.issue(CLAIM);
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        for (String tampered : new String[] {
                payload.replace("ACCEPTED", "DECLINED"),
                payload.replace("intro-1", "intro-2"),
                payload.replace("2026-12-01", "2027-12-01"),
                payload.replace("co-0001", "co-0002")}) {
            String changed = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(tampered.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

            assertThatThrownBy(() -> tokens.read(changed, EXPIRES.minusSeconds(1)))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("signature does not match");
        }
    }

    @Test
    void token_withTamperedSignature_isRefused() {
        String token = tokens.issue(CLAIM);
        char last = token.charAt(token.length() - 1);
        String changed = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertThatThrownBy(() -> tokens.read(changed, EXPIRES.minusSeconds(1)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void token_withUnknownKeyIdOrBadShape_isRefused() {
        String token = tokens.issue(CLAIM);

        assertThatThrownBy(() -> tokens.read("k9" + token.substring(2), EXPIRES.minusSeconds(1)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("unknown key");
        for (String bad : new String[] {"", "abc", "k1.abc", "k1.a.b.c", "k1.!!!.???", token + "."}) {
            assertThatThrownBy(() -> tokens.read(bad, EXPIRES.minusSeconds(1)))
                    .as(bad).isInstanceOf(ValidationException.class).hasMessageStartingWith("consent token");
        }
    }

    @Test
    void validSignatureOverForeignPayload_isRefused() {
        ConsentKeys keys = ConsentKeys.of("k1", SECRET);
        ConsentTokens reader = new ConsentTokens(keys, "https://app.example.com/consent");

        assertThatThrownBy(() -> reader.read(keys.sign("not a consent payload"), EXPIRES.minusSeconds(1)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("payload");
        assertThatThrownBy(() -> reader.read(keys.sign(String.join("\n", "c1", "co-0001", "i", "TARGET", "PENDING",
                "t", EXPIRES.toString())), EXPIRES.minusSeconds(1)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("no decision");
    }

    @Test
    void rotation_oldKeyStillVerifies_newKeySigns() {
        String oldToken = tokens.issue(CLAIM);
        ConsentTokens rotated = new ConsentTokens(ConsentKeys.of("k2", OTHER_SECRET).withRetired("k1", SECRET),
                "https://app.example.com/consent");

        assertThat(rotated.read(oldToken, EXPIRES.minusSeconds(1))).isEqualTo(CLAIM);
        String newToken = rotated.issue(CLAIM);
        assertThat(newToken).startsWith("k2.");
        assertThatThrownBy(() -> tokens.read(newToken, EXPIRES.minusSeconds(1)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("unknown key");
    }

    @Test
    void keys_refuseShortSecretsBadIdsAndDuplicates_andNeverPrintSecrets() {
        assertThatThrownBy(() -> ConsentKeys.of("k1", new byte[31]))
                .isInstanceOf(ValidationException.class).hasMessageContaining("at least 32 bytes, but had 31");
        assertThatThrownBy(() -> ConsentKeys.of("k 1", SECRET))
                .isInstanceOf(ValidationException.class).hasMessageContaining("keyId");
        assertThatThrownBy(() -> ConsentKeys.of("k1", SECRET).withRetired("k1", OTHER_SECRET))
                .isInstanceOf(ValidationException.class).hasMessageContaining("unique");
        assertThat(ConsentKeys.of("k1", SECRET).withRetired("k0", OTHER_SECRET).toString())
                .isEqualTo("ConsentKeys[current=k1, keys=[k1, k0]]");
    }

    @Test
    void keys_copyTheSecret() {
        byte[] secret = secret('c');
        ConsentKeys keys = ConsentKeys.of("k1", secret);
        String signed = keys.sign("payload");
        Arrays.fill(secret, (byte) 0);

        assertThat(keys.verify(signed)).isEqualTo("payload");
    }

    @Test
    void newTokenIds_areRandom128BitHex() {
        String a = ConsentTokens.newTokenId();

        assertThat(a).matches("[0-9a-f]{32}");
        assertThat(ConsentTokens.newTokenId()).isNotEqualTo(a);
    }
}
