package dev.ecosystem.benchmarks.navigator;

import dev.ecosystem.navigator.internal.TagIndex;
import java.util.SplittableRandom;
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
 * Replacing one profile's tags in the 1M index so that the next search sees it: ours (tombstone and delta, with its
 * periodic compaction included) against Lucene's updateDocument plus a near-real-time reader reopen, same run. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar IndexUpdateBenchmark -f 1 -wi 2 -i 3 -w 3s -r 3s}.
 *
 * <p>Engine-only figures: every one here calls the index directly (no client, store, scope or profile compilation).
 * The public-API figures are {@link NavigatorApiIndexBenchmark}'s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class IndexUpdateBenchmark {
    @Param("1000000")
    int profiles;

    private ZipfProfiles data;
    private TagIndex index;
    private LuceneTags lucene;
    private final SplittableRandom random = new SplittableRandom(7);

    /** Builds both indexes. */
    @Setup(Level.Trial)
    public void setUp() {
        data = ZipfProfiles.generate(20240101L, profiles, 1);
        index = data.buildIndex(ZipfProfiles.dictionary());
        lucene = LuceneTags.build(data);
    }

    /** Frees Lucene's index. */
    @TearDown(Level.Trial)
    public void tearDown() {
        lucene.close();
    }

    /** Ours. */
    @Benchmark
    public TagIndex ecosystem() {
        int doc = random.nextInt(profiles);
        index.put(data.keys[doc], newTags());
        return index;
    }

    /** Lucene: updateDocument, then openIfChanged. */
    @Benchmark
    public LuceneTags lucene() {
        lucene.update(data, random.nextInt(profiles), newTags());
        return lucene;
    }

    private int[] newTags() {
        int[] tags = new int[10];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = random.nextInt(ZipfProfiles.VOCABULARY);
        }
        return tags;
    }
}
