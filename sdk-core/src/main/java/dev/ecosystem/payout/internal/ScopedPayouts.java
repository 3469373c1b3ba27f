package dev.ecosystem.payout.internal;

import dev.ecosystem.error.ConflictException;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.SdkContext;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.PayoutStatus;
import dev.ecosystem.model.PayoutTransition;
import dev.ecosystem.model.StatementContent;
import dev.ecosystem.model.StatementId;
import dev.ecosystem.model.StoredStatement;
import dev.ecosystem.payout.Payouts;
import dev.ecosystem.spi.PayoutProvider;
import dev.ecosystem.spi.PayoutReceipt;
import dev.ecosystem.spi.PayoutRequest;
import dev.ecosystem.spi.ProviderException;
import dev.ecosystem.spi.StoreTransaction;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link Payouts} of one vendor. */
public final class ScopedPayouts implements Payouts {
    private static final Logger LOG = LoggerFactory.getLogger(ScopedPayouts.class);
    private static final Duration CLAIM = Duration.ofMinutes(PAYMENT_CLAIM_MINUTES);

    private final SdkContext context;
    private final @Nullable PayoutProvider provider;
    private final CompanyId vendor;

    /** The statements {@code vendor} owes; {@code provider} pays them, or {@code null} when payment is manual. */
    public ScopedPayouts(SdkContext context, @Nullable PayoutProvider provider, CompanyId vendor) {
        this.context = context;
        this.provider = provider;
        this.vendor = vendor;
    }

    @Override
    public StoredStatement store(StatementContent content, String actor) {
        Checks.required(content, "content");
        String who = Checks.singleLine(actor, "actor", 200);
        if (content.partner().equals(vendor)) {
            throw new ValidationException("statement partner must differ from the vendor, but both were " + vendor);
        }
        StoredStatement[] before = new StoredStatement[1];
        StoredStatement stored = context.store().inTransaction(tx -> {
            StoredStatement existing = tx.statements().find(vendor, content.partner(), content.periodStart(),
                    content.periodEnd(), content.plan());
            before[0] = existing;
            Instant now = context.clock().instant();
            if (existing == null) {
                return tx.statements().insert(StoredStatement.builder(StatementId.of(context.newId()), vendor,
                        content, now).transition(new PayoutTransition(null, PayoutStatus.DRAFT, now, who,
                        "stored, total " + content.total())).build());
            }
            if (existing.content().equals(content)) {
                return existing;
            }
            if (existing.status() != PayoutStatus.DRAFT) {
                throw new ConflictException("the " + content.describe() + " under plan " + content.plan()
                        + " is already stored as " + existing.id() + " in " + existing.status()
                        + " with other lines; only a DRAFT statement is replaced (move a PENDING one back to DRAFT)");
            }
            return tx.statements().update(existing.toBuilder().content(content).updatedAt(now)
                    .transition(new PayoutTransition(PayoutStatus.DRAFT, PayoutStatus.DRAFT, now, who,
                            "recomputed, total " + existing.total() + " -> " + content.total())).build());
        });
        if (before[0] == null || before[0].version() != stored.version()) {
            context.publish("payout.stored", vendor, stored.id().value(), Map.of("partner",
                    stored.partner().value(), "period", content.periodLabel(), "version",
                    Long.toString(stored.version())));
        }
        return stored;
    }

    @Override
    public StoredStatement get(StatementId id) {
        Checks.required(id, "statement id");
        return context.store().inTransaction(tx -> load(tx, id));
    }

    @Override
    public @Nullable StoredStatement find(CompanyId partner, LocalDate periodStart, LocalDate periodEnd,
            String plan) {
        Checks.required(partner, "partner");
        Checks.required(periodStart, "periodStart");
        Checks.required(periodEnd, "periodEnd");
        Checks.required(plan, "plan");
        return context.store().inTransaction(tx -> tx.statements().find(vendor, partner, periodStart, periodEnd,
                plan));
    }

    @Override
    public Page<StoredStatement> list(@Nullable CompanyId partner, PageRequest page) {
        Checks.required(page, "page");
        return context.store().inTransaction(tx -> tx.statements().list(vendor, partner, page));
    }

    @Override
    public List<PayoutTransition> history(StatementId id) {
        return get(id).history();
    }

    @Override
    public StoredStatement move(StatementId id, long expectedVersion, PayoutStatus next, String actor,
            @Nullable String note) {
        Checks.required(id, "statement id");
        Checks.required(next, "next");
        String who = Checks.singleLine(actor, "actor", 200);
        if (next == PayoutStatus.PAID && provider != null) {
            return pay(provider, id, expectedVersion, who, note);
        }
        StoredStatement moved = context.store().inTransaction(tx -> {
            StoredStatement current = current(tx, id, expectedVersion);
            Instant now = context.clock().instant();
            PayoutStatus to = current.status().moveTo(next, current.heldUntil(), day(now),
                    current.content().describe());
            StoredStatement.Builder change = current.toBuilder().status(to).updatedAt(now)
                    .transition(new PayoutTransition(current.status(), to, now, who, note));
            if (to == PayoutStatus.READY) {
                change.paymentKey(id.value() + "@" + (current.version() + 1));
            }
            return tx.statements().update(change.build());
        });
        published(moved, "payout.moved");
        return moved;
    }

    /**
     * Claims the statement, pays it outside any transaction, and records the outcome. The payment key was fixed when
     * the statement became {@code READY}, so however often this runs, the provider sees one key.
     */
    private StoredStatement pay(PayoutProvider payer, StatementId id, long expectedVersion, String who,
            @Nullable String note) {
        StoredStatement claimed = context.store().inTransaction(tx -> {
            StoredStatement current = current(tx, id, expectedVersion);
            Instant now = context.clock().instant();
            current.status().moveTo(PayoutStatus.PAID, current.heldUntil(), day(now), current.content().describe());
            if (current.payingUntil() != null && now.isBefore(current.payingUntil())) {
                throw new ConflictException("statement " + id + " is being paid by another call until "
                        + current.payingUntil() + "; get it again after that");
            }
            return tx.statements().update(current.toBuilder().payingUntil(now.plus(CLAIM)).updatedAt(now).build());
        });
        String key = claimed.paymentKey() != null ? claimed.paymentKey() : id.value() + "@" + claimed.version();
        PayoutRequest request = new PayoutRequest(key, vendor, claimed.partner(), id,
                claimed.content().periodLabel(), claimed.total());
        PayoutReceipt receipt = null;
        RuntimeException failure = null;
        try {
            receipt = payer.pay(request);
            if (receipt == null) {
                failure = new IllegalStateException("the payout provider returned no receipt");
            }
        } catch (RuntimeException e) {
            failure = e;
        }
        if (receipt != null) {
            return recordPaid(id, who, note, receipt);
        }
        String why = describe(failure);
        StoredStatement failed = context.store().inTransaction(tx -> {
            StoredStatement current = load(tx, id);
            if (current.status() != PayoutStatus.READY) {
                return current;
            }
            Instant now = context.clock().instant();
            return tx.statements().update(current.toBuilder().payingUntil(null).paymentFailure(why).updatedAt(now)
                    .transition(new PayoutTransition(PayoutStatus.READY, PayoutStatus.READY, now, who,
                            "payment failed: " + why)).build());
        });
        if (failed.status() == PayoutStatus.PAID) {
            return failed;
        }
        LOG.debug("Paying statement {} of {} failed; it stays READY", id, vendor);
        context.publish("payout.payment_failed", vendor, id.value(), Map.of("partner", failed.partner().value(),
                "version", Long.toString(failed.version())));
        ProviderException provided = failure instanceof ProviderException p ? p : null;
        throw new ProviderException(provided != null ? provided.provider() : "payout",
                provided != null ? provided.status() : 0, provided != null ? provided.requestId() : null,
                provided == null || provided.retryable(), "paying statement " + id + " failed (" + why
                + "); it stays READY at version " + failed.version() + " and a retry pays with the same key " + key,
                failure);
    }

    /** Records the payment: whatever changed since the claim, the provider paid under this statement's key. */
    private StoredStatement recordPaid(StatementId id, String who, @Nullable String note, PayoutReceipt receipt) {
        StoredStatement paid = context.store().inTransaction(tx -> {
            StoredStatement current = load(tx, id);
            if (current.status() == PayoutStatus.PAID) {
                return current;
            }
            Instant now = context.clock().instant();
            String step = "paid, reference " + receipt.reference() + (note == null ? "" : "; " + note);
            return tx.statements().update(current.toBuilder().status(PayoutStatus.PAID)
                    .paymentReference(receipt.reference()).paymentFailure(null).payingUntil(null).updatedAt(now)
                    .transition(new PayoutTransition(PayoutStatus.READY, PayoutStatus.PAID, now, who, step))
                    .build());
        });
        published(paid, "payout.moved");
        return paid;
    }

    private void published(StoredStatement statement, String type) {
        context.publish(type, vendor, statement.id().value(), Map.of("partner", statement.partner().value(),
                "status", statement.status().name(), "version", Long.toString(statement.version())));
    }

    private StoredStatement current(StoreTransaction tx, StatementId id, long expectedVersion) {
        StoredStatement current = load(tx, id);
        if (current.version() != expectedVersion) {
            throw new ConflictException("statement " + id + " is at version " + current.version()
                    + ", not the expected " + expectedVersion + "; read it again and retry the move");
        }
        return current;
    }

    private StoredStatement load(StoreTransaction tx, StatementId id) {
        StoredStatement statement = tx.statements().get(vendor, id);
        if (statement == null) {
            throw new NotFoundException("company " + vendor + " has no statement " + id);
        }
        return statement;
    }

    private static LocalDate day(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    /** The failure in one line, without a stack trace, for the statement's history. */
    private static String describe(@Nullable RuntimeException failure) {
        if (failure == null) {
            return "unknown failure";
        }
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        String line = message.replaceAll("\\p{Cntrl}", " ").strip();
        return line.length() > 500 ? line.substring(0, 500) : line;
    }
}
