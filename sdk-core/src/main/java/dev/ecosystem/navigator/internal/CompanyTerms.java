package dev.ecosystem.navigator.internal;

import dev.ecosystem.model.SizeBand;
import dev.ecosystem.model.Tag;
import dev.ecosystem.navigator.TagTaxonomy;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

    /** Distinct tags whose expansion is kept; tags are a vocabulary, but one built by hosts, so it is bounded. */
    private static final int CACHED_TAGS = 100_000;

    private final TagTaxonomy taxonomy;
    /** Each tag text's terms (its canonical form and ancestors): a bulk load parses every distinct tag once. */
    private final Map<String, List<String>> expansions = new ConcurrentHashMap<>();

    /** Terms expanded through {@code taxonomy}. */
    public CompanyTerms(TagTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    /** The term a query for {@code tag} looks up: its canonical form. */
    public String tagTerm(Tag tag) {
        return taxonomy.canonical(tag).toString();
    }

    static String size(SizeBand band) {
        return SIZE + band.name().toLowerCase(Locale.ROOT);
    }

    /** The terms of a tag given as text ({@code business:crm}): its canonical form and ancestors. */
    List<String> expand(String tag) {
        List<String> cached = expansions.get(tag);
        if (cached != null) {
            return cached;
        }
        List<String> terms = taxonomy.expand(Tag.parse(tag)).stream().map(Tag::toString).toList();
        if (expansions.size() < CACHED_TAGS) {
            expansions.put(tag, terms);
        }
        return terms;
    }
}
