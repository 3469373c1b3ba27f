package dev.ecosystem.benchmarks.navigator;

import dev.ecosystem.navigator.internal.DocFilter;
import dev.ecosystem.navigator.internal.Snapshot;
import dev.ecosystem.navigator.internal.TopDocs;
import dev.ecosystem.navigator.internal.TopK;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
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

/**
 * Top 10 of ten weighted tags over 1M Zipf profiles: our index against Lucene, same queries, same run. Setup fails
 * unless both return the same top 10 for every query. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar TagSearchBenchmark -f 1 -wi 2 -i 3 -w 3s -r 3s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
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
    private int next;

    /** Builds both indexes and checks they agree on every query. */
    @Setup(Level.Trial)
    public void setUp() {
        data = ZipfProfiles.generate(20240101L, profiles, queries);
        snapshot = data.buildIndex(ZipfProfiles.dictionary()).snapshot();
        lucene = LuceneTags.build(data);
        searcher = lucene.searcher();
        luceneQueries = new Query[queries];
        for (int q = 0; q < queries; q++) {
            luceneQueries[q] = LuceneTags.query(data.queryTags[q], data.queryWeights[q]);
        }
        TopTen.checkAgreement(snapshot, searcher, data);
    }

    /** Frees Lucene's index. */
    @TearDown(Level.Trial)
    public void tearDown() {
        lucene.close();
    }

    /** Ours: MaxScore over the tag index. */
    @Benchmark
    public TopK ecosystem() {
        int q = nextQuery();
        return TopDocs.weightedTerms(snapshot, data.queryTags[q], data.queryWeights[q], TopTen.K, DocFilter.ALL);
    }

    /** Lucene 9: BooleanQuery of boosted ConstantScoreQuery(TermQuery) SHOULD clauses. */
    @Benchmark
    public org.apache.lucene.search.TopDocs lucene() throws IOException {
        return searcher.search(luceneQueries[nextQuery()], TopTen.K);
    }

    private int nextQuery() {
        int q = next;
        next = q + 1 == queries ? 0 : q + 1;
        return q;
    }
}
