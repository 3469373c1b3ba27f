package dev.ecosystem.model;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A vendor's invitation of a partner to its program for one partner type: to a company of the network, or to an
 * email address of a company not on the network yet. Visible to the vendor and to the invited company, nobody else.
 * It is answered through the signed, expiring, single-use link it emails, or from the invitee's scope.
 *
 * @param id the invitation's id
 * @param vendor the company that invites (the program's vendor)
 * @param inviteeCompany the invited company; for an email invitation {@code null} until a company accepts it
 * @param inviteeEmail the invited address, for an invitation by email; otherwise {@code null}
 * @param type the kind of partner the invitee is invited as
 * @param status where it stands
 * @param createdAt when it was sent
 * @param expiresAt from this instant on it can no longer be answered
 * @param reminders how many reminders went out
 * @param nextReminderAt when the next reminder is due, or {@code null} when none will be sent
 * @param tokenId the random id its link carries (what makes the link single-use); not a secret by itself, the link's
 *     signature is
 * @param emailEntry the outbox entry of the invitation email, which reminders reply to, or {@code null} when no email
 *     went out (a network company without a reachable contact)
 * @param answeredAt when it was accepted, declined, revoked or expired, or {@code null}
 * @param answeredBy the company that accepted or declined (the vendor for a revocation), or {@code null}
 * @param partnership the vendor's partnership record created on acceptance, or {@code null}
 * @param reason the reason given with a decline or revocation, or {@code null}
 * @param version how many times it was updated since it was stored (optimistic concurrency)
 */
public record Invitation(
        InvitationId id, CompanyId vendor, @Nullable CompanyId inviteeCompany, @Nullable EmailAddress inviteeEmail,
        PartnerType type, InvitationStatus status, Instant createdAt, Instant expiresAt, int reminders,
        @Nullable Instant nextReminderAt, String tokenId, @Nullable OutboxEntryId emailEntry,
        @Nullable Instant answeredAt, @Nullable CompanyId answeredBy, @Nullable PartnershipId partnership,
        @Nullable String reason, long version) {

    /** Validates every field: an invitee company or email (or both, once an email invitation was accepted). */
    public Invitation {
        Checks.required(id, "invitation id");
        Checks.required(vendor, "invitation vendor");
        if (inviteeCompany == null && inviteeEmail == null) {
            throw new ValidationException("invitation must name an invitee company or an invitee email, but named "
                    + "neither");
        }
        if (vendor.equals(inviteeCompany)) {
            throw new ValidationException("invitation inviteeCompany must differ from its vendor, but both were "
                    + vendor);
        }
        Checks.required(type, "invitation type");
        Checks.required(status, "invitation status");
        Checks.required(createdAt, "invitation createdAt");
        Checks.required(expiresAt, "invitation expiresAt");
        if (!expiresAt.isAfter(createdAt)) {
            throw new ValidationException("invitation expiresAt must be after createdAt " + createdAt + ", but was "
                    + expiresAt);
        }
        Checks.range(reminders, 0, 100, "invitation reminders");
        tokenId = Checks.singleLine(tokenId, "invitation tokenId", 128);
        reason = reason == null ? null : Checks.text(reason, "invitation reason", 2000);
        Checks.nonNegative(version, "invitation version");
    }

    /** A builder for a new PENDING invitation, at version 0 with no reminders yet. */
    public static Builder builder(InvitationId id, CompanyId vendor, PartnerType type, Instant createdAt,
            Instant expiresAt, String tokenId) {
        return new Builder(id, vendor, type, createdAt, expiresAt, tokenId);
    }

    /** A builder holding every field of this invitation. */
    public Builder toBuilder() {
        Builder builder = new Builder(id, vendor, type, createdAt, expiresAt, tokenId);
        builder.inviteeCompany = inviteeCompany;
        builder.inviteeEmail = inviteeEmail;
        builder.status = status;
        builder.reminders = reminders;
        builder.nextReminderAt = nextReminderAt;
        builder.emailEntry = emailEntry;
        builder.answeredAt = answeredAt;
        builder.answeredBy = answeredBy;
        builder.partnership = partnership;
        builder.reason = reason;
        builder.version = version;
        return builder;
    }

    /** When scheduled work is next due: the next reminder or the expiry, whichever comes first; {@code null} once answered. */
    public @Nullable Instant nextDueAt() {
        if (status != InvitationStatus.PENDING) {
            return null;
        }
        return nextReminderAt != null && nextReminderAt.isBefore(expiresAt) ? nextReminderAt : expiresAt;
    }

    /** Whether {@code company} may see it: its vendor, or the company it is addressed to. */
    public boolean visibleTo(CompanyId company) {
        return vendor.equals(company) || company.equals(inviteeCompany);
    }

    /** Builds an {@link Invitation}; {@link #build()} validates. */
    public static final class Builder {
        private final InvitationId id;
        private final CompanyId vendor;
        private final PartnerType type;
        private final Instant createdAt;
        private final Instant expiresAt;
        private final String tokenId;
        private @Nullable CompanyId inviteeCompany;
        private @Nullable EmailAddress inviteeEmail;
        private InvitationStatus status = InvitationStatus.PENDING;
        private int reminders;
        private @Nullable Instant nextReminderAt;
        private @Nullable OutboxEntryId emailEntry;
        private @Nullable Instant answeredAt;
        private @Nullable CompanyId answeredBy;
        private @Nullable PartnershipId partnership;
        private @Nullable String reason;
        private long version;

        private Builder(InvitationId id, CompanyId vendor, PartnerType type, Instant createdAt, Instant expiresAt,
                String tokenId) {
            this.id = id;
            this.vendor = vendor;
            this.type = type;
            this.createdAt = createdAt;
            this.expiresAt = expiresAt;
            this.tokenId = tokenId;
        }

        /** The invited company. */
        public Builder inviteeCompany(@Nullable CompanyId company) {
            this.inviteeCompany = company;
            return this;
        }

        /** The invited address. */
        public Builder inviteeEmail(@Nullable EmailAddress email) {
            this.inviteeEmail = email;
            return this;
        }

        /** The status (default PENDING). */
        public Builder status(InvitationStatus status) {
            this.status = status;
            return this;
        }

        /** How many reminders went out (default 0). */
        public Builder reminders(int reminders) {
            this.reminders = reminders;
            return this;
        }

        /** When the next reminder is due. */
        public Builder nextReminderAt(@Nullable Instant at) {
            this.nextReminderAt = at;
            return this;
        }

        /** The outbox entry of the invitation email. */
        public Builder emailEntry(@Nullable OutboxEntryId entry) {
            this.emailEntry = entry;
            return this;
        }

        /** When and by whom it was answered, accepted or declined. */
        public Builder answered(@Nullable Instant at, @Nullable CompanyId by) {
            this.answeredAt = at;
            this.answeredBy = by;
            return this;
        }

        /** The vendor's partnership record created on acceptance. */
        public Builder partnership(@Nullable PartnershipId partnership) {
            this.partnership = partnership;
            return this;
        }

        /** The reason of a decline or revocation. */
        public Builder reason(@Nullable String reason) {
            this.reason = reason;
            return this;
        }

        /** The stored version (default 0). */
        public Builder version(long version) {
            this.version = version;
            return this;
        }

        /** Validates and builds. */
        public Invitation build() {
            return new Invitation(id, vendor, inviteeCompany, inviteeEmail, type, status, createdAt, expiresAt,
                    reminders, nextReminderAt, tokenId, emailEntry, answeredAt, answeredBy, partnership, reason,
                    version);
        }
    }
}
