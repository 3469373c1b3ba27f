package dev.ecosystem.psi.internal;

import java.nio.charset.StandardCharsets;
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

    static final int[] J = constant(486662);
    static final int[] ONE = constant(1);

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
    private final int[] root = X25519Field.create();

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
            hash(message, 0, length, out, outOff);
        } else {
            byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
            hash(bytes, 0, bytes.length, out, outOff);
        }
    }

    /** Hashes {@code msg[off..off+len)} and writes the u-coordinate of the Elligator 2 point to {@code out}. */
    public void hash(byte[] msg, int off, int len, byte[] out, int outOff) {
        hashToField(msg, off, len, u);
        mapToCurve(u, out, outOff);
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

    /** Elligator 2 (RFC 9380 section 6.7.1, J = 486662, K = 1, Z = 2) on a field element; writes the u-coordinate. */
    private void mapToCurve(int[] r, byte[] out, int outOff) {
        X25519Field.sqr(r, t);
        X25519Field.add(t, t, t); // t1 = Z * u^2
        X25519Field.add(t, ONE, d); // t1 + 1
        X25519Field.normalize(d);
        if (X25519Field.isZeroVar(d)) { // t1 == -1: the exceptional case sets t1 = 0
            X25519Field.one(d);
        }
        X25519Field.inv(d, x1);
        X25519Field.mul(x1, J, x1);
        X25519Field.negate(x1, x1); // x1 = -J / (1 + t1)
        curveEquation(x1, gx, x2); // gx1 = x1^3 + J x1^2 + x1
        if (X25519Field.sqrtRatioVar(gx, ONE, root)) {
            X25519Field.copy(x1, 0, x2, 0);
        } else {
            X25519Field.add(x1, J, x2);
            X25519Field.negate(x2, x2); // x2 = -x1 - J
        }
        X25519Field.normalize(x2);
        X25519Field.encode(x2, out, outOff);
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

    private static int[] constant(int value) {
        int[] element = X25519Field.create();
        element[0] = value;
        X25519Field.carry(element);
        return element;
    }
}
