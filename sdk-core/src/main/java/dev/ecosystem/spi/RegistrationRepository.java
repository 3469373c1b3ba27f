package dev.ecosystem.spi;

import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.Registration;
import dev.ecosystem.model.RegistrationId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Referrals (deal registrations), each visible to its vendor and its partner, to nobody else. Ids are unique across
 * the store. Not in the change feed: like introductions, no node derives in-memory state from them, and every read
 * goes to the store.
 *
 * <p>What the queries need a durable store to index: (vendor, id) for reads and the vendor's listing, (partner, id)
 * and (partner, vendor, id) for the partner's, (vendor, domain key) and (vendor, name key) of accepted registrations
 * for conflict checks and CRM linking, (vendor, partner) of open ones for the cap, and the protection end of
 * accepted ones for expiry.
 */
public interface RegistrationRepository {
    /**
     * Stores a new registration at version 0 and returns it as stored.
     *
     * @throws dev.ecosystem.error.ConflictException when the id is taken
     */
    Registration insert(Registration registration);

    /**
     * Replaces the stored registration if its version is still {@code registration.version()}; returns it as
     * stored, with the version increased by one.
     *
     * @throws dev.ecosystem.error.ConflictException when the stored version differs (a concurrent update won), or the
     *     update would change the vendor or the partner
     * @throws dev.ecosystem.error.NotFoundException when there is no such registration
     */
    Registration update(Registration registration);

    /** The registration, if {@code party} is its vendor or its partner; otherwise {@code null}. */
    @Nullable Registration get(CompanyId party, RegistrationId id);

    /** The vendor's registrations in ascending id order. */
    Page<Registration> byVendor(CompanyId vendor, PageRequest page);

    /** The partner's registrations (with {@code vendor} only, unless it is {@code null}) in ascending id order. */
    Page<Registration> byPartner(CompanyId partner, @Nullable CompanyId vendor, PageRequest page);

    /**
     * The vendor's {@link dev.ecosystem.model.RegistrationStatus#ACCEPTED accepted} registrations with this
     * {@link Registration#domainKey() domain key} whose protection covers {@code at}
     * ({@link Registration#protects(Instant)}), earliest accepted first (ties in ascending id order).
     */
    List<Registration> protectedByDomain(CompanyId vendor, String domainKey, Instant at);

    /** Like {@link #protectedByDomain}, by {@link Registration#nameKey() name key}. */
    List<Registration> protectedByName(CompanyId vendor, String nameKey, Instant at);

    /**
     * How many of the vendor's registrations by {@code partner} are open at {@code now}: submitted, or accepted with
     * a protection that has not ended.
     */
    long countOpen(CompanyId vendor, CompanyId partner, Instant now);

    /**
     * Accepted registrations of every vendor whose protection ended at or before {@code now}, earliest end first
     * (ties in ascending id order), at most {@code limit}. A host-level call for the scheduler.
     *
     * @throws dev.ecosystem.error.ValidationException when {@code limit} is not between 1 and 1000
     */
    List<Registration> expiring(Instant now, int limit);

    /**
     * How many registrations the vendor accepted from {@code from} (inclusive) to {@code toExclusive}, by partner,
     * whatever became of them later (won, lost, expired); partners without one are left out. Tier reviews count
     * {@code REGISTRATIONS_ACCEPTED} with it. The default pages through {@link #byVendor}; a store with an index on
     * (vendor, accepted at) overrides it with one query.
     */
    default Map<CompanyId, Long> acceptedCounts(CompanyId vendor, Instant from, Instant toExclusive) {
        Checks.required(vendor, "vendor");
        Checks.required(from, "from");
        Checks.required(toExclusive, "toExclusive");
        Map<CompanyId, Long> counts = new HashMap<>();
        @Nullable String cursor = null;
        do {
            Page<Registration> page = byVendor(vendor, PageRequest.after(cursor, PageRequest.MAX_SIZE));
            for (Registration registration : page.items()) {
                Instant accepted = registration.acceptedAt();
                if (accepted != null && !accepted.isBefore(from) && accepted.isBefore(toExclusive)) {
                    counts.merge(registration.partner(), 1L, Long::sum);
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return counts;
    }
}
