package dev.ecosystem.spi;

import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.SizeBand;
import dev.ecosystem.model.Tag;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A listed company as a search index reads it in bulk ({@link StoreTransaction#forEachListedProfile}): the parts of
 * its {@link Company} that can be searched for, and the role tags of its people, as the store keeps them. The values
 * were validated and normalized when the company and its contacts were stored, so a store hands them over as text,
 * and reading millions of profiles builds no {@code Company} and no {@code Contact}.
 *
 * <pre>{@code
 * ListedProfile profile = ListedProfile.builder(CompanyId.of("acme"))
 *         .businessTags(List.of("business:crm"))
 *         .roleTags(List.of("role:cto"))
 *         .build();
 * }</pre>
 *
 * @param id the company's id
 * @param businessTags its business tags as text ({@code business:crm}), as {@link Tag#toString()} writes them
 * @param industries its industries
 * @param regions its regions
 * @param sizeBand its size band, or {@code null} if unknown
 * @param productCategories its product categories, the primary one first
 * @param signals its signals
 * @param roleTags the role tags of its contacts as text ({@code role:cto}), without repeats
 */
public record ListedProfile(CompanyId id, List<String> businessTags, List<String> industries, List<String> regions,
        @Nullable SizeBand sizeBand, List<String> productCategories, List<String> signals, List<String> roleTags) {

    /** Checks that nothing is missing, and keeps unmodifiable lists (an unmodifiable list is kept as it is). */
    public ListedProfile {
        Checks.required(id, "profile id");
        businessTags = List.copyOf(Checks.noNulls(businessTags, "businessTags"));
        industries = List.copyOf(Checks.noNulls(industries, "industries"));
        regions = List.copyOf(Checks.noNulls(regions, "regions"));
        productCategories = List.copyOf(Checks.noNulls(productCategories, "productCategories"));
        signals = List.copyOf(Checks.noNulls(signals, "signals"));
        roleTags = List.copyOf(Checks.noNulls(roleTags, "roleTags"));
    }

    /** The profile of a listed company whose people have {@code roleTags}. */
    public static ListedProfile of(Company company, Collection<Tag> roleTags) {
        Checks.noNulls(roleTags, "roleTags");
        return builder(company.id()).businessTags(texts(company.businessTags()))
                .industries(List.copyOf(company.industries())).regions(List.copyOf(company.regions()))
                .sizeBand(company.sizeBand()).productCategories(company.productCategories())
                .signals(List.copyOf(company.signals())).roleTags(texts(new LinkedHashSet<>(roleTags))).build();
    }

    /** Starts a profile with no tags, industries, regions, size band, categories or signals. */
    public static Builder builder(CompanyId id) {
        return new Builder(Checks.required(id, "profile id"));
    }

    private static List<String> texts(Collection<Tag> tags) {
        List<String> texts = new ArrayList<>(tags.size());
        tags.forEach(tag -> texts.add(tag.toString()));
        return texts;
    }

    /** Builds a {@link ListedProfile}. */
    public static final class Builder {
        private final CompanyId id;
        private List<String> businessTags = List.of();
        private List<String> industries = List.of();
        private List<String> regions = List.of();
        private @Nullable SizeBand sizeBand;
        private List<String> productCategories = List.of();
        private List<String> signals = List.of();
        private List<String> roleTags = List.of();

        private Builder(CompanyId id) {
            this.id = id;
        }

        /** Its business tags as text ({@code business:crm}). */
        public Builder businessTags(List<String> values) {
            this.businessTags = values;
            return this;
        }

        /** Its industries. */
        public Builder industries(List<String> values) {
            this.industries = values;
            return this;
        }

        /** Its regions. */
        public Builder regions(List<String> values) {
            this.regions = values;
            return this;
        }

        /** Its size band, or {@code null} if unknown. */
        public Builder sizeBand(@Nullable SizeBand band) {
            this.sizeBand = band;
            return this;
        }

        /** Its product categories, the primary one first. */
        public Builder productCategories(List<String> values) {
            this.productCategories = values;
            return this;
        }

        /** Its signals. */
        public Builder signals(List<String> values) {
            this.signals = values;
            return this;
        }

        /** The role tags of its contacts as text ({@code role:cto}). */
        public Builder roleTags(List<String> values) {
            this.roleTags = values;
            return this;
        }

        /** Checks and builds. */
        public ListedProfile build() {
            return new ListedProfile(id, businessTags, industries, regions, sizeBand, productCategories, signals,
                    roleTags);
        }
    }
}
