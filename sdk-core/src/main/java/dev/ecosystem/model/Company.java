package dev.ecosystem.model;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.internal.base.SortedArraySet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A company's network profile: what it does, whom it serves, and whether it is listed in the network (only listed
 * profiles can be found by other companies).
 *
 * <pre>{@code
 * Company acme = Company.builder(CompanyId.of("acme"), "Acme Mail")
 *         .webDomain("acme.io")
 *         .businessTags("email-marketing", "saas")
 *         .productCategories("email-marketing")
 *         .listed(true)
 *         .build();
 * }</pre>
 *
 * @param id the company's id
 * @param name display name
 * @param webDomain the company's web domain, lower case, or {@code null} if unknown
 * @param description free text, possibly empty
 * @param businessTags what the company does (all in the {@code BUSINESS} namespace)
 * @param industries industries its customers are in, normalized like tag values
 * @param regions regions it serves, normalized like tag values
 * @param sizeBand its own size, or {@code null} if unknown
 * @param productCategories its product categories, normalized, primary category first
 * @param signals commercial motivation signals such as {@code runs-partner-program}, normalized
 * @param listed whether other companies can find this profile
 * @param introductionIntake the company's own contact who receives introduction requests that name the company
 *     only, not a person, or {@code null} when the company takes none; stores and scopes check that it is one of
 *     the company's own contacts
 */
public record Company(
        CompanyId id,
        String name,
        @Nullable String webDomain,
        String description,
        SortedSet<Tag> businessTags,
        SortedSet<String> industries,
        SortedSet<String> regions,
        @Nullable SizeBand sizeBand,
        List<String> productCategories,
        SortedSet<String> signals,
        boolean listed,
        @Nullable ContactId introductionIntake) {

    private static final Pattern DOMAIN = Pattern.compile("(?=.{1,253}$)([\\p{L}\\p{N}]([\\p{L}\\p{N}-]{0,61}"
            + "[\\p{L}\\p{N}])?\\.)+[\\p{L}\\p{N}-]{2,63}");

    /** Validates every field. */
    public Company {
        Checks.required(id, "company id");
        name = Checks.singleLine(name, "company name", 200);
        webDomain = webDomain == null ? null : domain(webDomain);
        description = description == null ? "" : description.strip();
        if (description.length() > 4000) {
            throw new ValidationException("company description must be at most 4000 characters, but was "
                    + description.length());
        }
        description = Canon.repeated(description);
        Checks.noNulls(businessTags, "businessTags");
        for (Tag tag : businessTags) {
            if (tag.namespace() != Tag.Namespace.BUSINESS) {
                throw new ValidationException("businessTags of company " + id + " must be business tags, but "
                        + "contained " + tag);
            }
        }
        businessTags = SortedArraySet.copyOf(businessTags, Canon::tag);
        industries = normalizedSet(industries, "industries");
        regions = normalizedSet(regions, "regions");
        Checks.noNulls(productCategories, "productCategories");
        List<String> categories = new ArrayList<>();
        for (String category : new LinkedHashSet<>(productCategories)) {
            String normalized = Tag.normalize(category, "productCategories");
            if (!categories.contains(normalized)) {
                categories.add(Canon.text(normalized));
            }
        }
        productCategories = Canon.collection(List.copyOf(categories));
        signals = normalizedSet(signals, "signals");
    }

    /** Starts a builder with the two required fields. */
    public static Builder builder(CompanyId id, String name) {
        return new Builder(id, name);
    }

    /** A builder pre-filled with this company's fields, to change some of them. */
    public Builder toBuilder() {
        Builder builder = new Builder(id, name);
        builder.webDomain = webDomain;
        builder.description = description;
        builder.businessTags.addAll(businessTags);
        builder.industries.addAll(industries);
        builder.regions.addAll(regions);
        builder.sizeBand = sizeBand;
        builder.productCategories.addAll(productCategories);
        builder.signals.addAll(signals);
        builder.listed = listed;
        builder.introductionIntake = introductionIntake;
        return builder;
    }

    /** The primary product category (the first), or {@code null} when none is known. */
    public @Nullable String primaryCategory() {
        return productCategories.isEmpty() ? null : productCategories.get(0);
    }

    private static String domain(String raw) {
        String domain = raw.strip().toLowerCase(Locale.ROOT);
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        if (!DOMAIN.matcher(domain).matches()) {
            throw new ValidationException("webDomain must be a host name such as \"acme.com\" (no scheme, path or "
                    + "port), but was " + Checks.quote(raw));
        }
        return domain;
    }

    private static SortedSet<String> normalizedSet(Collection<String> values, String field) {
        Checks.noNulls(values, field);
        List<String> normalized = new ArrayList<>(values.size());
        for (String value : values) {
            normalized.add(Tag.normalize(value, field));
        }
        return Canon.collection(SortedArraySet.copyOf(normalized, Canon::text));
    }

    /** Builds a {@link Company}; {@link #build()} validates everything at once. */
    public static final class Builder {
        private final CompanyId id;
        private final String name;
        private @Nullable String webDomain;
        private String description = "";
        private final Set<Tag> businessTags = new LinkedHashSet<>();
        private final Set<String> industries = new LinkedHashSet<>();
        private final Set<String> regions = new LinkedHashSet<>();
        private @Nullable SizeBand sizeBand;
        private final List<String> productCategories = new ArrayList<>();
        private final Set<String> signals = new LinkedHashSet<>();
        private boolean listed;
        private @Nullable ContactId introductionIntake;

        private Builder(CompanyId id, String name) {
            this.id = id;
            this.name = name;
        }

        /** The web domain, such as {@code acme.com}. */
        public Builder webDomain(@Nullable String webDomain) {
            this.webDomain = webDomain;
            return this;
        }

        /** Free-text description. */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** Adds business tags by value ({@code "email-marketing"}); the {@code business:} prefix is implied. */
        public Builder businessTags(String... values) {
            for (String value : values) {
                businessTags.add(Tag.business(value));
            }
            return this;
        }

        /** Replaces the business tags. */
        public Builder businessTags(Collection<Tag> tags) {
            businessTags.clear();
            businessTags.addAll(tags);
            return this;
        }

        /** Replaces the industries served. */
        public Builder industries(Collection<String> values) {
            industries.clear();
            industries.addAll(values);
            return this;
        }

        /** Adds industries served. */
        public Builder industries(String... values) {
            industries.addAll(List.of(values));
            return this;
        }

        /** Replaces the regions served. */
        public Builder regions(Collection<String> values) {
            regions.clear();
            regions.addAll(values);
            return this;
        }

        /** Adds regions served. */
        public Builder regions(String... values) {
            regions.addAll(List.of(values));
            return this;
        }

        /** The company's own size. */
        public Builder sizeBand(@Nullable SizeBand sizeBand) {
            this.sizeBand = sizeBand;
            return this;
        }

        /** Replaces the product categories, primary first. */
        public Builder productCategories(Collection<String> values) {
            productCategories.clear();
            productCategories.addAll(values);
            return this;
        }

        /** Adds product categories, primary first. */
        public Builder productCategories(String... values) {
            productCategories.addAll(List.of(values));
            return this;
        }

        /** Replaces the commercial motivation signals. */
        public Builder signals(Collection<String> values) {
            signals.clear();
            signals.addAll(values);
            return this;
        }

        /** Adds commercial motivation signals, such as {@code runs-partner-program}. */
        public Builder signals(String... values) {
            signals.addAll(List.of(values));
            return this;
        }

        /** Whether other companies can find this profile. */
        public Builder listed(boolean listed) {
            this.listed = listed;
            return this;
        }

        /**
         * The company's own contact who receives introduction requests addressed to the company rather than to a
         * person, or {@code null} (the default) to take none.
         */
        public Builder introductionIntake(@Nullable ContactId intake) {
            this.introductionIntake = intake;
            return this;
        }

        /** Validates and builds. */
        public Company build() {
            return new Company(id, name, webDomain, description, new TreeSet<>(businessTags),
                    new TreeSet<>(industries), new TreeSet<>(regions), sizeBand, productCategories,
                    new TreeSet<>(signals), listed, introductionIntake);
        }
    }
}
