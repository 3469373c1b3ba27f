package dev.ecosystem.overlap.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Waiting for work that account mapping started in the common fork-join pool while the calling thread did its own
 * share: the work's result, or the exception or error it failed with, as the calling thread would have thrown it.
 */
final class Concurrently {
    private Concurrently() {
    }

    /** The result of {@code work}, once it is done; its failure rethrown unwrapped. */
    static <T> T await(CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
