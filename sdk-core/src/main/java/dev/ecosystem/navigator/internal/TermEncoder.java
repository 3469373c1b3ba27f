package dev.ecosystem.navigator.internal;

import dev.ecosystem.internal.ListedValues;
import dev.ecosystem.internal.ListedValues.Field;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.SizeBand;
import dev.ecosystem.model.Tag;
import dev.ecosystem.spi.ListedProfile;
import java.nio.charset.StandardCharsets;
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
    private final Map<String, Map<String, Integer>> values = new HashMap<>();
    /** Per {@link Field}, the term ids of each value a store streamed, by its bytes. */
    private final Utf8Codes[] byField = new Utf8Codes[Field.values().length];
    private int[] buffer = new int[64];

    TermEncoder(CompanyTerms terms, TermDictionary dictionary) {
        this.terms = terms;
        this.dictionary = dictionary;
        Arrays.setAll(byField, field -> new Utf8Codes());
    }

    /**
     * The term ids of a profile a store handed over in bulk: the same terms as {@link #encode(Company, Collection)}
     * gives the company it was read from (its tags as text, its primary category first among its categories).
     */
    int[] encode(ListedProfile profile) {
        Values values = new Values((key, terms, length) -> { });
        values.add(Field.BUSINESS_TAG, profile.businessTags());
        values.add(Field.ROLE_TAG, profile.roleTags());
        values.add(Field.INDUSTRY, profile.industries());
        values.add(Field.REGION, profile.regions());
        if (profile.sizeBand() != null) {
            values.add(Field.SIZE_BAND, List.of(profile.sizeBand().name()));
        }
        values.add(Field.PRODUCT_CATEGORY, profile.productCategories());
        values.add(Field.SIGNAL, profile.signals());
        return distinctSorted(values.n);
    }

    /**
     * A sink that encodes each company's values as a store streams them ({@link ListedValues}) and hands its sorted,
     * distinct term ids to {@code documents}, in {@link #encoded()}: no profile, list, string or tag object per
     * company, and one lookup of a value's bytes for all its terms.
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

        void add(Field field, List<String> texts) {
            for (String text : texts) {
                byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                value(field, utf8, 0, utf8.length);
            }
        }

        @Override
        public void value(Field field, byte[] utf8, int from, int to) {
            int[] ids = ids(field, utf8, from, to);
            if (field != Field.PRODUCT_CATEGORY) {
                for (int id : ids) {
                    n = append(n, id);
                }
                return;
            }
            n = append(n, ids[0]);
            if (!hasPrimary) {
                hasPrimary = true;
                n = append(n, ids[1]);
            }
        }

        @Override
        public void end(String id) {
            int length = sortDistinct(n);
            n = 0;
            hasPrimary = false;
            documents.add(id, buffer, length);
        }
    }

    /** The term ids of a value given as UTF-8 bytes; a product category's: as a category, then as the primary one. */
    private int[] ids(Field field, byte[] utf8, int from, int to) {
        Utf8Codes codes = byField[field.ordinal()];
        int[] ids = codes.get(utf8, from, to);
        if (ids == null) {
            String value = new String(utf8, from, to - from, StandardCharsets.UTF_8);
            ids = switch (field) {
                case BUSINESS_TAG, ROLE_TAG -> tagIds(Tag.parse(value));
                case INDUSTRY -> new int[] {dictionary.encode(CompanyTerms.INDUSTRY + value)};
                case REGION -> new int[] {dictionary.encode(CompanyTerms.REGION + value)};
                case SIZE_BAND -> new int[] {dictionary.encode(CompanyTerms.size(SizeBand.valueOf(value)))};
                case PRODUCT_CATEGORY -> new int[] {dictionary.encode(CompanyTerms.CATEGORY + value),
                    dictionary.encode(CompanyTerms.PRIMARY + value)};
                case SIGNAL -> new int[] {dictionary.encode(CompanyTerms.SIGNAL + value)};
            };
            codes.put(utf8, from, to, ids);
        }
        return ids;
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
    private int addTag(int n, Tag tag) {
        int at = n;
        for (int id : tagIds(tag)) {
            at = append(at, id);
        }
        return at;
    }

    /** The ids of a tag's terms (its canonical form and ancestors), expanded once per distinct tag. */
    private int[] tagIds(Tag tag) {
        int[] ids = tags.get(tag);
        if (ids == null) {
            List<String> tagTerms = terms.tagTerms(tag);
            ids = new int[tagTerms.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = dictionary.encode(tagTerms.get(i));
            }
            tags.put(tag, ids);
        }
        return ids;
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
