package dev.ecosystem.navigator.internal;

import dev.ecosystem.model.Company;
import dev.ecosystem.model.SizeBand;
import dev.ecosystem.model.Tag;
import dev.ecosystem.navigator.TagTaxonomy;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The index terms of a company: one string per thing a profile can ask about, in a namespace each
 * ({@code business:}, {@code role:}, {@code industry:}, {@code region:}, {@code size:}, {@code category:},
 * {@code primary:}, {@code signal:}). Tags are expanded through the taxonomy (canonical form and ancestors), so a
 * query for a parent tag is a lookup of one term. The same strings appear in explanations.
 */
public final class CompanyTerms {
    static final String INDUSTRY = "industry:";
    static final String REGION = "region:";
    static final String SIZE = "size:";
    static final String CATEGORY = "category:";
    static final String PRIMARY = "primary:";
    static final String SIGNAL = "signal:";

    private final TagTaxonomy taxonomy;

    /** Terms expanded through {@code taxonomy}. */
    public CompanyTerms(TagTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    /** The company's terms, given the role tags of its people. */
    public Set<String> of(Company company, Collection<Tag> roleTags) {
        Set<String> terms = new TreeSet<>();
        for (Tag tag : company.businessTags()) {
            addTag(terms, tag);
        }
        for (Tag tag : roleTags) {
            addTag(terms, tag);
        }
        company.industries().forEach(value -> terms.add(INDUSTRY + value));
        company.regions().forEach(value -> terms.add(REGION + value));
        if (company.sizeBand() != null) {
            terms.add(size(company.sizeBand()));
        }
        company.productCategories().forEach(value -> terms.add(CATEGORY + value));
        String primary = company.primaryCategory();
        if (primary != null) {
            terms.add(PRIMARY + primary);
        }
        company.signals().forEach(value -> terms.add(SIGNAL + value));
        return terms;
    }

    /** The terms of one tag of a company: its canonical form, then its ancestors. */
    public List<String> tagTerms(Tag tag) {
        return taxonomy.expand(tag).stream().map(Tag::toString).toList();
    }

    /** The term a query for {@code tag} looks up: its canonical form. */
    public String tagTerm(Tag tag) {
        return taxonomy.canonical(tag).toString();
    }

    static String size(SizeBand band) {
        return SIZE + band.name().toLowerCase(Locale.ROOT);
    }

    private void addTag(Set<String> terms, Tag tag) {
        terms.addAll(tagTerms(tag));
    }
}
