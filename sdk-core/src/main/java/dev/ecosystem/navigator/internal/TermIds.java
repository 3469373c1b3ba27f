package dev.ecosystem.navigator.internal;

import dev.ecosystem.model.SizeBand;
import dev.ecosystem.spi.ListedProfile;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The term ids of listed profiles ({@link CompanyTerms} encoded by the {@link TermDictionary}), remembering the ids
 * of every value seen: a load of millions of profiles then spends no string building or set per profile, only one
 * look-up per value. Ids may repeat within a profile (the index drops repeats). One writer at a time, like the
 * dictionary.
 */
final class TermIds {
    /** Distinct values remembered per kind; beyond, values are encoded each time. */
    private static final int REMEMBERED = 100_000;

    private final CompanyTerms terms;
    private final TermDictionary dictionary;
    private final Map<String, int[]> tags = new HashMap<>();
    private final Map<String, Integer> industries = new HashMap<>();
    private final Map<String, Integer> regions = new HashMap<>();
    private final Map<String, Integer> categories = new HashMap<>();
    private final Map<String, Integer> primaries = new HashMap<>();
    private final Map<String, Integer> signals = new HashMap<>();

    TermIds(CompanyTerms terms, TermDictionary dictionary) {
        this.terms = terms;
        this.dictionary = dictionary;
    }

    /** The profile's term ids, adding new terms to the dictionary. */
    int[] of(ListedProfile profile) {
        Ids ids = new Ids();
        profile.businessTags().forEach(tag -> ids.addAll(tagIds(tag)));
        profile.roleTags().forEach(tag -> ids.addAll(tagIds(tag)));
        profile.industries().forEach(value -> ids.add(id(industries, CompanyTerms.INDUSTRY, value)));
        profile.regions().forEach(value -> ids.add(id(regions, CompanyTerms.REGION, value)));
        profile.productCategories().forEach(value -> ids.add(id(categories, CompanyTerms.CATEGORY, value)));
        if (!profile.productCategories().isEmpty()) {
            ids.add(id(primaries, CompanyTerms.PRIMARY, profile.productCategories().get(0)));
        }
        SizeBand band = profile.sizeBand();
        if (band != null) {
            ids.add(dictionary.encode(CompanyTerms.size(band)));
        }
        profile.signals().forEach(value -> ids.add(id(signals, CompanyTerms.SIGNAL, value)));
        return Arrays.copyOf(ids.ids, ids.size);
    }

    /** A growing list of ids. */
    private static final class Ids {
        private int[] ids = new int[16];
        private int size;

        void add(int id) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
            }
            ids[size++] = id;
        }

        void addAll(int[] more) {
            for (int id : more) {
                add(id);
            }
        }
    }

    private int[] tagIds(String tag) {
        int[] ids = tags.get(tag);
        if (ids == null) {
            ids = terms.expand(tag).stream().mapToInt(dictionary::encode).toArray();
            if (tags.size() < REMEMBERED) {
                tags.put(tag, ids);
            }
        }
        return ids;
    }

    private int id(Map<String, Integer> known, String namespace, String value) {
        Integer id = known.get(value);
        if (id == null) {
            id = dictionary.encode(namespace + value);
            if (known.size() < REMEMBERED) {
                known.put(value, id);
            }
        }
        return id;
    }
}
