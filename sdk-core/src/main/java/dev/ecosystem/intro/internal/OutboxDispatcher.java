package dev.ecosystem.intro.internal;

import dev.ecosystem.EcosystemException;
import dev.ecosystem.ProviderException;
import dev.ecosystem.QuotaExhaustedException;
import dev.ecosystem.ValidationException;
import dev.ecosystem.internal.SdkContext;
import dev.ecosystem.intro.IntroSettings;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.IntroductionId;
import dev.ecosystem.model.MailReceipt;
import dev.ecosystem.model.OutboxEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
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
        String optedOut;
        try {
            optedOut = optedOutRecipient(entry);
        } catch (RuntimeException e) {
            LOG.warn("could not check the recipients of outbox entry {}; it is retried after its lease", entry.id(), e);
            return Result.UNKNOWN;
        }
        if (optedOut != null) {
            return park(entry, "not sent: " + optedOut + " opted out of introductions");
        }
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
                return park(entry, description);
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

    /** Parks the entry and raises {@code outbox.parked}. */
    private Result park(OutboxEntry entry, String why) {
        OutboxEntry parked = entry.parked(why);
        try {
            context.store().useTransaction(tx -> tx.outbox().update(parked));
        } catch (RuntimeException e) {
            LOG.warn("could not park outbox entry {}; it is retried after its lease", entry.id(), e);
            return Result.UNKNOWN;
        }
        LOG.warn("parked outbox entry {} after {} attempt(s): {}", entry.id(), parked.attempts(), why);
        context.publish("outbox.parked", entry.tenant(), entry.id().value(), Map.of(
                "attempts", Integer.toString(parked.attempts()), "error", why,
                "origin", entry.origin() == null ? "" : entry.origin()));
        return Result.PARKED;
    }

    /**
     * The person of the entry's introduction who opted out of introductions and is among its recipients, or
     * {@code null}: checked again right before sending, because the person may have opted out after the email was
     * enqueued (or before a parked email is retried).
     */
    private @Nullable String optedOutRecipient(OutboxEntry entry) {
        if (entry.origin() == null) {
            return null;
        }
        IntroductionId introId;
        try {
            introId = IntroductionId.of(entry.origin());
        } catch (ValidationException notAnIntroduction) {
            return null;
        }
        Set<String> recipients = new HashSet<>();
        entry.message().recipients().forEach(address -> recipients.add(address.address()));
        return context.store().inTransaction(tx -> {
            Introduction intro = tx.introductions().get(entry.tenant(), introId);
            if (intro == null) {
                return null;
            }
            List<Contact> people = new ArrayList<>();
            people.add(tx.contacts().get(intro.requesterCompany(), intro.requester()));
            people.add(tx.contacts().get(intro.targetCompany(), intro.target()));
            if (intro.introducer() != null) {
                people.add(tx.contacts().get(intro.requesterCompany(), intro.introducer()));
            }
            for (Contact person : people) {
                if (person != null && person.optedOutOfIntroductions()
                        && recipients.contains(person.email().address())) {
                    return "contact " + person.id() + " of " + person.companyId();
                }
            }
            return null;
        });
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
