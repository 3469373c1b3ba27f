package dev.ecosystem.psi;

import dev.ecosystem.psi.internal.HashToCurve;
import dev.ecosystem.psi.internal.Points;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.jspecify.annotations.Nullable;

/** The per-element work of a session, split over threads: hashing and blinding own keys, checking and blinding theirs. */
final class Blinding {
    /** Domain separation tag of this protocol's hash to curve25519 (RFC 9380 section 3.1). */
    static final String DST = "ECOSYSTEM-PSI-V01-CS01-with-curve25519_XMD:SHA-512_ELL2_NU_";

    private Blinding() {
    }

    /**
     * This side's groups as sent: per group its population mask and, in the order sent (shuffled), the index of the
     * key at each position or -1 for a padding point.
     */
    record Own(long[] masks, int[][] members) {
        int[] counts() {
            int[] counts = new int[members.length];
            for (int g = 0; g < members.length; g++) {
                counts[g] = members[g].length;
            }
            return counts;
        }

        int total() {
            int total = 0;
            for (int[] group : members) {
                total += group.length;
            }
            return total;
        }
    }

    /** Groups the keys by population mask, pads each group to the bucket and shuffles it. */
    static Own arrange(PsiSets sets, int bucket, SecureRandom random) {
        Map<Long, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < sets.size(); i++) {
            groups.computeIfAbsent(sets.mask(i), m -> new ArrayList<>()).add(i);
        }
        long[] masks = new long[groups.size()];
        int[][] members = new int[groups.size()][];
        int g = 0;
        for (Map.Entry<Long, List<Integer>> entry : groups.entrySet()) {
            List<Integer> keys = entry.getValue();
            int padded = paddedSize(keys.size(), bucket);
            int[] group = new int[padded];
            for (int i = 0; i < padded; i++) {
                group[i] = i < keys.size() ? keys.get(i) : -1;
            }
            shuffle(group, random);
            masks[g] = entry.getKey();
            members[g++] = group;
        }
        return new Own(masks, members);
    }

    static int paddedSize(int size, int bucket) {
        return (int) Math.min(Integer.MAX_VALUE, ((long) size + bucket - 1) / bucket * bucket);
    }

    /** The points of this side's groups: H(key)^scalar per key, a random point of the prime-order subgroup per pad. */
    static byte[] blindOwn(PsiSets sets, Own own, byte[] scalar, int threads) {
        int total = own.total();
        int[] flat = new int[total];
        int at = 0;
        for (int[] group : own.members()) {
            System.arraycopy(group, 0, flat, at, group.length);
            at += group.length;
        }
        byte[] points = new byte[total * Points.POINT_BYTES];
        parallel(total, threads, (from, to) -> {
            HashToCurve hash = new HashToCurve(DST);
            SecureRandom random = new SecureRandom();
            String[] keys = new String[HashToCurve.BATCH];
            int[] positions = new int[HashToCurve.BATCH];
            byte[] hashed = new byte[HashToCurve.BATCH * Points.POINT_BYTES];
            byte[] pad = new byte[X25519.SCALAR_SIZE];
            int staged = 0;
            for (int i = from; i < to; i++) {
                int key = flat[i];
                if (key >= 0) {
                    keys[staged] = sets.key(key);
                    positions[staged++] = i;
                } else {
                    random.nextBytes(pad);
                    X25519.scalarMultBase(pad, 0, points, i * Points.POINT_BYTES);
                }
                if (staged == HashToCurve.BATCH || (i == to - 1 && staged > 0)) {
                    // The keys share one field inversion; each is then blinded on its own.
                    hash.hashAll(keys, staged, hashed, 0);
                    for (int k = 0; k < staged; k++) {
                        if (!Points.blind(scalar, hashed, k * Points.POINT_BYTES, points,
                                positions[k] * Points.POINT_BYTES)) {
                            throw new IllegalStateException(
                                    "a key hashed to a point of small order (probability 2^-250)");
                        }
                    }
                    staged = 0;
                }
            }
        });
        return points;
    }

    /**
     * Checks every point of the other side's set and returns the tag of each blinded with {@code scalar}, in order.
     *
     * @throws PsiProtocolException naming the first bad point
     */
    static byte[] tagTheirs(Wire.BlindedSet set, byte[] scalar, int threads, Wire.Type type) {
        int total = set.total();
        byte[] in = set.points();
        byte[] tags = new byte[total * Points.TAG_BYTES];
        parallel(total, threads, (from, to) -> {
            Points points = new Points();
            for (int i = from; i < to; i++) {
                String problem = points.problem(in, i * Points.POINT_BYTES);
                if (problem == null && !points.blindToTag(scalar, in, i * Points.POINT_BYTES, tags,
                        i * Points.TAG_BYTES)) {
                    problem = "blinds to the all-zero value (small order)";
                }
                if (problem != null) {
                    throw new BadPoint(i, type + " point " + i + " (" + where(set.counts(), i) + ") " + problem);
                }
            }
        });
        return tags;
    }

    static String where(int[] counts, int index) {
        int rest = index;
        for (int g = 0; g < counts.length; g++) {
            if (rest < counts[g]) {
                return "element " + rest + " of group " + g;
            }
            rest -= counts[g];
        }
        return "beyond the groups";
    }

    /** A copy of {@code tags} shuffled within each group, so the receiver cannot link them to what it sent. */
    static byte[] shuffledWithinGroups(byte[] tags, int[] counts, SecureRandom random) {
        byte[] out = new byte[tags.length];
        int start = 0;
        for (int count : counts) {
            int[] order = new int[count];
            for (int i = 0; i < count; i++) {
                order[i] = i;
            }
            shuffle(order, random);
            for (int i = 0; i < count; i++) {
                System.arraycopy(tags, (start + order[i]) * Points.TAG_BYTES, out, (start + i) * Points.TAG_BYTES,
                        Points.TAG_BYTES);
            }
            start += count;
        }
        return out;
    }

    static void shuffle(int[] values, SecureRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    interface Chunk {
        void run(int from, int to);
    }

    /** A bad point found by one chunk; the lowest index among chunks is reported. */
    static final class BadPoint extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int index;

        BadPoint(int index, String message) {
            super(message, null, false, false);
            this.index = index;
        }
    }

    /** Runs {@code chunk} over [0, n) split into up to {@code threads} ranges, the first on the calling thread. */
    static void parallel(int n, int threads, Chunk chunk) {
        int parts = (int) Math.max(1, Math.min(threads, n / 256L));
        if (parts == 1) {
            rethrow(run(chunk, 0, n));
            return;
        }
        RuntimeException[] failures = new RuntimeException[parts];
        Thread[] workers = new Thread[parts];
        for (int p = 1; p < parts; p++) {
            int part = p;
            workers[p] = new Thread(() -> failures[part] = run(chunk, bound(n, parts, part), bound(n, parts, part + 1)),
                    "psi-blinding-" + p);
            workers[p].setDaemon(true);
            workers[p].start();
        }
        failures[0] = run(chunk, 0, bound(n, parts, 1));
        boolean interrupted = false;
        for (int p = 1; p < parts; p++) {
            while (true) {
                try {
                    workers[p].join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        RuntimeException first = null;
        for (RuntimeException failure : failures) {
            if (failure != null && !(failure instanceof BadPoint)) {
                throw failure;
            }
            if (failure != null && (first == null || ((BadPoint) failure).index < ((BadPoint) first).index)) {
                first = failure;
            }
        }
        rethrow(first);
    }

    private static int bound(int n, int parts, int part) {
        return (int) ((long) n * part / parts);
    }

    private static @Nullable RuntimeException run(Chunk chunk, int from, int to) {
        try {
            chunk.run(from, to);
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static void rethrow(@Nullable RuntimeException failure) {
        if (failure instanceof BadPoint) {
            throw new PsiProtocolException(Objects.requireNonNull(failure.getMessage())); // a BadPoint has one
        }
        if (failure != null) {
            throw failure;
        }
    }
}
