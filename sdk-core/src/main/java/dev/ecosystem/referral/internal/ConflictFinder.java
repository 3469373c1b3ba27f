package dev.ecosystem.referral.internal;

import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.MatchExplanation;
import dev.ecosystem.overlap.internal.OverlapEngine;
import dev.ecosystem.model.Registration;
import dev.ecosystem.model.RegistrationConflict;
import dev.ecosystem.model.RegistrationConflict.Kind;
import dev.ecosystem.spi.StoreTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds a registration's conflicts, in the vendor's words: (a) the account is a customer or has an open opportunity
 * in the vendor's CRM snapshot (matched by registrable domain, then by normalized name); (b) another registration
 * is accepted and protects the account now (the first valid registration wins); (c) the partner already has as
 * many open registrations with the vendor as its cap. Each match is explained as {@code Overlaps.explain} does.
 */
final class ConflictFinder {
    /** At most this many CRM accounts or registrations are reported per kind. */
    private static final int MAX_PER_KIND = 5;

    private final OverlapEngine overlaps;

    ConflictFinder(OverlapEngine overlaps) {
        this.overlaps = overlaps;
    }

    /** The conflicts of {@code registration} (stored or not) at {@code now}, with at most {@code cap} open. */
    List<RegistrationConflict> find(StoreTransaction tx, Registration registration, VendorAccounts.Index index,
            Instant now, int cap) {
        CompanyId vendor = registration.vendor();
        List<RegistrationConflict> conflicts = new ArrayList<>();
        Account prospect = asAccount(registration);
        for (VendorAccounts.Hit hit : limit(index.find(registration.domainKey(), registration.nameKey()))) {
            Account account = tx.crm().account(vendor, hit.account());
            if (account == null) {
                continue; // removed since the index was built
            }
            MatchExplanation match = overlaps.explain(prospect, account);
            String what = hit.customer() ? "is a customer" : "has an open opportunity";
            conflicts.add(new RegistrationConflict(hit.customer() ? Kind.EXISTING_CUSTOMER : Kind.OPEN_OPPORTUNITY,
                    "your CRM account " + account.id() + " (" + account.name() + ") " + what + " and matches: "
                            + match.reason(), match, account.id(), null, null));
        }
        for (Registration other : limit(protecting(tx, registration, now))) {
            MatchExplanation match = overlaps.explain(prospect, asAccount(other));
            String whose = other.partner().equals(registration.partner()) ? "an earlier registration of the same partner"
                    : "partner " + other.partner();
            conflicts.add(new RegistrationConflict(Kind.ALREADY_REGISTERED, "registration " + other.id() + " of "
                    + whose + ", accepted at " + other.acceptedAt() + ", protects this account until "
                    + other.protectedUntil() + " (first valid registration wins): " + match.reason(), match, null,
                    other.id(), other.partner()));
        }
        long open = tx.registrations().countOpen(vendor, registration.partner(), now);
        Registration stored = tx.registrations().get(vendor, registration.id());
        if (stored != null && stored.status() == dev.ecosystem.model.RegistrationStatus.SUBMITTED) {
            open--; // the registration itself
        }
        if (open >= cap) {
            conflicts.add(new RegistrationConflict(Kind.OPEN_CAP_EXCEEDED, "partner " + registration.partner()
                    + " already has " + open + " open registrations with " + vendor + "; its cap is " + cap, null,
                    null, null, null));
        }
        return conflicts;
    }

    /** Other registrations protecting the account at {@code now}, by domain key and by name key, earliest first. */
    private static List<Registration> protecting(StoreTransaction tx, Registration registration, Instant now) {
        Map<Object, Registration> found = new LinkedHashMap<>();
        if (registration.domainKey() != null) {
            tx.registrations().protectedByDomain(registration.vendor(), registration.domainKey(), now)
                    .forEach(other -> found.put(other.id(), other));
        }
        tx.registrations().protectedByName(registration.vendor(), registration.nameKey(), now)
                .forEach(other -> found.putIfAbsent(other.id(), other));
        found.remove(registration.id());
        return new ArrayList<>(found.values());
    }

    /** The prospect as a CRM account of the vendor, for the matcher's explanation. */
    static Account asAccount(Registration registration) {
        return Account.builder(registration.vendor(), AccountId.of("registration:" + registration.id()),
                registration.prospect().accountName()).domain(registration.prospect().domain()).build();
    }

    private static <T> List<T> limit(List<T> items) {
        return items.size() <= MAX_PER_KIND ? items : items.subList(0, MAX_PER_KIND);
    }
}
