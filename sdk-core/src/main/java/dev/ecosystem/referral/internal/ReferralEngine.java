package dev.ecosystem.referral.internal;

import dev.ecosystem.error.AccessDeniedException;
import dev.ecosystem.error.ConflictException;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.SdkContext;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.ActivationTrigger;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.PartnerProgram;
import dev.ecosystem.model.Partnership;
import dev.ecosystem.model.PartnershipStatus;
import dev.ecosystem.model.ReferredProspect;
import dev.ecosystem.model.Registration;
import dev.ecosystem.model.RegistrationConflict;
import dev.ecosystem.model.RegistrationId;
import dev.ecosystem.model.RegistrationStatus;
import dev.ecosystem.model.RegistrationTransition;
import dev.ecosystem.model.SharingPolicy;
import dev.ecosystem.overlap.OverlapSettings;
import dev.ecosystem.overlap.internal.OverlapEngine;
import dev.ecosystem.partnership.internal.ActivationRules;
import dev.ecosystem.referral.ReferralSettings;
import dev.ecosystem.spi.StoreTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The referral lifecycle of one client: submission with idempotency and conflict check, the vendor's decisions,
 * closing and expiry. Every state change is one store transaction; events go out after it commits. Thread-safe.
 */
public final class ReferralEngine {
    /** The actor of transitions the scheduler makes. */
    static final String SCHEDULER = "scheduler";
    private static final String KEY_PREFIX = "referral/";
    private static final int EXPIRY_BATCH = 500;

    private final SdkContext context;
    private final OverlapSettings overlapSettings;
    private final ReferralSettings settings;
    private final MatchKeys keys;
    private final VendorAccounts accounts;
    private final ConflictFinder conflicts;
    private final ActivationRules rules;

    /** The engine of one client. */
    public ReferralEngine(SdkContext context, OverlapEngine overlaps, ReferralSettings settings) {
        this.context = context;
        this.overlapSettings = overlaps.settings();
        this.settings = settings;
        this.keys = new MatchKeys(overlapSettings);
        this.accounts = new VendorAccounts(context.store(), overlapSettings, keys);
        this.conflicts = new ConflictFinder(overlaps);
        this.rules = new ActivationRules(context);
    }

    ActivationRules rules() {
        return rules;
    }

    SdkContext context() {
        return context;
    }

    /** The account-mapping settings the engine matches prospects under. */
    OverlapSettings overlapSettings() {
        return overlapSettings;
    }

    MatchKeys keys() {
        return keys;
    }

    /** The CRM-sync hook that links deals to accepted registrations. */
    public RegistrationLinker linker() {
        return new RegistrationLinker(this);
    }

    Registration submit(CompanyId partner, CompanyId vendor, ReferredProspect prospect, String idempotencyKey) {
        Checks.required(vendor, "vendor");
        Checks.required(prospect, "prospect");
        String key = Checks.singleLine(idempotencyKey, "idempotencyKey", 200);
        if (vendor.equals(partner)) {
            throw new ValidationException("vendor must differ from the registering partner, but both were " + vendor);
        }
        String domainKey = keys.requiredDomainKey(prospect.domain());
        String nameKey = MatchKeys.requiredNameKey(prospect.accountName());
        String fingerprint = fingerprint(vendor, prospect);
        if (accounts.cached(vendor) == null) {
            // the first registration with this vendor: check the partnership before building its index
            context.store().inTransaction(tx -> activePartnership(tx, vendor, partner));
        }
        Instant now = context.clock().instant();
        Registration[] created = {null};
        Registration result = withIndex(vendor, (tx, index) -> {
            Partnership vendorSide = activePartnership(tx, vendor, partner);
            if (prospect.partnerContact() != null
                    && tx.contacts().get(partner, prospect.partnerContact()) == null) {
                throw new ValidationException("prospect partnerContact must be a contact of " + partner + ", but "
                        + prospect.partnerContact() + " is not");
            }
            RegistrationId id = RegistrationId.of(context.newId());
            String earlier = tx.idempotency().putIfAbsent(partner, KEY_PREFIX + key, id + "\n" + fingerprint);
            if (earlier != null) {
                Registration first = replay(tx, partner, key, earlier, fingerprint);
                return first.visibleTo(partner, vendorPolicy(tx, first));
            }
            Registration fresh = Registration.builder(id, vendor, partner, prospect, nameKey, now)
                    .domainKey(domainKey)
                    .idempotencyKey(key)
                    .transition(new RegistrationTransition(null, RegistrationStatus.SUBMITTED, now, partner.value(),
                            prospect.note()))
                    .build();
            Registration checked = fresh.toBuilder()
                    .conflicts(conflicts.find(tx, fresh, index, now, settings.capFor(vendorSide)))
                    .build();
            created[0] = tx.registrations().insert(checked);
            return created[0].visibleTo(partner, vendorPolicy(tx, created[0]));
        });
        if (created[0] != null) {
            publish("referral.submitted", created[0], Map.of("conflicts",
                    Integer.toString(created[0].conflicts().size())));
        }
        return result;
    }

    /** Thrown inside a transaction whose vendor index is older than the vendor's snapshot. */
    private static final class StaleIndex extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StaleIndex() {
            super(null, null, false, false);
        }
    }

    /**
     * Runs {@code work} in one transaction with the vendor's index at the snapshot revision that transaction sees:
     * the index is built outside transactions, so when a sync moved the snapshot meanwhile the work is rolled back
     * and run again on a fresh index (after two tries, on the one it has).
     */
    private <T> T withIndex(CompanyId vendor, java.util.function.BiFunction<StoreTransaction, VendorAccounts.Index,
            T> work) {
        VendorAccounts.Index cached = accounts.cached(vendor);
        VendorAccounts.Index index = cached != null ? cached : accounts.current(vendor);
        for (int attempt = 1; ; attempt++) {
            VendorAccounts.Index used = index;
            boolean last = attempt == 3;
            try {
                return context.store().inTransaction(tx -> {
                    if (!last && tx.crm().revision(vendor) != used.revision()) {
                        throw new StaleIndex();
                    }
                    return work.apply(tx, used);
                });
            } catch (StaleIndex e) {
                index = accounts.current(vendor);
            }
        }
    }

    private static Registration replay(StoreTransaction tx, CompanyId partner, String key, String earlier,
            String fingerprint) {
        String[] parts = earlier.split("\n", 2);
        Registration first = tx.registrations().get(partner, RegistrationId.of(parts[0]));
        if (first == null || parts.length < 2 || !parts[1].equals(fingerprint)) {
            throw new ConflictException("idempotencyKey " + Checks.quote(key) + " was already used by " + partner
                    + " for a different registration; use a new key for a new prospect");
        }
        return first;
    }

    Registration accept(CompanyId vendor, RegistrationId id, @Nullable String note, boolean overrideConflicts) {
        Checks.required(id, "registration id");
        String reason = note == null || note.isBlank() ? null : Checks.text(note, "note", 2000);
        Instant now = context.clock().instant();
        List<ActivationRules.Notice> activity = new ArrayList<>();
        Registration accepted = withIndex(vendor, (tx, index) -> {
            activity.clear();
            Registration current = requireStatus(vendorsOwn(tx, vendor, id), RegistrationStatus.SUBMITTED,
                    "accepted");
            Partnership vendorSide;
            try {
                vendorSide = activePartnership(tx, vendor, current.partner());
            } catch (AccessDeniedException e) {
                throw new ConflictException("registration " + id + " cannot be accepted: the partnership with "
                        + current.partner() + " is no longer RECRUITED or ACTIVE on both sides; reject it instead");
            }
            List<RegistrationConflict> found = conflicts.find(tx, current, index, now,
                    settings.capFor(vendorSide));
            if (!found.isEmpty() && !overrideConflicts) {
                throw new ConflictException("registration " + id + " has " + found.size() + " conflict(s): "
                        + found.stream().map(RegistrationConflict::explanation).collect(Collectors.joining("; "))
                        + ". Reject it, or accept it with overrideConflicts");
            }
            String why = found.isEmpty() ? reason : (reason == null ? "" : reason + " ")
                    + "(accepted despite " + found.size() + " conflict(s))";
            Registration updated = tx.registrations().update(current.toBuilder()
                    .conflicts(found)
                    .acceptedAt(now)
                    .protectedUntil(now.plus(protectionWindow(tx, vendorSide)))
                    .transition(new RegistrationTransition(current.status(), RegistrationStatus.ACCEPTED, now,
                            vendor.value(), why))
                    .build());
            activity.addAll(rules.activity(tx, vendor, current.partner(), ActivationTrigger.ACCEPTED_REGISTRATION,
                    now));
            return updated;
        });
        publish("referral.accepted", accepted, Map.of("protectedUntil", String.valueOf(accepted.protectedUntil())));
        rules.publish(activity);
        return accepted;
    }

    /**
     * The protection window of a registration accepted now: the window of the vendor's program for the
     * partnership's type when there is one, else the host's {@link ReferralSettings} rule.
     */
    private Duration protectionWindow(StoreTransaction tx, Partnership vendorSide) {
        PartnerProgram program = tx.programs().forType(vendorSide.owner(), vendorSide.type());
        return program != null ? program.terms().protectionWindow() : settings.windowFor(vendorSide);
    }

    Registration reject(CompanyId vendor, RegistrationId id, String reason) {
        Checks.required(id, "registration id");
        String why = Checks.text(reason, "reason", 2000);
        Instant now = context.clock().instant();
        Registration rejected = context.store().inTransaction(tx -> {
            Registration current = requireStatus(vendorsOwn(tx, vendor, id), RegistrationStatus.SUBMITTED,
                    "rejected");
            return tx.registrations().update(current.toBuilder()
                    .rejectionReason(why)
                    .transition(new RegistrationTransition(current.status(), RegistrationStatus.REJECTED, now,
                            vendor.value(), why))
                    .build());
        });
        publish("referral.rejected", rejected, Map.of());
        return rejected;
    }

    Registration close(CompanyId vendor, RegistrationId id, RegistrationStatus outcome, @Nullable String reason) {
        Checks.required(id, "registration id");
        Checks.required(outcome, "outcome");
        if (outcome != RegistrationStatus.WON && outcome != RegistrationStatus.LOST) {
            throw new ValidationException("outcome must be WON or LOST, but was " + outcome);
        }
        String why = reason == null || reason.isBlank() ? null : Checks.text(reason, "reason", 2000);
        Instant now = context.clock().instant();
        Registration closed = context.store().inTransaction(tx -> tx.registrations().update(
                closing(requireStatus(vendorsOwn(tx, vendor, id), RegistrationStatus.ACCEPTED, "closed"), outcome,
                        now, vendor.value(), why)));
        publishClosed(closed);
        return closed;
    }

    /** The next state of an accepted registration that is won or lost. */
    static Registration closing(Registration current, RegistrationStatus outcome, Instant now, String actor,
            @Nullable String reason) {
        return current.toBuilder()
                .transition(new RegistrationTransition(current.status(), outcome, now, actor, reason))
                .build();
    }

    void publishClosed(Registration closed) {
        publish(closed.status() == RegistrationStatus.WON ? "referral.won" : "referral.lost", closed, Map.of());
    }

    int runDue(Instant now) {
        Checks.required(now, "now");
        int expired = 0;
        List<Registration> batch;
        do {
            batch = context.store().inTransaction(tx -> {
                List<Registration> done = new ArrayList<>();
                for (Registration due : tx.registrations().expiring(now, EXPIRY_BATCH)) {
                    done.add(tx.registrations().update(due.toBuilder()
                            .transition(new RegistrationTransition(due.status(), RegistrationStatus.EXPIRED, now,
                                    SCHEDULER, "protection ended at " + due.protectedUntil()))
                            .build()));
                }
                return done;
            });
            batch.forEach(registration -> publish("referral.expired", registration, Map.of()));
            expired += batch.size();
        } while (batch.size() == EXPIRY_BATCH);
        return expired;
    }

    Registration get(CompanyId viewer, RegistrationId id) {
        Checks.required(id, "registration id");
        return context.store().inTransaction(tx -> {
            Registration registration = tx.registrations().get(viewer, id);
            if (registration == null) {
                throw notFound(viewer, id);
            }
            return registration.visibleTo(viewer, vendorPolicy(tx, registration));
        });
    }

    List<RegistrationConflict> conflicts(CompanyId vendor, RegistrationId id) {
        Checks.required(id, "registration id");
        Instant now = context.clock().instant();
        return withIndex(vendor, (tx, index) -> {
            Registration stored = vendorsOwn(tx, vendor, id);
            Partnership vendorSide = tx.partnerships().findByPartner(vendor, stored.partner());
            int cap = vendorSide == null ? Integer.MAX_VALUE : settings.capFor(vendorSide);
            return conflicts.find(tx, stored, index, now, cap);
        });
    }

    /** The vendor's policy towards the registration's partner: what the partner may see. */
    static SharingPolicy vendorPolicy(StoreTransaction tx, Registration registration) {
        SharingPolicy policy = tx.sharing().get(registration.vendor(), registration.partner());
        return policy == null ? SharingPolicy.NOTHING : policy;
    }

    /** The registration if {@code vendor} is its vendor; the same NotFound otherwise, whoever else may see it. */
    private static Registration vendorsOwn(StoreTransaction tx, CompanyId vendor, RegistrationId id) {
        Registration registration = tx.registrations().get(vendor, id);
        if (registration == null || !registration.vendor().equals(vendor)) {
            throw notFound(vendor, id);
        }
        return registration;
    }

    private static Registration requireStatus(Registration registration, RegistrationStatus required, String verb) {
        if (registration.status() != required) {
            throw new ConflictException("registration " + registration.id() + " is " + registration.status()
                    + "; only a " + required + " registration can be " + verb);
        }
        return registration;
    }

    private static NotFoundException notFound(CompanyId viewer, RegistrationId id) {
        return new NotFoundException("company " + viewer + " has no registration " + id);
    }

    /**
     * The vendor's partnership record with the partner, when both sides hold a RECRUITED or ACTIVE one: a recruited
     * partner registers prospects too, since its first accepted registration is what activates it.
     */
    private static Partnership activePartnership(StoreTransaction tx, CompanyId vendor, CompanyId partner) {
        Partnership vendorSide = tx.partnerships().findByPartner(vendor, partner);
        Partnership partnerSide = tx.partnerships().findByPartner(partner, vendor);
        if (vendorSide == null || partnerSide == null || !engaged(vendorSide) || !engaged(partnerSide)) {
            throw new AccessDeniedException("company " + partner + " can register prospects only with a vendor it"
                    + " has a RECRUITED or ACTIVE partnership with on both sides, and " + vendor + " is not one");
        }
        return vendorSide;
    }

    private static boolean engaged(Partnership partnership) {
        return partnership.status() == PartnershipStatus.ACTIVE || partnership.status() == PartnershipStatus.RECRUITED;
    }

    /**
     * Publishes to the vendor and to the partner; {@code vendorOnly} attributes (such as how many conflicts were
     * found, which the vendor's sharing policy may hide from the partner) go to the vendor's event only.
     */
    void publish(String type, Registration registration, Map<String, String> vendorOnly) {
        Map<String, String> attributes = Map.of("status", registration.status().name(),
                "vendor", registration.vendor().value(), "partner", registration.partner().value());
        Map<String, String> vendors = new java.util.TreeMap<>(vendorOnly);
        vendors.putAll(attributes);
        context.publish(type, registration.vendor(), registration.id().value(), vendors);
        context.publish(type, registration.partner(), registration.id().value(), attributes);
    }

    private static String fingerprint(CompanyId vendor, ReferredProspect prospect) {
        return Digests.sha256(vendor.value() + "\n" + prospect, 32);
    }
}
