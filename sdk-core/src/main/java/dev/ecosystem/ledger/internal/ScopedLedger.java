package dev.ecosystem.ledger.internal;

import dev.ecosystem.error.ConflictException;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.SdkContext;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.ledger.Ledger;
import dev.ecosystem.ledger.TouchpointRequest;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.Registration;
import dev.ecosystem.model.Touchpoint;
import dev.ecosystem.model.TouchpointId;
import dev.ecosystem.model.TouchpointKind;
import dev.ecosystem.spi.StoreTransaction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@link Ledger} limited to one owner. */
public final class ScopedLedger implements Ledger {
    private static final String REVERSAL = "/reversal";
    /** How many store reads one page of a filtered listing may take before it returns what it has. */
    private static final int MAX_READS = 32;

    private final SdkContext context;
    private final CompanyId owner;

    /** The ledger of {@code owner}. */
    public ScopedLedger(SdkContext context, CompanyId owner) {
        this.context = context;
        this.owner = owner;
    }

    /**
     * The id of the entry that reverses {@code id}: one per entry, so a second reversal is a conflict in the store
     * too. Every writer of reversals (this ledger, the CRM-sync linkers) uses it.
     */
    public static TouchpointId reversalId(TouchpointId id) {
        String value = id.value();
        return TouchpointId.of(value.length() + REVERSAL.length() <= 128 ? value + REVERSAL
                : "r/" + digest(value) + REVERSAL);
    }

    /** A short url-safe digest of {@code text}, for deterministic ids built from long parts. */
    public static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public Touchpoint record(TouchpointRequest request) {
        Checks.required(request, "request");
        Instant now = context.clock().instant();
        if (request.occurredAt().isAfter(now)) {
            throw new ValidationException("occurredAt must not be in the future, but was " + request.occurredAt()
                    + " (now is " + now + ")");
        }
        if (request.partner().equals(owner)) {
            throw new ValidationException("partner must be another company than the acting one " + owner);
        }
        TouchpointId id = TouchpointId.of(context.newId());
        Touchpoint entry = Touchpoint.builder(id, owner, request.partner(), request.kind(), request.occurredAt())
                .account(request.account()).deal(request.deal()).registration(request.registration())
                .origin(request.note()).build();
        boolean[] replay = {false};
        Touchpoint stored = context.store().inTransaction(tx -> {
            if (request.idempotencyKey() != null) {
                String earlier = tx.idempotency().putIfAbsent(owner, "ledger:" + request.idempotencyKey(),
                        id.value());
                if (earlier != null) {
                    replay[0] = true;
                    return earlierEntry(tx, earlier, request.idempotencyKey());
                }
            }
            check(tx, request);
            tx.touchpoints().append(entry);
            return entry;
        });
        if (!replay[0]) {
            context.publish("ledger.recorded", owner, stored.id().value(),
                    Map.of("partner", stored.partner().value(), "kind", stored.kind().name()));
        }
        return stored;
    }

    private Touchpoint earlierEntry(StoreTransaction tx, String earlier, String key) {
        Touchpoint first = tx.touchpoints().get(owner, TouchpointId.of(earlier));
        if (first == null) {
            throw new ConflictException("idempotencyKey " + Checks.quote(key) + " was used for ledger entry "
                    + earlier + ", which does not exist");
        }
        return first;
    }

    private void check(StoreTransaction tx, TouchpointRequest request) {
        if (tx.partnerships().findByPartner(owner, request.partner()) == null) {
            throw new ValidationException("partner " + request.partner() + " must be a company " + owner
                    + " has a partnership with, but it has none; record the partnership first");
        }
        if (request.account() != null && tx.crm().account(owner, request.account()) == null) {
            throw new ValidationException("account " + Checks.quote(request.account().value()) + " must be an"
                    + " account of the CRM snapshot of company " + owner + ", but it is not");
        }
        if (request.registration() != null) {
            Registration registration = tx.registrations().get(owner, request.registration());
            if (registration == null || !registration.vendor().equals(owner)
                    || !registration.partner().equals(request.partner())) {
                throw new ValidationException("registration " + Checks.quote(request.registration().value())
                        + " must be a registration partner " + request.partner() + " submitted to company " + owner
                        + ", but it is not");
            }
        }
        if (request.deal() != null) {
            Deal deal = tx.crm().deal(owner, request.deal());
            if (deal == null) {
                throw new ValidationException("deal " + Checks.quote(request.deal().value()) + " must be a deal of"
                        + " the CRM snapshot of company " + owner + ", but it is not");
            }
            if (request.account() != null && !deal.accountIds().contains(request.account())) {
                throw new ValidationException("deal " + request.deal() + " must be a deal of account "
                        + request.account() + ", but its accounts are " + deal.accountIds());
            }
        }
    }

    @Override
    public Touchpoint get(TouchpointId id) {
        Checks.required(id, "touchpoint id");
        Touchpoint entry = context.store().inTransaction(tx -> tx.touchpoints().get(owner, id));
        if (entry == null) {
            throw new NotFoundException("company " + owner + " has no ledger entry " + id);
        }
        return entry;
    }

    @Override
    public Page<Touchpoint> list(PageRequest page) {
        Checks.required(page, "page");
        return context.store().inTransaction(tx -> tx.touchpoints().list(owner, page));
    }

    @Override
    public Page<Touchpoint> list(@Nullable CompanyId partner, @Nullable TouchpointKind kind, PageRequest page) {
        Checks.required(page, "page");
        if (partner == null && kind == null) {
            return list(page);
        }
        // Each read asks for exactly the room left, so the page ends on a store page boundary and the store's own
        // cursor continues the listing; a sparse filter returns after MAX_READS reads with what it found.
        return context.store().inTransaction(tx -> {
            List<Touchpoint> found = new ArrayList<>();
            String cursor = page.cursor();
            for (int reads = 0; reads < MAX_READS && found.size() < page.size(); reads++) {
                Page<Touchpoint> read = tx.touchpoints().list(owner,
                        PageRequest.after(cursor, page.size() - found.size()));
                for (Touchpoint t : read.items()) {
                    if ((partner == null || partner.equals(t.partner())) && (kind == null || kind == t.kind())) {
                        found.add(t);
                    }
                }
                cursor = read.nextCursor();
                if (cursor == null) {
                    break;
                }
            }
            return new Page<>(found, cursor);
        });
    }

    @Override
    public Touchpoint reverse(TouchpointId id, String reason) {
        Checks.required(id, "touchpoint id");
        String why = Checks.singleLine(reason, "reason", 500);
        Instant now = context.clock().instant();
        Touchpoint reversal = context.store().inTransaction(tx -> {
            Touchpoint entry = tx.touchpoints().get(owner, id);
            if (entry == null) {
                throw new NotFoundException("company " + owner + " has no ledger entry " + id);
            }
            if (entry.reverses() != null) {
                throw new ConflictException("ledger entry " + id + " reverses " + entry.reverses()
                        + " and cannot be reversed itself; record a new entry instead");
            }
            TouchpointId reversalId = reversalId(id);
            if (tx.touchpoints().get(owner, reversalId) != null) {
                throw new ConflictException("ledger entry " + id + " was already reversed by " + reversalId);
            }
            Touchpoint made = reversalOf(entry, now, why);
            tx.touchpoints().append(made);
            return made;
        });
        context.publish("ledger.reversed", owner, reversal.id().value(),
                Map.of("reverses", id.value(), "partner", reversal.partner().value()));
        return reversal;
    }

    /** The entry that reverses {@code entry}: same partner, kind and subject, at {@code at}, with its id. */
    public static Touchpoint reversalOf(Touchpoint entry, Instant at, String reason) {
        return Touchpoint.builder(reversalId(entry.id()), entry.owner(), entry.partner(), entry.kind(), at)
                .account(entry.accountId()).deal(entry.dealId()).registration(entry.registration())
                .origin(reason).reverses(entry.id()).build();
    }
}
