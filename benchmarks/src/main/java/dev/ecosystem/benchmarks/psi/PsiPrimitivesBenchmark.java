package dev.ecosystem.benchmarks.psi;

import dev.ecosystem.psi.internal.HashToCurve;
import dev.ecosystem.psi.internal.Points;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Where the per-element time of a PSI session goes, on one thread; every score is per element. Per element and side a
 * session does: {@code hashAll} + {@code blindOwn} for each own key, then {@code validate} + {@code blindAndTag}
 * for each of the other side's points, so the CPU per element per side is about
 * {@code hashAll + blindOwn + validate + blindAndTag} (plus matching, which is a hash-table probe). Peers in the same
 * run: {@code hashToCurve}, the same hash of one key with its own field inversion (what {@code hashAll} shares among
 * {@value HashToCurve#BATCH} keys); {@code dummyPoint}, a fixed-base X25519 multiplication (BouncyCastle's fastest
 * curve operation); and {@code sha512} (one SHA-512 of a short key).
 *
 * <pre>java -Djmh.ignoreLock=true -jar benchmarks/target/benchmarks.jar PsiPrimitivesBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PsiPrimitivesBenchmark {
    private static final int KEYS = 1024;

    private final String[] keys = new String[KEYS];
    private final byte[] hashed = new byte[KEYS * Points.POINT_BYTES];
    private final byte[] blinded = new byte[KEYS * Points.POINT_BYTES];
    private final byte[] out = new byte[Points.POINT_BYTES];
    private final byte[] scalar = new byte[X25519.SCALAR_SIZE];
    private final byte[] digest = new byte[64];
    private final org.bouncycastle.crypto.digests.SHA512Digest sha512 =
            new org.bouncycastle.crypto.digests.SHA512Digest();
    private HashToCurve hash;
    private Points points;
    private final String[] batchKeys = new String[HashToCurve.BATCH];
    private final byte[] batchOut = new byte[HashToCurve.BATCH * Points.POINT_BYTES];
    private int next;

    /** Random keys like registrable domains, their hashes and blinded values. */
    @Setup
    public void setUp() {
        SecureRandom random = new SecureRandom();
        X25519.generatePrivateKey(random, scalar);
        hash = new HashToCurve("ECOSYSTEM-PSI-V01-CS01-with-curve25519_XMD:SHA-512_ELL2_NU_");
        points = new Points();
        for (int i = 0; i < KEYS; i++) {
            StringBuilder name = new StringBuilder();
            for (int c = 0; c < 12; c++) {
                name.append((char) ('a' + random.nextInt(26)));
            }
            keys[i] = name + ".com";
            hash.hash(keys[i], hashed, i * Points.POINT_BYTES);
            Points.blind(scalar, hashed, i * Points.POINT_BYTES, blinded, i * Points.POINT_BYTES);
        }
    }

    private int nextIndex() {
        next = (next + 1) & (KEYS - 1);
        return next;
    }

    /**
     * RFC 9380 expand_message_xmd (two SHA-512) + hash_to_field + Elligator 2 of {@value HashToCurve#BATCH} keys, one
     * field inversion for all, as a session hashes its keys.
     */
    @Benchmark
    @OperationsPerInvocation(HashToCurve.BATCH)
    public byte[] hashAll() {
        next = (next + HashToCurve.BATCH) & (KEYS - 1);
        System.arraycopy(keys, next, batchKeys, 0, HashToCurve.BATCH);
        hash.hashAll(batchKeys, HashToCurve.BATCH, batchOut, 0);
        return batchOut;
    }

    /** Peer: the same for one key, with its own field inversion. */
    @Benchmark
    public byte[] hashToCurve() {
        hash.hash(keys[nextIndex()], out, 0);
        return out;
    }

    /** X25519 of a hashed key with the session scalar (one Montgomery ladder). */
    @Benchmark
    public byte[] blindOwn() {
        Points.blind(scalar, hashed, nextIndex() * Points.POINT_BYTES, out, 0);
        return out;
    }

    /** The checks on a received point: canonical, not small order, on the curve (a square test). */
    @Benchmark
    public @Nullable String validate() {
        return points.problem(blinded, nextIndex() * Points.POINT_BYTES);
    }

    /** X25519 of a received point with the session scalar, then its 16-byte SHA-256 tag. */
    @Benchmark
    public byte[] blindAndTag() {
        points.blindToTag(scalar, blinded, nextIndex() * Points.POINT_BYTES, out, 0);
        return out;
    }

    /**
     * The 16-byte SHA-256 tag alone: {@code blindAndTag} is the same X25519 ladder as {@code blindOwn} (the ladder is
     * constant-time, so a received point costs what a hashed key costs) plus this.
     */
    @Benchmark
    public byte[] tag() {
        points.tag(blinded, nextIndex() * Points.POINT_BYTES, out, 0);
        return out;
    }

    /** Peer: a fixed-base X25519 multiplication, used for padding points. */
    @Benchmark
    public byte[] dummyPoint() {
        X25519.scalarMultBase(blinded, nextIndex() * Points.POINT_BYTES, out, 0);
        return out;
    }

    /** Peer: one SHA-512 of a short key. */
    @Benchmark
    public byte[] sha512() {
        byte[] key = keys[nextIndex()].getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        sha512.update(key, 0, key.length);
        sha512.doFinal(digest, 0);
        return digest;
    }
}
