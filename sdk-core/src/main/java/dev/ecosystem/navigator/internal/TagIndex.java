package dev.ecosystem.navigator.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An incrementally updated index of documents (a string key and a set of int terms each). Readers take an immutable
 * {@link #snapshot()} and never block; writers are serialized. A put or remove tombstones the old version and
 * appends the new one to a small delta, in microseconds; when the delta is full, a background thread merges the live
 * documents into a new main segment in key order and swaps it in atomically, while writes go on into the delta.
 */
public final class TagIndex {
    private static final Logger LOG = LoggerFactory.getLogger(TagIndex.class);
    private static final int MIN_DELTA = 1024;
    private static final int MAX_DELTA = 8192;
    private static final int REPLAY_UNDER_LOCK = 256;

    private final TermDictionary dictionary;
    private volatile Snapshot snapshot;
    // The snapshot a background merge is building a segment from, and the keys written since it was taken.
    private @Nullable Snapshot merging;
    // Every put (with its delta slot) and remove since then, in order; entries below logSize never change, and a
    // full array is replaced by a longer copy, so a merge can read a prefix without the lock.
    private String[] logKeys = new String[0];
    private int[] logSlots = new int[0];
    private int logSize;
    private Executor merges = TagIndex::startThread;

    /** An empty index over {@code dictionary}. */
    public TagIndex(TermDictionary dictionary) {
        this.dictionary = dictionary;
        this.snapshot = fresh(Segment.EMPTY, dictionary.size());
    }

    /**
     * An index of the given documents; the arrays are copied where they are changed.
     *
     * @param dictionary the dictionary the term ids come from
     * @param keys the keys, strictly ascending
     * @param docStart where each document's terms start in {@code docTerms}, plus the end
     * @param docTerms the terms of every document, in any order, repeats allowed
     */
    public static TagIndex build(TermDictionary dictionary, String[] keys, int[] docStart, int[] docTerms) {
        for (int i = 1; i < keys.length; i++) {
            if (keys[i - 1].compareTo(keys[i]) >= 0) {
                throw new IllegalArgumentException("keys must be strictly ascending, but " + keys[i - 1]
                        + " came before " + keys[i]);
            }
        }
        int[] starts = new int[keys.length + 1];
        int[] terms = new int[docStart[keys.length]];
        int written = 0;
        for (int doc = 0; doc < keys.length; doc++) {
            starts[doc] = written;
            int from = docStart[doc];
            int length = docStart[doc + 1] - from;
            System.arraycopy(docTerms, from, terms, written, length);
            Arrays.sort(terms, written, written + length);
            int distinct = written;
            for (int i = written; i < written + length; i++) {
                if (i == written || terms[i] != terms[distinct - 1]) {
                    terms[distinct++] = terms[i];
                }
            }
            written = distinct;
        }
        starts[keys.length] = written;
        TagIndex index = new TagIndex(dictionary);
        Segment main = Segment.build(keys.clone(), starts, written == terms.length ? terms : Arrays.copyOf(terms,
                written), dictionary.size());
        index.snapshot = index.fresh(main, dictionary.size());
        return index;
    }

    /**
     * An index of the given documents, taking ownership of the arrays (no copy when the keys are ascending, as a
     * store lists them; else they are put in order first).
     *
     * @param dictionary the dictionary the term ids come from
     * @param keys the keys, distinct
     * @param docStart where each document's terms start in {@code docTerms}, plus the end
     * @param docTerms the terms of every document, each document's sorted and distinct; may run on past the end
     *     {@code docStart} gives, unused
     */
    static TagIndex ofSorted(TermDictionary dictionary, String[] keys, int[] docStart, int[] docTerms) {
        return ofSorted(dictionary, keys, null, docStart, docTerms);
    }

    /** As {@link #ofSorted(TermDictionary, String[], int[], int[])}, each document with its record, or none. */
    static TagIndex ofSorted(TermDictionary dictionary, String[] keys, Object @Nullable [] values, int[] docStart,
            int[] docTerms) {
        boolean ascending = true;
        for (int i = 1; i < keys.length && ascending; i++) {
            ascending = keys[i - 1].compareTo(keys[i]) < 0;
        }
        TagIndex index = new TagIndex(dictionary);
        if (ascending) {
            index.snapshot = index.fresh(Segment.build(keys, values, docStart, docTerms, dictionary.size()),
                    dictionary.size());
            return index;
        }
        Integer[] order = new Integer[keys.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparing(i -> keys[i]));
        for (int i = 1; i < keys.length; i++) {
            if (keys[order[i - 1]].equals(keys[order[i]])) {
                throw new IllegalArgumentException("keys must be distinct, but " + keys[order[i]] + " repeats");
            }
        }
        String[] sortedKeys = new String[keys.length];
        Object @Nullable [] sortedValues = values == null ? null : new Object[keys.length];
        int[] starts = new int[keys.length + 1];
        int[] terms = new int[docTerms.length];
        for (int doc = 0; doc < keys.length; doc++) {
            int from = docStart[order[doc]];
            int length = docStart[order[doc] + 1] - from;
            sortedKeys[doc] = keys[order[doc]];
            if (sortedValues != null && values != null) {
                sortedValues[doc] = values[order[doc]];
            }
            System.arraycopy(docTerms, from, terms, starts[doc], length);
            starts[doc + 1] = starts[doc] + length;
        }
        return ofSorted(dictionary, sortedKeys, sortedValues, starts, terms);
    }

    /** The dictionary the term ids come from. */
    public TermDictionary dictionary() {
        return dictionary;
    }

    /** The current view; immutable, so a query sees one consistent state. */
    public Snapshot snapshot() {
        return snapshot;
    }

    /**
     * Adds the document or replaces the one with the same key. Never waits for a merge: when the delta is full, its
     * merge into a new main segment starts on a background thread, and the delta grows meanwhile.
     */
    public synchronized void put(String key, int[] terms) {
        apply(List.of(key), List.of(sortedDistinct(terms)), null, false);
    }

    /** Removes the document with this key; returns whether there was one. */
    public synchronized boolean remove(String key) {
        return apply(List.of(key), Collections.singletonList(null), null, false) > 0;
    }

    /**
     * Applies many changes at once: for each key, puts its terms, or removes it where the terms are {@code null}.
     * Readers see all of them together, and at most one merge starts, at the end: a bulk import of 100,000 companies
     * then costs one merge instead of one per {@link #mergeAt} documents, each of which rebuilds the whole main
     * segment. Until that merge is in, queries scan the larger delta.
     */
    public synchronized void update(List<String> keys, List<int @Nullable []> terms) {
        update(keys, terms, null);
    }

    /**
     * As {@link #update(List, List)}, each put document with its record ({@code values}, in the same order, or null
     * for none), which {@link Snapshot#value} gives back.
     */
    synchronized void update(List<String> keys, List<int @Nullable []> terms, @Nullable List<?> values) {
        List<int @Nullable []> sorted = new ArrayList<>(terms.size());
        for (int @Nullable [] docTerms : terms) {
            sorted.add(docTerms == null ? null : sortedDistinct(docTerms));
        }
        apply(keys, sorted, values, false);
    }

    /**
     * As {@link #update(List, List, List)}, taking ownership of the term arrays, each already sorted and distinct,
     * and leaving out every put whose key already has a live document with the same terms and (when {@code values}
     * is given) the same record: one look-up per key, and only the changes are written.
     *
     * @return how many documents were put or removed
     */
    synchronized int updateChanged(List<String> keys, List<int @Nullable []> sortedTerms, @Nullable List<?> values) {
        return apply(keys, sortedTerms, values, true);
    }

    /**
     * Writes a batch in one pass: each key looked up once (ascending keys gallop through the main segment from the
     * previous one), the delta's arrays grown once, each deleted page copied once, one new view published at the end
     * and at most one merge started.
     */
    private int apply(List<String> keys, List<int @Nullable []> sortedTerms, @Nullable List<?> values,
            boolean skipUnchanged) {
        Snapshot current = snapshot;
        Segment main = current.main;
        int mainSize = main.size();
        int size = current.deltaSize;
        String[] deltaKeys = current.deltaKeys;
        Object[] deltaValues = current.deltaValues;
        int[][] deltaTerms = current.deltaTerms;
        int puts = 0;
        for (int @Nullable [] docTerms : sortedTerms) {
            puts += docTerms == null ? 0 : 1;
        }
        if (size + puts > deltaKeys.length) {
            // Older snapshots keep the old arrays, which are never written again.
            int capacity = Math.max(deltaKeys.length * 2, size + puts);
            deltaKeys = Arrays.copyOf(deltaKeys, capacity);
            deltaValues = Arrays.copyOf(deltaValues, capacity);
            deltaTerms = Arrays.copyOf(deltaTerms, capacity);
        }
        Map<String, Integer> slots = current.deltaSlots;
        if (puts > Math.max(MIN_DELTA, slots.size())) {
            // A map sized for the batch at once instead of rehashed as it grows; older snapshots keep the old one,
            // which holds every slot they can see.
            Map<String, Integer> sized = new ConcurrentHashMap<>((slots.size() + puts) * 4 / 3 + 16);
            sized.putAll(slots);
            slots = sized;
        }
        PagedBits.Writer deleted = current.deleted.grow(mainSize + deltaKeys.length).writer();
        int live = current.live;
        int changed = 0;
        int hint = 0;
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            int @Nullable [] docTerms = sortedTerms.get(i);
            @Nullable Object value = values == null || docTerms == null ? null : values.get(i);
            int old;
            Integer latest = slots.get(key);
            if (latest != null) {
                old = deleted.get(mainSize + latest) ? -1 : mainSize + latest;
            } else {
                int found = main.find(key, hint);
                hint = found >= 0 ? found + 1 : -found - 1;
                old = found >= 0 && !deleted.get(found) ? found : -1;
            }
            if (docTerms == null) {
                if (old < 0) {
                    continue;
                }
            } else if (skipUnchanged && old >= 0 && sameTerms(current, deltaTerms, old, docTerms)
                    && (values == null || valueOf(main, deltaValues, old) == value)) {
                continue;
            }
            if (old >= 0) {
                deleted.set(old);
                live--;
            }
            int slot = -1;
            if (docTerms != null) {
                slot = size++;
                deltaKeys[slot] = key;
                deltaValues[slot] = value;
                deltaTerms[slot] = docTerms;
                slots.put(key, slot);
                live++;
            }
            if (merging != null) {
                log(key, slot);
            }
            changed++;
        }
        if (changed > 0) {
            // Readers of older snapshots never look at the new slots: they stop at their own deltaSize.
            snapshot = new Snapshot(main, deltaKeys, deltaValues, deltaTerms, slots, size, deleted.bits(), live,
                    dictionary.size());
            mergeIfFull();
        }
        return changed;
    }

    /** Whether document {@code doc} (of {@code current}, or a delta slot written since) has exactly these terms. */
    private static boolean sameTerms(Snapshot current, int[][] deltaTerms, int doc, int[] sorted) {
        Segment main = current.main;
        if (doc < main.size()) {
            return Arrays.equals(main.docTerms, main.docStart[doc], main.docStart[doc + 1], sorted, 0, sorted.length);
        }
        return Arrays.equals(deltaTerms[doc - main.size()], sorted);
    }

    private static @Nullable Object valueOf(Segment main, Object[] deltaValues, int doc) {
        if (doc < main.size()) {
            return main.values == null ? null : main.values[doc];
        }
        return deltaValues[doc - main.size()];
    }

    private static int[] sortedDistinct(int[] terms) {
        int[] sorted = terms.clone();
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (distinct == 0 || sorted[i] != sorted[distinct - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        return distinct == sorted.length ? sorted : Arrays.copyOf(sorted, distinct);
    }

    /** Merges the delta into a new main segment and drops deleted documents, on the calling thread. */
    public synchronized void compact() {
        snapshot = fresh(merge(snapshot), dictionary.size());
        // A background merge still running is of an older main segment: its result is dropped.
        merging = null;
        clearLog();
    }

    private void log(String key, int slot) {
        if (logSize == logKeys.length) {
            logKeys = Arrays.copyOf(logKeys, Math.max(1024, logSize * 2));
            logSlots = Arrays.copyOf(logSlots, logKeys.length);
        }
        logKeys[logSize] = key;
        logSlots[logSize++] = slot;
    }

    private void clearLog() {
        logKeys = new String[0];
        logSlots = new int[0];
        logSize = 0;
    }

    private void mergeIfFull() {
        Snapshot current = snapshot;
        if (merging != null || current.deltaSize < mergeAt(current.main.size())) {
            return;
        }
        merging = current;
        clearLog();
        merges.execute(() -> mergeInBackground(current));
    }

    /** Runs merges with {@code executor} from now on instead of a new daemon thread each (for tests). */
    synchronized void mergeWith(Executor executor) {
        merges = executor;
    }

    private static void startThread(Runnable merge) {
        Thread thread = new Thread(merge, "navigator-index-merge");
        thread.setDaemon(true);
        thread.start();
    }

    private void mergeInBackground(Snapshot from) {
        try {
            Segment merged = merge(from);
            install(from, new Replay(merged));
        } catch (RuntimeException | OutOfMemoryError e) {
            synchronized (this) {
                if (merging == from) {
                    merging = null;
                    clearLog();
                }
            }
            LOG.warn("Navigator index merge of {} documents failed; the delta keeps growing until the next try",
                    from.live, e);
        }
    }

    /**
     * Swaps in the merge of {@code from}. The writes made since {@code from} are replayed onto the merged segment: in
     * rounds without the lock while many are left, then the last few under it, so the writer waits microseconds at
     * most and the new snapshot holds exactly the documents of the current one.
     */
    private void install(Snapshot from, Replay replay) {
        int done = 0;
        while (true) {
            String[] keys;
            int[] slots;
            int upTo;
            Snapshot latest;
            synchronized (this) {
                latest = snapshot;
                if (merging != from || latest.main != from.main) {
                    return; // compacted on the caller's thread meanwhile
                }
                keys = logKeys;
                slots = logSlots;
                upTo = logSize;
                if (upTo - done <= REPLAY_UNDER_LOCK) {
                    replay.apply(keys, slots, done, upTo, latest);
                    snapshot = replay.snapshot(latest.live, dictionary.size());
                    merging = null;
                    clearLog();
                    mergeIfFull();
                    return;
                }
            }
            replay.apply(keys, slots, done, upTo, latest);
            done = upTo;
        }
    }

    /** The new snapshot being built on a merged segment: the writes made since the merge began, replayed. */
    private static final class Replay {
        private final Segment merged;
        private String[] keys;
        private Object[] values;
        private int[][] terms;
        private final Map<String, Integer> slots = new ConcurrentHashMap<>();
        private long[] gone;
        private int size;

        Replay(Segment merged) {
            this.merged = merged;
            int capacity = deltaCapacity(merged.size());
            keys = new String[capacity];
            values = new Object[capacity];
            terms = new int[capacity][];
            gone = new long[(merged.size() + capacity) / Long.SIZE + 1];
        }

        /** Replays log entries {@code from..to}: a slot of {@code latest}'s delta for a put, -1 for a remove. */
        void apply(String[] logKeys, int[] logSlots, int from, int to, Snapshot latest) {
            for (int i = from; i < to; i++) {
                String key = logKeys[i];
                Integer previous = slots.get(key);
                if (previous != null) {
                    delete(merged.size() + previous);
                } else {
                    int found = Arrays.binarySearch(merged.keys, key);
                    if (found >= 0) {
                        delete(found);
                    }
                }
                int slot = logSlots[i];
                if (slot >= 0) {
                    if (size == keys.length) {
                        keys = Arrays.copyOf(keys, size * 2);
                        values = Arrays.copyOf(values, size * 2);
                        terms = Arrays.copyOf(terms, size * 2);
                        gone = Arrays.copyOf(gone, (merged.size() + keys.length) / Long.SIZE + 1);
                    }
                    keys[size] = key;
                    values[size] = latest.deltaValues[slot];
                    terms[size] = latest.deltaTerms[slot];
                    slots.put(key, size++);
                }
            }
        }

        private void delete(int doc) {
            gone[doc >>> 6] |= 1L << doc;
        }

        Snapshot snapshot(int live, int vocabulary) {
            return new Snapshot(merged, keys, values, terms, slots, size, PagedBits.of(merged.size() + keys.length, gone),
                    live, vocabulary);
        }
    }

    /** The live documents of {@code current} as one segment in key order. */
    private Segment merge(Snapshot current) {
        List<Integer> delta = new ArrayList<>();
        int mainSize = current.main.size();
        for (int i = 0; i < current.deltaSize; i++) {
            if (current.isLive(mainSize + i)) {
                delta.add(mainSize + i);
            }
        }
        delta.sort(Comparator.comparing(current::key));
        String[] keys = new String[current.live];
        boolean withValues = current.main.values != null;
        for (int doc : delta) {
            withValues |= current.value(doc) != null;
        }
        Object @Nullable [] values = withValues ? new Object[current.live] : null;
        int[] starts = new int[current.live + 1];
        int total = 0;
        for (int doc = 0; doc < mainSize; doc++) {
            if (current.isLive(doc)) {
                total += current.main.docStart[doc + 1] - current.main.docStart[doc];
            }
        }
        for (int doc : delta) {
            total += current.deltaTerms[doc - mainSize].length;
        }
        int[] terms = new int[total];
        int next = 0;
        int written = 0;
        int fromMain = 0;
        int fromDelta = 0;
        while (true) {
            while (fromMain < mainSize && !current.isLive(fromMain)) {
                fromMain++;
            }
            boolean mainLeft = fromMain < mainSize;
            boolean deltaLeft = fromDelta < delta.size();
            if (!mainLeft && !deltaLeft) {
                break;
            }
            boolean takeMain = mainLeft && (!deltaLeft
                    || current.main.keys[fromMain].compareTo(current.key(delta.get(fromDelta))) < 0);
            starts[next] = written;
            if (takeMain) {
                int from = current.main.docStart[fromMain];
                int length = current.main.docStart[fromMain + 1] - from;
                System.arraycopy(current.main.docTerms, from, terms, written, length);
                written += length;
                if (values != null) {
                    values[next] = current.value(fromMain);
                }
                keys[next++] = current.main.keys[fromMain++];
            } else {
                int doc = delta.get(fromDelta++);
                int[] docTerms = current.deltaTerms[doc - mainSize];
                System.arraycopy(docTerms, 0, terms, written, docTerms.length);
                written += docTerms.length;
                if (values != null) {
                    values[next] = current.value(doc);
                }
                keys[next++] = current.key(doc);
            }
        }
        starts[next] = written;
        return Segment.build(keys, values, starts, terms, dictionary.size());
    }

    private static int deltaCapacity(int mainSize) {
        return Math.max(MIN_DELTA, Math.min(MAX_DELTA, mainSize / 128));
    }

    /** How many delta documents start a merge: the delta is scanned in full by every query, so it stays small. */
    private static int mergeAt(int mainSize) {
        return deltaCapacity(mainSize);
    }

    private Snapshot fresh(Segment main, int vocabulary) {
        int capacity = deltaCapacity(main.size());
        return new Snapshot(main, new String[capacity], new Object[capacity], new int[capacity][],
                new ConcurrentHashMap<>(), 0, new PagedBits(main.size() + capacity), main.size(), vocabulary);
    }
}
