package dev.ecosystem.navigator.internal;

import dev.ecosystem.internal.ListedValues;
import dev.ecosystem.internal.ListedValues.Field;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.SizeBand;
import dev.ecosystem.model.Tag;
import dev.ecosystem.spi.ListedProfile;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns companies into the sorted, distinct term ids the index holds, the terms of {@link CompanyTerms}. Every
 * distinct tag or attribute value is expanded and encoded once and remembered, since the same few thousand values
 * recur across millions of companies: building the index then costs a few hash lookups per company instead of
 * string building, taxonomy expansion and dictionary lookups per value. Single writer: used under the index's lock.
 */
final class TermEncoder {
    private final CompanyTerms terms;
    private final TermDictionary dictionary;
    private final Map<Tag, int[]> tags = new HashMap<>();
    private final Map<String, Tag> parsedTags = new HashMap<>();
    private final Map<String, Map<String, Integer>> values = new HashMap<>();
    private final Map<String, Integer> sizeBands = new HashMap<>();
    private int[] buffer = new int[64];

    TermEncoder(CompanyTerms terms, TermDictionary dictionary) {
        this.terms = terms;
        this.dictionary = dictionary;
    }

    /**
     * The term ids of a profile a store handed over in bulk: the same terms as {@link #encode(Company, Collection)}
     * gives the company it was read from (its tags as text, its primary category first among its categories).
     */
    int[] encode(ListedProfile profile) {
        Values values = new Values((key, terms, length) -> { });
        profile.businessTags().forEach(tag -> values.value(Field.BUSINESS_TAG, tag));
        profile.roleTags().forEach(tag -> values.value(Field.ROLE_TAG, tag));
        profile.industries().forEach(value -> values.value(Field.INDUSTRY, value));
        profile.regions().forEach(value -> values.value(Field.REGION, value));
        if (profile.sizeBand() != null) {
            values.value(Field.SIZE_BAND, profile.sizeBand().name());
        }
        profile.productCategories().forEach(value -> values.value(Field.PRODUCT_CATEGORY, value));
        profile.signals().forEach(value -> values.value(Field.SIGNAL, value));
        return distinctSorted(values.n);
    }

    /**
     * A sink that encodes each company's values as a store streams them ({@link ListedValues}) and hands its sorted,
     * distinct term ids to {@code documents}, in {@link #encoded()}: no profile, list or tag object per company.
     */
    ListedValues.Sink sink(Documents documents) {
        return new Values(documents);
    }

    /** Where {@link #sink} hands each company's terms. */
    @FunctionalInterface
    interface Documents {
        /** The company {@code key} has the first {@code length} terms of {@code terms}, valid during the call only. */
        void add(String key, int[] terms, int length);
    }

    /** Encodes values as they come into the buffer; the first product category is also the primary one. */
    private final class Values implements ListedValues.Sink {
        private final Documents documents;
        private int n;
        private boolean hasPrimary;

        Values(Documents documents) {
            this.documents = documents;
        }

        @Override
        public void value(Field field, String value) {
            n = switch (field) {
                case BUSINESS_TAG, ROLE_TAG -> addTag(n, value);
                case INDUSTRY -> add(n, CompanyTerms.INDUSTRY, value);
                case REGION -> add(n, CompanyTerms.REGION, value);
                case SIZE_BAND -> addSize(n, value);
                case PRODUCT_CATEGORY -> addCategory(n, value);
                case SIGNAL -> add(n, CompanyTerms.SIGNAL, value);
            };
        }

        private int addCategory(int at, String value) {
            int next = add(at, CompanyTerms.CATEGORY, value);
            if (hasPrimary) {
                return next;
            }
            hasPrimary = true;
            return add(next, CompanyTerms.PRIMARY, value);
        }

        @Override
        public void end(String id) {
            int length = sortDistinct(n);
            n = 0;
            hasPrimary = false;
            documents.add(id, buffer, length);
        }
    }

    /** The company's term ids, sorted and distinct, given the role tags of its people. */
    int[] encode(Company company, Collection<Tag> roleTags) {
        return Arrays.copyOf(buffer, encodeInto(company, roleTags));
    }

    /**
     * Writes the company's term ids, sorted and distinct, to the start of {@link #encoded()} and returns how many
     * there are: {@link #encode(Company, Collection)} without a new array, for a load that copies them on at once.
     *
     * @param roleTags the role tags of its people, repeats allowed
     */
    int encodeInto(Company company, Collection<Tag> roleTags) {
        int n = 0;
        for (Tag tag : company.businessTags()) {
            n = addTag(n, tag);
        }
        for (Tag tag : roleTags) {
            n = addTag(n, tag);
        }
        for (String value : company.industries()) {
            n = add(n, CompanyTerms.INDUSTRY, value);
        }
        for (String value : company.regions()) {
            n = add(n, CompanyTerms.REGION, value);
        }
        if (company.sizeBand() != null) {
            n = add(n, "", CompanyTerms.size(company.sizeBand()));
        }
        for (String value : company.productCategories()) {
            n = add(n, CompanyTerms.CATEGORY, value);
        }
        String primary = company.primaryCategory();
        if (primary != null) {
            n = add(n, CompanyTerms.PRIMARY, primary);
        }
        for (String value : company.signals()) {
            n = add(n, CompanyTerms.SIGNAL, value);
        }
        return sortDistinct(n);
    }

    /** The buffer {@link #encodeInto} writes to; overwritten by the next encoding. */
    int[] encoded() {
        return buffer;
    }

    private int[] distinctSorted(int n) {
        return Arrays.copyOf(buffer, sortDistinct(n));
    }

    private int sortDistinct(int n) {
        Arrays.sort(buffer, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (distinct == 0 || buffer[i] != buffer[distinct - 1]) {
                buffer[distinct++] = buffer[i];
            }
        }
        return distinct;
    }
    /** A tag given as text ({@code business:crm}), parsed once per distinct text. */
    private int addTag(int n, String tag) {
        Tag parsed = parsedTags.get(tag);
        if (parsed == null) {
            parsed = Tag.parse(tag);
            parsedTags.put(tag, parsed);
        }
        return addTag(n, parsed);
    }

    private int addTag(int n, Tag tag) {
        int[] ids = tags.get(tag);
        if (ids == null) {
            List<String> tagTerms = terms.tagTerms(tag);
            ids = new int[tagTerms.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = dictionary.encode(tagTerms.get(i));
            }
            tags.put(tag, ids);
        }
        int at = n;
        for (int id : ids) {
            at = append(at, id);
        }
        return at;
    }

    /** A size band given by its name ({@code MEDIUM}). */
    private int addSize(int n, String band) {
        Integer id = sizeBands.get(band);
        if (id == null) {
            id = dictionary.encode(CompanyTerms.size(SizeBand.valueOf(band)));
            sizeBands.put(band, id);
        }
        return append(n, id);
    }

    private int add(int n, String prefix, String value) {
        Map<String, Integer> ids = values.computeIfAbsent(prefix, p -> new HashMap<>());
        Integer id = ids.get(value);
        if (id == null) {
            id = dictionary.encode(prefix + value);
            ids.put(value, id);
        }
        return append(n, id);
    }

    private int append(int n, int id) {
        if (n == buffer.length) {
            buffer = Arrays.copyOf(buffer, n * 2);
        }
        buffer[n] = id;
        return n + 1;
    }
}
