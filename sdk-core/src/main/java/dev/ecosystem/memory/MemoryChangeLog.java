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
 * of fixed-size pages (17 bytes a change: kind, company, key and the commit time in nanoseconds, instead of a
 * {@link StoreChange} and an {@link Instant} each, and no growth slack beyond the last page) and a change's record is
 * made when it is read; change {@code i} (from 0) has revision {@code i + 1}. Not thread-safe: the store's lock
 * guards it.
 */
final class MemoryChangeLog {
    private static final ChangeKind[] KINDS = ChangeKind.values();
    private static final int PAGE_SHIFT = 12;
    private static final int PAGE = 1 << PAGE_SHIFT;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /** A change of an open transaction, waiting for its revision. */
    record Pending(ChangeKind kind, CompanyId company, @Nullable String key) {
    }

    private byte[][] kinds = new byte[0][];
    private CompanyId[][] companies = new CompanyId[0][];
    private @Nullable String[][] keys = new String[0][];
    private long[][] times = new long[0][];
    private int size;

    /** Appends a committed transaction's changes, each with the next revision. */
    void commit(Collection<Pending> pending, Instant at) {
        long time = Math.addExact(Math.multiplyExact(at.getEpochSecond(), NANOS_PER_SECOND), at.getNano());
        for (Pending change : pending) {
            int page = size >>> PAGE_SHIFT;
            int slot = size & (PAGE - 1);
            if (page == kinds.length) {
                addPage();
            }
            kinds[page][slot] = (byte) change.kind().ordinal();
            companies[page][slot] = change.company();
            keys[page][slot] = change.key();
            times[page][slot] = time;
            size++;
        }
    }

    private void addPage() {
        int pages = kinds.length + 1;
        kinds = Arrays.copyOf(kinds, pages);
        companies = Arrays.copyOf(companies, pages);
        keys = Arrays.copyOf(keys, pages);
        times = Arrays.copyOf(times, pages);
        kinds[pages - 1] = new byte[PAGE];
        companies[pages - 1] = new CompanyId[PAGE];
        keys[pages - 1] = new String[PAGE];
        times[pages - 1] = new long[PAGE];
    }

    /** Up to {@code limit} changes above {@code revision}, ascending. */
    List<StoreChange> after(long revision, int limit) {
        int from = (int) Math.min(Math.max(revision, 0), size);
        int to = (int) Math.min(size, from + (long) limit);
        List<StoreChange> changes = new ArrayList<>(to - from);
        Instant at = null;
        long atTime = 0;
        for (int i = from; i < to; i++) {
            int page = i >>> PAGE_SHIFT;
            int slot = i & (PAGE - 1);
            long time = times[page][slot];
            if (at == null || atTime != time) {
                at = Instant.ofEpochSecond(Math.floorDiv(time, NANOS_PER_SECOND), Math.floorMod(time, NANOS_PER_SECOND));
                atTime = time;
            }
            changes.add(new StoreChange(i + 1L, KINDS[kinds[page][slot]], companies[page][slot], keys[page][slot], at));
        }
        return List.copyOf(changes);
    }

    long latestRevision() {
        return size;
    }
}
