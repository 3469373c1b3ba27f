package dev.ecosystem.benchmarks.overlap;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.overlap.PopulationMatrix;
import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * What account mapping keeps in memory, through the public API: two companies with {@code size} accounts each
 * ({@link PublicOverlapData}) synced into an in-memory store; the live heap ({@link #liveHeap}) is read with the store
 * alone, after one tenant's index is built and after the first {@code matrix()} (both indexes and the pair's
 * matches, all kept by the client), and the differences are printed per account. The accounts themselves (held by
 * the store either way) are not in the differences. Run:
 *
 * <pre>./mvnw -o -q -B -pl benchmarks -am package -DskipTests
 * flock /tmp/heavy.lock java -Xmx8g -cp benchmarks/target/benchmarks.jar \
 *     dev.ecosystem.benchmarks.overlap.OverlapFootprint 1000000</pre>
 */
public final class OverlapFootprint {
    private OverlapFootprint() {
    }

    /**
     * Builds the store, then one tenant's index ({@code domainKeys()} builds it and nothing else), then the other's
     * and the pair's matches ({@code matrix()}), and prints the heap each step adds. A second argument
     * {@code index-only} stops after the first index (and syncs only that tenant's CRM, so that 10 million accounts
     * fit in an 8 GB heap).
     */
    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        boolean indexOnly = args.length > 1 && args[1].equals("index-only");
        long start = System.nanoTime();
        PublicOverlapData data = PublicOverlapData.generate(size, !indexOnly);
        data.dropLists();
        System.out.printf("accounts per side=%,d  generate+sync=%,d ms%n", size,
                (System.nanoTime() - start) / 1_000_000);
        long storeOnly = liveHeap();
        try (EcosystemClient client = data.client()) {
            long before = System.nanoTime();
            int keys = client.as(PublicOverlapData.ACME).overlaps().domainKeys().size();
            long indexMillis = (System.nanoTime() - before) / 1_000_000;
            long oneIndex = liveHeap();
            System.out.printf("live heap: store only %,d MB; with acme's index %,d MB (+%.1f B per acme account;"
                    + " built in %,d ms, %d populations)%n", storeOnly >> 20, oneIndex >> 20,
                    (oneIndex - storeOnly) / (double) size, indexMillis, keys);
            if (!indexOnly) {
                before = System.nanoTime();
                PopulationMatrix matrix = client.as(PublicOverlapData.ACME).overlaps()
                        .matrix(PublicOverlapData.GLOBEX);
                long matrixMillis = (System.nanoTime() - before) / 1_000_000;
                long both = liveHeap();
                System.out.printf("with both indexes and the pair's matches %,d MB (+%.1f B per account of both"
                        + " sides over the store; globex's index and the join took %,d ms)%n", both >> 20,
                        (both - storeOnly) / (2.0 * size), matrixMillis);
                System.out.println("matrix: " + matrix.cells());
            }
        }
    }

    /**
     * Bytes of live objects, from the class histogram the JVM's {@code GC.class_histogram} diagnostic command prints
     * after a full collection: exact, unlike the heap's used size, which counts G1's partly filled regions too.
     */
    private static long liveHeap() {
        try {
            Object histogram = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            String[] lines = histogram.toString().strip().split("\n");
            String[] total = lines[lines.length - 1].trim().split("\\s+");
            return Long.parseLong(total[2]);
        } catch (JMException e) {
            throw new IllegalStateException("the class histogram is not available", e);
        }
    }
}
