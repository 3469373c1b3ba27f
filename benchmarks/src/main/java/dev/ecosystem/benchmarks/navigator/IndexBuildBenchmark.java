package dev.ecosystem.benchmarks.navigator;

import dev.ecosystem.navigator.internal.TagIndex;
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

/**
 * Building the index of 1M Zipf profiles from their tag arrays: ours against Lucene indexing the same profiles into
 * one segment, same run. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar IndexBuildBenchmark -f 1 -wi 1 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class IndexBuildBenchmark {
    @Param("1000000")
    int profiles;

    private ZipfProfiles data;

    /** Generates the profiles. */
    @Setup(Level.Trial)
    public void setUp() {
        data = ZipfProfiles.generate(20240101L, profiles, 1);
    }

    /** Ours: dictionary-encoded tags, postings by counting sort. */
    @Benchmark
    public TagIndex ecosystem() {
        return data.buildIndex(ZipfProfiles.dictionary());
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
