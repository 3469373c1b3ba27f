package dev.ecosystem.navigator.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An incrementally updated index of documents (a string key and a set of int terms each). Readers take an immutable
 * {@link #snapshot()} and never block; writers are serialized. A put or remove tombstones the old version and
 * appends the new one to a small delta, in microseconds; when the delta is full, the live documents are compacted
 * into a new main segment in key order.
 */
public final class TagIndex {
    private static final int MIN_DELTA = 1024;
    private static final int MAX_DELTA = 8192;

    private final TermDictionary dictionary;
    private volatile Snapshot snapshot;

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

    /** The dictionary the term ids come from. */
    public TermDictionary dictionary() {
        return dictionary;
    }

    /** The current view; immutable, so a query sees one consistent state. */
    public Snapshot snapshot() {
        return snapshot;
    }

    /** Adds the document or replaces the one with the same key. */
    public synchronized void put(String key, int[] terms) {
        int[] sorted = Arrays.stream(terms).sorted().distinct().toArray();
        Snapshot current = snapshot;
        int old = current.doc(key);
        PagedBits deleted = old >= 0 ? current.deleted.with(old) : current.deleted;
        int live = current.live - (old >= 0 ? 1 : 0);
        if (current.deltaSize == current.deltaKeys.length) {
            current = compact(new Snapshot(current.main, current.deltaKeys, current.deltaTerms, current.deltaSlots,
                    current.deltaSize, deleted, live, current.vocabulary));
            deleted = current.deleted;
            live = current.live;
        }
        int slot = current.deltaSize;
        current.deltaKeys[slot] = key;
        current.deltaTerms[slot] = sorted;
        current.deltaSlots.put(key, slot);
        // Readers of older snapshots never look at this slot: they stop at their own deltaSize.
        snapshot = new Snapshot(current.main, current.deltaKeys, current.deltaTerms, current.deltaSlots, slot + 1,
                deleted, live + 1, dictionary.size());
    }

    /** Removes the document with this key; returns whether there was one. */
    public synchronized boolean remove(String key) {
        Snapshot current = snapshot;
        int old = current.doc(key);
        if (old < 0) {
            return false;
        }
        snapshot = new Snapshot(current.main, current.deltaKeys, current.deltaTerms, current.deltaSlots,
                current.deltaSize, current.deleted.with(old), current.live - 1, current.vocabulary);
        return true;
    }

    /** Merges the delta into a new main segment and drops deleted documents. */
    public synchronized void compact() {
        snapshot = compact(snapshot);
    }

    private Snapshot compact(Snapshot current) {
        List<Integer> delta = new ArrayList<>();
        int mainSize = current.main.size();
        for (int i = 0; i < current.deltaSize; i++) {
            if (current.isLive(mainSize + i)) {
                delta.add(mainSize + i);
            }
        }
        delta.sort(Comparator.comparing(current::key));
        String[] keys = new String[current.live];
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
                keys[next++] = current.main.keys[fromMain++];
            } else {
                int doc = delta.get(fromDelta++);
                int[] docTerms = current.deltaTerms[doc - mainSize];
                System.arraycopy(docTerms, 0, terms, written, docTerms.length);
                written += docTerms.length;
                keys[next++] = current.key(doc);
            }
        }
        starts[next] = written;
        return fresh(Segment.build(keys, starts, terms, dictionary.size()), dictionary.size());
    }

    private Snapshot fresh(Segment main, int vocabulary) {
        int capacity = Math.max(MIN_DELTA, Math.min(MAX_DELTA, main.size() / 128));
        return new Snapshot(main, new String[capacity], new int[capacity][], new ConcurrentHashMap<>(), 0,
                new PagedBits(main.size() + capacity), main.size(), vocabulary);
    }
}
