package dev.ecosystem.psi.internal;

import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.bouncycastle.math.ec.rfc7748.X25519Field;
import org.jspecify.annotations.Nullable;

/**
 * Checks and blinds curve25519 u-coordinates received from the other side, and turns double-blinded values into
 * short tags. Holds scratch buffers: one instance per thread.
 */
public final class Points {
    /** Bytes of an encoded u-coordinate. */
    public static final int POINT_BYTES = 32;
    /** Bytes of a tag: a truncated SHA-256 of a double-blinded value. */
    public static final int TAG_BYTES = 16;

    /** Canonical encodings of the u-coordinates of the points of order 1 (none: no u), 2, 4 and 8. */
    private static final byte[][] SMALL_ORDER = {
        hex("0000000000000000000000000000000000000000000000000000000000000000"),
        hex("0100000000000000000000000000000000000000000000000000000000000000"),
        hex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
        hex("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800"),
        hex("5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157"),
    };

    private final int[] u = X25519Field.create();
    private final int[] g = X25519Field.create();
    private final int[] s = X25519Field.create();
    private final int[] root = X25519Field.create();
    private final byte[] point = new byte[POINT_BYTES];
    private final byte[] digest = new byte[32];
    private final SHA256Digest sha256 = new SHA256Digest();

    /**
     * What is wrong with the u-coordinate at {@code in[off..off+32)} as a point of the other side, or {@code null}
     * when it is a canonical u-coordinate of a curve25519 point of large order.
     */
    public @Nullable String problem(byte[] in, int off) {
        if ((in[off + 31] & 0x80) != 0) {
            return "is not a canonical encoding (bit 255 is set)";
        }
        if (atLeastP(in, off)) {
            return "is not a canonical encoding (u >= 2^255 - 19)";
        }
        for (byte[] small : SMALL_ORDER) {
            if (Arrays.equals(in, off, off + POINT_BYTES, small, 0, POINT_BYTES)) {
                return "is a point of small order";
            }
        }
        X25519Field.decode255(in, off, u, 0);
        HashToCurve.curveEquation(u, g, s);
        // Variable time is fine here: the other side's points are public (unlike HashToCurve's inputs).
        if (!X25519Field.sqrtRatioVar(g, HashToCurve.ONE, root)) {
            return "is not on curve25519 (u^3 + 486662u^2 + u is not a square: the point is on the twist)";
        }
        return null;
    }

    /**
     * {@code out = X25519(scalar, in)}; false when the result is all zero (an input of small order), which
     * {@link #problem} already excludes for received points.
     */
    public static boolean blind(byte[] scalar, byte[] in, int inOff, byte[] out, int outOff) {
        return X25519.calculateAgreement(scalar, 0, in, inOff, out, outOff);
    }

    /** Blinds {@code in} with {@code scalar} and writes the tag of the result to {@code out[outOff..+TAG_BYTES)}. */
    public boolean blindToTag(byte[] scalar, byte[] in, int inOff, byte[] out, int outOff) {
        if (!blind(scalar, in, inOff, point, 0)) {
            return false;
        }
        tag(point, 0, out, outOff);
        return true;
    }

    /** The tag of a double-blinded value: the first {@link #TAG_BYTES} bytes of its SHA-256. */
    public void tag(byte[] in, int inOff, byte[] out, int outOff) {
        sha256.update(in, inOff, POINT_BYTES);
        sha256.doFinal(digest, 0);
        System.arraycopy(digest, 0, out, outOff, TAG_BYTES);
    }

    private static boolean atLeastP(byte[] in, int off) {
        // p = 2^255 - 19 = 7fff...ffed (little-endian: ed ff ... ff 7f)
        if ((in[off + 31] & 0xff) != 0x7f) {
            return false;
        }
        for (int i = 30; i >= 1; i--) {
            if ((in[off + i] & 0xff) != 0xff) {
                return false;
            }
        }
        return (in[off] & 0xff) >= 0xed;
    }

    static byte[] hex(String text) {
        byte[] bytes = new byte[text.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(text.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }
}
