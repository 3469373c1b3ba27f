package dev.ecosystem.intro.internal;

import dev.ecosystem.error.ConflictException;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.ContactOrigin;
import dev.ecosystem.internal.Retries;
import dev.ecosystem.internal.SdkContext;
import dev.ecosystem.internal.Timed;
import dev.ecosystem.intro.IntroSettings;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.IntroductionId;
import dev.ecosystem.model.MailReceipt;
import dev.ecosystem.model.OutboxEntry;
import dev.ecosystem.model.OutboxEntryId;
import dev.ecosystem.model.OutboxStatus;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.spi.ProviderException;
import dev.ecosystem.spi.QuotaExhaustedException;
import dev.ecosystem.spi.StoreTransaction;
import dev.ecosystem.spi.Telemetry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due outbox entries through the mailer, on one node or many sharing the store.
 *
 * <ul>
 *   <li>Each claim leases its batch from the moment it is made, and raises the entries' claim number (the fencing
 *       token).</li>
 *   <li>Right before an entry goes to the mailer, one transaction checks that this dispatcher still holds it (its
 *       claim, a pending status and a lease not yet run out), that no recipient opted out since, and notes that the
 *       message is being handed over. An entry whose lease ran out is never sent: another dispatcher may hold it.</li>
 *   <li>While the mailer works, {@link LeaseRenewer} extends the lease and the hand-over note with it, so a slow
 *       send is not taken over.</li>
 *   <li>The receipt is stored right after the send. A send whose outcome was never recorded (the node died or lost
 *       its lease, the provider did not answer) leaves the hand-over note behind, and the next attempt goes through
 *       {@link dev.ecosystem.spi.Mailer#resend}, which looks the message up where the provider allows it. After a
 *       lost lease that attempt waits one lease more than the lease itself ({@link OutboxEntry#lookUpFrom}), so a
 *       call still under way on a node that stalled or lost the store has ended before the lookup. Only a call
 *       that outlives its node's last renewal by more than two leases can still reach the provider twice.</li>
 * </ul>
 */
final class OutboxDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final int STORE_ATTEMPTS = 5;

    private final SdkContext context;
    private final IntroSettings settings;
    private final LeaseRenewer renewer;
    /** Entries this dispatcher claimed and has not yet begun to send: what {@link #release} hands back. */
    private final Map<OutboxEntryId, OutboxEntry> unsent = new ConcurrentHashMap<>();
    /** Raised by every {@link #release}: a run that started before stops claiming. */
    private final AtomicLong releases = new AtomicLong();

    /** Counts of one dispatch. */
    record Counts(int sent, int retrying, int parked) {
    }

    OutboxDispatcher(SdkContext context, IntroSettings settings) {
        this.context = context;
        this.settings = settings;
        this.renewer = new LeaseRenewer(context.store(), settings.lease());
    }

    /**
     * Sends every entry due at {@code now}, batch by batch. Time moves on from {@code now} as the client's clock
     * does during the run, so a run that outlasts the lease never claims or renews with a lease already past.
     */
    Counts dispatch(Instant now) {
        Instant started = context.clock().instant();
        Supplier<Instant> current = () -> {
            Duration elapsed = Duration.between(started, context.clock().instant());
            return elapsed.isNegative() ? now : now.plus(elapsed);
        };
        int sent = 0;
        int retrying = 0;
        int parked = 0;
        long generation = releases.get();
        while (releases.get() == generation) {
            Instant claimedAt = current.get();
            List<OutboxEntry> batch = context.store().inTransaction(tx -> tx.outbox().claimDue(claimedAt,
                    claimedAt.plus(settings.lease()), settings.batchSize()));
            batch.forEach(entry -> unsent.put(entry.id(), entry));
            if (releases.get() != generation) {
                release(current.get()); // a release came while this batch was being claimed: it goes back too
                break;
            }
            for (OutboxEntry entry : batch) {
                if (unsent.remove(entry.id()) == null) {
                    continue; // released meanwhile: another node may hold it now
                }
                switch (send(entry, current)) {
                    case SENT -> sent++;
                    case RETRYING -> retrying++;
                    case PARKED -> parked++;
                    case UNKNOWN -> {
                        // another dispatcher holds it now, or its lease runs out and a later run completes it
                    }
                    default -> throw new IllegalStateException();
                }
            }
            if (batch.size() < settings.batchSize()) {
                break;
            }
        }
        return new Counts(sent, retrying, parked);
    }

    /**
     * Hands back every entry this dispatcher claimed and has not begun to send, due at {@code now}, so another node
     * need not wait for the lease to run out; a run under way finishes the entry it is sending, skips the rest and
     * claims no more. An entry whose claim moved on meanwhile is left to its new holder.
     *
     * @return how many entries were handed back
     */
    int release(Instant now) {
        releases.incrementAndGet();
        int released = 0;
        for (OutboxEntry held : List.copyOf(unsent.values())) {
            if (unsent.remove(held.id()) == null) {
                continue; // its run began to send it
            }
            try {
                boolean handedBack = persistently(tx -> {
                    OutboxEntry stored = tx.outbox().get(held.id());
                    if (stored == null || stored.status() != OutboxStatus.PENDING || stored.claim() != held.claim()) {
                        return false;
                    }
                    tx.outbox().update(stored.dueAt(now));
                    return true;
                });
                released += handedBack ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.warn("could not hand back outbox entry {}; it is sent by another dispatcher after its lease",
                        held.id(), e);
            }
        }
        LOG.debug("handed back {} claimed outbox entries", released);
        return released;
    }

    /** Stops the lease thread. */
    void close() {
        renewer.close();
    }

    private enum Result { SENT, RETRYING, PARKED, UNKNOWN }

    /** What the check before a send found. */
    private record Check(@Nullable OutboxEntry held, boolean outcomeUnknown, @Nullable String optedOut) {
        static final Check LOST = new Check(null, false, null);
    }

    private Result send(OutboxEntry claimed, Supplier<Instant> current) {
        Check check;
        try {
            check = persistently(tx -> checkBeforeSend(tx, claimed, current.get()));
        } catch (RuntimeException e) {
            LOG.warn("could not check outbox entry {} before sending it; it is retried after its lease", claimed.id(),
                    e);
            return Result.UNKNOWN;
        }
        OutboxEntry held = check.held();
        if (held == null) {
            LOG.debug("outbox entry {} is no longer held by claim {}; not sending it", claimed.id(), claimed.claim());
            return Result.UNKNOWN;
        }
        if (check.optedOut() != null) {
            return park(held, "not sent: " + check.optedOut() + " opted out of introductions");
        }
        MailReceipt receipt;
        LeaseRenewer.Renewal renewal = renewer.keep(held, current);
        try {
            receipt = Timed.call(context.telemetry(), Telemetry.Operation.MAIL_SEND, context.mailer().provider(),
                    () -> check.outcomeUnknown() ? context.mailer().resend(held.message())
                            : context.mailer().send(held.message()));
        } catch (RuntimeException e) {
            renewal.close(); // before the failure is written, so no renewal lands after it
            return failed(held, e, current.get());
        } finally {
            renewal.close();
        }
        try {
            persistently(tx -> {
                tx.outbox().update(held.sent(receipt));
                return receipt;
            });
            LOG.debug("sent outbox entry {} ({})", held.id(), held.message().messageId());
            return Result.SENT;
        } catch (RuntimeException e) {
            LOG.warn("outbox entry {} was sent but its receipt could not be stored; it is retried with the same "
                    + "Message-ID after its lease", held.id(), e);
            return Result.UNKNOWN;
        }
    }

    /**
     * In one transaction: whether the dispatcher still holds the entry (same claim, pending, lease not run out),
     * whether a recipient opted out, and if it may be sent, the note that it is being handed to the mailer.
     */
    private Check checkBeforeSend(StoreTransaction tx, OutboxEntry claimed, Instant at) {
        OutboxEntry stored = tx.outbox().get(claimed.id());
        if (stored == null || stored.status() != OutboxStatus.PENDING || stored.claim() != claimed.claim()
                || !stored.nextAttemptAt().isAfter(at)) {
            return Check.LOST;
        }
        Instant lookUpFrom = stored.lookUpFrom();
        if (lookUpFrom != null && at.isBefore(lookUpFrom)) {
            // An earlier holder may still be in a call with the mailer (its node stalled or lost the store, so its
            // lease ran out): a lookup now could miss that send. Wait until that call has surely ended.
            tx.outbox().update(stored.dueAt(lookUpFrom));
            return Check.LOST;
        }
        String optedOut = optedOutRecipient(tx, stored);
        if (optedOut != null) {
            return new Check(stored, false, optedOut);
        }
        OutboxEntry sending = stored.sending(at, at.plus(settings.lease()));
        tx.outbox().update(sending);
        return new Check(sending, lookUpFrom != null, null);
    }

    private Result failed(OutboxEntry held, RuntimeException error, Instant now) {
        int attempt = held.attempts() + 1;
        boolean permanent = error instanceof ProviderException provider && !provider.retryable()
                && !(error instanceof QuotaExhaustedException);
        OutboxEntry entry = mayHaveBeenSent(error) ? held.outcomeUnknown(now) : held.notSent();
        String description = Retries.describe(error);
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
            persistently(tx -> {
                tx.outbox().update(entry.failed(description, due));
                return due;
            });
            LOG.debug("outbox entry {} failed (attempt {}), retrying at {}: {}", entry.id(), attempt, due,
                    description);
            return Result.RETRYING;
        } catch (RuntimeException e) {
            LOG.warn("could not record the failed send of outbox entry {}; it is retried after its lease", entry.id(),
                    e);
            return Result.UNKNOWN;
        }
    }

    /**
     * Whether a failed send may still have reached the provider: no answer or a server error may hide an accepted
     * message; a refusal (4xx, a quota) says it was not sent.
     */
    private static boolean mayHaveBeenSent(RuntimeException error) {
        if (error instanceof QuotaExhaustedException) {
            return false;
        }
        return !(error instanceof ProviderException provider) || provider.status() == 0 || provider.status() >= 500;
    }

    /** Parks the entry and raises {@code outbox.parked}. */
    private Result park(OutboxEntry entry, String why) {
        OutboxEntry parked = entry.parked(why);
        try {
            persistently(tx -> {
                tx.outbox().update(parked);
                return parked;
            });
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
     * The person of the entry's introduction (or the contact its {@link ContactOrigin} names) who opted out of
     * introductions and is among its recipients, or {@code null}: checked again right before sending, because the
     * person may have opted out after the email was enqueued (or before a parked email is retried).
     */
    private static @Nullable String optedOutRecipient(StoreTransaction tx, OutboxEntry entry) {
        if (entry.origin() == null) {
            return null;
        }
        ContactOrigin.Ref addressee = ContactOrigin.parse(entry.origin());
        if (addressee != null) {
            Contact person = tx.contacts().get(addressee.company(), addressee.contact());
            return person != null && person.optedOutOfIntroductions()
                    ? "contact " + person.id() + " of " + person.companyId() : null;
        }
        IntroductionId introId;
        try {
            introId = IntroductionId.of(entry.origin());
        } catch (ValidationException notAnIntroduction) {
            return null;
        }
        Set<String> recipients = recipients(entry);
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
    }

    private static Set<String> recipients(OutboxEntry entry) {
        Set<String> recipients = new HashSet<>();
        entry.message().recipients().forEach(address -> recipients.add(address.address()));
        return recipients;
    }

    /**
     * Runs one of the dispatcher's short transactions, again when it lost to concurrent ones. With many dispatchers
     * these small updates of neighbouring outbox rows conflict often at SERIALIZABLE, and giving up costs a whole
     * lease (or, after a send, a resend): a few more tries are cheap.
     */
    private <T> T persistently(Function<StoreTransaction, T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return context.store().inTransaction(work);
            } catch (ConflictException conflict) {
                if (attempt >= STORE_ATTEMPTS) {
                    throw conflict;
                }
                LOG.debug("an outbox transaction lost to concurrent ones (attempt {}), trying again", attempt);
            }
        }
    }

    /** First delay, doubled per further attempt, capped. */
    Duration backoff(int attempt) {
        return Retries.backoff(settings.firstRetryDelay(), settings.maxRetryDelay(), attempt);
    }
}
