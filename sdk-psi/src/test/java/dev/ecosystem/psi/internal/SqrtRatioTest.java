package dev.ecosystem.psi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.bouncycastle.math.ec.rfc7748.X25519Field;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The constant-time {@link HashToCurve#sqrtRatio} against BouncyCastle's variable-time
 * {@link X25519Field#sqrtRatioVar}, and the map built on it against a variable-time reference map.
 */
class SqrtRatioTest {
    private static final int CASES = 2000;

    private final HashToCurve hash = new HashToCurve("SqrtRatioTest");
    private final Random random = new Random(9380);

    @Test
    @DisplayName("sqrt(-1) squares to -1")
    void sqrtMinusOne() {
        int[] square = X25519Field.create();
        X25519Field.sqr(HashToCurve.SQRT_M1, square);
        X25519Field.addOne(square);
        X25519Field.normalize(square);
        assertThat(X25519Field.isZeroVar(square)).isTrue();
    }

    @Test
    @DisplayName("sqrtRatio gives the answer and the root of sqrtRatioVar on random u / v, squares and non-squares")
    void agreesWithSqrtRatioVarOnRandomInputs() {
        int squares = 0;
        for (int i = 0; i < CASES; i++) {
            int[] u = randomElement();
            // Half the cases with v = 1, as the map uses it.
            int[] v = i % 2 == 0 ? randomElement() : copy(HashToCurve.ONE);
            if (assertAgrees(u, v)) {
                squares++;
            }
        }
        // About half of all ratios are squares; both kinds must have been seen.
        assertThat(squares).isBetween(CASES / 4, 3 * CASES / 4);
    }

    @Test
    @DisplayName("sqrtRatio agrees with sqrtRatioVar when u or v is 0, and for u / v = -1 (root sqrt(-1))")
    void agreesWithSqrtRatioVarOnEdgeCases() {
        int[] zero = X25519Field.create();
        int[] one = copy(HashToCurve.ONE);
        int[] minusOne = X25519Field.create();
        X25519Field.negate(one, minusOne);
        int[] u = randomElement();
        int[] minusU = X25519Field.create();
        X25519Field.negate(u, minusU);

        assertThat(assertAgrees(zero, one)).isTrue();
        assertThat(assertAgrees(zero, u)).isTrue();
        assertThat(assertAgrees(zero, zero)).isTrue();
        assertThat(assertAgrees(u, zero)).isFalse();
        assertThat(assertAgrees(one, one)).isTrue();
        assertThat(assertAgrees(minusOne, one)).isTrue();
        assertThat(assertAgrees(minusU, u)).isTrue();
        int[] two = X25519Field.create();
        X25519Field.add(one, one, two);
        assertThat(assertAgrees(two, one)).isFalse(); // 2 is not a square mod p (p = 5 mod 8)
    }

    @Test
    @DisplayName("hash gives the u-coordinate of a variable-time Elligator 2 reference on random messages")
    void hashAgreesWithVariableTimeReference() {
        byte[] message = new byte[40];
        byte[] field = new byte[32];
        byte[] actual = new byte[32];
        byte[] expected = new byte[32];
        int firstCandidate = 0;
        for (int i = 0; i < CASES; i++) {
            random.nextBytes(message);
            int length = random.nextInt(message.length + 1);
            hash.hashToField(message, 0, length, field, 0);
            if (referenceMap(field, expected)) {
                firstCandidate++;
            }
            hash.hash(message, 0, length, actual, 0);
            assertThat(actual).isEqualTo(expected);
        }
        // gx1 is a square for about half of the inputs: both x1 and x2 must have been chosen.
        assertThat(firstCandidate).isBetween(CASES / 4, 3 * CASES / 4);
    }

    /** Checks sqrtRatio against sqrtRatioVar on (u, v); returns whether u / v is a square. */
    private boolean assertAgrees(int[] u, int[] v) {
        int[] expectedRoot = X25519Field.create();
        boolean expectedSquare = X25519Field.sqrtRatioVar(copy(u), copy(v), expectedRoot);
        int[] root = X25519Field.create();
        int answer = hash.sqrtRatio(copy(u), copy(v), root);

        assertThat(answer).isEqualTo(expectedSquare ? -1 : 0);
        if (expectedSquare) {
            assertThat(encode(root)).isEqualTo(encode(expectedRoot));
        }
        return expectedSquare;
    }

    /**
     * RFC 9380 section 6.7.1 for curve25519, written plainly with branches: x1 = -J / (1 + 2 r^2), x2 = -x1 - J,
     * x1 if x1^3 + J x1^2 + x1 is a square, else x2. Returns whether x1 was chosen.
     */
    private static boolean referenceMap(byte[] fieldElement, byte[] out) {
        int[] r = X25519Field.create();
        X25519Field.decode255(fieldElement, 0, r, 0);
        int[] denominator = X25519Field.create();
        X25519Field.sqr(r, denominator);
        X25519Field.add(denominator, denominator, denominator);
        X25519Field.addOne(denominator);
        int[] x1 = X25519Field.create();
        X25519Field.invVar(denominator, x1);
        X25519Field.mul(x1, HashToCurve.J, x1);
        X25519Field.negate(x1, x1);
        int[] gx1 = X25519Field.create();
        HashToCurve.curveEquation(x1, gx1, X25519Field.create());
        boolean square = X25519Field.sqrtRatioVar(gx1, HashToCurve.ONE, X25519Field.create());
        int[] x = x1;
        if (!square) {
            x = X25519Field.create();
            X25519Field.add(x1, HashToCurve.J, x);
            X25519Field.negate(x, x);
        }
        X25519Field.normalize(x);
        X25519Field.encode(x, out, 0);
        return square;
    }

    private int[] randomElement() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        int[] element = X25519Field.create();
        X25519Field.decode255(bytes, 0, element, 0);
        return element;
    }

    private static int[] copy(int[] element) {
        int[] copy = X25519Field.create();
        X25519Field.copy(element, 0, copy, 0);
        return copy;
    }

    private static byte[] encode(int[] element) {
        int[] normalized = copy(element);
        X25519Field.normalize(normalized);
        byte[] bytes = new byte[32];
        X25519Field.encode(normalized, bytes, 0);
        return bytes;
    }
}
