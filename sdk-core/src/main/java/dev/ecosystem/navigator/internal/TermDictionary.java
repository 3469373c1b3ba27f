package dev.ecosystem.navigator.internal;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Encodes terms (strings) as dense ints once, so the index and queries work on primitives. Ids are never reused.
 * Lookups are safe from any thread; {@link #encode} is called by one writer at a time.
 */
public final class TermDictionary {
    private final ConcurrentHashMap<String, Integer> ids = new ConcurrentHashMap<>();
    private volatile String[] terms = new String[1024];
    private volatile int size;

    /** The id of {@code term}, adding it when new. Single writer. */
    public int encode(String term) {
        Integer id = ids.get(term);
        if (id != null) {
            return id;
        }
        int next = size;
        String[] current = terms;
        if (next == current.length) {
            current = Arrays.copyOf(current, current.length * 2);
        }
        current[next] = term;
        terms = current;
        ids.put(term, next);
        size = next + 1;
        return next;
    }

    /** The id of {@code term}, or -1 when no document ever had it. */
    public int lookup(String term) {
        Integer id = ids.get(term);
        return id == null ? -1 : id;
    }

    /** The term with this id. */
    public String term(int id) {
        return terms[id];
    }

    /** How many terms have ids. */
    public int size() {
        return size;
    }
}
