package dev.ecosystem.spring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The consent form nonce: bound to one token, one browser and a lifetime. */
class FormNoncesTest {
    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
    private static final Duration TTL = Duration.ofMinutes(30);
    private final byte[] key = TestNetwork.secret((byte) 1);
    private final String browser = FormNonces.newBrowserId();

    private FormNonces at(Instant now) {
        return new FormNonces(key, TTL, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void validWithinItsLifetime_forItsTokenAndBrowserOnly() {
        String nonce = at(T0).issue("token-a", browser);

        assertThat(at(T0).verify(nonce, "token-a", browser)).isTrue();
        assertThat(at(T0.plus(TTL)).verify(nonce, "token-a", browser)).isTrue();
        assertThat(at(T0.plus(TTL).plusMillis(1)).verify(nonce, "token-a", browser)).isFalse();
        assertThat(at(T0.minusSeconds(1)).verify(nonce, "token-a", browser)).isFalse();
        assertThat(at(T0).verify(nonce, "token-b", browser)).isFalse();
        assertThat(at(T0).verify(nonce, "token-a", FormNonces.newBrowserId())).isFalse();
        assertThat(at(T0).verify(nonce, "token-a", null)).isFalse();
        assertThat(new FormNonces(TestNetwork.secret((byte) 2), TTL, Clock.fixed(T0, ZoneOffset.UTC))
                .verify(nonce, "token-a", browser)).isFalse();
    }

    @Test
    void malformedNonces_andBrowserIds_areRefused() {
        for (String bad : new String[] {"", ".", "x.y", "123", "123.", "123.%%%", "-1.AAAA"}) {
            assertThat(at(T0).verify(bad, "token-a", browser)).as(bad).isFalse();
        }
        String nonce = at(T0).issue("token-a", browser);
        assertThat(at(T0).verify(nonce, "token-a", browser.toUpperCase())).isFalse();
        assertThat(FormNonces.isBrowserId("../../etc")).isFalse();
    }

    @Test
    void keys_mustHave32Bytes_andTheFormSecretMustBeBase64OfThat() {
        assertThatThrownBy(() -> new FormNonces(new byte[31], TTL, Clock.systemUTC()))
                .hasMessageContaining("at least 32 bytes");
        assertThat(FormNonces.decodeKey(Base64.getEncoder().encodeToString(new byte[31]))).isNull();
        assertThat(FormNonces.decodeKey("not base64!")).isNull();
        assertThat(FormNonces.decodeKey(Base64.getEncoder().encodeToString(key))).isEqualTo(key);
    }
}
