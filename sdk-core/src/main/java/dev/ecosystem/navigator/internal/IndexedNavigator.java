package dev.ecosystem.navigator.internal;

import dev.ecosystem.error.AccessDeniedException;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.spi.support.Cursors;
import dev.ecosystem.internal.SdkContext;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.ChangeKind;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.Partnership;
import dev.ecosystem.model.PartnershipStatus;
import dev.ecosystem.model.StoreChange;
import dev.ecosystem.model.Criterion;
import dev.ecosystem.model.IdealPartnerProfile;
import dev.ecosystem.navigator.Navigator;
import dev.ecosystem.navigator.OverlapSignal;
import dev.ecosystem.navigator.PartnerMatch;
import dev.ecosystem.overlap.Overlaps;
import dev.ecosystem.spi.StoreTransaction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link Navigator} of one company, on the client's shared {@link NavigatorIndex}. */
public final class IndexedNavigator implements Navigator {
    private static final Logger LOG = LoggerFactory.getLogger(IndexedNavigator.class);
    private static final String LISTING = "navigator.search";
    /** Above this many company changes since the snapshot, a search reads its results' records from the store. */
    private static final int CHANGES_READ = 256;
    private static final int[] NO_DOCS = new int[0];

    private final SdkContext context;
    private final NavigatorIndex index;
    private final CompanyId searcher;
    private final Overlaps overlaps;

    /**
     * The navigator of {@code searcher}.
     *
     * @param overlaps the searcher's account mapping, for shared customer counts when the host supplies no
     *     {@link dev.ecosystem.navigator.OverlapSignal}
     */
    public IndexedNavigator(SdkContext context, NavigatorIndex index, CompanyId searcher, Overlaps overlaps) {
        this.context = context;
        this.index = index;
        this.searcher = searcher;
        this.overlaps = overlaps;
    }

    /** The last match of a page: where the next page starts. */
    private record After(long units, String key) {
    }

    /**
     * What a search or evaluation reads from the store before it scores, in its one transaction: the searcher's
     * profile, its current partners, and the companies blocked in either direction: those it blocks and those that
     * block it (document ids of the snapshot, ascending).
     */
    private record Searcher(Company self, List<CompanyId> partners, int[] partnerDocs, int[] blockedDocs) {
    }

    /**
     * One index snapshot and one store transaction: the transaction reads the searcher, its partners and the blocks
     * either way, and the search runs inside it, so every result is checked against the same read of the store (still
     * listed, not blocked either way) before it is shown. The blocks are two lists read once each, left out of the
     * search up front: asking the store about each result (a query per result on a database) cost more than the
     * search. The search itself is in-memory work of a millisecond or less; the only call that may wait on the host,
     * its {@link OverlapSignal}, is asked before the transaction.
     *
     * <p>A result's record comes from the index when the index keeps records (the in-memory store's) and the store's
     * change feed, read in the same transaction, shows no change to that company since the snapshot; else from the
     * store. A lookup per result in a store of a million companies cost more than the rest of the check.
     */
    @Override
    public Page<PartnerMatch> search(IdealPartnerProfile profile, PageRequest page) {
        Checks.required(profile, "profile");
        Checks.required(page, "page");
        @Nullable After after = decode(page.cursor());
        long reflected = index.reflectedRevision(); // before the snapshot, which then reflects at least as much
        Snapshot snapshot = index.snapshot();
        @Nullable Map<CompanyId, Integer> asked = askOverlap(profile);
        return context.store().inTransaction(tx -> {
            Searcher reading = read(tx, snapshot);
            ProfileQuery query = compile(profile, snapshot, reading, asked);
            Records records = new Records(tx, snapshot, reflected);
            return search(records, query, reading.self().listed(), profile.includeExistingPartners() ? NO_DOCS
                    : reading.partnerDocs(), reading.blockedDocs(), after, page.size());
        });
    }

    /**
     * The companies whose profile changed in the store after {@code revision}, or null when that is not known (no
     * change feed, or more than {@value #CHANGES_READ} changes since).
     */
    private static @Nullable Set<String> changedSince(StoreTransaction tx, long revision) {
        if (revision <= 0) {
            return null;
        }
        List<StoreChange> changes = tx.changes().after(revision, CHANGES_READ + 1);
        if (changes.size() > CHANGES_READ) {
            return null;
        }
        Set<String> companies = new HashSet<>();
        for (StoreChange change : changes) {
            if (change.kind() == ChangeKind.COMPANY) {
                companies.add(change.company().value());
            }
        }
        return companies;
    }

    /**
     * The current records of a snapshot's documents as of one store transaction: the record the index kept when the
     * company has not changed since the snapshot (the change feed is read once, when a kept record is first asked
     * for), else the store's.
     */
    private static final class Records {
        private final StoreTransaction tx;
        private final Snapshot snapshot;
        private final long reflected;
        private boolean feedRead;
        private @Nullable Set<String> changed;

        /** @param reflected the change-feed revision the snapshot reflects at least, 0 when unknown */
        Records(StoreTransaction tx, Snapshot snapshot, long reflected) {
            this.tx = tx;
            this.snapshot = snapshot;
            this.reflected = reflected;
        }

        Snapshot snapshot() {
            return snapshot;
        }

        /** The document's company as the store has it now, or null when it is not there any more. */
        @Nullable Company current(int doc) {
            return current(doc, NavigatorIndex.record(snapshot, doc));
        }

        /**
         * The companies of the first {@code n} documents as the store has them now, null where gone. The kept
         * records are read first, all of them: reads of a million-record array miss the cache, and reads that do
         * not wait on each other overlap their misses.
         */
        @Nullable Company[] current(int[] docs, int n) {
            @Nullable Company[] companies = new Company[n];
            for (int i = 0; i < n; i++) {
                companies[i] = NavigatorIndex.record(snapshot, docs[i]);
            }
            for (int i = 0; i < n; i++) {
                companies[i] = current(docs[i], companies[i]);
            }
            return companies;
        }

        /** {@code kept}, the document's record in the index (or null), when the store has not changed it since. */
        private @Nullable Company current(int doc, @Nullable Company kept) {
            if (kept != null) {
                if (!feedRead) {
                    changed = changedSince(tx, reflected);
                    feedRead = true;
                }
                @Nullable Set<String> since = changed;
                if (since != null && (since.isEmpty() || !since.contains(kept.id().value()))) {
                    return kept;
                }
            }
            return tx.companies().get(kept != null ? kept.id() : CompanyId.of(snapshot.key(doc)));
        }
    }

    /**
     * The page of matches, read and checked in the transaction of {@code records}.
     *
     * @param searcherListed whether the searcher is listed in the store, so may be in the index
     * @param blocked the documents of the companies blocked either way, ascending: never results
     */
    private Page<PartnerMatch> search(Records records, ProfileQuery query, boolean searcherListed, int[] partners,
            int[] blocked, @Nullable After after, int size) {
        Snapshot snapshot = records.snapshot();
        boolean weightedTerms = query.isWeightedTermsOnly();
        // One more tells whether another page follows. A listed searcher may be among the results: one more again
        // stands in for it, and it is left out afterwards (comparing a dozen results' keys costs less than finding its
        // document among a million keys first). An unlisted one is left out like every unlisted company, by the
        // check of each result's current record below, even where the index still has it listed.
        int wanted = size + (searcherListed ? 2 : 1);
        boolean excluded = weightedTerms && query.hasExcludedTerms();
        // A first page with nothing to leave out, the common search, passes the filter every engine search passes:
        // one filter at the engine's call site lets the JIT inline it.
        DocFilter filter = after == null && partners.length == 0 && blocked.length == 0 && !excluded
                ? DocFilter.ALL
                : (doc, units) -> (after == null || units < after.units
                                || (units == after.units && snapshot.key(doc).compareTo(after.key) > 0))
                        && (partners.length == 0 || Arrays.binarySearch(partners, doc) < 0)
                        && (blocked.length == 0 || Arrays.binarySearch(blocked, doc) < 0)
                        && (!excluded || !query.hasExcluded(doc));
        TopK top;
        if (weightedTerms) {
            top = TopDocs.weightedTerms(snapshot, query.weightedTerms(), query.weightedTermPoints(), wanted, filter);
        } else {
            int[] required = query.requiredTerms();
            top = TopDocs.bounded(snapshot, query, wanted, filter,
                    required.length > 0 ? TopDocs.allOf(snapshot, required) : null);
        }
        int[] docs = new int[top.size()];
        long[] units = new long[top.size()];
        int found = top.drain(docs, units);
        if (searcherListed) {
            found = Math.min(withoutSearcher(snapshot, docs, units, found), size + 1);
        }
        int shown = Math.min(found, size);
        List<PartnerMatch> matches = new ArrayList<>(shown);
        @Nullable Company[] companies = records.current(docs, shown);
        int[] listed = new int[shown];
        int kept = 0;
        for (int i = 0; i < shown; i++) {
            Company company = companies[i];
            // Unlisted or removed in the store, and the index not refreshed yet: never shown.
            if (company != null && company.listed()) {
                listed[kept] = docs[i];
                companies[kept++] = company;
            }
        }
        ProfileQuery.Explained[] explained = query.explain(listed, kept);
        for (int i = 0; i < kept; i++) {
            matches.add(match(query, Objects.requireNonNull(companies[i]), explained[i]));
        }
        String next = found > size ? Cursors.encode(LISTING, units[shown - 1] + ":" + snapshot.key(docs[shown - 1]))
                : null;
        LOG.debug("Navigator search for {}: {} matches", searcher, matches.size());
        return new Page<>(matches, next);
    }

    /** Removes the searcher's document, if there, from the first {@code n} results; the number of results left. */
    private int withoutSearcher(Snapshot snapshot, int[] docs, long[] units, int n) {
        for (int i = 0; i < n; i++) {
            if (snapshot.key(docs[i]).equals(searcher.value())) {
                System.arraycopy(docs, i + 1, docs, i, n - i - 1);
                System.arraycopy(units, i + 1, units, i, n - i - 1);
                return n - 1;
            }
        }
        return n;
    }

    /** One index snapshot and one store transaction, as {@link #search}. */
    @Override
    public PartnerMatch evaluate(IdealPartnerProfile profile, CompanyId company) {
        Checks.required(profile, "profile");
        Checks.required(company, "company");
        if (company.equals(searcher)) {
            throw new ValidationException("company must be another company than the searcher " + searcher
                    + ", but was the searcher itself");
        }
        long reflected = index.reflectedRevision();
        Snapshot snapshot = index.snapshot();
        int doc = snapshot.doc(company.value());
        @Nullable Map<CompanyId, Integer> asked = askOverlap(profile);
        return context.store().inTransaction(tx -> {
            Searcher reading = read(tx, snapshot);
            Company candidate = doc < 0 ? null : new Records(tx, snapshot, reflected).current(doc);
            if (candidate == null || !candidate.listed()) {
                throw new NotFoundException("company " + company + " is not a listed company of the network");
            }
            if (Arrays.binarySearch(reading.blockedDocs(), doc) >= 0) {
                throw new AccessDeniedException("company " + company + " is not shown to " + searcher
                        + ": one of the two has blocked the other");
            }
            return match(compile(profile, snapshot, reading, asked), candidate, doc);
        });
    }

    private Searcher read(StoreTransaction tx, Snapshot snapshot) {
        Company self = tx.companies().get(searcher);
        if (self == null) {
            throw new NotFoundException("company " + searcher + " is not in the network anymore");
        }
        List<CompanyId> partners = currentPartners(tx);
        List<CompanyId> blocked = all(page -> tx.blocks().list(searcher, page));
        blocked.addAll(all(page -> tx.blocks().blockers(searcher, page)));
        return new Searcher(self, partners, docs(snapshot, partners), docs(snapshot, blocked));
    }

    /**
     * Compiles the profile with the shared customer counts that can count: those of candidates. A host's signal's
     * counts for the searcher itself and for left-out partners are dropped. Evaluation compiles the same way, so it
     * gives a company the score search gives it.
     *
     * @param asked the counts {@link #askOverlap} gave, or null for none
     */
    private ProfileQuery compile(IdealPartnerProfile profile, Snapshot snapshot, Searcher reading,
            @Nullable Map<CompanyId, Integer> asked) {
        Map<CompanyId, Integer> shared = Map.of();
        if (asked != null && !asked.isEmpty()) {
            Map<CompanyId, Integer> candidates = new HashMap<>(asked);
            candidates.remove(searcher);
            if (!profile.includeExistingPartners()) {
                reading.partners().forEach(candidates::remove);
            }
            shared = candidates;
        }
        return ProfileQuery.compile(index.dictionary(), index.terms(), index.relations(), snapshot, reading.self(),
                profile, shared);
    }

    /**
     * The searcher's shared customer counts, asked before the search's transaction since they may wait on the host or
     * compute account mapping matrices; null when none can count. The default signal, account mapping, knows counts
     * only for current partners, so when the profile leaves them out nothing is asked (no matrix is computed), and
     * otherwise the partners are read first, in a transaction of their own. A host's signal is asked once.
     */
    private @Nullable Map<CompanyId, Integer> askOverlap(IdealPartnerProfile profile) {
        if (profile.weight(Criterion.OVERLAP) <= 0) {
            return null;
        }
        OverlapSignal signal = index.overlap();
        if (signal == null) {
            return profile.includeExistingPartners() ? AccountMappingOverlap.sharedCustomers(overlaps,
                    context.store().inTransaction(this::currentPartners)) : null;
        }
        Map<CompanyId, Integer> shared = signal.sharedCustomers(searcher);
        if (shared == null) {
            throw new IllegalStateException("OverlapSignal returned null for " + searcher + "; return an empty map");
        }
        return shared;
    }

    private static PartnerMatch match(ProfileQuery query, Company company, int doc) {
        return match(query, company, query.explain(doc));
    }

    private static PartnerMatch match(ProfileQuery query, Company company, ProfileQuery.Explained explained) {
        return new PartnerMatch(company, query.points(explained.units()), explained.criteria());
    }

    /** Every company of a list of blocks, read in pages of the largest size. */
    private static List<CompanyId> all(Function<PageRequest, Page<CompanyId>> list) {
        List<CompanyId> companies = new ArrayList<>();
        @Nullable String cursor = null;
        do {
            Page<CompanyId> page = list.apply(PageRequest.after(cursor, PageRequest.MAX_SIZE));
            companies.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return companies;
    }

    /** The documents of these companies in the snapshot, ascending (once each). */
    private static int[] docs(Snapshot snapshot, List<CompanyId> companies) {
        if (companies.isEmpty()) {
            return NO_DOCS; // the usual case
        }
        int[] docs = new int[companies.size()];
        int n = 0;
        for (CompanyId company : companies) {
            int doc = snapshot.doc(company.value());
            if (doc >= 0) {
                docs[n++] = doc;
            }
        }
        Arrays.sort(docs, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (distinct == 0 || docs[distinct - 1] != docs[i]) {
                docs[distinct++] = docs[i];
            }
        }
        return distinct == docs.length ? docs : Arrays.copyOf(docs, distinct);
    }

    /** The searcher's current partners: partnerships not ended. */
    private List<CompanyId> currentPartners(StoreTransaction tx) {
        List<CompanyId> partners = new ArrayList<>();
        @Nullable String cursor = null;
        do {
            Page<Partnership> page = tx.partnerships().list(searcher, PageRequest.after(cursor, PageRequest.MAX_SIZE));
            for (Partnership partnership : page.items()) {
                if (partnership.status() != PartnershipStatus.ENDED) {
                    partners.add(partnership.partner());
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return partners;
    }

    private static @Nullable After decode(@Nullable String cursor) {
        @Nullable String key = Cursors.decode(LISTING, cursor);
        if (key == null) {
            return null;
        }
        int colon = key.indexOf(':');
        try {
            if (colon > 0 && colon < key.length() - 1) {
                return new After(Long.parseLong(key.substring(0, colon)), key.substring(colon + 1));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ValidationException("cursor is malformed: " + Checks.quote(cursor)
                + " does not name a position in navigator search results; pass the nextCursor of the previous "
                + "page unchanged");
    }
}
