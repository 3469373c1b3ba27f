package dev.ecosystem.model;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A deal (opportunity) from a tenant's CRM, as last synced.
 *
 * @param owner the tenant whose CRM this came from
 * @param id the CRM's id for the deal
 * @param name the deal name
 * @param accountIds the accounts the deal is associated with, without repeats
 * @param amount the amount, or {@code null} when the CRM has none
 * @param pipeline the CRM pipeline, or {@code null}
 * @param stage the CRM stage
 * @param status open, won or lost, as the CRM's stage metadata says
 * @param createdAt when the deal was created
 * @param closeDate the (expected or actual) close date, or {@code null}
 * @param properties further CRM properties the host asked for, by name
 */
public record Deal(
        CompanyId owner, DealId id, String name, List<AccountId> accountIds, @Nullable Money amount,
        @Nullable String pipeline, String stage, DealStatus status, Instant createdAt, @Nullable LocalDate closeDate,
        Map<String, String> properties) {

    /** Validates every field. */
    public Deal {
        Checks.required(owner, "deal owner");
        Checks.required(id, "deal id");
        name = Checks.singleLine(name, "deal name", 500);
        Checks.noNulls(accountIds, "deal accountIds");
        accountIds = List.copyOf(new LinkedHashSet<>(accountIds));
        pipeline = pipeline == null || pipeline.isBlank() ? null : pipeline.strip();
        stage = Checks.text(stage, "deal stage", 200);
        Checks.required(status, "deal status");
        Checks.required(createdAt, "deal createdAt");
        if (status != DealStatus.OPEN && closeDate == null) {
            throw new ValidationException("deal closeDate is required when status is " + status + " (deal " + id + ")");
        }
        Checks.required(properties, "deal properties");
        properties = Map.copyOf(new TreeMap<>(properties));
    }

    /** Starts a builder with the required fields. */
    public static Builder builder(CompanyId owner, DealId id, String name) {
        return new Builder(owner, id, name);
    }

    /** Builds a {@link Deal}. */
    public static final class Builder {
        private final CompanyId owner;
        private final DealId id;
        private final String name;
        private final List<AccountId> accountIds = new ArrayList<>();
        private @Nullable Money amount;
        private @Nullable String pipeline;
        private String stage = "";
        private DealStatus status = DealStatus.OPEN;
        private @Nullable Instant createdAt;
        private @Nullable LocalDate closeDate;
        private final Map<String, String> properties = new TreeMap<>();

        private Builder(CompanyId owner, DealId id, String name) {
            this.owner = owner;
            this.id = id;
            this.name = name;
        }

        /** Associates an account. */
        public Builder account(AccountId accountId) {
            accountIds.add(accountId);
            return this;
        }

        /** The amount. */
        public Builder amount(@Nullable Money amount) {
            this.amount = amount;
            return this;
        }

        /** The CRM pipeline. */
        public Builder pipeline(@Nullable String pipeline) {
            this.pipeline = pipeline;
            return this;
        }

        /** The CRM stage and what it means. */
        public Builder stage(String stage, DealStatus status) {
            this.stage = stage;
            this.status = status;
            return this;
        }

        /** When the deal was created. */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /** The close date. */
        public Builder closeDate(@Nullable LocalDate closeDate) {
            this.closeDate = closeDate;
            return this;
        }

        /** Adds a CRM property. */
        public Builder property(String name, String value) {
            properties.put(Checks.text(name, "property name", 200), Checks.required(value, "property " + name));
            return this;
        }

        /** Validates and builds. */
        public Deal build() {
            return new Deal(owner, id, name, accountIds, amount, pipeline, stage, status,
                    Checks.required(createdAt, "deal createdAt"), closeDate, properties);
        }
    }
}
