package dev.ecosystem.model;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * The account a partner registers with a vendor, and who to talk to there. Build one with {@link #builder}:
 *
 * <pre>{@code
 * ReferredProspect prospect = ReferredProspect.builder("Pioneer Solar GmbH", "Dana Ruiz",
 *                 EmailAddress.of("dana@pioneer.example"))
 *         .domain("pioneer.example")
 *         .expectedAmount(Money.of("48000", "EUR"))
 *         .note("Evaluating in Q3; wants the EU data residency option")
 *         .partnerContact(ContactId.of("c-17"))
 *         .build();
 * }</pre>
 *
 * @param accountName the prospect company's name
 * @param domain its web domain, or {@code null} (then only its name can match)
 * @param contactName the person at the prospect
 * @param contactEmail that person's email address
 * @param expectedAmount the deal size the partner expects, or {@code null}; positive
 * @param note what the vendor should know, or {@code null}
 * @param partnerContact the partner's own contact who owns the referral, or {@code null}
 */
public record ReferredProspect(String accountName, @Nullable String domain, String contactName, EmailAddress contactEmail,
        @Nullable Money expectedAmount, @Nullable String note, @Nullable ContactId partnerContact) {

    /** Validates every field. */
    public ReferredProspect {
        accountName = Checks.singleLine(accountName, "prospect accountName", 500);
        domain = domain == null || domain.isBlank() ? null : Checks.singleLine(domain, "prospect domain", 253);
        contactName = Checks.singleLine(contactName, "prospect contactName", 200);
        Checks.required(contactEmail, "prospect contactEmail");
        if (expectedAmount != null && expectedAmount.amount().compareTo(BigDecimal.ZERO) <= 0) {
            throw new ValidationException("prospect expectedAmount must be positive, but was " + expectedAmount);
        }
        note = note == null || note.isBlank() ? null : Checks.text(note, "prospect note", 2000);
    }

    /** Starts a prospect with what every registration needs. */
    public static Builder builder(String accountName, String contactName, EmailAddress contactEmail) {
        return new Builder(accountName, contactName, contactEmail);
    }

    /** Builds a {@link ReferredProspect}; {@link #build} validates. */
    public static final class Builder {
        private final String accountName;
        private final String contactName;
        private final EmailAddress contactEmail;
        private @Nullable String domain;
        private @Nullable Money expectedAmount;
        private @Nullable String note;
        private @Nullable ContactId partnerContact;

        private Builder(String accountName, String contactName, EmailAddress contactEmail) {
            this.accountName = accountName;
            this.contactName = contactName;
            this.contactEmail = contactEmail;
        }

        /** The prospect's web domain or URL. */
        public Builder domain(@Nullable String domain) {
            this.domain = domain;
            return this;
        }

        /** The deal size the partner expects. */
        public Builder expectedAmount(@Nullable Money expectedAmount) {
            this.expectedAmount = expectedAmount;
            return this;
        }

        /** What the vendor should know. */
        public Builder note(@Nullable String note) {
            this.note = note;
            return this;
        }

        /** The partner's own contact who owns the referral. */
        public Builder partnerContact(@Nullable ContactId partnerContact) {
            this.partnerContact = partnerContact;
            return this;
        }

        /**
         * The prospect.
         *
         * @throws ValidationException when a field is missing or invalid
         */
        public ReferredProspect build() {
            return new ReferredProspect(accountName, domain, contactName, contactEmail, expectedAmount, note, partnerContact);
        }
    }
}
