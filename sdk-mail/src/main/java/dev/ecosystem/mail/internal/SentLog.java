package dev.ecosystem.mail.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ecosystem.error.EcosystemException;
import dev.ecosystem.model.MailReceipt;
import dev.ecosystem.spi.ProviderException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Makes a mailer idempotent on Message-ID within one instance: the first successful send's receipt is remembered
 * (the most recent {@code capacity} ones), concurrent sends of one Message-ID share a single attempt, and a failed
 * attempt is forgotten so the message may be retried.
 */
public final class SentLog {
    private final Cache<String, MailReceipt> sent;
    private final ConcurrentMap<String, CompletableFuture<MailReceipt>> inFlight = new ConcurrentHashMap<>();
    private final String provider;

    /** A log remembering up to {@code capacity} receipts. */
    public SentLog(String provider, long capacity) {
        this.provider = provider;
        this.sent = Caffeine.newBuilder().maximumSize(capacity).build();
    }

    /** The earlier receipt for {@code messageId}, or the receipt of {@code send}, run at most once at a time. */
    public MailReceipt sendOnce(String messageId, Supplier<MailReceipt> send) {
        MailReceipt earlier = sent.getIfPresent(messageId);
        if (earlier != null) {
            return earlier;
        }
        CompletableFuture<MailReceipt> mine = new CompletableFuture<>();
        CompletableFuture<MailReceipt> running = inFlight.putIfAbsent(messageId, mine);
        if (running != null) {
            return await(running);
        }
        try {
            MailReceipt receipt = sent.getIfPresent(messageId);
            if (receipt == null) {
                receipt = send.get();
                sent.put(messageId, receipt);
            }
            mine.complete(receipt);
            return receipt;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(messageId, mine);
        }
    }

    private MailReceipt await(CompletableFuture<MailReceipt> running) {
        try {
            return running.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProviderException.unavailable(provider, "interrupted while waiting for a concurrent send "
                    + "of the same message", e);
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof EcosystemException ecosystem) {
                throw ecosystem;
            }
            throw ProviderException.unavailable(provider, "a concurrent send of the same message failed",
                    cause);
        }
    }
}
