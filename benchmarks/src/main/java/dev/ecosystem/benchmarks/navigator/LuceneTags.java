package dev.ecosystem.benchmarks.navigator;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LogDocMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The peer: the same profiles in Lucene on a {@link ByteBuffersDirectory}, one segment in generation order (so
 * Lucene's tie-break, ascending doc id, is ascending key like ours), queried with a {@link BooleanQuery} of boosted
 * {@link ConstantScoreQuery} SHOULD clauses: score = sum of the weights of the matched tags.
 */
public final class LuceneTags {
    static final String FIELD = "tag";

    private final ByteBuffersDirectory directory;
    private final IndexWriter writer;
    private DirectoryReader reader;

    private LuceneTags(ByteBuffersDirectory directory, IndexWriter writer, DirectoryReader reader) {
        this.directory = directory;
        this.writer = writer;
        this.reader = reader;
    }

    /** Indexes every profile and merges to one segment. */
    public static LuceneTags build(ZipfProfiles data) {
        return build(data, data.size());
    }

    /** Indexes the first {@code count} profiles and merges to one segment. */
    public static LuceneTags build(ZipfProfiles data, int count) {
        try {
            ByteBuffersDirectory directory = new ByteBuffersDirectory();
            IndexWriterConfig config = new IndexWriterConfig()
                    .setRAMBufferSizeMB(256)
                    .setMergePolicy(new LogDocMergePolicy()); // merges adjacent segments only: doc order stays
            IndexWriter writer = new IndexWriter(directory, config);
            for (int doc = 0; doc < count; doc++) {
                writer.addDocument(document(data, doc, data.tags, data.starts[doc], data.starts[doc + 1]));
            }
            writer.forceMerge(1);
            writer.commit();
            DirectoryReader reader = DirectoryReader.open(writer);
            if (reader.leaves().size() != 1 || reader.maxDoc() != count) {
                throw new IllegalStateException("expected one segment of " + count + " documents");
            }
            return new LuceneTags(directory, writer, reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document document(ZipfProfiles data, int doc, int[] tags, int from, int to) {
        Document document = new Document();
        document.add(new StringField("key", data.keys[doc], Field.Store.NO));
        for (int i = from; i < to; i++) {
            document.add(new StringField(FIELD, ZipfProfiles.term(tags[i]), Field.Store.NO));
        }
        return document;
    }

    /** The query for tags with weights. */
    public static Query query(int[] tags, long[] weights) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        for (int i = 0; i < tags.length; i++) {
            Query tag = new ConstantScoreQuery(new TermQuery(new Term(FIELD, ZipfProfiles.term(tags[i]))));
            builder.add(new BoostQuery(tag, weights[i]), BooleanClause.Occur.SHOULD);
        }
        return builder.build();
    }

    /** The query of every one of the workload's queries. */
    public static Query[] queries(ZipfProfiles data) {
        Query[] queries = new Query[data.queryTags.length];
        for (int q = 0; q < queries.length; q++) {
            queries[q] = query(data.queryTags[q], data.queryWeights[q]);
        }
        return queries;
    }

    /** A searcher on the current reader. */
    public IndexSearcher searcher() {
        return new IndexSearcher(reader);
    }

    /** Replaces one profile's tags and reopens the reader, so the next search sees it (near-real-time). */
    public void update(ZipfProfiles data, int doc, int[] tags) {
        try {
            writer.updateDocument(new Term("key", data.keys[doc]), document(data, doc, tags, 0, tags.length));
            DirectoryReader changed = DirectoryReader.openIfChanged(reader, writer);
            if (changed != null) {
                reader.close();
                reader = changed;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds profiles {@code from..to-1} and reopens the reader, so the next search sees them (near-real-time). */
    public void add(ZipfProfiles data, int from, int to) throws IOException {
        for (int doc = from; doc < to; doc++) {
            writer.addDocument(document(data, doc, data.tags, data.starts[doc], data.starts[doc + 1]));
        }
        DirectoryReader changed = DirectoryReader.openIfChanged(reader, writer);
        if (changed != null) {
            reader.close();
            reader = changed;
        }
    }

    /** Closes everything. */
    public void close() {
        try {
            reader.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
