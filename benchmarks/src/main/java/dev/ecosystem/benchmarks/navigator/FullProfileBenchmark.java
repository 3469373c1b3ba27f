package dev.ecosystem.benchmarks.navigator;

import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Criterion;
import dev.ecosystem.model.IdealPartnerProfile;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.model.SizeBand;
import dev.ecosystem.navigator.CategoryRelations;
import dev.ecosystem.navigator.TagTaxonomy;
import dev.ecosystem.navigator.internal.CompanyTerms;
import dev.ecosystem.navigator.internal.DocFilter;
import dev.ecosystem.navigator.internal.ProfileQuery;
import dev.ecosystem.navigator.internal.Snapshot;
import dev.ecosystem.navigator.internal.TagIndex;
import dev.ecosystem.navigator.internal.TermDictionary;
import dev.ecosystem.navigator.internal.TopDocs;
import dev.ecosystem.navigator.internal.TopK;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
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

/**
 * The cost of the full ideal-partner-profile score (every criterion: weighted business tags, industries, regions,
 * size band, complementarity with competition, signals, shared customers) over 1M profiles: every live profile is
 * scored exhaustively in {@code fullProfileExhaustive}, and only where per-term upper bounds can still beat the 10th
 * score in {@code fullProfile} (the navigator's path; the setup checks both give the same top 10). Also in the same
 * run: the same profile's weighted tags alone, on MaxScore. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar FullProfileBenchmark -f 1 -wi 2 -i 3 -w 3s -r 3s}.
 *
 * <p>Engine-only figures: every one here calls the index directly (no client, store, scope or profile compilation).
 * The public-API figures are {@link NavigatorApiSearchBenchmark}'s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class FullProfileBenchmark {
    @Param("1000000")
    int profiles;

    private Snapshot snapshot;
    private ProfileQuery full;
    private ProfileQuery tagsOnly;

    /** Builds the index of business tags and every other attribute, and compiles the two queries. */
    @Setup(Level.Trial)
    public void setUp() {
        ZipfProfiles data = ZipfProfiles.generate(20240101L, profiles, 1);
        TermDictionary dictionary = ZipfProfiles.dictionary();
        SplittableRandom random = new SplittableRandom(99);
        int[] starts = new int[profiles + 1];
        int[] terms = new int[data.tags.length + profiles * 10];
        int written = 0;
        for (int doc = 0; doc < profiles; doc++) {
            starts[doc] = written;
            for (int i = data.starts[doc]; i < data.starts[doc + 1]; i++) {
                terms[written++] = data.tags[i];
            }
            written = add(terms, written, dictionary, "industry:i", random.nextInt(30), 1 + random.nextInt(3));
            written = add(terms, written, dictionary, "region:r", random.nextInt(6), 1 + random.nextInt(2));
            terms[written++] = dictionary.encode("size:" + SizeBand.values()[random.nextInt(5)].name().toLowerCase(Locale.ROOT));
            int primary = random.nextInt(40);
            terms[written++] = dictionary.encode("primary:c" + primary);
            written = add(terms, written, dictionary, "category:c", primary, 1 + random.nextInt(2));
            written = add(terms, written, dictionary, "signal:s", random.nextInt(8), random.nextInt(3));
        }
        starts[profiles] = written;
        TagIndex index = TagIndex.build(dictionary, data.keys, starts, Arrays.copyOf(terms, written));
        snapshot = index.snapshot();

        Company searcher = Company.builder(CompanyId.of("searcher"), "Searcher").industries("i0", "i1", "i2")
                .regions("r0", "r1").sizeBand(SizeBand.MEDIUM).productCategories("c0", "c1").listed(true).build();
        CategoryRelations relations = CategoryRelations.builder().feeds("c0", "c2").feeds("c0", "c3")
                .feeds("c4", "c0").feeds("c1", "c5").build();
        IdealPartnerProfile.Builder profile = IdealPartnerProfile.builder(PartnerType.TECHNOLOGY)
                .preferSignal("s1", 3).preferSignal("s2", 1);
        IdealPartnerProfile.Builder tags = IdealPartnerProfile.builder(PartnerType.TECHNOLOGY);
        for (int i = 0; i < 10; i++) {
            String tag = "t" + data.queryTags[0][i];
            profile.preferBusiness(tag, (int) data.queryWeights[0][i]);
            tags.preferBusiness(tag, (int) data.queryWeights[0][i]);
        }
        for (Criterion criterion : Criterion.values()) {
            if (criterion != Criterion.BUSINESS_TAGS) {
                tags.weight(criterion, 0);
            }
        }
        Map<CompanyId, Integer> shared = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            shared.put(CompanyId.of(data.keys[random.nextInt(profiles)]), random.nextInt(100));
        }
        CompanyTerms companyTerms = new CompanyTerms(TagTaxonomy.none());
        full = ProfileQuery.compile(dictionary, companyTerms, relations, snapshot, searcher, profile.build(), shared);
        tagsOnly = ProfileQuery.compile(dictionary, companyTerms, relations, snapshot, searcher, tags.build(),
                Map.of());
        if (full.isWeightedTermsOnly() || !tagsOnly.isWeightedTermsOnly()) {
            throw new IllegalStateException("the two queries must take the two paths");
        }
        String pruned = topTen(fullProfile());
        String exhaustive = topTen(fullProfileExhaustive());
        if (!pruned.equals(exhaustive)) {
            throw new IllegalStateException("pruned top 10 " + pruned + " differs from exhaustive " + exhaustive);
        }
    }

    private String topTen(TopK top) {
        int[] docs = new int[top.size()];
        long[] scores = new long[top.size()];
        int count = top.drain(docs, scores);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(snapshot.key(docs[i])).append('=').append(scores[i]).append(' ');
        }
        return text.toString();
    }

    private static int add(int[] terms, int written, TermDictionary dictionary, String prefix, int first,
            int count) {
        int at = written;
        for (int i = 0; i < count; i++) {
            terms[at++] = dictionary.encode(prefix + (first + i * 7) % 40);
        }
        return at;
    }

    /** Every criterion, pruned by per-term upper bounds: what the navigator runs. */
    @Benchmark
    public TopK fullProfile() {
        return TopDocs.bounded(snapshot, full, 10, DocFilter.ALL, null);
    }

    /** Every criterion, every profile scored: the baseline the pruning is measured against. */
    @Benchmark
    public TopK fullProfileExhaustive() {
        return TopDocs.exhaustive(snapshot, full, full.minScore(), 10, DocFilter.ALL, null);
    }

    /** The same profile's weighted business tags alone, on MaxScore. */
    @Benchmark
    public TopK tagsOnly() {
        return TopDocs.weightedTerms(snapshot, tagsOnly.weightedTerms(), tagsOnly.weightedTermPoints(), 10,
                DocFilter.ALL);
    }
}
