package dev.ecosystem.model;

import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.referral.ReferralLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A partner's referral (deal registration) of a prospect with a vendor, with its conflicts, the CRM deals linked to
 * it and its whole history. Visible to its vendor and its partner, to nobody else; the partner sees it through
 * {@link #visibleTo}. Built by the referral engine and by stores reading one back ({@link #builder},
 * {@link #toBuilder}).
 *
 * @param id the registration's id
 * @param vendor the company the prospect is registered with
 * @param partner the company that registered it
 * @param prospect the account and person registered
 * @param domainKey the prospect's registrable domain, as account mapping computes it, or {@code null} when it has
 *     no domain
 * @param nameKey the prospect's normalized name, as account mapping computes it
 * @param status where it is in its lifecycle
 * @param submittedAt when it was submitted
 * @param acceptedAt when the vendor accepted it, or {@code null}
 * @param protectedUntil the end of its protection (exclusive), set on acceptance, or {@code null}
 * @param rejectionReason the vendor's reason, shown to the partner, or {@code null}
 * @param conflicts the conflicts found at the last check (submission or decision)
 * @param linkedDeals the vendor's CRM deals the sync credited to it, in link order
 * @param history every transition, oldest first
 * @param idempotencyKey the partner's idempotency key of the submission, or {@code null}
 * @param version the store's optimistic version: 0 when inserted, one more on each update
 */
public record Registration(
        RegistrationId id, CompanyId vendor, CompanyId partner, ReferredProspect prospect, @Nullable String domainKey,
        String nameKey, RegistrationStatus status, Instant submittedAt, @Nullable Instant acceptedAt,
        @Nullable Instant protectedUntil, @Nullable String rejectionReason, List<RegistrationConflict> conflicts,
        List<DealId> linkedDeals, List<RegistrationTransition> history, @Nullable String idempotencyKey,
        long version) {

    /** Validates and copies. */
    public Registration {
        Checks.required(id, "registration id");
        Checks.required(vendor, "registration vendor");
        Checks.required(partner, "registration partner");
        Checks.required(prospect, "registration prospect");
        Checks.required(nameKey, "registration nameKey");
        Checks.required(status, "registration status");
        Checks.required(submittedAt, "registration submittedAt");
        conflicts = List.copyOf(Checks.noNulls(conflicts, "registration conflicts"));
        linkedDeals = List.copyOf(Checks.noNulls(linkedDeals, "registration linkedDeals"));
        history = List.copyOf(Checks.noNulls(history, "registration history"));
        Checks.nonNegative(version, "registration version");
    }

    /** Whether it is accepted and its protection covers {@code at}. */
    public boolean protects(Instant at) {
        return status == RegistrationStatus.ACCEPTED && acceptedAt != null && protectedUntil != null
                && !acceptedAt.isAfter(at) && at.isBefore(protectedUntil);
    }

    /**
     * The registration as {@code viewer} may see it: whole for the vendor; for the partner, its conflicts limited
     * by {@code vendorPolicy} (the vendor's sharing policy towards the partner). The partner sees its cap conflict;
     * an {@link RegistrationConflict.Kind#ALREADY_REGISTERED} conflict only as "another registration protects this
     * account" (never which partner or registration); an existing-customer or open-opportunity conflict only when
     * the vendor shares that population as records, and then without the vendor's account or match details. The
     * partner sees no ids of the vendor's CRM deals ({@code linkedDeals} is empty; {@link ReferralLine} counts them)
     * and, of the history, the reasons of its own steps and of a rejection only: the vendor's other notes (and how
     * many conflicts it overrode) and the sync's reasons, which name deals, stay with the vendor.
     */
    public Registration visibleTo(CompanyId viewer, SharingPolicy vendorPolicy) {
        if (viewer.equals(vendor)) {
            return this;
        }
        List<RegistrationConflict> shown = new ArrayList<>();
        for (RegistrationConflict conflict : conflicts) {
            switch (conflict.kind()) {
                case OPEN_CAP_EXCEEDED -> shown.add(conflict);
                case ALREADY_REGISTERED -> shown.add(new RegistrationConflict(conflict.kind(),
                        "another registration already protects this account", null, null, null, null));
                case EXISTING_CUSTOMER -> {
                    if (shared(vendorPolicy, Population.CUSTOMERS)) {
                        shown.add(new RegistrationConflict(conflict.kind(),
                                "this account is already a customer of " + vendor, null, null, null, null));
                    }
                }
                case OPEN_OPPORTUNITY -> {
                    if (shared(vendorPolicy, Population.OPEN_OPPORTUNITIES)) {
                        shown.add(new RegistrationConflict(conflict.kind(),
                                "this account already has an open opportunity with " + vendor, null, null, null,
                                null));
                    }
                }
            }
        }
        List<RegistrationTransition> steps = new ArrayList<>();
        for (RegistrationTransition step : history) {
            boolean shownReason = step.actor().equals(partner.value()) || step.to() == RegistrationStatus.REJECTED;
            steps.add(shownReason ? step
                    : new RegistrationTransition(step.from(), step.to(), step.at(), step.actor(), null));
        }
        return toBuilder().conflicts(shown).linkedDeals(List.of()).history(steps).build();
    }

    private static boolean shared(SharingPolicy policy, Population population) {
        return policy.rule(population).visibility() == SharingPolicy.Visibility.RECORDS;
    }

    /** Starts a registration in {@link RegistrationStatus#SUBMITTED} with an empty history, at version 0. */
    public static Builder builder(RegistrationId id, CompanyId vendor, CompanyId partner, ReferredProspect prospect,
            String nameKey, Instant submittedAt) {
        return new Builder(id, vendor, partner, prospect, nameKey, submittedAt);
    }

    /** A builder holding every field of this registration. */
    public Builder toBuilder() {
        Builder builder = new Builder(id, vendor, partner, prospect, nameKey, submittedAt);
        builder.domainKey = domainKey;
        builder.status = status;
        builder.acceptedAt = acceptedAt;
        builder.protectedUntil = protectedUntil;
        builder.rejectionReason = rejectionReason;
        builder.conflicts = conflicts;
        builder.linkedDeals = linkedDeals;
        builder.history = history;
        builder.idempotencyKey = idempotencyKey;
        builder.version = version;
        return builder;
    }

    /** Builds a {@link Registration}; {@link #build} validates. */
    public static final class Builder {
        private final RegistrationId id;
        private final CompanyId vendor;
        private final CompanyId partner;
        private final ReferredProspect prospect;
        private final String nameKey;
        private final Instant submittedAt;
        private @Nullable String domainKey;
        private RegistrationStatus status = RegistrationStatus.SUBMITTED;
        private @Nullable Instant acceptedAt;
        private @Nullable Instant protectedUntil;
        private @Nullable String rejectionReason;
        private List<RegistrationConflict> conflicts = List.of();
        private List<DealId> linkedDeals = List.of();
        private List<RegistrationTransition> history = List.of();
        private @Nullable String idempotencyKey;
        private long version;

        private Builder(RegistrationId id, CompanyId vendor, CompanyId partner, ReferredProspect prospect, String nameKey,
                Instant submittedAt) {
            this.id = id;
            this.vendor = vendor;
            this.partner = partner;
            this.prospect = prospect;
            this.nameKey = nameKey;
            this.submittedAt = submittedAt;
        }

        /** The prospect's registrable domain. */
        public Builder domainKey(@Nullable String domainKey) {
            this.domainKey = domainKey;
            return this;
        }

        /** The status. */
        public Builder status(RegistrationStatus status) {
            this.status = status;
            return this;
        }

        /** When the vendor accepted it. */
        public Builder acceptedAt(@Nullable Instant acceptedAt) {
            this.acceptedAt = acceptedAt;
            return this;
        }

        /** The end of its protection (exclusive). */
        public Builder protectedUntil(@Nullable Instant protectedUntil) {
            this.protectedUntil = protectedUntil;
            return this;
        }

        /** The vendor's reason for a rejection. */
        public Builder rejectionReason(@Nullable String rejectionReason) {
            this.rejectionReason = rejectionReason;
            return this;
        }

        /** The conflicts of the last check. */
        public Builder conflicts(List<RegistrationConflict> conflicts) {
            this.conflicts = conflicts;
            return this;
        }

        /** The linked CRM deals. */
        public Builder linkedDeals(List<DealId> linkedDeals) {
            this.linkedDeals = linkedDeals;
            return this;
        }

        /** The history, oldest first. */
        public Builder history(List<RegistrationTransition> history) {
            this.history = history;
            return this;
        }

        /** Appends a transition to the history and moves to its status. */
        public Builder transition(RegistrationTransition transition) {
            List<RegistrationTransition> longer = new ArrayList<>(history);
            longer.add(transition);
            this.history = longer;
            this.status = transition.to();
            return this;
        }

        /** The partner's idempotency key. */
        public Builder idempotencyKey(@Nullable String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
            return this;
        }

        /** The store's version. */
        public Builder version(long version) {
            this.version = version;
            return this;
        }

        /**
         * The registration.
         *
         * @throws dev.ecosystem.error.ValidationException when a field is missing or invalid
         */
        public Registration build() {
            return new Registration(id, vendor, partner, prospect, domainKey, nameKey, status, submittedAt,
                    acceptedAt, protectedUntil, rejectionReason, conflicts, linkedDeals, history, idempotencyKey,
                    version);
        }
    }
}
