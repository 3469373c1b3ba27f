package dev.ecosystem.navigator.internal;

import dev.ecosystem.error.EcosystemException;
import dev.ecosystem.internal.ListedCompanies;
import dev.ecosystem.internal.ListedValues;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.Tag;
import dev.ecosystem.navigator.CategoryRelations;
import dev.ecosystem.navigator.OverlapSignal;
import dev.ecosystem.navigator.TagTaxonomy;
import dev.ecosystem.spi.PartnerStore;
import dev.ecosystem.spi.ProviderException;
import dev.ecosystem.spi.StoreTransaction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
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

    /** How many changed companies {@link #refresh} reads per store transaction. */
    private static final int BATCH = 10_000;

    private final PartnerStore store;
    private final TagTaxonomy taxonomy;
    private final CategoryRelations relations;
    private final @Nullable OverlapSignal overlap;
    private final CompanyTerms terms;
    private final TermDictionary dictionary = new TermDictionary();
    private final TermEncoder encoder;
    private volatile @Nullable TagIndex index;
    private volatile long loadedRevision;
    private volatile long reflectedRevision;
    // Whether documents carry their company's record: only when the store hands out the records it keeps in memory
    // (the in-memory store), so the index holds a reference to each, not a copy.
    private volatile boolean keepsRecords;

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
        this.encoder = new TermEncoder(terms, dictionary);
    }

    /** The current view of the index, loading it from the store the first time. */
    public Snapshot snapshot() {
        TagIndex current = index;
        return (current != null ? current : load()).snapshot();
    }

    /**
     * Re-reads these companies from the store and updates the index; a no-op until the index is first used. Every
     * company is read anew and replaces its document (microseconds each, whatever the index's size), so a bulk import
     * of 100,000 companies updates the index instead of rebuilding it; the store is read {@value #BATCH} companies
     * per transaction. A company whose terms did not change leaves the index as it is (the change feed brings the
     * client's own writes back).
     */
    public synchronized void refresh(Collection<CompanyId> companies) {
        TagIndex current = index;
        if (current == null || companies.isEmpty()) {
            return;
        }
        List<CompanyId> ids = List.copyOf(companies);
        List<String> keys = new ArrayList<>(ids.size());
        List<int @Nullable []> terms = new ArrayList<>(ids.size());
        boolean records = keepsRecords;
        List<@Nullable Company> values = new ArrayList<>(records ? ids.size() : 0);
        // Reading the store under this lock, after the change committed, makes the last refresh win.
        try {
            for (int from = 0; from < ids.size(); from += BATCH) {
                List<CompanyId> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
                store.useTransaction(tx -> {
                    for (CompanyId id : batch) {
                        Company company = tx.companies().get(id);
                        int[] encoded = company == null || !company.listed() ? null
                                : encoder.encode(company, roleTags(tx, id));
                        keys.add(id.value());
                        terms.add(encoded);
                        if (records) {
                            values.add(encoded == null ? null : company);
                        }
                    }
                });
            }
        } catch (RuntimeException e) {
            // The change itself is stored; rather than fail the caller, build the index anew on the next search.
            index = null;
            reflectedRevision = 0;
            LOG.warn("Navigator index could not re-read {} changed companies; it will be rebuilt", companies.size(), e);
            return;
        }
        // All at once: one look-up per company, one new view for readers, and at most one merge however many
        // companies changed; the companies whose terms and record are as indexed are left as they are.
        int changed = current.updateChanged(keys, terms, records ? values : null);
        LOG.debug("Navigator index refreshed {} companies, {} changed", companies.size(), changed);
    }

    /**
     * The store's change-feed revision up to which every company change is in the index; read before
     * {@link #snapshot()}, the snapshot reflects at least those. 0 when unknown (a store without a feed).
     */
    public long reflectedRevision() {
        return reflectedRevision;
    }

    /**
     * Notes that every change up to {@code revision} has been {@link #refresh refreshed} into the index (the change
     * follower calls it after each batch it applied).
     */
    public synchronized void caughtUp(long revision) {
        if (index != null && revision > reflectedRevision) {
            reflectedRevision = revision;
        }
    }

    /**
     * The company record a document was indexed with: the in-memory store's own record as of the index's last
     * refresh of it, or null when the index keeps no records (other stores, whose records would be copies).
     */
    public static @Nullable Company record(Snapshot snapshot, int doc) {
        return snapshot.value(doc) instanceof Company company ? company : null;
    }

    /** Drops the index, so that the next search loads it anew from the store. */
    public synchronized void invalidate() {
        index = null;
        reflectedRevision = 0;
    }

    /**
     * The store's change-feed revision the index reflected when it was last loaded: every change up to it is in the
     * index. 0 before the first load and for a store without a feed.
     */
    public long loadedRevision() {
        return loadedRevision;
    }

    /**
     * Loads every listed company in one pass over the store, in the store's id order, straight into flat arrays: no
     * per-company map or set is kept, so a load needs little more memory than the index itself.
     */
    private synchronized TagIndex load() {
        TagIndex current = index;
        if (current != null) {
            return current;
        }
        long revision = latestRevision();
        DocumentsBuilder documents = new DocumentsBuilder();
        store.useTransaction(tx -> {
            documents.clear(); // the store may run the work again after a conflict
            if (tx instanceof ListedCompanies listed) {
                // The in-memory store's records as they are: no profile text to build and parse again.
                documents.keepRecords();
                documents.reserve(listed.companyCount());
                listed.forEachListedCompany((company, roles) -> {
                    int length = encoder.encodeInto(company, roles); // may replace the buffer: asked for after
                    documents.add(company.id().value(), encoder.encoded(), length);
                    documents.record(company);
                });
            } else if (tx instanceof ListedValues listed) {
                // The JDBC store's rows decoded straight into terms: no profile object per company.
                documents.reserve(listed.companyCount());
                listed.forEachListedValue(encoder.sink(documents::add));
            } else {
                // One pass over every listed profile in id order (a store may stream them; see forEachListedProfile).
                tx.forEachListedProfile(profile -> {
                    int[] terms = encoder.encode(profile);
                    documents.add(profile.id().value(), terms, terms.length);
                });
            }
        });
        current = documents.build(dictionary);
        keepsRecords = documents.hasRecords();
        index = current;
        loadedRevision = revision;
        reflectedRevision = revision;
        LOG.debug("Navigator index loaded {} listed companies", current.snapshot().liveCount());
        return current;
    }

    /** The store's latest change revision, read before a load so the follower misses no change; 0 without a feed. */
    private long latestRevision() {
        try {
            return store.inTransaction(tx -> tx.changes().latestRevision());
        } catch (ProviderException e) {
            throw e;
        } catch (EcosystemException e) {
            return 0; // no change feed: the follower does not run
        }
    }

    /** The documents of a load, appended in key order to growing flat arrays. */
    private static final class DocumentsBuilder {
        private String[] keys = new String[1024];
        private Object @Nullable [] records;
        private int[] starts = new int[1025];
        private int[] terms = new int[16 * 1024];
        private int size;

        void clear() {
            size = 0;
            records = null;
        }

        /** From now on every document carries a record, given by {@link #record} after it is added. */
        void keepRecords() {
            records = new Object[keys.length];
        }

        /** Gives the document added last its record. */
        void record(Company company) {
            Object[] kept = records;
            if (kept == null) {
                throw new IllegalStateException("records are not kept");
            }
            if (kept.length < keys.length) {
                kept = Arrays.copyOf(kept, keys.length);
                records = kept;
            }
            kept[size - 1] = company;
        }

        boolean hasRecords() {
            return records != null;
        }

        /**
         * Makes room for {@code documents} documents of about ten terms each at once, instead of growing: at ten
         * million documents each doubling would hold the old and the new array at once, beside the index.
         */
        void reserve(long documents) {
            int capacity = (int) Math.min(documents, Integer.MAX_VALUE - 16);
            if (capacity > keys.length) {
                keys = Arrays.copyOf(keys, capacity);
                starts = Arrays.copyOf(starts, capacity + 1);
                terms = Arrays.copyOf(terms, (int) Math.min(capacity * 12L, Integer.MAX_VALUE - 16));
            }
        }

        /** Appends a document: its key and the first {@code length} terms of {@code docTerms}. */
        void add(String key, int[] docTerms, int length) {
            // Growing by half, not double: past a reserved size that was an estimate, doubling would hold both
            // arrays of hundreds of megabytes at once.
            if (size + 1 == starts.length) {
                keys = Arrays.copyOf(keys, size + size / 2 + 16);
                starts = Arrays.copyOf(starts, size + size / 2 + 17);
            }
            int from = starts[size];
            if (from + length > terms.length) {
                terms = Arrays.copyOf(terms, Math.max(terms.length + terms.length / 2, from + length));
            }
            System.arraycopy(docTerms, 0, terms, from, length);
            keys[size] = key;
            starts[++size] = from + length;
        }

        /**
         * The index of the documents, handing it these arrays where they are (nearly) full, as a copy of arrays of
         * hundreds of megabytes would need as much heap again for a moment: the index reads the terms up to the end
         * {@code starts} gives, and up to one eighth of the terms array left unused is cheaper than the copy.
         */
        TagIndex build(TermDictionary dictionary) {
            int end = starts[size];
            return TagIndex.ofSorted(dictionary, size == keys.length ? keys : Arrays.copyOf(keys, size),
                    records == null ? null : Arrays.copyOf(records, size),
                    size + 1 == starts.length ? starts : Arrays.copyOf(starts, size + 1),
                    terms.length - end <= terms.length / 8 ? terms : Arrays.copyOf(terms, end));
        }
    }

    /**
     * The role tags of the company's people (one store read for a company without contacts, the usual case; the
     * in-memory store's rows as they are, with no contact built).
     */
    private static Collection<Tag> roleTags(StoreTransaction tx, CompanyId company) {
        if (tx instanceof ListedCompanies listed) {
            return listed.roleTags(company);
        }
        Page<Contact> page = tx.contacts().list(company, PageRequest.first(PageRequest.MAX_SIZE));
        if (page.items().isEmpty()) {
            return Set.of();
        }
        Set<Tag> roles = new TreeSet<>();
        while (true) {
            page.items().forEach(contact -> roles.addAll(contact.roleTags()));
            @Nullable String cursor = page.nextCursor();
            if (cursor == null) {
                return roles;
            }
            page = tx.contacts().list(company, PageRequest.after(cursor, PageRequest.MAX_SIZE));
        }
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
