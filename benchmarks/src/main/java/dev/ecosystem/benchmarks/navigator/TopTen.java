package dev.ecosystem.benchmarks.navigator;

import dev.ecosystem.navigator.internal.DocFilter;
import dev.ecosystem.navigator.internal.Snapshot;
import dev.ecosystem.navigator.internal.TopDocs;
import dev.ecosystem.navigator.internal.TopK;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;

/** The top 10 of one query on each side, as "key=score" strings, and the check that they agree. */
public final class TopTen {
    /** How many results the workload asks for. */
    public static final int K = 10;

    private TopTen() {
    }

    /** Ours. */
    public static String[] ours(Snapshot snapshot, ZipfProfiles data, int query) {
        TopK top = TopDocs.weightedTerms(snapshot, data.queryTags[query], data.queryWeights[query], K, DocFilter.ALL);
        int[] docs = new int[top.size()];
        long[] scores = new long[top.size()];
        int count = top.drain(docs, scores);
        String[] result = new String[count];
        for (int i = 0; i < count; i++) {
            result[i] = snapshot.key(docs[i]) + "=" + scores[i];
        }
        return result;
    }

    /** Lucene's. */
    public static String[] lucene(IndexSearcher searcher, ZipfProfiles data, int query) {
        try {
            ScoreDoc[] hits = searcher.search(LuceneTags.query(data.queryTags[query], data.queryWeights[query]), K)
                    .scoreDocs;
            String[] result = new String[hits.length];
            for (int i = 0; i < hits.length; i++) {
                result[i] = data.keys[hits[i].doc] + "=" + (long) hits[i].score;
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks that both sides return the same top 10, in the same order, for every query.
     *
     * @throws IllegalStateException naming the first query where they differ
     */
    public static void checkAgreement(Snapshot snapshot, IndexSearcher searcher, ZipfProfiles data) {
        for (int q = 0; q < data.queryTags.length; q++) {
            String[] ours = ours(snapshot, data, q);
            String[] lucene = lucene(searcher, data, q);
            if (!Arrays.equals(ours, lucene)) {
                throw new IllegalStateException("top " + K + " differ for query " + q + " "
                        + Arrays.toString(data.queryTags[q]) + " " + Arrays.toString(data.queryWeights[q])
                        + ": ours " + Arrays.toString(ours) + ", Lucene " + Arrays.toString(lucene));
            }
        }
    }
}
