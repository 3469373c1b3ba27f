package dev.ecosystem.benchmarks.navigator;

import dev.ecosystem.navigator.internal.TagIndex;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Building the index of 1M Zipf profiles from their tag arrays: ours against Lucene indexing the same profiles into
 * one segment, same run. Run (allocation per build from {@code -prof gc}):
 * {@code java -jar benchmarks/target/benchmarks.jar IndexBuildBenchmark -f 1 -wi 1 -i 3 -prof gc}.
 *
 * <p>Engine-only figures: every one here calls the index directly (no client, store, scope or profile compilation).
 * The public-API figures are {@link NavigatorApiIndexBenchmark}'s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class IndexBuildBenchmark {
    @Param("1000000")
    int profiles;

    private ZipfProfiles data;
    private TagIndex built;

    /** Generates the profiles. */
    @Setup(Level.Trial)
    public void setUp() {
        data = ZipfProfiles.generate(20240101L, profiles, 1);
    }

    /** Ours: dictionary-encoded tags, postings by counting sort. */
    @Benchmark
    public TagIndex ecosystem() {
        built = data.buildIndex(ZipfProfiles.dictionary());
        return built;
    }

    /**
     * After each iteration of ours, prints the heap the last built index retains: live heap with it minus live heap
     * without it, after full collections (the key strings are the input's and shared, so they are not counted; the
     * plain program {@link IndexFootprint} counts them too).
     */
    @TearDown(Level.Iteration)
    public void retainedHeap() {
        if (built == null) {
            return;
        }
        long with = liveHeap();
        int documents = built.snapshot().liveCount();
        built = null;
        long without = liveHeap();
        System.out.printf(Locale.ROOT, "%nnavigator-build retained heap of the %d-document index: %.1f MB%n",
                documents, (with - without) / 1048576.0);
    }

    private static long liveHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Lucene 9 on a ByteBuffersDirectory, merged to one segment. */
    @Benchmark
    public int lucene() {
        LuceneTags lucene = LuceneTags.build(data);
        int documents = lucene.searcher().getIndexReader().maxDoc();
        lucene.close();
        return documents;
    }
}
