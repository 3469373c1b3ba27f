package dev.ecosystem.memory;

import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.spi.PartnerStore;
import dev.ecosystem.spi.StoreTransaction;
import java.time.Clock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The embedded default {@link PartnerStore}: everything in memory, gone when the process ends. For the quickstart,
 * tests and single-node demos; use the JDBC store for anything that must survive a restart.
 *
 * <p>Transactions run one at a time under one lock, so each sees all or none of another's writes; a callback that
 * throws has its writes undone. A call to {@link #inTransaction} inside a callback, on the same thread, joins the
 * open transaction instead of starting a second one. Each commit appends its changes to the change feed under
 * that lock, so revisions become visible in the order they are given.
 */
public final class InMemoryPartnerStore implements PartnerStore {
    private final Clock clock = Clock.systemUTC();
    private final ReentrantLock lock = new ReentrantLock();
    private final MemoryTables tables = new MemoryTables();
    private @Nullable MemoryTransaction current;

    private InMemoryPartnerStore() {
    }

    /** A new, empty store. */
    public static InMemoryPartnerStore create() {
        return new InMemoryPartnerStore();
    }

    @Override
    public <T> T inTransaction(Function<StoreTransaction, T> work) {
        Checks.required(work, "work");
        lock.lock();
        try {
            if (current != null) {
                return work.apply(current);
            }
            MemoryTransaction tx = new MemoryTransaction(tables);
            current = tx;
            try {
                T result = work.apply(tx);
                tx.commit(clock.instant());
                tx.close();
                return result;
            } catch (Throwable e) {
                // Throwable, not RuntimeException: Kotlin or Lombok callers can throw checked exceptions too.
                tx.rollback();
                tx.close();
                throw e;
            } finally {
                current = null;
            }
        } finally {
            lock.unlock();
        }
    }
}
