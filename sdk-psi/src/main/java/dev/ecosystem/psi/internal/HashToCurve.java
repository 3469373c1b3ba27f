package dev.ecosystem.psi.internal;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * RFC 9380 {@code curve25519_XMD:SHA-512_ELL2_NU_} up to the cofactor clearing: {@code expand_message_xmd} with
 * SHA-512 (48 bytes, one field element), then the Elligator 2 map to curve25519, returning only the u-coordinate
 * (32 bytes, little-endian, canonical), which is all X25519 needs.
 *
 * <p>The cofactor clearing of the suite ({@code P = 8 * Q}) is left out on purpose: every use of the result is an
 * X25519 scalar multiplication by a clamped scalar, which is a multiple of 8, so {@code clamp(a) * Q} equals
 * {@code (clamp(a) / 8) * P}. {@link #clearCofactor} computes {@code 8 * Q} for the RFC test vectors.
 *
 * <p>One instance holds scratch buffers and a SHA-512 state: it is not thread-safe; use one per thread. The
 * per-element path allocates nothing for keys of ASCII text up to {@link #MAX_MESSAGE_BYTES} bytes.
 */
public final class HashToCurve {
    /** Keys longer than this many UTF-8 bytes are rejected by the caller; a buffer of this size is kept. */
    public static final int MAX_MESSAGE_BYTES = 1024;
    /** The most keys {@link #hashAll} takes at once. */
    public static final int BATCH = 64;

    static final int[] J = constant(486662);
    static final int[] ONE = constant(1);
    /** {@code sqrt(-1) = 2^((p - 1) / 4) mod p}, the constant c2 of RFC 9380 appendix F.2.1.3 (little-endian hex). */
    static final int[] SQRT_M1 = fromHex("b0a00e4a271beec478e42fad0618432fa7d7fb3d99004d2b0bdfc14f8024832b");

    private final SHA512Digest zeroPadded = new SHA512Digest();
    private final SHA512Digest digest = new SHA512Digest();
    private final byte[] afterMessage;
    private final byte[] secondBlockTail;
    private final byte[] message = new byte[MAX_MESSAGE_BYTES];
    private final byte[] b0 = new byte[64];
    private final byte[] b1 = new byte[64];
    private final byte[] low = new byte[32];
    private final byte[] high = new byte[32];
    private final int[] u = X25519Field.create();
    private final int[] t = X25519Field.create();
    private final int[] d = X25519Field.create();
    private final int[] x1 = X25519Field.create();
    private final int[] x2 = X25519Field.create();
    private final int[] gx = X25519Field.create();
    private final int[] gxd = X25519Field.create();
    private final int[] num = X25519Field.create();
    private final int[] den = X25519Field.create();
    private final int[][] nums = fields(BATCH);
    private final int[][] dens = fields(BATCH);
    private final int[][] products = fields(BATCH);
    private final int[] root = X25519Field.create();
    // Scratch for sqrtRatio (v3, y, check) and for it and powPm5d8 (s0, s1, s2).
    private final int[] v3 = X25519Field.create();
    private final int[] y = X25519Field.create();
    private final int[] check = X25519Field.create();
    private final int[] s0 = X25519Field.create();
    private final int[] s1 = X25519Field.create();
    private final int[] s2 = X25519Field.create();

    /** A hasher with this domain separation tag (at most 255 bytes). */
    public HashToCurve(byte[] dst) {
        if (dst.length == 0 || dst.length > 255) {
            throw new IllegalArgumentException("DST must be 1 to 255 bytes, but was " + dst.length);
        }
        // msg' = Z_pad(128) || msg || I2OSP(48, 2) || I2OSP(0, 1) || DST || I2OSP(len(DST), 1)
        zeroPadded.update(new byte[128], 0, 128);
        afterMessage = new byte[3 + dst.length + 1];
        afterMessage[1] = 48;
        System.arraycopy(dst, 0, afterMessage, 3, dst.length);
        afterMessage[afterMessage.length - 1] = (byte) dst.length;
        // b1 = H(b0 || I2OSP(1, 1) || DST || I2OSP(len(DST), 1))
        secondBlockTail = new byte[1 + dst.length + 1];
        secondBlockTail[0] = 1;
        System.arraycopy(dst, 0, secondBlockTail, 1, dst.length);
        secondBlockTail[secondBlockTail.length - 1] = (byte) dst.length;
    }

    /** A hasher with a text domain separation tag. */
    public HashToCurve(String dst) {
        this(dst.getBytes(StandardCharsets.UTF_8));
    }

    /** Hashes the UTF-8 encoding of {@code key} and writes the u-coordinate to {@code out[outOff..outOff+32)}. */
    public void hash(String key, byte[] out, int outOff) {
        hashToFraction(key, num, den);
        encodeFraction(out, outOff);
    }

    /**
     * Hashes {@code keys[0..count)} (at most {@link #BATCH}) as {@link #hash(String, byte[], int)} does, writing the
     * u-coordinate of {@code keys[i]} to {@code out[outOff + 32 i..+32)}, with one field inversion for all of them
     * (Montgomery's trick: the prefix products, the inverse of the last, then three multiplications per key), where
     * {@code hash} pays one per key.
     */
    public void hashAll(String[] keys, int count, byte[] out, int outOff) {
        if (count < 0 || count > BATCH) {
            throw new IllegalArgumentException("count must be 0 to " + BATCH + ", but was " + count);
        }
        if (count == 0) {
            return;
        }
        for (int i = 0; i < count; i++) {
            hashToFraction(keys[i], nums[i], dens[i]);
        }
        X25519Field.copy(dens[0], 0, products[0], 0);
        for (int i = 1; i < count; i++) {
            X25519Field.mul(products[i - 1], dens[i], products[i]);
        }
        X25519Field.inv(products[count - 1], t); // t = 1 / (den[0] ... den[count-1])
        for (int i = count - 1; i > 0; i--) {
            X25519Field.mul(t, products[i - 1], den); // 1 / den[i]
            X25519Field.mul(t, dens[i], t); // t = 1 / (den[0] ... den[i-1])
            encodeQuotient(nums[i], den, out, outOff + i * Points.POINT_BYTES);
        }
        encodeQuotient(nums[0], t, out, outOff);
    }

    /** Hashes the UTF-8 encoding of {@code key} to the u-coordinate as {@code num / den}; den is never zero. */
    private void hashToFraction(String key, int[] num, int[] den) {
        int length = key.length();
        boolean ascii = length <= MAX_MESSAGE_BYTES;
        for (int i = 0; ascii && i < length; i++) {
            char c = key.charAt(i);
            if (c >= 0x80) {
                ascii = false;
            } else {
                message[i] = (byte) c;
            }
        }
        if (ascii) {
            hashToFraction(message, 0, length, num, den);
        } else {
            byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
            hashToFraction(bytes, 0, bytes.length, num, den);
        }
    }

    /** Hashes {@code msg[off..off+len)} and writes the u-coordinate of the Elligator 2 point to {@code out}. */
    public void hash(byte[] msg, int off, int len, byte[] out, int outOff) {
        hashToFraction(msg, off, len, num, den);
        encodeFraction(out, outOff);
    }

    private void hashToFraction(byte[] msg, int off, int len, int[] num, int[] den) {
        hashToField(msg, off, len, u);
        mapToCurve(u, num, den);
    }

    /** Encodes num / den, as left by hashToFraction, to {@code out[outOff..outOff+32)}. */
    private void encodeFraction(byte[] out, int outOff) {
        X25519Field.inv(den, t);
        encodeQuotient(num, t, out, outOff);
    }

    private void encodeQuotient(int[] numerator, int[] inverseDenominator, byte[] out, int outOff) {
        X25519Field.mul(numerator, inverseDenominator, x1);
        X25519Field.normalize(x1);
        X25519Field.encode(x1, out, outOff);
    }

    /** {@code hash_to_field(msg, 1)}: the field element, 32 bytes little-endian (for the RFC vectors). */
    public void hashToField(byte[] msg, int off, int len, byte[] out, int outOff) {
        hashToField(msg, off, len, u);
        X25519Field.normalize(u);
        X25519Field.encode(u, out, outOff);
    }

    private void hashToField(byte[] msg, int off, int len, int[] element) {
        digest.reset(zeroPadded);
        digest.update(msg, off, len);
        digest.update(afterMessage, 0, afterMessage.length);
        digest.doFinal(b0, 0);
        digest.update(b0, 0, 64);
        digest.update(secondBlockTail, 0, secondBlockTail.length);
        digest.doFinal(b1, 0);
        // The 48 uniform bytes are big-endian: value = H * 2^256 + L, and 2^256 = 38 (mod p), 2^255 = 19 (mod p).
        for (int i = 0; i < 32; i++) {
            low[i] = b1[47 - i];
        }
        for (int i = 0; i < 16; i++) {
            high[i] = b1[15 - i];
        }
        int topBit = (low[31] >>> 7) & 1;
        X25519Field.decode255(low, 0, element, 0);
        X25519Field.decode255(high, 0, t, 0);
        X25519Field.mul(t, 38, t);
        X25519Field.add(element, t, element);
        X25519Field.zero(t);
        t[0] = 19 * topBit;
        X25519Field.add(element, t, element);
        X25519Field.carry(element);
    }

    /**
     * Elligator 2 (RFC 9380 section 6.7.1, J = 486662, K = 1, Z = 2) on a field element; gives the u-coordinate as
     * {@code num / den}. Constant time in the field element, as RFC 9380 section 4 asks: no branch depends on it, and
     * the choices are made with {@code cmov} as in the straight-line {@code map_to_curve_elligator2} (appendix F.3),
     * which the steps below follow with x1 kept as the fraction {@code -J / (1 + t1)}, so no inversion is needed
     * (up to the choice of x; y is not needed).
     */
    private void mapToCurve(int[] r, int[] num, int[] den) {
        X25519Field.sqr(r, t);
        X25519Field.add(t, t, t); // t1 = Z * u^2
        X25519Field.add(t, ONE, d); // xd = 1 + t1
        X25519Field.normalize(d);
        // e1 = t1 == -1; t1 = CMOV(t1, 0, e1): the RFC's exceptional case, so 1 + t1 becomes 1. It cannot occur
        // for this p and Z (-1 / 2 is not a square), but costs only a cmov.
        X25519Field.cmov(X25519Field.isZero(d), ONE, 0, d, 0);
        X25519Field.negate(J, x1); // x1n = -J, x1 = x1n / xd
        X25519Field.mul(d, J, x2);
        X25519Field.add(x2, x1, x2); // x1n + J xd
        // gx1 = x1^3 + J x1^2 + x1 = x1n (x1n (x1n + J xd) + xd^2) / xd^3
        X25519Field.mul(x2, x1, gx);
        X25519Field.sqr(d, gxd);
        X25519Field.add(gx, gxd, gx);
        X25519Field.mul(gx, x1, gx);
        X25519Field.mul(gxd, d, gxd);
        int e2 = sqrtRatio(gx, gxd, root); // e2 = is_square(gx1)
        X25519Field.negate(x2, x2); // x2n = -x1n - J xd, x2 = x2n / xd
        X25519Field.cmov(e2, x1, 0, x2, 0); // x = CMOV(x2, x1, e2)
        X25519Field.copy(x2, 0, num, 0);
        X25519Field.copy(d, 0, den, 0);
    }

    /**
     * Constant-time square root of {@code u / v} for p = 5 (mod 8), the sqrt_ratio of RFC 9380 appendix F.2.1.3
     * (with the square root of appendix I.2): returns -1 and a root in {@code z} when {@code u / v} is a square,
     * and 0 otherwise, when {@code z} holds no root. For v = 0 it answers as for a square only when u = 0 (root 0).
     * This is the answer and the root of {@link X25519Field#sqrtRatioVar}, without its branches. The RFC's output
     * {@code sqrt(Z * u / v)} for a non-square is left out: the map only needs is_square. {@code z} must not be
     * {@code u} or {@code v}; none of the three may be a scratch field of this instance.
     */
    int sqrtRatio(int[] u, int[] v, int[] z) {
        X25519Field.sqr(v, y); // v^2
        X25519Field.mul(y, v, v3); // v^3
        X25519Field.sqr(y, y); // v^4
        X25519Field.mul(y, v3, y); // v^7
        X25519Field.mul(y, u, y); // u v^7
        powPm5d8(y, y); // (u v^7)^c1, c1 = (p - 5) / 8
        X25519Field.mul(y, v3, y);
        X25519Field.mul(y, u, y); // y1 = u v^3 (u v^7)^c1, a root of u / v or of -u / v if either is a square
        X25519Field.sqr(y, check);
        X25519Field.mul(check, v, check); // v y1^2
        X25519Field.sub(check, u, s0);
        X25519Field.normalize(s0);
        int isRoot = X25519Field.isZero(s0); // v y1^2 == u: y1 is the root
        X25519Field.add(check, u, s0);
        X25519Field.normalize(s0);
        int isRootTimesI = X25519Field.isZero(s0); // v y1^2 == -u: y1 * sqrt(-1) is the root
        X25519Field.mul(y, SQRT_M1, z);
        X25519Field.cmov(isRoot, y, 0, z, 0); // y1 when both hold (u = 0), as sqrtRatioVar
        return isRoot | isRootTimesI;
    }

    /**
     * {@code z = x^((p - 5) / 8) = x^(2^252 - 3)}, the exponent c1 of RFC 9380 appendix F.2.1.3, by a fixed
     * addition chain: 251 squarings and 11 multiplications whatever x is. The comments give the exponent of x so
     * far. Uses s0, s1 and s2 as scratch; z may be x.
     */
    private void powPm5d8(int[] x, int[] z) {
        X25519Field.sqr(x, s0);
        X25519Field.mul(s0, x, s0); // 2^2 - 1
        X25519Field.sqr(s0, 2, s1);
        X25519Field.mul(s1, s0, s0); // 2^4 - 1
        X25519Field.sqr(s0, s0);
        X25519Field.mul(s0, x, s0); // 2^5 - 1
        X25519Field.sqr(s0, 5, s1);
        X25519Field.mul(s1, s0, s1); // s1 = 2^10 - 1
        X25519Field.sqr(s1, 10, s0);
        X25519Field.mul(s0, s1, s0); // 2^20 - 1
        X25519Field.sqr(s0, 20, s2);
        X25519Field.mul(s2, s0, s2); // 2^40 - 1
        X25519Field.sqr(s2, 10, s2);
        X25519Field.mul(s2, s1, s2); // s2 = 2^50 - 1
        X25519Field.sqr(s2, 50, s0);
        X25519Field.mul(s0, s2, s0); // 2^100 - 1
        X25519Field.sqr(s0, 100, s1);
        X25519Field.mul(s1, s0, s1); // 2^200 - 1
        X25519Field.sqr(s1, 50, s1);
        X25519Field.mul(s1, s2, s1); // 2^250 - 1
        X25519Field.sqr(s1, 2, s1); // 2^252 - 4
        X25519Field.mul(s1, x, z); // 2^252 - 3
    }

    /** {@code v = x^3 + J x^2 + x = x (x (x + J) + 1)}, using {@code s} as scratch (distinct from x and v). */
    static void curveEquation(int[] x, int[] v, int[] s) {
        X25519Field.add(x, J, s);
        X25519Field.mul(s, x, s);
        X25519Field.add(s, ONE, s);
        X25519Field.mul(s, x, v);
    }

    /**
     * {@code 8 * Q} by three x-only doublings, for checking against the RFC's {@code P}; not used by the protocol
     * (the clamped X25519 scalar clears the cofactor).
     */
    public static void clearCofactor(byte[] point, int off, byte[] out, int outOff) {
        int[] x = X25519Field.create();
        int[] z = X25519Field.create();
        X25519Field.decode255(point, off, x, 0);
        X25519Field.one(z);
        int[] a = X25519Field.create();
        int[] b = X25519Field.create();
        int[] c = X25519Field.create();
        int[] a24 = constant(121666);
        for (int i = 0; i < 3; i++) {
            // xDBL: X2 = (X+Z)^2 (X-Z)^2, Z2 = 4XZ ((X-Z)^2 + a24 * 4XZ), with 4XZ = (X+Z)^2 - (X-Z)^2
            X25519Field.add(x, z, a);
            X25519Field.sqr(a, a);
            X25519Field.sub(x, z, b);
            X25519Field.sqr(b, b);
            X25519Field.sub(a, b, c);
            X25519Field.mul(a, b, x);
            X25519Field.mul(c, a24, z);
            X25519Field.add(z, b, z);
            X25519Field.mul(z, c, z);
        }
        X25519Field.inv(z, z);
        X25519Field.mul(x, z, x);
        X25519Field.normalize(x);
        X25519Field.encode(x, out, outOff);
    }

    private static int[][] fields(int count) {
        int[][] fields = new int[count][];
        for (int i = 0; i < count; i++) {
            fields[i] = X25519Field.create();
        }
        return fields;
    }

    private static int[] fromHex(String littleEndianHex) {
        int[] element = X25519Field.create();
        X25519Field.decode255(HexFormat.of().parseHex(littleEndianHex), 0, element, 0);
        return element;
    }

    private static int[] constant(int value) {
        int[] element = X25519Field.create();
        element[0] = value;
        X25519Field.carry(element);
        return element;
    }
}
