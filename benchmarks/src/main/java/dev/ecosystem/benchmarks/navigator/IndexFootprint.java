package dev.ecosystem.benchmarks.navigator;

import dev.ecosystem.navigator.internal.TagIndex;
import java.lang.management.ManagementFactory;

/**
 * Prints the live heap our 1M-profile index retains (its key strings included; the generated input dropped) and how
 * long the build took. Run: {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar
 * dev.ecosystem.benchmarks.navigator.IndexFootprint}.
 */
public final class IndexFootprint {
    private IndexFootprint() {
    }

    /** Builds the index and prints its size. */
    public static void main(String[] args) {
        int profiles = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        long empty = liveHeap();
        ZipfProfiles data = ZipfProfiles.generate(20240101L, profiles, 1);
        int postings = data.tags.length;
        long start = System.nanoTime();
        TagIndex index = data.buildIndex(ZipfProfiles.dictionary());
        long buildMillis = (System.nanoTime() - start) / 1_000_000;
        data = null;
        long withIndex = liveHeap();
        System.out.printf("profiles=%d tags=%d build=%d ms retained heap=%.1f MB (live documents: %d)%n",
                profiles, postings, buildMillis, (withIndex - empty) / 1048576.0, index.snapshot().liveCount());
    }

    private static long liveHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
