package dev.ecosystem.navigator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The tag index against a brute-force model: same top-k, same order, through updates and compactions. */
class TagIndexTest {
    private static final int VOCABULARY = 300;

    private final Random random = new Random(42);
    private final TermDictionary dictionary = new TermDictionary();
    private final Map<String, int[]> model = new TreeMap<>();

    TagIndexTest() {
        for (int term = 0; term < VOCABULARY; term++) {
            dictionary.encode("t" + term);
        }
    }

    @Test
    void weightedTerms_returnTheBruteForceTopK_throughUpdatesAndCompactions() {
        TagIndex index = built(3000);
        assertQueriesAgree(index, 200);
        // More updates than the delta holds, so the index compacts at least once on the way.
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 1500; i++) {
                String key = "k" + random.nextInt(5000);
                if (random.nextInt(4) == 0) {
                    assertThat(index.remove(key)).isEqualTo(model.remove(key) != null);
                } else {
                    int[] terms = randomTerms();
                    index.put(key, terms);
                    model.put(key, Arrays.stream(terms).sorted().distinct().toArray());
                }
            }
            assertThat(index.snapshot().liveCount()).isEqualTo(model.size());
            assertQueriesAgree(index, 100);
        }
        index.compact();
        assertThat(index.snapshot().maxDoc()).isEqualTo(model.size());
        assertQueriesAgree(index, 100);
    }

    @Test
    void weightedTerms_returnTheBruteForceTopK_overManyWindows() {
        // Documents over several MaxScore windows: a rarer optional term adds into each window's scores, which are
        // cleared from its postings of that window, many times per query, while terms move from essential to optional.
        while (model.size() < 40_000) {
            model.put(String.format(Locale.ROOT, "w%06d", model.size()), randomTerms());
        }
        assertQueriesAgree(built(40_000), 300);
    }

    @Test
    void weightedTerms_agreeWithBruteForce_afterASearchFailedMidway_andInsideAnotherSearch() {
        // Searches on one thread share work arrays: one that fails halfway through a window must not leave scores
        // behind for the next, and a search run from inside another's filter must not share the outer one's.
        while (model.size() < 20_000) {
            model.put(String.format(Locale.ROOT, "w%06d", model.size()), randomTerms());
        }
        Snapshot snapshot = built(20_000).snapshot();
        int[] terms = {0, 1, 2, 3, 40, 41, 42, 43, 70, 71};
        long[] weights = {1, 2, 3, 4, 5, 1, 2, 3, 4, 5};
        int[] accepted = {0};
        DocFilter failing = (doc, score) -> {
            if (++accepted[0] > 50) {
                throw new IllegalStateException("filter failed");
            }
            return true;
        };
        assertThatIllegalStateException()
                .isThrownBy(() -> TopDocs.weightedTerms(snapshot, terms, weights, 10_000, failing));
        assertQueriesAgree(snapshot, 50);

        List<List<String>> inner = new ArrayList<>();
        DocFilter nesting = (doc, score) -> {
            if (inner.size() < 3) {
                inner.add(keys(snapshot, TopDocs.weightedTerms(snapshot, new int[] {5, 6}, new long[] {2, 1}, 5,
                        DocFilter.ALL)));
            }
            return true;
        };
        assertThat(keys(snapshot, TopDocs.weightedTerms(snapshot, terms, weights, 10, nesting)))
                .containsExactlyElementsOf(bruteForce(terms, weights, 10));
        assertThat(inner).hasSize(3).allSatisfy(keys -> assertThat(keys)
                .containsExactlyElementsOf(bruteForce(new int[] {5, 6}, new long[] {2, 1}, 5)));
    }

    @Test
    void records_stayWithTheirDocuments_throughReplacementsAndMerges() {
        String[] keys = {"a", "b", "c"};
        TagIndex index = TagIndex.ofSorted(dictionary, keys, new Object[] {"record a", "record b", "record c"},
                new int[] {0, 1, 2, 3}, new int[] {1, 2, 3});
        List<Runnable> queued = new ArrayList<>();
        index.mergeWith(queued::add);
        List<String> changed = new ArrayList<>();
        List<int[]> terms = new ArrayList<>();
        List<Object> records = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            changed.add("n" + i);
            terms.add(new int[] {i % VOCABULARY});
            records.add("record n" + i);
        }
        changed.add("b");
        terms.add(new int[] {5});
        records.add("record b, second version");
        index.update(changed, terms, records);
        assertThat(recordOf(index, "b")).isEqualTo("record b, second version");
        assertThat(recordOf(index, "n7")).isEqualTo("record n7");
        assertThat(queued).hasSize(1);
        index.put("c", new int[] {4}); // written while the merge runs: replayed onto its result, without a record
        queued.get(0).run();
        assertThat(recordOf(index, "a")).isEqualTo("record a");
        assertThat(recordOf(index, "b")).isEqualTo("record b, second version");
        assertThat(recordOf(index, "n1999")).isEqualTo("record n1999");
        assertThat(recordOf(index, "c")).isNull();
        index.compact();
        assertThat(recordOf(index, "a")).isEqualTo("record a");
        assertThat(recordOf(index, "n7")).isEqualTo("record n7");
        assertThat(recordOf(index, "c")).isNull();
    }

    private static Object recordOf(TagIndex index, String key) {
        Snapshot snapshot = index.snapshot();
        int doc = snapshot.doc(key);
        assertThat(doc).as("document of " + key).isNotNegative();
        return snapshot.value(doc);
    }

    @Test
    void backgroundMerge_keepsWritesMadeWhileItRan_andNeverBlocksTheWriter() {
        TagIndex index = built(3000);
        List<Runnable> queued = new ArrayList<>();
        index.mergeWith(queued::add);
        Snapshot before = index.snapshot();
        // The delta holds 1,024 documents: the merge starts on the way, then more writes than that pile up behind it.
        for (int i = 0; i < 4000; i++) {
            write(index);
        }
        assertThat(queued).hasSize(1);
        assertThat(index.snapshot().main).isSameAs(before.main);
        assertThat(index.snapshot().maxDoc()).isGreaterThan(before.maxDoc() + 2000);
        assertQueriesAgree(index, 50);

        queued.remove(0).run();
        Snapshot merged = index.snapshot();
        assertThat(merged.main).isNotSameAs(before.main);
        assertThat(merged.liveCount()).isEqualTo(model.size());
        model.forEach((key, terms) -> assertThat(merged.terms(merged.doc(key))).as(key).containsExactly(terms));
        assertQueriesAgree(index, 100);
        // Whatever was carried over in the delta keeps working as a delta, and merges again.
        for (int i = 0; i < 3000; i++) {
            write(index);
        }
        while (!queued.isEmpty()) {
            queued.remove(0).run();
        }
        assertThat(index.snapshot().liveCount()).isEqualTo(model.size());
        assertQueriesAgree(index, 100);
    }

    @Test
    void update_showsAllChangesInOneView_andStartsOneMergeForThousandsOfDocuments() {
        TagIndex index = built(3000);
        List<Runnable> queued = new ArrayList<>();
        index.mergeWith(queued::add);
        Snapshot before = index.snapshot();
        List<String> keys = new ArrayList<>();
        List<int[]> terms = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            String key = "k" + random.nextInt(6000);
            if (keys.contains(key)) {
                continue;
            }
            int[] docTerms = random.nextInt(5) == 0 ? null : randomTerms();
            keys.add(key);
            terms.add(docTerms);
            if (docTerms == null) {
                model.remove(key);
            } else {
                model.put(key, Arrays.stream(docTerms).sorted().distinct().toArray());
            }
        }

        index.update(keys, terms);

        assertThat(before.liveCount()).as("an earlier view is unchanged").isEqualTo(3000);
        assertThat(queued).as("one merge, not one per 1,024 documents").hasSize(1);
        assertThat(index.snapshot().liveCount()).isEqualTo(model.size());
        assertQueriesAgree(index, 50);
        queued.remove(0).run();
        assertThat(index.snapshot().main).isNotSameAs(before.main);
        assertThat(index.snapshot().liveCount()).isEqualTo(model.size());
        assertQueriesAgree(index, 50);
    }

    @Test
    void updateChanged_writesOnlyTheChangedDocuments_inOneView() {
        TagIndex index = built(3000);
        List<Runnable> queued = new ArrayList<>();
        index.mergeWith(queued::add);
        // The same documents again (ascending keys, as a refresh of an import lists them), a few of them changed,
        // removed, or new, and one key twice.
        List<String> keys = new ArrayList<>();
        List<int[]> terms = new ArrayList<>();
        int puts = 0;
        int removes = 0;
        for (Map.Entry<String, int[]> entry : new ArrayList<>(model.entrySet())) {
            int[] indexed = Arrays.stream(entry.getValue()).sorted().distinct().toArray();
            int change = random.nextInt(10);
            keys.add(entry.getKey());
            if (change == 0) {
                int[] replaced = Arrays.stream(randomTerms()).sorted().distinct().toArray();
                puts += Arrays.equals(replaced, indexed) ? 0 : 1;
                terms.add(replaced);
                model.put(entry.getKey(), replaced);
            } else if (change == 1) {
                terms.add(null);
                model.remove(entry.getKey());
                removes++;
            } else {
                terms.add(indexed);
            }
        }
        // New keys, one of them twice, and one out of key order.
        for (String key : List.of("n1", "n2", "n1", "k0001")) {
            int[] added = Arrays.stream(randomTerms()).sorted().distinct().toArray();
            keys.add(key);
            terms.add(added);
            model.put(key, added);
            puts++;
        }
        Snapshot before = index.snapshot();

        int changed = index.updateChanged(keys, terms, null);

        assertThat(changed).isEqualTo(puts + removes);
        assertThat(index.snapshot().maxDoc() - before.maxDoc()).as("only changed documents are written")
                .isEqualTo(puts);
        assertThat(before.liveCount()).as("an earlier view is unchanged").isEqualTo(3000);
        assertThat(index.snapshot().liveCount()).isEqualTo(model.size());
        assertQueriesAgree(index, 50);
        assertThat(index.updateChanged(List.of("n1"), List.of(model.get("n1").clone()), null))
                .as("a document as indexed is left as it is").isZero();
        while (!queued.isEmpty()) {
            queued.remove(0).run();
        }
        assertThat(index.snapshot().liveCount()).isEqualTo(model.size());
        assertQueriesAgree(index, 50);
    }

    @Test
    void backgroundMerge_isDropped_whenTheIndexWasCompactedMeanwhile() {
        TagIndex index = built(3000);
        List<Runnable> queued = new ArrayList<>();
        index.mergeWith(queued::add);
        for (int i = 0; i < 1500; i++) {
            write(index);
        }
        index.compact();
        Snapshot compacted = index.snapshot();
        assertThat(queued).hasSize(1);
        queued.remove(0).run();
        assertThat(index.snapshot()).isSameAs(compacted);
        assertThat(compacted.maxDoc()).isEqualTo(model.size());
        assertQueriesAgree(index, 50);
    }

    private void write(TagIndex index) {
        String key = "k" + random.nextInt(5000);
        if (random.nextInt(4) == 0) {
            assertThat(index.remove(key)).isEqualTo(model.remove(key) != null);
        } else {
            int[] terms = randomTerms();
            index.put(key, terms);
            model.put(key, Arrays.stream(terms).sorted().distinct().toArray());
        }
    }

    @Test
    void weightedTerms_breakTiesByAscendingKey_acrossMainAndDelta() {
        TagIndex index = TagIndex.build(dictionary, new String[] {"b", "d"}, new int[] {0, 1, 2}, new int[] {7, 7});
        index.put("c", new int[] {7});
        index.put("a", new int[] {7});
        TopK top = TopDocs.weightedTerms(index.snapshot(), new int[] {7}, new long[] {5}, 3, DocFilter.ALL);
        assertThat(keys(index.snapshot(), top)).containsExactly("a", "b", "c");
    }

    @Test
    void weightedTerms_skipDocumentsTheFilterRejects_andUnknownTerms() {
        TagIndex index = built(500);
        Snapshot snapshot = index.snapshot();
        TopK top = TopDocs.weightedTerms(snapshot, new int[] {1, 2, -1}, new long[] {3, 2, 9}, 500,
                (doc, score) -> snapshot.key(doc).hashCode() % 2 == 0);
        List<String> expected = bruteForce(new int[] {1, 2}, new long[] {3, 2}, 500).stream()
                .filter(key -> key.hashCode() % 2 == 0).toList();
        assertThat(keys(snapshot, top)).containsExactlyElementsOf(expected);
    }

    @Test
    void snapshot_isUnchangedByLaterWrites() {
        TagIndex index = built(100);
        Snapshot before = index.snapshot();
        String someKey = model.keySet().iterator().next();
        index.remove(someKey);
        index.put("zz-new", new int[] {1, 2, 3});
        assertThat(before.doc(someKey)).isNotNegative();
        assertThat(before.doc("zz-new")).isEqualTo(-1);
        assertThat(index.snapshot().doc(someKey)).isEqualTo(-1);
        assertThat(index.snapshot().terms(index.snapshot().doc("zz-new"))).containsExactly(1, 2, 3);
    }

    @Test
    void put_replacesTheOldVersion() {
        TagIndex index = built(100);
        String key = model.keySet().iterator().next();
        index.put(key, new int[] {299, 5, 5});
        Snapshot snapshot = index.snapshot();
        assertThat(snapshot.liveCount()).isEqualTo(100);
        assertThat(snapshot.terms(snapshot.doc(key))).containsExactly(5, 299);
    }

    @Test
    void allOf_intersectsPostings() {
        TagIndex index = built(2000);
        Snapshot snapshot = index.snapshot();
        int[] found = TopDocs.allOf(snapshot, new int[] {0, 1});
        List<String> expected = model.entrySet().stream()
                .filter(entry -> Arrays.binarySearch(entry.getValue(), 0) >= 0
                        && Arrays.binarySearch(entry.getValue(), 1) >= 0)
                .map(Map.Entry::getKey).toList();
        assertThat(Arrays.stream(found).mapToObj(snapshot::key).toList()).isEqualTo(expected).isNotEmpty();
        assertThat(TopDocs.allOf(snapshot, new int[] {0, -1})).isEmpty();
    }

    @Test
    void advance_gallopsToTheFirstValueNotBelowTheTarget() {
        int[] values = {1, 3, 5, 7, 9, 11, 13, 15, 17};
        for (int target = 0; target <= 18; target++) {
            int expected = 0;
            while (expected < values.length && values[expected] < target) {
                expected++;
            }
            assertThat(TopDocs.advance(values, 0, values.length, target)).as("target %d", target).isEqualTo(expected);
            assertThat(TopDocs.advance(values, 2, 6, target)).isEqualTo(Math.min(6, Math.max(2, expected)));
        }
    }

    @Test
    void readers_seeConsistentSnapshots_whileAWriterUpdates() throws Exception {
        TagIndex index = built(2000);
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> {
                    int checks = 0;
                    while (!done.get() || checks == 0) {
                        Snapshot snapshot = index.snapshot();
                        int live = 0;
                        for (int doc = 0; doc < snapshot.maxDoc(); doc++) {
                            if (snapshot.isLive(doc)) {
                                live++;
                                assertThat(snapshot.doc(snapshot.key(doc))).isEqualTo(doc);
                            }
                        }
                        assertThat(live).isEqualTo(snapshot.liveCount());
                        TopDocs.weightedTerms(snapshot, new int[] {0, 1, 2}, new long[] {1, 2, 3}, 10, DocFilter.ALL);
                        checks++;
                    }
                    return checks;
                }));
            }
            Random writes = new Random(7);
            for (int i = 0; i < 5000; i++) {
                String key = "k" + writes.nextInt(3000);
                if (writes.nextInt(3) == 0) {
                    index.remove(key);
                } else {
                    index.put(key, new int[] {writes.nextInt(VOCABULARY), writes.nextInt(VOCABULARY)});
                }
            }
            done.set(true);
            for (Future<Integer> reader : readers) {
                assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private TagIndex built(int documents) {
        while (model.size() < documents) {
            model.put("k" + random.nextInt(5000), randomTerms());
        }
        String[] keys = model.keySet().toArray(new String[0]);
        int[] starts = new int[keys.length + 1];
        List<Integer> flat = new ArrayList<>();
        for (int doc = 0; doc < keys.length; doc++) {
            int[] terms = model.get(keys[doc]);
            for (int term : terms) {
                flat.add(term);
            }
            starts[doc + 1] = flat.size();
            model.put(keys[doc], Arrays.stream(terms).sorted().distinct().toArray());
        }
        return TagIndex.build(dictionary, keys, starts, flat.stream().mapToInt(Integer::intValue).toArray());
    }

    /** About eight terms, skewed towards low ids, repeats allowed. */
    private int[] randomTerms() {
        int[] terms = new int[1 + random.nextInt(12)];
        for (int i = 0; i < terms.length; i++) {
            terms[i] = (int) Math.min(VOCABULARY - 1, Math.floor(Math.pow(random.nextDouble(), 3) * VOCABULARY));
        }
        return terms;
    }

    private void assertQueriesAgree(TagIndex index, int queries) {
        assertQueriesAgree(index.snapshot(), queries);
    }

    private void assertQueriesAgree(Snapshot snapshot, int queries) {
        for (int q = 0; q < queries; q++) {
            int[] terms = new int[1 + random.nextInt(16)];
            long[] weights = new long[terms.length];
            for (int i = 0; i < terms.length; i++) {
                terms[i] = random.nextInt(VOCABULARY / 3);
                weights[i] = 1 + random.nextInt(5);
            }
            terms = Arrays.stream(terms).distinct().toArray();
            weights = Arrays.copyOf(weights, terms.length);
            int k = 1 + random.nextInt(15);
            TopK top = TopDocs.weightedTerms(snapshot, terms, weights, k, DocFilter.ALL);
            assertThat(keys(snapshot, top)).as("query %s %s", Arrays.toString(terms), Arrays.toString(weights))
                    .containsExactlyElementsOf(bruteForce(terms, weights, k));
        }
    }

    private List<String> bruteForce(int[] terms, long[] weights, int k) {
        record Scored(String key, long score) {
        }
        List<Scored> scored = new ArrayList<>();
        model.forEach((key, docTerms) -> {
            long score = 0;
            for (int i = 0; i < terms.length; i++) {
                if (terms[i] >= 0 && Arrays.binarySearch(docTerms, terms[i]) >= 0) {
                    score += weights[i];
                }
            }
            if (score > 0) {
                scored.add(new Scored(key, score));
            }
        });
        return scored.stream()
                .sorted(Comparator.comparingLong(Scored::score).reversed().thenComparing(Scored::key))
                .limit(k).map(Scored::key).toList();
    }

    private static List<String> keys(Snapshot snapshot, TopK top) {
        int[] docs = new int[top.size()];
        int count = top.drain(docs, new long[docs.length]);
        return Arrays.stream(docs, 0, count).mapToObj(snapshot::key).toList();
    }
}
