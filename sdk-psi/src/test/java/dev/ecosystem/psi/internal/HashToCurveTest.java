package dev.ecosystem.psi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 9380 appendix J.4.2 vectors for {@code curve25519_XMD:SHA-512_ELL2_NU_}. */
class HashToCurveTest {
    private static final String DST = "QUUX-V01-CS02-with-curve25519_XMD:SHA-512_ELL2_NU_";

    static Stream<Arguments> vectors() {
        return Stream.of(
                Arguments.of("",
                        "608d892b641f0328523802a6603427c26e55e6f27e71a91a478148d45b5093cd",
                        "51125222da5e763d97f3c10fcc92ea6860b9ccbbd2eb1285728f566721c1e65b",
                        "1bb913f0c9daefa0b3375378ffa534bda5526c97391952a7789eb976edfe4d08"),
                Arguments.of("abc",
                        "46f5b22494bfeaa7f232cc8d054be68561af50230234d7d1d63d1d9abeca8da5",
                        "7d56d1e08cb0ccb92baf069c18c49bb5a0dcd927eff8dcf75ca921ef7f3e6eeb",
                        "7c22950b7d900fa866334262fcaea47a441a578df43b894b4625c9b450f9a026"),
                Arguments.of("abcdef0123456789",
                        "235fe40c443766ce7e18111c33862d66c3b33267efa50d50f9e8e5d252a40aaa",
                        "3fbe66b9c9883d79e8407150e7c2a1c8680bee496c62fabe4619a72b3cabe90f",
                        "31ad08a8b0deeb2a4d8b0206ca25f567ab4e042746f792f4b7973f3ae2096c52"),
                Arguments.of("q128_" + "q".repeat(128),
                        "001e92a544463bda9bd04ddbe3d6eed248f82de32f522669efc5ddce95f46f5b",
                        "227e0bb89de700385d19ec40e857db6e6a3e634b1c32962f370d26f84ff19683",
                        "027877759d155b1997d0d84683a313eb78bdb493271d935b622900459d52ceaa"),
                Arguments.of("a512_" + "a".repeat(512),
                        "1a68a1af9f663592291af987203393f707305c7bac9c8d63d6a729bdc553dc19",
                        "3bcd651ee54d5f7b6013898aab251ee8ecc0688166fce6e9548d38472f6bd196",
                        "5fd892c0958d1a75f54c3182a18d286efab784e774d1e017ba2fb252998b5dc1"));
    }

    @ParameterizedTest(name = "msg \"{0}\"")
    @MethodSource("vectors")
    @DisplayName("hash_to_field, map_to_curve and the cleared point match RFC 9380 J.4.2")
    void rfc9380_curve25519_nu_vectors(String msg, String u0, String qx, String px) {
        HashToCurve hash = new HashToCurve(DST);
        byte[] bytes = msg.getBytes(StandardCharsets.US_ASCII);

        byte[] field = new byte[32];
        hash.hashToField(bytes, 0, bytes.length, field, 0);
        assertThat(bigEndianHex(field)).isEqualTo(u0);

        byte[] q = new byte[32];
        hash.hash(bytes, 0, bytes.length, q, 0);
        assertThat(bigEndianHex(q)).isEqualTo(qx);

        byte[] viaString = new byte[32];
        hash.hash(msg, viaString, 0);
        assertThat(viaString).isEqualTo(q);

        byte[] batched = new byte[64];
        hash.hashAll(new String[] {"other", msg}, 2, batched, 0);
        assertThat(Arrays.copyOfRange(batched, 32, 64)).isEqualTo(q);

        byte[] p = new byte[32];
        HashToCurve.clearCofactor(q, 0, p, 0);
        assertThat(bigEndianHex(p)).isEqualTo(px);
    }

    @Test
    @DisplayName("hashAll gives for every key what hash gives, for 1 to BATCH keys, ASCII or not, at the offset given")
    void hashAllAgreesWithHash() {
        HashToCurve hash = new HashToCurve(DST);
        HashToCurve single = new HashToCurve(DST);
        Random random = new Random(9380);
        for (int count : new int[] {1, 2, 17, HashToCurve.BATCH - 1, HashToCurve.BATCH}) {
            String[] keys = new String[count];
            for (int i = 0; i < count; i++) {
                keys[i] = "k" + random.nextInt(1_000_000) + (i % 7 == 3 ? ".straße.de" : ".com");
            }
            byte[] out = new byte[5 + count * 32];
            hash.hashAll(keys, count, out, 5);
            byte[] expected = new byte[32];
            for (int i = 0; i < count; i++) {
                single.hash(keys[i], expected, 0);
                assertThat(Arrays.copyOfRange(out, 5 + i * 32, 5 + (i + 1) * 32)).as(keys[i]).isEqualTo(expected);
            }
        }
    }

    @Test
    @DisplayName("hashAll of no keys writes nothing; more than BATCH keys are refused with the limit")
    void hashAllBounds() {
        HashToCurve hash = new HashToCurve(DST);
        byte[] out = new byte[32];
        hash.hashAll(new String[0], 0, out, 0);
        assertThat(out).isEqualTo(new byte[32]);
        String[] tooMany = new String[HashToCurve.BATCH + 1];
        Arrays.fill(tooMany, "a.com");
        assertThatThrownBy(() -> hash.hashAll(tooMany, tooMany.length, new byte[tooMany.length * 32], 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("count must be 0 to 64, but was 65");
    }

    private static String bigEndianHex(byte[] littleEndian) {
        byte[] reversed = new byte[littleEndian.length];
        for (int i = 0; i < reversed.length; i++) {
            reversed[i] = littleEndian[littleEndian.length - 1 - i];
        }
        return HexFormat.of().formatHex(reversed);
    }
}
