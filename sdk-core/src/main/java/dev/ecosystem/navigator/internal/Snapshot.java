package dev.ecosystem.navigator.internal;

import java.util.Arrays;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One consistent, immutable view of a {@link TagIndex}: the main segment, the documents added since it was built
 * (the delta, scanned in full by queries) and the deleted documents. Document ids {@code 0..main.size()-1} are the
 * main segment's, in key order; higher ids are delta documents, in the order they were added.
 */
public final class Snapshot {
    final Segment main;
    final String[] deltaKeys;
    final Object[] deltaValues;
    final int[][] deltaTerms;
    final Map<String, Integer> deltaSlots;
    final int deltaSize;
    final PagedBits deleted;
    final int live;
    final int vocabulary;

    Snapshot(Segment main, String[] deltaKeys, Object[] deltaValues, int[][] deltaTerms,
            Map<String, Integer> deltaSlots, int deltaSize, PagedBits deleted, int live, int vocabulary) {
        this.main = main;
        this.deltaKeys = deltaKeys;
        this.deltaValues = deltaValues;
        this.deltaTerms = deltaTerms;
        this.deltaSlots = deltaSlots;
        this.deltaSize = deltaSize;
        this.deleted = deleted;
        this.live = live;
        this.vocabulary = vocabulary;
    }

    /** How many documents are live. */
    public int liveCount() {
        return live;
    }

    /** One more than the highest document id. */
    public int maxDoc() {
        return main.size() + deltaSize;
    }

    /** Whether the document is not deleted. */
    public boolean isLive(int doc) {
        return !deleted.get(doc);
    }

    /** The document's key. */
    public String key(int doc) {
        int mainSize = main.size();
        return doc < mainSize ? main.keys[doc] : deltaKeys[doc - mainSize];
    }

    /** The record the document was indexed with, or null when it has none. */
    public @Nullable Object value(int doc) {
        int mainSize = main.size();
        if (doc < mainSize) {
            return main.values == null ? null : main.values[doc];
        }
        return deltaValues[doc - mainSize];
    }

    /** The live document with this key, or -1. */
    public int doc(String key) {
        int mainSize = main.size();
        Integer latest = deltaSlots.get(key);
        if (latest != null) {
            if (latest < deltaSize) {
                // The newest version is in this snapshot: live, or removed (and every older version with it).
                return isLive(mainSize + latest) ? mainSize + latest : -1;
            }
            // Changed again after this snapshot was taken: look for the version this snapshot has.
            for (int i = deltaSize - 1; i >= 0; i--) {
                if (deltaKeys[i].equals(key)) {
                    return isLive(mainSize + i) ? mainSize + i : -1;
                }
            }
        }
        int found = Arrays.binarySearch(main.keys, key);
        return found >= 0 && isLive(found) ? found : -1;
    }

    /** Whether the document has the term. */
    public boolean has(int doc, int term) {
        int mainSize = main.size();
        if (doc < mainSize) {
            return Arrays.binarySearch(main.docTerms, main.docStart[doc], main.docStart[doc + 1], term) >= 0;
        }
        return Arrays.binarySearch(deltaTerms[doc - mainSize], term) >= 0;
    }

    /** The document's terms, sorted; a copy. */
    public int[] terms(int doc) {
        int mainSize = main.size();
        if (doc < mainSize) {
            return Arrays.copyOfRange(main.docTerms, main.docStart[doc], main.docStart[doc + 1]);
        }
        return deltaTerms[doc - mainSize].clone();
    }

    /** Whether document {@code a} comes after {@code b} in key order. */
    boolean keyAfter(int a, int b) {
        int mainSize = main.size();
        if (a < mainSize && b < mainSize) {
            return a > b;
        }
        return key(a).compareTo(key(b)) > 0;
    }
}
