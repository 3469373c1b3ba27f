package dev.ecosystem.intro.internal;

import dev.ecosystem.EcosystemException;
import dev.ecosystem.ProviderException;
import dev.ecosystem.QuotaExhaustedException;
import dev.ecosystem.internal.SdkContext;
import dev.ecosystem.intro.IntroSettings;
import dev.ecosystem.model.MailReceipt;
import dev.ecosystem.model.OutboxEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due outbox entries through the mailer. An entry is claimed under a lease first, so a dispatcher that dies
 * mid-send hands it on when the lease ends; the retry reuses the entry's Message-ID, on which mailers are idempotent,
 * so an email whose send succeeded but whose receipt was not stored is not sent twice.
 */
final class OutboxDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final SdkContext context;
    private final IntroSettings settings;

    /** Counts of one dispatch. */
    record Counts(int sent, int retrying, int parked) {
    }

    OutboxDispatcher(SdkContext context, IntroSettings settings) {
        this.context = context;
        this.settings = settings;
    }

    /** Sends every entry due at {@code now}, batch by batch. */
    Counts dispatch(Instant now) {
        int sent = 0;
        int retrying = 0;
        int parked = 0;
        Instant leaseUntil = now.plus(settings.lease());
        while (true) {
            List<OutboxEntry> batch = context.store().inTransaction(
                    tx -> tx.outbox().claimDue(now, leaseUntil, settings.batchSize()));
            for (OutboxEntry entry : batch) {
                switch (send(entry, now)) {
                    case SENT -> sent++;
                    case RETRYING -> retrying++;
                    case PARKED -> parked++;
                    case UNKNOWN -> {
                        // the lease runs out and a later run completes it
                    }
                    default -> throw new IllegalStateException();
                }
            }
            if (batch.size() < settings.batchSize()) {
                return new Counts(sent, retrying, parked);
            }
        }
    }

    private enum Result { SENT, RETRYING, PARKED, UNKNOWN }

    private Result send(OutboxEntry entry, Instant now) {
        MailReceipt receipt;
        try {
            receipt = context.mailer().send(entry.message());
        } catch (RuntimeException e) {
            return failed(entry, e, now);
        }
        try {
            context.store().useTransaction(tx -> tx.outbox().update(entry.sent(receipt)));
            LOG.debug("sent outbox entry {} ({})", entry.id(), entry.message().messageId());
            return Result.SENT;
        } catch (RuntimeException e) {
            LOG.warn("outbox entry {} was sent but its receipt could not be stored; it is retried with the same "
                    + "Message-ID after its lease", entry.id(), e);
            return Result.UNKNOWN;
        }
    }

    private Result failed(OutboxEntry entry, RuntimeException error, Instant now) {
        int attempt = entry.attempts() + 1;
        boolean permanent = error instanceof ProviderException provider && !provider.retryable()
                && !(error instanceof QuotaExhaustedException);
        String description = describe(error);
        try {
            if (permanent || attempt >= settings.maxSendAttempts()) {
                context.store().useTransaction(tx -> tx.outbox().update(entry.parked(description)));
                LOG.warn("parked outbox entry {} after {} attempt(s): {}", entry.id(), attempt, description);
                context.publish("outbox.parked", entry.tenant(), entry.id().value(), Map.of(
                        "attempts", Integer.toString(attempt), "error", description,
                        "origin", entry.origin() == null ? "" : entry.origin()));
                return Result.PARKED;
            }
            Instant retryAt = now.plus(backoff(attempt));
            if (error instanceof QuotaExhaustedException quota && quota.retryAfter() != null
                    && quota.retryAfter().isAfter(retryAt)) {
                retryAt = quota.retryAfter();
            }
            Instant due = retryAt;
            context.store().useTransaction(tx -> tx.outbox().update(entry.failed(description, due)));
            LOG.debug("outbox entry {} failed (attempt {}), retrying at {}: {}", entry.id(), attempt, due,
                    description);
            return Result.RETRYING;
        } catch (RuntimeException e) {
            LOG.warn("could not record the failed send of outbox entry {}; it is retried after its lease", entry.id(),
                    e);
            return Result.UNKNOWN;
        }
    }

    /** First delay, doubled per further attempt, capped. */
    Duration backoff(int attempt) {
        Duration delay = settings.firstRetryDelay();
        for (int i = 1; i < attempt && delay.compareTo(settings.maxRetryDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(settings.maxRetryDelay()) > 0 ? settings.maxRetryDelay() : delay;
    }

    private static String describe(RuntimeException error) {
        String kind = error instanceof EcosystemException ? "" : error.getClass().getSimpleName() + ": ";
        String message = error.getMessage() == null ? "" : error.getMessage().replaceAll("\\p{Cntrl}", " ");
        String text = kind + message;
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
