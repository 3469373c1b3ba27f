package dev.ecosystem.benchmarks.navigator;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.model.IdealPartnerProfile;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.navigator.internal.DocFilter;
import dev.ecosystem.navigator.internal.Snapshot;
import dev.ecosystem.navigator.internal.TopDocs;
import java.io.IOException;
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
 * Top 10 of ten weighted tags over 1M companies through the public API
 * ({@code client.as(searcher).navigator().search(profile, PageRequest.first(10))} on the embedded in-memory store),
 * against Lucene on the same profiles and queries in the same run, on two query mixes ({@code mix}: {@code own}, the
 * project's Zipf mix, and {@code rare}, tags drawn toward the rarer ranks, see {@link ZipfProfiles}). Setup fails
 * unless the public API returns exactly Lucene's top 10 (keys, order and score) for every query of the mix.
 *
 * <p>Which figures are which: {@code api} is the public API (what a host calls: scope, profile compilation, one
 * snapshot, one store transaction that reads the searcher, its partners and blocks, runs the search and checks every
 * result against the store; plus the store read of {@code client.as}); {@code engine} is engine-only (the same queries on {@code TopDocs.weightedTerms} over an index of the same
 * profiles, no store, no profile compilation, for the top 11 a page of 10 needs: one more than the page tells
 * whether another page follows; the navigator asks its index for one more again, which stands in for the searcher
 * it leaves out afterwards, and that is part of the API's cost); {@code lucene} is the peer (its top 10; a top 11 would cost it at least as much).
 * Each invocation runs every query once, in the same order on every side; every query's own latency during
 * measurement goes into an HdrHistogram whose p50, p90, p99 are printed at the end of the fork
 * ({@code navigator-api-search <mix> api api: ...}). The ratios to report are the p50s: api / engine (the cost of the
 * public API) and lucene / api. {@code paired} runs each query on all three sides back to back and prints those
 * ratios; on a shared machine whose speed drifts between iterations, they are steadier than ratios of the separate
 * runs. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar NavigatorApiSearchBenchmark.paired -f 1 -wi 1 -i 3 -w 2s -r 2s}
 * (or without {@code .paired} for the three sides one after another as well).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class NavigatorApiSearchBenchmark {
    @Param("1000000")
    int profiles;

    @Param("1000")
    int queries;

    @Param({"own", "rare"})
    String mix;

    private ZipfProfiles data;
    private EcosystemClient client;
    private IdealPartnerProfile[] idealProfiles;
    private Snapshot snapshot;
    private LuceneTags lucene;
    private IndexSearcher searcher;
    private Query[] luceneQueries;
    private static final int API = 0;
    private static final int ENGINE = 1;
    private static final int LUCENE = 2;
    private static final String[] SIDES = {"api", "engine", "lucene"};
    private final Histogram[] latencies = {histogram(), histogram(), histogram()};
    private boolean measuring;

    /** Stores the companies, builds both indexes and checks they agree on every query. */
    @Setup(Level.Trial)
    public void setUp() {
        double bias = switch (mix) {
            case "own" -> ZipfProfiles.OWN_MIX;
            case "rare" -> ZipfProfiles.RARE_MIX;
            default -> throw new IllegalArgumentException("mix must be own or rare, but was " + mix);
        };
        data = ZipfProfiles.generate(20240101L, profiles, queries, bias);
        client = ApiNetwork.client(ApiNetwork.companies(data, 0, profiles));
        idealProfiles = ApiNetwork.profiles(data);
        snapshot = data.buildIndex(ZipfProfiles.dictionary()).snapshot();
        lucene = LuceneTags.build(data);
        searcher = lucene.searcher();
        luceneQueries = LuceneTags.queries(data);
        ApiNetwork.checkAgreement(client, searcher, data, idealProfiles);
        TopTen.checkAgreement(snapshot, searcher, data);
    }

    /** Records per-query latencies during measurement iterations only. */
    @Setup(Level.Iteration)
    public void startIteration(IterationParams iteration) {
        measuring = iteration.getType() == IterationType.MEASUREMENT;
    }

    /** Prints the per-query latency percentiles of each side measured (and their ratios when paired). */
    @TearDown(Level.Trial)
    public void tearDown(BenchmarkParams params) {
        String label = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        for (int side = 0; side < SIDES.length; side++) {
            Histogram h = latencies[side];
            if (h.getTotalCount() > 0) {
                System.out.printf(Locale.ROOT, "%nnavigator-api-search %s %s %s: %d queries, p50 %.1f us, p90 %.1f us,"
                        + " p99 %.1f us, mean %.1f us", mix, label, SIDES[side], h.getTotalCount(),
                        h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(90) / 1e3,
                        h.getValueAtPercentile(99) / 1e3, h.getMean() / 1e3);
            }
        }
        if (label.equals("paired")) {
            double api = latencies[API].getValueAtPercentile(50);
            System.out.printf(Locale.ROOT, "%nnavigator-api-search %s paired p50 ratios: api / engine %.3f,"
                    + " lucene / api %.2f%n", mix, api / latencies[ENGINE].getValueAtPercentile(50),
                    latencies[LUCENE].getValueAtPercentile(50) / api);
        }
        System.out.println();
        lucene.close();
        client.close();
    }

    /** Public API: every query once, as the searcher. */
    @Benchmark
    public void api(Blackhole blackhole) {
        for (int q = 0; q < queries; q++) {
            api(blackhole, q);
        }
    }

    /** Engine only: MaxScore on an index of the same profiles, the top 11 a page of 10 needs, every query once. */
    @Benchmark
    public void engine(Blackhole blackhole) {
        for (int q = 0; q < queries; q++) {
            engine(blackhole, q);
        }
    }

    /** The peer, Lucene 9: every query once. */
    @Benchmark
    public void lucene(Blackhole blackhole) throws IOException {
        for (int q = 0; q < queries; q++) {
            lucene(blackhole, q);
        }
    }

    /**
     * All three sides, query by query: each query runs on the public API, the engine and Lucene back to back (which
     * side goes first rotates from query to query), so the three see the machine in the same state. On a shared
     * machine whose speed drifts from one iteration to the next, these ratios are the steadier ones.
     */
    @Benchmark
    public void paired(Blackhole blackhole) throws IOException {
        for (int q = 0; q < queries; q++) {
            for (int turn = 0; turn < SIDES.length; turn++) {
                switch ((q + turn) % SIDES.length) {
                    case API -> api(blackhole, q);
                    case ENGINE -> engine(blackhole, q);
                    default -> lucene(blackhole, q);
                }
            }
        }
    }

    private void api(Blackhole blackhole, int q) {
        long start = System.nanoTime();
        blackhole.consume(client.as(ApiNetwork.SEARCHER).navigator().search(idealProfiles[q],
                PageRequest.first(TopTen.K)));
        record(API, start);
    }

    private void engine(Blackhole blackhole, int q) {
        long start = System.nanoTime();
        blackhole.consume(TopDocs.weightedTerms(snapshot, data.queryTags[q], data.queryWeights[q], TopTen.K + 1,
                DocFilter.ALL));
        record(ENGINE, start);
    }

    private void lucene(Blackhole blackhole, int q) throws IOException {
        long start = System.nanoTime();
        blackhole.consume(searcher.search(luceneQueries[q], TopTen.K));
        record(LUCENE, start);
    }

    private static Histogram histogram() {
        return new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    }

    private void record(int side, long start) {
        if (measuring) {
            Histogram h = latencies[side];
            h.recordValue(Math.min(System.nanoTime() - start, h.getHighestTrackableValue()));
        }
    }
}
