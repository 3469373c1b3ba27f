package dev.ecosystem.jdbc;

import dev.ecosystem.internal.ListedValues;
import dev.ecosystem.internal.ListedValues.Field;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ListedValues.Sink} that hands what it is given to another sink on a thread of its own, in batches, so
 * that reading the rows and encoding them overlap: a load of ten million rows otherwise waits for the database while
 * it encodes, and encodes nothing while the driver waits for the next chunk of rows. The reading thread records the
 * calls (the byte arrays by reference: the driver gives each row's values their own arrays) and goes on; the
 * delegate sees the same calls in the same order. A batch the delegate has seen goes back to the reading thread to be
 * filled again: at ten million companies, a new batch each time would allocate gigabytes of arrays, and the collector
 * would run all the more often while the heap fills with the index. {@link #finish} waits for the last and rethrows
 * what the delegate threw; an exception the delegate throws also stops the reading at its next batch. Used by one
 * reading thread.
 */
final class PipelinedSink implements ListedValues.Sink {
    /**
     * Calls per batch, about a thousand companies. A batch is handed over at the end of the company that reaches it,
     * so it has room for a company's values beyond it; one whose values run past that grows the batch.
     */
    private static final int BATCH = 16_384;
    private static final int ROOM = BATCH + 1024;
    private static final int QUEUED = 4;
    private static final Field[] FIELDS = Field.values();
    private static final Batch END = new Batch();

    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED);
    /** The batches the delegate has seen, emptied, for the reading thread to fill again. */
    private final BlockingQueue<Batch> seen = new ArrayBlockingQueue<>(QUEUED + 2);
    private final Thread encoder;
    private volatile @Nullable Throwable failure;
    private Batch batch = new Batch();

    PipelinedSink(ListedValues.Sink delegate) {
        encoder = new Thread(() -> drain(delegate), "eco-listed-values");
        encoder.setDaemon(true);
        encoder.start();
    }

    @Override
    public void value(Field field, byte[] utf8, int from, int to) {
        batch.add(field.ordinal(), utf8, from, to, null);
    }

    @Override
    public void end(String id) {
        batch.add(-1, null, 0, 0, id);
        if (batch.calls >= BATCH) {
            hand(batch);
            Batch empty = seen.poll();
            batch = empty != null ? empty : new Batch();
        }
    }

    /** Hands over the last calls and waits until the delegate has seen them all; rethrows what it threw. */
    void finish() {
        hand(batch);
        hand(END);
        try {
            encoder.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the listed values were encoded", e);
        }
        rethrow();
    }

    /**
     * Stops the encoding thread after a failed read, dropping the batches it was not yet given, and waits until it
     * has stopped: a transaction run again must not find the delegate still in use.
     */
    void abandon() {
        queue.clear();
        encoder.interrupt();
        boolean interrupted = false;
        while (encoder.isAlive()) {
            try {
                encoder.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void hand(Batch full) {
        try {
            while (!queue.offer(full, 100, TimeUnit.MILLISECONDS)) {
                rethrow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the listed values were read", e);
        }
        rethrow();
    }

    private void rethrow() {
        Throwable thrown = failure;
        if (thrown instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
    }

    private void drain(ListedValues.Sink delegate) {
        try {
            for (Batch next = queue.take(); next != END && !Thread.currentThread().isInterrupted();
                    next = queue.take()) {
                next.replay(delegate);
                next.clear();
                seen.offer(next); // never full: at most QUEUED + 2 batches exist
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure = e;
        }
    }

    /** Recorded calls: a field's ordinal and a slice for {@code value}, -1 and an id for {@code end}. */
    private static final class Batch {
        int[] fields = new int[ROOM];
        byte[][] values = new byte[ROOM][];
        int[] bounds = new int[ROOM * 2];
        String[] ids = new String[ROOM];
        int calls;

        void add(int field, byte @Nullable [] utf8, int from, int to, @Nullable String id) {
            if (calls == fields.length) {
                grow();
            }
            fields[calls] = field;
            values[calls] = utf8;
            bounds[2 * calls] = from;
            bounds[2 * calls + 1] = to;
            ids[calls] = id;
            calls++;
        }

        private void grow() {
            fields = Arrays.copyOf(fields, calls * 2);
            values = Arrays.copyOf(values, calls * 2);
            bounds = Arrays.copyOf(bounds, calls * 4);
            ids = Arrays.copyOf(ids, calls * 2);
        }

        /** Forgets the calls, and the arrays and ids they held, so that the batch can be filled again. */
        void clear() {
            Arrays.fill(values, 0, calls, null);
            Arrays.fill(ids, 0, calls, null);
            calls = 0;
        }

        void replay(ListedValues.Sink sink) {
            for (int i = 0; i < calls; i++) {
                if (fields[i] < 0) {
                    sink.end(ids[i]);
                } else {
                    sink.value(FIELDS[fields[i]], values[i], bounds[2 * i], bounds[2 * i + 1]);
                }
            }
        }
    }
}
