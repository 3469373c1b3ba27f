package dev.ecosystem.model;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An entry of the append-only attribution ledger: a partner touched an account, a deal or a registration.
 * Corrections are new entries whose {@code reverses} names the entry they cancel. Build one with {@link #builder}:
 *
 * <pre>{@code
 * Touchpoint cosell = Touchpoint.builder(TouchpointId.of("t-1"), vendor, partner, TouchpointKind.CO_SELL, now)
 *         .deal(DealId.of("d-42"))
 *         .origin("weekly pipeline review")
 *         .build();
 * }</pre>
 *
 * @param id the entry's id
 * @param owner the tenant whose ledger this is
 * @param partner the partner that made the touch
 * @param accountId the CRM account touched, or {@code null}
 * @param dealId the CRM deal touched, or {@code null}
 * @param registration the partner's referral (deal registration) this entry is about, or {@code null}
 * @param kind what the partner did
 * @param occurredAt when
 * @param origin where it came from (an introduction id, a CRM field, a person), or {@code null}
 * @param reverses the entry this one cancels, or {@code null}
 */
public record Touchpoint(
        TouchpointId id, CompanyId owner, CompanyId partner, @Nullable AccountId accountId, @Nullable DealId dealId,
        @Nullable RegistrationId registration, TouchpointKind kind, Instant occurredAt, @Nullable String origin,
        @Nullable TouchpointId reverses) {

    /** Validates every field; a touchpoint names an account, a deal, a registration, or more than one. */
    public Touchpoint {
        Checks.required(id, "touchpoint id");
        Checks.required(owner, "touchpoint owner");
        Checks.required(partner, "touchpoint partner");
        if (accountId == null && dealId == null && registration == null) {
            throw new ValidationException("touchpoint " + id + " must name an accountId, a dealId or a registration,"
                    + " but had none");
        }
        Checks.required(kind, "touchpoint kind");
        Checks.required(occurredAt, "touchpoint occurredAt");
        origin = origin == null || origin.isBlank() ? null : Checks.singleLine(origin, "touchpoint origin", 500);
        if (id.equals(reverses)) {
            throw new ValidationException("touchpoint " + id + " cannot reverse itself");
        }
    }

    /** Starts an entry with what every entry needs; name at least an account, a deal or a registration. */
    public static Builder builder(TouchpointId id, CompanyId owner, CompanyId partner, TouchpointKind kind,
            Instant occurredAt) {
        return new Builder(id, owner, partner, kind, occurredAt);
    }

    /** Builds a {@link Touchpoint}; {@link #build} validates. */
    public static final class Builder {
        private final TouchpointId id;
        private final CompanyId owner;
        private final CompanyId partner;
        private final TouchpointKind kind;
        private final Instant occurredAt;
        private @Nullable AccountId accountId;
        private @Nullable DealId dealId;
        private @Nullable RegistrationId registration;
        private @Nullable String origin;
        private @Nullable TouchpointId reverses;

        private Builder(TouchpointId id, CompanyId owner, CompanyId partner, TouchpointKind kind,
                Instant occurredAt) {
            this.id = id;
            this.owner = owner;
            this.partner = partner;
            this.kind = kind;
            this.occurredAt = occurredAt;
        }

        /** The CRM account touched. */
        public Builder account(@Nullable AccountId accountId) {
            this.accountId = accountId;
            return this;
        }

        /** The CRM deal touched. */
        public Builder deal(@Nullable DealId dealId) {
            this.dealId = dealId;
            return this;
        }

        /** The referral (deal registration) this entry is about. */
        public Builder registration(@Nullable RegistrationId registration) {
            this.registration = registration;
            return this;
        }

        /** Where the entry came from: an introduction id, a CRM field, a person. */
        public Builder origin(@Nullable String origin) {
            this.origin = origin;
            return this;
        }

        /** The entry this one cancels. */
        public Builder reverses(@Nullable TouchpointId reverses) {
            this.reverses = reverses;
            return this;
        }

        /**
         * The entry.
         *
         * @throws dev.ecosystem.error.ValidationException when a field is missing or invalid
         */
        public Touchpoint build() {
            return new Touchpoint(id, owner, partner, accountId, dealId, registration, kind, occurredAt, origin,
                    reverses);
        }
    }
}
