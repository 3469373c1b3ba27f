package dev.ecosystem.navigator.internal;

import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.Tag;
import dev.ecosystem.navigator.CategoryRelations;
import dev.ecosystem.navigator.OverlapSignal;
import dev.ecosystem.navigator.TagTaxonomy;
import dev.ecosystem.spi.ListedProfile;
import dev.ecosystem.spi.PartnerStore;
import dev.ecosystem.spi.StoreTransaction;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one index of listed companies a client shares between all its tenants' navigators. Built from the store on
 * first use, then kept current by {@link #refresh} after every committed transaction that changed a company or its
 * people: at once for the client's own writes (see {@link IndexingPartnerStore}), within a poll interval for other
 * nodes' writes (see {@link ChangeFollower}). Unlisted companies are not in it at all.
 */
public final class NavigatorIndex {
    private static final Logger LOG = LoggerFactory.getLogger(NavigatorIndex.class);

    private static final int REBUILD_ABOVE = 10_000;

    private final PartnerStore store;
    private final TagTaxonomy taxonomy;
    private final CategoryRelations relations;
    private final @Nullable OverlapSignal overlap;
    private final CompanyTerms terms;
    private final TermDictionary dictionary = new TermDictionary();
    private final TermIds termIds;
    private volatile @Nullable TagIndex index;

    /**
     * An index over the companies of {@code store}.
     *
     * @param store the store it reads (not the indexing wrapper around it)
     * @param taxonomy tag synonyms and hierarchy
     * @param relations product category relations
     * @param overlap shared customer counts, or null for those of account mapping
     */
    public NavigatorIndex(PartnerStore store, TagTaxonomy taxonomy, CategoryRelations relations,
            @Nullable OverlapSignal overlap) {
        this.store = store;
        this.taxonomy = taxonomy;
        this.relations = relations;
        this.overlap = overlap;
        this.terms = new CompanyTerms(taxonomy);
        this.termIds = new TermIds(terms, dictionary);
    }

    /** The current view of the index, loading it from the store the first time. */
    public Snapshot snapshot() {
        TagIndex current = index;
        return (current != null ? current : load()).snapshot();
    }

    /** Re-reads these companies from the store and updates the index; a no-op until the index is first used. */
    public synchronized void refresh(Collection<CompanyId> companies) {
        TagIndex current = index;
        if (current == null || companies.isEmpty()) {
            return;
        }
        if (companies.size() > REBUILD_ABOVE) {
            index = null; // a bulk import: building anew on the next search is faster than many updates
            return;
        }
        // Reading the store under this lock, after the change committed, makes the last refresh win.
        try {
            store.useTransaction(tx -> {
                for (CompanyId id : companies) {
                    Company company = tx.companies().get(id);
                    if (company == null || !company.listed()) {
                        current.remove(id.value());
                    } else {
                        current.put(id.value(), encode(ListedProfile.of(company, roleTags(tx, id))));
                    }
                }
            });
        } catch (RuntimeException e) {
            // The change itself is stored; rather than fail the caller, build the index anew on the next search.
            index = null;
            LOG.warn("Navigator index could not re-read {} changed companies; it will be rebuilt", companies.size(), e);
            return;
        }
        LOG.debug("Navigator index refreshed {} companies", companies.size());
    }

    /** Drops the index, so that the next search loads it anew from the store. */
    public synchronized void invalidate() {
        index = null;
    }

    private synchronized TagIndex load() {
        TagIndex current = index;
        if (current != null) {
            return current;
        }
        Documents documents = new Documents();
        // One streaming read of every listed profile (see StoreTransaction.forEachListedProfile), in id order.
        store.useTransaction(tx -> tx.forEachListedProfile(profile -> documents.add(profile.id().value(),
                encode(profile))));
        current = documents.build(dictionary);
        index = current;
        LOG.debug("Navigator index loaded {} listed companies", documents.size);
        return current;
    }

    private int[] encode(ListedProfile profile) {
        return termIds.of(profile);
    }

    /** The documents of a load, appended in key order into flat arrays (sorted at the end if they were not). */
    private static final class Documents {
        private String[] keys = new String[1024];
        private int[] starts = new int[1025];
        private int[] terms = new int[8192];
        private int size;
        private boolean ascending = true;

        void add(String key, int[] docTerms) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                starts = Arrays.copyOf(starts, size * 2 + 1);
            }
            int end = starts[size];
            while (end + docTerms.length > terms.length) {
                terms = Arrays.copyOf(terms, terms.length * 2);
            }
            System.arraycopy(docTerms, 0, terms, end, docTerms.length);
            ascending &= size == 0 || keys[size - 1].compareTo(key) < 0;
            keys[size++] = key;
            starts[size] = end + docTerms.length;
        }

        TagIndex build(TermDictionary dictionary) {
            if (ascending) {
                return TagIndex.build(dictionary, Arrays.copyOf(keys, size), starts, terms);
            }
            // A store that does not keep id order: sort, the last document of a key winning.
            Map<String, int[]> byKey = new TreeMap<>();
            for (int doc = 0; doc < size; doc++) {
                byKey.put(keys[doc], Arrays.copyOfRange(terms, starts[doc], starts[doc + 1]));
            }
            Documents sorted = new Documents();
            byKey.forEach(sorted::add);
            return sorted.build(dictionary);
        }
    }

    private static Set<Tag> roleTags(StoreTransaction tx, CompanyId company) {
        Set<Tag> roles = new TreeSet<>();
        @Nullable String cursor = null;
        do {
            Page<Contact> page = tx.contacts().list(company, PageRequest.after(cursor, PageRequest.MAX_SIZE));
            page.items().forEach(contact -> roles.addAll(contact.roleTags()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return roles;
    }

    /** The term dictionary. */
    public TermDictionary dictionary() {
        return dictionary;
    }

    /** How companies become terms. */
    public CompanyTerms terms() {
        return terms;
    }

    /** The host's tag taxonomy. */
    public TagTaxonomy taxonomy() {
        return taxonomy;
    }

    /** The host's category relations. */
    public CategoryRelations relations() {
        return relations;
    }

    /** The host's overlap signal, or null when account mapping supplies the counts. */
    public @Nullable OverlapSignal overlap() {
        return overlap;
    }
}
