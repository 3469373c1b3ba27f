package dev.ecosystem.model;

import dev.ecosystem.internal.base.Checks;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A company record from a tenant's CRM, as last synced. The domain is kept as the CRM gave it; account mapping
 * normalizes it when matching.
 *
 * @param owner the tenant whose CRM this came from
 * @param id the CRM's id for the record
 * @param name the account name
 * @param domain the web domain or URL as entered in the CRM, or {@code null}
 * @param lifecycleStage the CRM's lifecycle stage (such as {@code customer}, {@code opportunity}), or {@code null}
 * @param properties further CRM properties the host asked for, by name
 * @param updatedAt when the CRM last changed the record, or {@code null} if it does not say
 */
public record Account(
        CompanyId owner, AccountId id, String name, @Nullable String domain, @Nullable String lifecycleStage,
        Map<String, String> properties, @Nullable Instant updatedAt) {

    /** Validates every field. */
    public Account {
        Checks.required(owner, "account owner");
        Checks.required(id, "account id");
        name = Checks.singleLine(name, "account name", 500);
        domain = domain == null || domain.isBlank() ? null : domain.strip();
        lifecycleStage = lifecycleStage == null || lifecycleStage.isBlank() ? null : lifecycleStage.strip();
        Checks.required(properties, "account properties");
        properties = Map.copyOf(new TreeMap<>(properties));
    }

    /** Starts a builder with the required fields. */
    public static Builder builder(CompanyId owner, AccountId id, String name) {
        return new Builder(owner, id, name);
    }

    /** Builds an {@link Account}. */
    public static final class Builder {
        private final CompanyId owner;
        private final AccountId id;
        private final String name;
        private @Nullable String domain;
        private @Nullable String lifecycleStage;
        private final Map<String, String> properties = new TreeMap<>();
        private @Nullable Instant updatedAt;

        private Builder(CompanyId owner, AccountId id, String name) {
            this.owner = owner;
            this.id = id;
            this.name = name;
        }

        /** Web domain or URL as in the CRM. */
        public Builder domain(@Nullable String domain) {
            this.domain = domain;
            return this;
        }

        /** The CRM's lifecycle stage. */
        public Builder lifecycleStage(@Nullable String lifecycleStage) {
            this.lifecycleStage = lifecycleStage;
            return this;
        }

        /** Adds a CRM property. */
        public Builder property(String name, String value) {
            properties.put(Checks.text(name, "property name", 200), Checks.required(value, "property " + name));
            return this;
        }

        /** When the CRM last changed the record. */
        public Builder updatedAt(@Nullable Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        /** Validates and builds. */
        public Account build() {
            return new Account(owner, id, name, domain, lifecycleStage, properties, updatedAt);
        }
    }
}
