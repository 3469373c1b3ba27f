package dev.ecosystem.benchmarks.navigator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.ecosystem.navigator.internal.Snapshot;
import dev.ecosystem.navigator.internal.TagIndex;
import java.util.Arrays;
import org.apache.lucene.search.IndexSearcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Our top 10 equals Lucene's, in order and score, for every query of the benchmark workload (50k profiles, 500 queries). */
class LuceneAgreementTest {
    private static ZipfProfiles data;
    private static TagIndex index;
    private static LuceneTags lucene;

    @BeforeAll
    static void build() {
        data = ZipfProfiles.generate(20240101L, 50_000, 500);
        index = data.buildIndex(ZipfProfiles.dictionary());
        lucene = LuceneTags.build(data);
    }

    @AfterAll
    static void close() {
        lucene.close();
    }

    @Test
    void topTen_equalsLucenes_forEveryQuery() {
        assertThatCode(() -> TopTen.checkAgreement(index.snapshot(), lucene.searcher(), data))
                .doesNotThrowAnyException();
    }

    @Test
    void topTen_equalsLucenes_forEveryQueryOfTheRareTagMix() {
        ZipfProfiles rare = ZipfProfiles.generate(20240101L, 50_000, 500, ZipfProfiles.RARE_MIX);
        LuceneTags rareLucene = LuceneTags.build(rare);
        try {
            assertThatCode(() -> TopTen.checkAgreement(rare.buildIndex(ZipfProfiles.dictionary()).snapshot(),
                    rareLucene.searcher(), rare)).doesNotThrowAnyException();
        } finally {
            rareLucene.close();
        }
    }

    @Test
    void topTen_hasTiesBrokenByKey_likeLucenesDocOrder() {
        Snapshot snapshot = index.snapshot();
        IndexSearcher searcher = lucene.searcher();
        int tied = 0;
        for (int q = 0; q < data.queryTags.length; q++) {
            String[] ours = TopTen.ours(snapshot, data, q);
            for (int i = 1; i < ours.length; i++) {
                if (score(ours[i]).equals(score(ours[i - 1]))) {
                    tied++;
                }
            }
            assertThat(ours).containsExactly(TopTen.lucene(searcher, data, q));
        }
        assertThat(tied).as("the workload must exercise tie-breaking").isGreaterThan(100);
    }

    @Test
    void topTen_stillEqualsLucenes_afterOurIndexIsCompacted() {
        TagIndex rebuilt = data.buildIndex(ZipfProfiles.dictionary());
        // Re-put the first 2,000 profiles unchanged: they move to the delta, then compaction brings them back.
        for (int doc = 0; doc < 2_000; doc++) {
            int[] tags = Arrays.copyOfRange(data.tags, data.starts[doc], data.starts[doc + 1]);
            rebuilt.put(data.keys[doc], tags);
        }
        assertThatCode(() -> TopTen.checkAgreement(rebuilt.snapshot(), lucene.searcher(), data))
                .doesNotThrowAnyException();
        rebuilt.compact();
        assertThatCode(() -> TopTen.checkAgreement(rebuilt.snapshot(), lucene.searcher(), data))
                .doesNotThrowAnyException();
    }

    private static String score(String keyAndScore) {
        return keyAndScore.substring(keyAndScore.indexOf('=') + 1);
    }
}
