package dev.ecosystem.referral.internal;

import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.DealStatus;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.Registration;
import dev.ecosystem.model.RegistrationStatus;
import dev.ecosystem.model.Touchpoint;
import dev.ecosystem.model.TouchpointId;
import dev.ecosystem.model.TouchpointKind;
import dev.ecosystem.overlap.internal.CrmWriteBackDispatcher;
import dev.ecosystem.overlap.internal.SyncListener;
import dev.ecosystem.partnership.internal.ActivationRules;
import dev.ecosystem.spi.StoreTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Links the deals a CRM sync stores to accepted registrations, in the batch's own transaction.
 *
 * <p><b>The rule.</b> A deal of the vendor is credited to a registration when one of the deal's accounts matches it
 * (registrable domain, else normalized name, as account mapping computes them) and the registration is ACCEPTED
 * and was already protecting the account when the deal was created: accepted at or before the deal's
 * {@code createdAt}, protection ending after it. A deal created before the acceptance, or after the protection,
 * earns nothing: the partner did not bring it. Among several such registrations the one accepted first wins. The
 * credit is a {@code SOURCED_REFERRAL} touchpoint in the vendor's ledger (partner, deal, account and registration
 * set), dated at the deal's creation; the deal is added to the registration's {@code linkedDeals}.
 *
 * <p><b>Idempotent.</b> A deal's credits have deterministic ids, {@code sourced-referral/<hash of deal id>/<n>}, n
 * counting from 0; a credit is cancelled by the entry {@code .../<n>/reversal}. A re-sync finds the deal's live
 * credit and leaves it; a deal whose credited account left it (or no longer matches) gets the reversal, and may
 * then be credited anew under {@code n + 1}. When a credited deal closes, its registration, if still ACCEPTED, moves
 * to WON or LOST with actor {@value #ACTOR}.
 */
public final class RegistrationLinker implements SyncListener {
    /** The actor of the transitions the sync makes. */
    public static final String ACTOR = "crm-sync";
    private static final String PREFIX = "sourced-referral/";

    private final ReferralEngine engine;

    RegistrationLinker(ReferralEngine engine) {
        this.engine = engine;
    }

    /** A deal's live credit, if any, and the generation its next credit gets. */
    private record Credit(@Nullable Touchpoint live, int next) {
    }

    @Override
    public Runnable stored(StoreTransaction tx, CompanyId vendor, Collection<Account> accounts,
            Collection<Deal> deals) {
        if (deals.isEmpty() || tx.registrations().byVendor(vendor, PageRequest.first(1)).items().isEmpty()) {
            return () -> { };
        }
        Instant now = engine.context().clock().instant();
        List<Registration> closed = new ArrayList<>();
        Set<CompanyId> credited = new LinkedHashSet<>();
        for (Deal deal : deals) {
            link(tx, vendor, deal, now, closed, credited);
        }
        List<ActivationRules.Notice> activity = engine.rules().attributedDeals(tx, vendor, credited, now);
        return () -> {
            closed.forEach(engine::publishClosed);
            engine.rules().publish(activity);
        };
    }

    private void link(StoreTransaction tx, CompanyId vendor, Deal deal, Instant now, List<Registration> closed,
            Set<CompanyId> credited) {
        String base = PREFIX + Digests.sha256(deal.id().value(), 12);
        Credit credit = credit(tx, vendor, base);
        Touchpoint live = credit.live();
        if (live != null) {
            // the live credit names the registration it was given for
            Registration holder = tx.registrations().get(vendor, Objects.requireNonNull(live.registration()));
            if (holder != null && stillMatches(tx, vendor, deal, live.accountId(), holder)) {
                close(tx, holder, deal, now, closed);
                return;
            }
            tx.touchpoints().append(Touchpoint.builder(TouchpointId.of(live.id().value() + "/reversal"), vendor,
                    live.partner(), TouchpointKind.SOURCED_REFERRAL, now)
                    .deal(deal.id()).account(live.accountId()).registration(live.registration())
                    .reverses(live.id())
                    .origin("crm-sync: deal " + deal.id() + " left account " + live.accountId())
                    .build());
            if (holder != null) {
                List<DealId> linked = new ArrayList<>(holder.linkedDeals());
                linked.remove(deal.id());
                tx.registrations().update(holder.toBuilder().linkedDeals(linked).build());
            }
        }
        Target target = target(tx, vendor, deal);
        if (target == null) {
            return;
        }
        Registration registration = target.registration();
        Touchpoint sourced = Touchpoint.builder(TouchpointId.of(base + "/" + credit.next()), vendor,
                registration.partner(), TouchpointKind.SOURCED_REFERRAL, deal.createdAt())
                .deal(deal.id()).account(target.account()).registration(registration.id())
                .origin("crm-sync: registration " + registration.id())
                .build();
        tx.touchpoints().append(sourced);
        credited.add(registration.partner());
        CrmWriteBackDispatcher.queue(tx, engine.overlapSettings(), sourced, now);
        List<DealId> linked = new ArrayList<>(registration.linkedDeals());
        linked.add(deal.id());
        Registration updated = tx.registrations().update(registration.toBuilder().linkedDeals(linked).build());
        close(tx, updated, deal, now, closed);
    }

    private static Credit credit(StoreTransaction tx, CompanyId vendor, String base) {
        Touchpoint last = null;
        int next = 0;
        for (Touchpoint found; (found = tx.touchpoints().get(vendor, TouchpointId.of(base + "/" + next))) != null; ) {
            last = found;
            next++;
        }
        if (last != null && tx.touchpoints().get(vendor, TouchpointId.of(last.id().value() + "/reversal")) != null) {
            last = null;
        }
        return new Credit(last, next);
    }

    private boolean stillMatches(StoreTransaction tx, CompanyId vendor, Deal deal, @Nullable AccountId accountId,
            Registration holder) {
        if (accountId == null || !deal.accountIds().contains(accountId)) {
            return false;
        }
        Account account = tx.crm().account(vendor, accountId);
        if (account == null) {
            return false;
        }
        String domain = engine.keys().domainKey(account.domain());
        return (domain != null && domain.equals(holder.domainKey()))
                || MatchKeys.nameKey(account.name()).equals(holder.nameKey());
    }

    private record Target(Registration registration, AccountId account) {
    }

    /** The registration accepted first among those protecting one of the deal's accounts at its creation. */
    private @Nullable Target target(StoreTransaction tx, CompanyId vendor, Deal deal) {
        Target best = null;
        for (AccountId accountId : deal.accountIds()) {
            Account account = tx.crm().account(vendor, accountId);
            if (account == null) {
                continue;
            }
            String domain = engine.keys().domainKey(account.domain());
            List<Registration> found = domain == null ? List.of()
                    : tx.registrations().protectedByDomain(vendor, domain, deal.createdAt());
            if (found.isEmpty()) {
                String name = MatchKeys.nameKey(account.name());
                found = name.isEmpty() ? List.of() : tx.registrations().protectedByName(vendor, name, deal.createdAt());
            }
            if (!found.isEmpty() && (best == null || earlier(found.get(0), best.registration()))) {
                best = new Target(found.get(0), accountId);
            }
        }
        return best;
    }

    private static boolean earlier(Registration a, Registration b) {
        // both are protected, so accepted
        int byTime = Objects.requireNonNull(a.acceptedAt()).compareTo(Objects.requireNonNull(b.acceptedAt()));
        return byTime < 0 || (byTime == 0 && a.id().compareTo(b.id()) < 0);
    }

    private static void close(StoreTransaction tx, Registration registration, Deal deal, Instant now,
            List<Registration> closed) {
        if (deal.status() == DealStatus.OPEN || registration.status() != RegistrationStatus.ACCEPTED) {
            return;
        }
        RegistrationStatus outcome = deal.status() == DealStatus.WON ? RegistrationStatus.WON : RegistrationStatus.LOST;
        closed.add(tx.registrations().update(ReferralEngine.closing(registration, outcome, now, ACTOR,
                "linked deal " + deal.id() + " closed " + deal.status())));
    }
}
