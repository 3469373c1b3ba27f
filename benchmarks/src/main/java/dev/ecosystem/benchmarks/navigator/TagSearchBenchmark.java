package dev.ecosystem.benchmarks.navigator;

import dev.ecosystem.navigator.internal.DocFilter;
import dev.ecosystem.navigator.internal.Snapshot;
import dev.ecosystem.navigator.internal.TopDocs;
import dev.ecosystem.navigator.internal.TopK;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
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
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Top 10 of ten weighted tags over 1M Zipf profiles: our index against Lucene, same queries, same run. Setup fails
 * unless both return the same top 10 for every query.
 *
 * <p>Each invocation runs every one of the {@code queries} queries once, in the same fixed order on both sides, so
 * both cover exactly the same query mix however slow each is; the JMH score is the time of one such pass. Every
 * query's own latency during the measurement iterations goes into an HdrHistogram, whose p50, p90, p99 and maximum
 * are printed at the end of the fork ({@code navigator-search ecosystem wall: ...} and {@code ... lucene wall: ...}),
 * and so are those of the thread's CPU time per query ({@code ... thread-cpu: ...}), which time spent waiting for a
 * core on a loaded machine does not inflate. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar TagSearchBenchmark -f 1 -wi 1 -i 3 -w 1s -r 1s}.
 *
 * <p>Engine-only figures: every one here calls the index directly (no client, store, scope or profile compilation).
 * The public-API figures are {@link NavigatorApiSearchBenchmark}'s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class TagSearchBenchmark {
    @Param("1000000")
    int profiles;

    @Param("1000")
    int queries;

    private ZipfProfiles data;
    private Snapshot snapshot;
    private LuceneTags lucene;
    private IndexSearcher searcher;
    private Query[] luceneQueries;
    private final Histogram latencies = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    private final Histogram cpuTimes = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private boolean measuring;

    /** Builds both indexes and checks they agree on every query. */
    @Setup(Level.Trial)
    public void setUp() {
        data = ZipfProfiles.generate(20240101L, profiles, queries);
        snapshot = data.buildIndex(ZipfProfiles.dictionary()).snapshot();
        lucene = LuceneTags.build(data);
        searcher = lucene.searcher();
        luceneQueries = LuceneTags.queries(data);
        TopTen.checkAgreement(snapshot, searcher, data);
    }

    /** Records per-query latencies during measurement iterations only. */
    @Setup(Level.Iteration)
    public void startIteration(IterationParams iteration) {
        measuring = iteration.getType() == IterationType.MEASUREMENT;
    }

    /** Prints the per-query latency percentiles and frees Lucene's index. */
    @TearDown(Level.Trial)
    public void tearDown(BenchmarkParams params) {
        String label = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        print(label + " wall", latencies);
        print(label + " thread-cpu", cpuTimes);
        lucene.close();
    }

    private static void print(String label, Histogram histogram) {
        System.out.printf(Locale.ROOT, "%nnavigator-search %s: %d queries, p50 %.1f us, p90 %.1f us, p99 %.1f us,"
                + " max %.1f us, mean %.1f us%n", label, histogram.getTotalCount(),
                histogram.getValueAtPercentile(50) / 1e3, histogram.getValueAtPercentile(90) / 1e3,
                histogram.getValueAtPercentile(99) / 1e3, histogram.getMaxValue() / 1e3, histogram.getMean() / 1e3);
    }

    /** Ours: MaxScore over the tag index, every query once. */
    @Benchmark
    public void ecosystem(Blackhole blackhole) {
        for (int q = 0; q < queries; q++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            TopK top = TopDocs.weightedTerms(snapshot, data.queryTags[q], data.queryWeights[q], TopTen.K,
                    DocFilter.ALL);
            record(start, cpu);
            blackhole.consume(top);
        }
    }

    /** Lucene 9: BooleanQuery of boosted ConstantScoreQuery(TermQuery) SHOULD clauses, every query once. */
    @Benchmark
    public void lucene(Blackhole blackhole) throws IOException {
        for (int q = 0; q < queries; q++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            org.apache.lucene.search.TopDocs top = searcher.search(luceneQueries[q], TopTen.K);
            record(start, cpu);
            blackhole.consume(top);
        }
    }

    private void record(long start, long cpuStart) {
        long elapsed = System.nanoTime() - start;
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        if (measuring) {
            latencies.recordValue(Math.min(elapsed, latencies.getHighestTrackableValue()));
            cpuTimes.recordValue(Math.max(0, Math.min(cpu, cpuTimes.getHighestTrackableValue())));
        }
    }
}
