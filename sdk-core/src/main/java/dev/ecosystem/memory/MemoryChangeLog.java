package dev.ecosystem.memory;

import dev.ecosystem.model.ChangeKind;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.StoreChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory store's change feed: committed changes in revision order. Revisions are given at commit, under the
 * store's lock, so they are visible in the order they are given. The feed is kept forever, so it is kept in columns
 * (about 21 bytes a change instead of a {@link StoreChange} and an {@link Instant} each) and a change's record is made
 * when it is read; change {@code i} (from 0) has revision {@code i + 1}. Not thread-safe: the store's lock guards it.
 */
final class MemoryChangeLog {
    private static final ChangeKind[] KINDS = ChangeKind.values();

    /** A change of an open transaction, waiting for its revision. */
    record Pending(ChangeKind kind, CompanyId company, @Nullable String key) {
    }

    private byte[] kinds = new byte[16];
    private CompanyId[] companies = new CompanyId[16];
    private @Nullable String[] keys = new String[16];
    private long[] seconds = new long[16];
    private int[] nanos = new int[16];
    private int size;

    /** Appends a committed transaction's changes, each with the next revision. */
    void commit(Collection<Pending> pending, Instant at) {
        if (size + pending.size() > kinds.length) {
            grow(size + pending.size());
        }
        for (Pending change : pending) {
            kinds[size] = (byte) change.kind().ordinal();
            companies[size] = change.company();
            keys[size] = change.key();
            seconds[size] = at.getEpochSecond();
            nanos[size] = at.getNano();
            size++;
        }
    }

    private void grow(int needed) {
        int capacity = Math.max(needed, kinds.length + (kinds.length >> 1));
        kinds = Arrays.copyOf(kinds, capacity);
        companies = Arrays.copyOf(companies, capacity);
        keys = Arrays.copyOf(keys, capacity);
        seconds = Arrays.copyOf(seconds, capacity);
        nanos = Arrays.copyOf(nanos, capacity);
    }

    /** Up to {@code limit} changes above {@code revision}, ascending. */
    List<StoreChange> after(long revision, int limit) {
        int from = (int) Math.min(Math.max(revision, 0), size);
        int to = Math.min(size, from + limit);
        List<StoreChange> changes = new ArrayList<>(to - from);
        Instant at = null;
        for (int i = from; i < to; i++) {
            if (at == null || at.getEpochSecond() != seconds[i] || at.getNano() != nanos[i]) {
                at = Instant.ofEpochSecond(seconds[i], nanos[i]);
            }
            changes.add(new StoreChange(i + 1L, KINDS[kinds[i]], companies[i], keys[i], at));
        }
        return List.copyOf(changes);
    }

    long latestRevision() {
        return size;
    }
}
