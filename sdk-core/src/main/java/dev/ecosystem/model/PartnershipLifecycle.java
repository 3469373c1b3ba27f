package dev.ecosystem.model;

import dev.ecosystem.internal.base.Checks;
import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Where one partnership record stands in the lifecycle, beside the {@link dev.ecosystem.model.Partnership} itself
 * (which keeps only the status and the day it began): when the partner was recruited and activated, its last
 * activity, whether it is dormant, and the onboarding checklist items it completed. Kept for the owner's (the
 * vendor's) record only, and visible to the owner only.
 *
 * @param owner the company that keeps the record (the vendor)
 * @param partnership the record
 * @param partner the partner company
 * @param type the kind of partner, as on the record
 * @param recruitedAt when the record became RECRUITED (the cohort it counts in), or {@code null}
 * @param activatedAt when it became ACTIVE, or {@code null}
 * @param activatedBy the trigger that activated it, or {@code null} (not active, or activated by hand)
 * @param lastActivityAt the last activity counted (an accepted registration, a connected introduction, an
 *     attributed deal, a checklist item), or {@code null}
 * @param dormantSince when the partner was flagged dormant, or {@code null} when it is not dormant
 * @param dormancyDueAt when an ACTIVE partner without further activity becomes dormant, or {@code null}
 * @param checklist the keys of the onboarding checklist items the partner completed, sorted
 */
public record PartnershipLifecycle(
        CompanyId owner, PartnershipId partnership, CompanyId partner, PartnerType type,
        @Nullable Instant recruitedAt, @Nullable Instant activatedAt, @Nullable ActivationTrigger activatedBy,
        @Nullable Instant lastActivityAt, @Nullable Instant dormantSince, @Nullable Instant dormancyDueAt,
        Set<String> checklist) {

    /** Validates every field. */
    public PartnershipLifecycle {
        Checks.required(owner, "lifecycle owner");
        Checks.required(partnership, "lifecycle partnership");
        Checks.required(partner, "lifecycle partner");
        Checks.required(type, "lifecycle type");
        checklist = Collections.unmodifiableSet(new TreeSet<>(Checks.noNulls(checklist, "lifecycle checklist")));
    }

    /** A record with nothing recorded yet. */
    public static PartnershipLifecycle empty(CompanyId owner, PartnershipId partnership, CompanyId partner,
            PartnerType type) {
        return new PartnershipLifecycle(owner, partnership, partner, type, null, null, null, null, null, null,
                Set.of());
    }

    /** Whether the partner is flagged dormant. */
    public boolean dormant() {
        return dormantSince != null;
    }

    /** A builder holding every field of this record. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes some fields of a {@link PartnershipLifecycle}; {@link #build()} validates. */
    public static final class Builder {
        private final CompanyId owner;
        private final PartnershipId partnership;
        private final CompanyId partner;
        private PartnerType type;
        private @Nullable Instant recruitedAt;
        private @Nullable Instant activatedAt;
        private @Nullable ActivationTrigger activatedBy;
        private @Nullable Instant lastActivityAt;
        private @Nullable Instant dormantSince;
        private @Nullable Instant dormancyDueAt;
        private Set<String> checklist;

        private Builder(PartnershipLifecycle from) {
            owner = from.owner;
            partnership = from.partnership;
            partner = from.partner;
            type = from.type;
            recruitedAt = from.recruitedAt;
            activatedAt = from.activatedAt;
            activatedBy = from.activatedBy;
            lastActivityAt = from.lastActivityAt;
            dormantSince = from.dormantSince;
            dormancyDueAt = from.dormancyDueAt;
            checklist = from.checklist;
        }

        /** The kind of partner. */
        public Builder type(PartnerType type) {
            this.type = type;
            return this;
        }

        /** When it became RECRUITED. */
        public Builder recruitedAt(@Nullable Instant at) {
            this.recruitedAt = at;
            return this;
        }

        /** When and by which trigger it became ACTIVE. */
        public Builder activated(@Nullable Instant at, @Nullable ActivationTrigger by) {
            this.activatedAt = at;
            this.activatedBy = by;
            return this;
        }

        /** The last activity. */
        public Builder lastActivityAt(@Nullable Instant at) {
            this.lastActivityAt = at;
            return this;
        }

        /** When it was flagged dormant. */
        public Builder dormantSince(@Nullable Instant at) {
            this.dormantSince = at;
            return this;
        }

        /** When it becomes dormant without further activity. */
        public Builder dormancyDueAt(@Nullable Instant at) {
            this.dormancyDueAt = at;
            return this;
        }

        /** The completed checklist item keys. */
        public Builder checklist(Set<String> keys) {
            this.checklist = keys;
            return this;
        }

        /** Validates and builds. */
        public PartnershipLifecycle build() {
            return new PartnershipLifecycle(owner, partnership, partner, type, recruitedAt, activatedAt, activatedBy,
                    lastActivityAt, dormantSince, dormancyDueAt, checklist);
        }
    }
}
