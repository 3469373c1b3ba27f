package dev.ecosystem.benchmarks.navigator;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.io.Network;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.IdealPartnerProfile;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.navigator.PartnerMatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * The navigator's index through the public API, against Lucene on the same profiles in the same run.
 *
 * <ul>
 *   <li>{@code firstSearch} (public API): the first {@code client.as(searcher).navigator().search(...)} after 1M
 *       companies were stored through {@code client.store()}: it builds the index from the store, then searches.
 *       Peer: {@code luceneBuild}, Lucene indexing the same 1M profiles into one segment, then one search.</li>
 *   <li>{@code importThenSearch} (public API): on a client whose index is built, a bulk import of 100k more companies
 *       ({@code Network.storeInto(client.store())}, one transaction) and the next search, which must see them.
 *       {@code importUnindexed} (public API) is the same import into a client whose index was never built (its
 *       store's own cost; the difference is the index's). Peer: {@code luceneImport}, Lucene adding the same 100k
 *       profiles to its 1M index, reopening its near-real-time reader and searching once.</li>
 * </ul>
 *
 * <p>No engine-only figure here: {@link IndexBuildBenchmark} and {@link IndexUpdateBenchmark} are those. Every
 * invocation starts from a fresh store (built in an untimed setup, followed by a full collection). Run:
 * {@code java -jar benchmarks/target/benchmarks.jar NavigatorApiIndexBenchmark -f 1 -wi 1 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms8g", "-Xmx8g"})
public class NavigatorApiIndexBenchmark {
    @Param("1000000")
    int profiles;

    @Param("100000")
    int imported;

    private ZipfProfiles data;
    private List<Company> stored;
    private List<Company> added;
    private IdealPartnerProfile profile;
    private Query luceneQuery;
    private EcosystemClient client;
    private LuceneTags lucene;

    /** Generates the profiles (the first {@code profiles} are stored, the rest imported) and one query. */
    @Setup(Level.Trial)
    public void setUp() {
        data = ZipfProfiles.generate(20240101L, profiles + imported, 1);
        stored = ApiNetwork.companies(data, 0, profiles);
        added = ApiNetwork.companies(data, profiles, profiles + imported);
        profile = ApiNetwork.profile(data, 0);
        luceneQuery = LuceneTags.query(data.queryTags[0], data.queryWeights[0]);
    }

    /** The state each benchmark starts from: a fresh client holding the stored companies, or Lucene's index. */
    @Setup(Level.Invocation)
    public void prepare(org.openjdk.jmh.infra.BenchmarkParams params) {
        String benchmark = params.getBenchmark();
        if (benchmark.endsWith("luceneImport")) {
            lucene = LuceneTags.build(data, profiles);
        } else if (!benchmark.endsWith("luceneBuild")) {
            client = ApiNetwork.client(stored);
            if (benchmark.endsWith("importThenSearch")) {
                search(); // builds the index
            }
        }
        // The store, index or Lucene index just built is a host's long-lived state; without a collection here the
        // timed call pays for copying gigabytes of it out of the young generation (importUnindexed, with no index
        // work at all, measured 95 to 557 ms).
        System.gc();
    }

    /** Frees what the invocation used. */
    @TearDown(Level.Invocation)
    public void release() {
        if (client != null) {
            client.close();
            client = null;
        }
        if (lucene != null) {
            lucene.close();
            lucene = null;
        }
    }

    private Page<PartnerMatch> search() {
        return client.as(ApiNetwork.SEARCHER).navigator().search(profile, PageRequest.first(TopTen.K));
    }

    /** Public API: the first search after storing 1M companies, which builds the index. */
    @Benchmark
    public Page<PartnerMatch> firstSearch() {
        return search();
    }

    /** Peer: Lucene indexes the 1M profiles into one segment and searches once. */
    @Benchmark
    public int luceneBuild() throws IOException {
        LuceneTags built = LuceneTags.build(data, profiles);
        try {
            return built.searcher().search(luceneQuery, TopTen.K).scoreDocs.length;
        } finally {
            built.close();
        }
    }

    /** Public API: importing 100k more companies into an indexed client, then the next search. */
    @Benchmark
    public Page<PartnerMatch> importThenSearch() {
        new Network(added, List.of()).storeInto(client.store());
        Page<PartnerMatch> page = search();
        if (page.items().isEmpty()) {
            throw new IllegalStateException("the search found nothing");
        }
        return page;
    }

    /** Public API: the same import into a client whose index was never built (no index work). */
    @Benchmark
    public EcosystemClient importUnindexed() {
        new Network(added, List.of()).storeInto(client.store());
        return client;
    }

    /** Peer: Lucene adds the 100k profiles to its 1M index, reopens its reader and searches once. */
    @Benchmark
    public int luceneImport() {
        try {
            lucene.add(data, profiles, profiles + imported);
            return lucene.searcher().search(luceneQuery, TopTen.K).scoreDocs.length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
