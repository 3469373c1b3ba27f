package dev.ecosystem.ledger;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.RegistrationId;
import dev.ecosystem.model.TouchpointKind;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A touchpoint to record by hand with {@link Ledger#record}: which partner did what, when, and about which account,
 * deal or referral. Build one with {@link #builder}:
 *
 * <pre>{@code
 * TouchpointRequest request = TouchpointRequest.builder(globex, TouchpointKind.EVENT, Instant.parse(
 *                 "2025-05-20T16:00:00Z"))
 *         .account(AccountId.of("a-17"))
 *         .note("brought the buyer to the Globex partner summit")
 *         .build();
 * }</pre>
 *
 * @param partner the partner that made the touch, a company the acting company has a partnership with
 * @param kind what the partner did: any kind but {@link TouchpointKind#INTRODUCTION}, which only the introduction
 *     workflow records
 * @param occurredAt when it happened, not in the future
 * @param account the acting company's CRM account touched (an id of its CRM snapshot), or {@code null}
 * @param deal the acting company's CRM deal touched (an id of its CRM snapshot), or {@code null}
 * @param registration the partner's referral (deal registration) this is about, or {@code null}
 * @param note where it came from or why (a person, a CRM task), or {@code null}; at most 500 characters on one line
 * @param idempotencyKey the same key twice records one entry, or {@code null}; at most 200 characters on one line
 */
public record TouchpointRequest(
        CompanyId partner, TouchpointKind kind, Instant occurredAt, @Nullable AccountId account,
        @Nullable DealId deal, @Nullable RegistrationId registration, @Nullable String note,
        @Nullable String idempotencyKey) {

    /** The kinds a host may record by hand. */
    public static final Set<TouchpointKind> MANUAL_KINDS = Set.copyOf(EnumSet.complementOf(
            EnumSet.of(TouchpointKind.INTRODUCTION)));

    /** Validates every field; the request names an account, a deal or a registration, or more than one. */
    public TouchpointRequest {
        Checks.required(partner, "partner");
        Checks.required(kind, "kind");
        if (!MANUAL_KINDS.contains(kind)) {
            throw new ValidationException("kind " + kind + " is recorded by the introduction workflow, not by hand;"
                    + " allowed: " + EnumSet.copyOf(MANUAL_KINDS));
        }
        Checks.required(occurredAt, "occurredAt");
        if (account == null && deal == null && registration == null) {
            throw new ValidationException("a touchpoint must name an account, a deal or a registration, but had none");
        }
        note = note == null || note.isBlank() ? null : Checks.singleLine(note, "note", 500);
        idempotencyKey = idempotencyKey == null ? null : Checks.singleLine(idempotencyKey, "idempotencyKey", 200);
    }

    /** Starts a request; name at least an account, a deal or a registration before {@link Builder#build}. */
    public static Builder builder(CompanyId partner, TouchpointKind kind, Instant occurredAt) {
        return new Builder(partner, kind, occurredAt);
    }

    /** Builds a {@link TouchpointRequest}; {@link #build} validates. */
    public static final class Builder {
        private final CompanyId partner;
        private final TouchpointKind kind;
        private final Instant occurredAt;
        private @Nullable AccountId account;
        private @Nullable DealId deal;
        private @Nullable RegistrationId registration;
        private @Nullable String note;
        private @Nullable String idempotencyKey;

        private Builder(CompanyId partner, TouchpointKind kind, Instant occurredAt) {
            this.partner = partner;
            this.kind = kind;
            this.occurredAt = occurredAt;
        }

        /** The CRM account touched; it must be in the acting company's CRM snapshot. */
        public Builder account(@Nullable AccountId account) {
            this.account = account;
            return this;
        }

        /** The CRM deal touched; it must be in the acting company's CRM snapshot. */
        public Builder deal(@Nullable DealId deal) {
            this.deal = deal;
            return this;
        }

        /** The partner's referral (deal registration) this is about. */
        public Builder registration(@Nullable RegistrationId registration) {
            this.registration = registration;
            return this;
        }

        /** Where it came from or why; stored as the entry's origin. */
        public Builder note(@Nullable String note) {
            this.note = note;
            return this;
        }

        /** The same key twice records one entry. */
        public Builder idempotencyKey(@Nullable String key) {
            this.idempotencyKey = key;
            return this;
        }

        /**
         * The request.
         *
         * @throws ValidationException when a field is missing or invalid
         */
        public TouchpointRequest build() {
            return new TouchpointRequest(partner, kind, occurredAt, account, deal, registration, note,
                    idempotencyKey);
        }
    }
}
