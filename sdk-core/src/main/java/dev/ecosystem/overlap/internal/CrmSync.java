package dev.ecosystem.overlap.internal;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.spi.support.Cursors;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.overlap.Overlaps.SyncResult;
import dev.ecosystem.partnership.internal.ActivationRules;
import dev.ecosystem.spi.CrmChanges;
import dev.ecosystem.spi.CrmConnector;
import dev.ecosystem.spi.PartnerStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies one tenant's CRM into its snapshot through the connector's change feed. Each batch is stored in one
 * transaction together with the sync state (in the snapshot's checkpoint), so a sync that fails carries on from the
 * last stored batch: records are upserted by id, never duplicated, and nothing is removed before the feed has been
 * read to its end.
 *
 * <p>States: {@code list} (a full sync of a connector that offers a {@link CrmConnector#currentCheckpoint() current
 * checkpoint}: taken first, then every account page and deal page is read once, stored, and its ids kept, so the
 * sweep needs no second listing and the incremental syncs start from that checkpoint), {@code full} (a full sync of
 * any other connector: reading the feed from the beginning, then listing the CRM to find what it no longer has; when
 * it ends, snapshot records the CRM no longer lists are removed) and {@code incremental} (reading the feed from the
 * last checkpoint). A {@code list} sync resumed after a failure has not seen the pages before the failure, so its
 * sweep lists the CRM again. Records of another tenant are
 * skipped and logged; a record that comes twice in a batch is stored once (the last one).
 */
public final class CrmSync {
    private static final Logger LOG = LoggerFactory.getLogger(CrmSync.class);
    private static final String LISTING = "overlap-sync/v1";
    private static final String FULL = "full";
    private static final String LIST = "list";
    private static final String ACCOUNTS = "accounts";
    private static final String DEALS = "deals";
    private static final String INCREMENTAL = "incremental";
    private static final int BATCH = 500;

    private final PartnerStore store;
    private final OverlapEngine engine;
    private final CompanyId tenant;
    private final CrmConnector crm;
    private final SyncListener listener;
    private long accounts;
    private long deals;
    private long removedAccounts;
    private long removedDeals;
    private long skipped;

    /**
     * A sync's position. {@code checkpoint} is the change feed's; a {@code list} sync also has the listing it reads
     * ({@code phase}: accounts or deals) and the page cursor there, and its {@code checkpoint} is the one to continue
     * incrementally from.
     */
    private record State(String mode, @Nullable String checkpoint, String phase, @Nullable String cursor) {
        State(String mode, @Nullable String checkpoint) {
            this(mode, checkpoint, "", null);
        }

        String encode() {
            String text = mode + "\n" + (checkpoint == null ? "" : checkpoint);
            if (mode.equals(LIST)) {
                text = mode + "\n" + phase + "\n" + (cursor == null ? "" : cursor) + "\n"
                        + (checkpoint == null ? "" : checkpoint);
            }
            return Cursors.encode(LISTING, text);
        }

        static @Nullable State decode(@Nullable String stored) {
            if (stored == null) {
                return null;
            }
            try {
                String text = Cursors.decode(LISTING, stored);
                String[] parts = text == null ? new String[0] : text.split("\n", 2);
                if (parts.length < 2) {
                    return null;
                }
                if (parts[0].equals(LIST)) {
                    String[] list = parts[1].split("\n", 3);
                    return list.length < 3 ? null
                            : new State(LIST, emptyToNull(list[2]), list[0], emptyToNull(list[1]));
                }
                return new State(parts[0], emptyToNull(parts[1]));
            } catch (ValidationException e) {
                return null; // a checkpoint written by something else: start over with a full sync
            }
        }

        private static @Nullable String emptyToNull(String text) {
            return text.isEmpty() ? null : text;
        }
    }

    /** A sync of {@code tenant}'s CRM into {@code store}. */
    public CrmSync(PartnerStore store, OverlapEngine engine, CompanyId tenant, CrmConnector crm) {
        this(store, engine, tenant, crm, SyncListener.none());
    }

    /** A sync that tells {@code listener} of every stored batch of deals. */
    public CrmSync(PartnerStore store, OverlapEngine engine, CompanyId tenant, CrmConnector crm,
            SyncListener listener) {
        this(store, engine, tenant, crm, listener, null);
    }

    /** A sync whose introduction credits also count as partner activity under {@code rules}. */
    public CrmSync(PartnerStore store, OverlapEngine engine, CompanyId tenant, CrmConnector crm,
            SyncListener listener, @Nullable ActivationRules rules) {
        this.store = store;
        this.engine = engine;
        this.tenant = tenant;
        this.crm = crm;
        // Connected introductions are credited on every sync; the caller's listener (referrals) sits beside them.
        this.listener = SyncListener.all(List.of(new IntroductionLinker(tenant, engine.settings(), rules), listener));
    }

    /** A full sync, or the rest of an unfinished one. */
    public SyncResult full() {
        State state = State.decode(store.inTransaction(tx -> tx.crm().checkpoint(tenant)));
        if (state != null && state.mode().equals(LIST)) {
            return list(state, false);
        }
        if (state == null || !state.mode().equals(FULL)) {
            String start = crm.currentCheckpoint();
            if (start != null) {
                return list(new State(LIST, start, ACCOUNTS, null), true);
            }
            state = new State(FULL, null);
            String encoded = state.encode();
            store.useTransaction(tx -> tx.crm().saveCheckpoint(tenant, encoded));
        }
        State end = drain(state);
        sweep(end, ids(crm::accounts, Account::id), ids(crm::deals, Deal::id), false);
        return result();
    }

    /**
     * Lists accounts, then deals, page by page from {@code from}, storing every page with the position after it.
     * Only a listing read from its first page knows every live id, so only then is the sweep free of a second listing;
     * and when the snapshot was empty as that listing began, every record it holds at the end was listed, so there is
     * nothing to sweep and no ids need keeping.
     */
    private SyncResult list(State from, boolean fromTheStart) {
        State state = from;
        boolean emptyAtStart = false;
        if (fromTheStart) {
            String encoded = state.encode();
            emptyAtStart = store.inTransaction(tx -> {
                tx.crm().saveCheckpoint(tenant, encoded);
                return tx.crm().accountCount(tenant) == 0 && tx.crm().dealCount(tenant) == 0;
            });
        }
        @Nullable Set<AccountId> liveAccounts = emptyAtStart ? null : new HashSet<>();
        @Nullable Set<DealId> liveDeals = emptyAtStart ? null : new HashSet<>();
        while (state.phase().equals(ACCOUNTS)) {
            Page<Account> page = crm.accounts(PageRequest.after(state.cursor(), PageRequest.MAX_SIZE));
            if (liveAccounts != null) {
                page.items().forEach(account -> liveAccounts.add(account.id()));
            }
            state = page.nextCursor() != null ? new State(LIST, state.checkpoint(), ACCOUNTS, page.nextCursor())
                    : new State(LIST, state.checkpoint(), DEALS, null);
            store(page.items(), List.of(), List.of(), List.of(), state);
        }
        boolean more = true;
        while (more) {
            Page<Deal> page = crm.deals(PageRequest.after(state.cursor(), PageRequest.MAX_SIZE));
            if (liveDeals != null) {
                page.items().forEach(deal -> liveDeals.add(deal.id()));
            }
            more = page.nextCursor() != null;
            state = new State(LIST, state.checkpoint(), DEALS, page.nextCursor());
            store(List.of(), page.items(), List.of(), List.of(), state);
        }
        if (fromTheStart) {
            sweep(state, liveAccounts, liveDeals, skipped == 0);
        } else {
            sweep(state, ids(crm::accounts, Account::id), ids(crm::deals, Deal::id), false);
        }
        return result();
    }

    /** The changes since the last sync; a full sync when there was none or one is unfinished. */
    public SyncResult incremental() {
        State state = State.decode(store.inTransaction(tx -> tx.crm().checkpoint(tenant)));
        if (state == null || !state.mode().equals(INCREMENTAL)) {
            return full();
        }
        drain(state);
        return result();
    }

    private SyncResult result() {
        return new SyncResult(accounts, deals, removedAccounts, removedDeals, skipped);
    }

    private State drain(State from) {
        State state = from;
        CrmChanges changes;
        do {
            changes = crm.changesSince(state.checkpoint(), BATCH);
            state = new State(state.mode(), changes.checkpoint());
            store(changes.accounts(), changes.deals(), changes.deletedAccounts(), changes.deletedDeals(), state);
        } while (changes.hasMore());
        return state;
    }

    private void store(List<Account> changedAccounts, List<Deal> changedDeals, List<AccountId> deletedAccounts,
            List<DealId> deletedDeals, State next) {
        Collection<Account> distinct = distinctOwned(changedAccounts, Account::id, Account::owner, "account");
        List<Account> accountBatch = distinct instanceof List<Account> list ? list : new ArrayList<>(distinct);
        Collection<Deal> dealBatch = distinctOwned(changedDeals, Deal::id, Deal::owner, "deal");
        // normalized here, outside the transaction, and stored beside the accounts for every node's index build
        List<byte[]> matchKeys = engine.matchKeys(accountBatch);
        String encoded = next.encode();
        Runnable[] afterCommit = {() -> { }};
        long[] revisions = store.inTransaction(tx -> {
            long before = tx.crm().revision(tenant);
            List<AccountId> goneAccounts = deletedAccounts.stream()
                    .filter(id -> tx.crm().account(tenant, id) != null).toList();
            List<DealId> goneDeals = deletedDeals.stream()
                    .filter(id -> tx.crm().deal(tenant, id) != null).toList();
            tx.crm().putAccounts(tenant, accountBatch, matchKeys);
            tx.crm().putDeals(tenant, dealBatch);
            tx.crm().removeAccounts(tenant, goneAccounts);
            tx.crm().removeDeals(tenant, goneDeals);
            tx.crm().saveCheckpoint(tenant, encoded);
            afterCommit[0] = listener.stored(tx, tenant, accountBatch, dealBatch);
            return new long[] {before, tx.crm().revision(tenant), goneAccounts.size(), goneDeals.size()};
        });
        afterCommit[0].run();
        accounts += accountBatch.size();
        deals += dealBatch.size();
        removedAccounts += revisions[2];
        removedDeals += revisions[3];
        engine.stored(tenant, revisions[0], revisions[1], accountBatch, dealBatch,
                deletedAccounts, deletedDeals);
    }

    /**
     * The records of this tenant, each id once (its last record). A listing's page comes in ascending id order with
     * nothing foreign, so it is checked for that and returned as it is, without a copy.
     */
    private <T, K extends Comparable<K>> Collection<T> distinctOwned(List<T> records, Function<T, K> id,
            Function<T, CompanyId> owner, String kind) {
        K previous = null;
        boolean plain = true;
        for (T record : records) {
            K key = id.apply(record);
            if (!owner.apply(record).equals(tenant) || previous != null && previous.compareTo(key) >= 0) {
                plain = false;
                break;
            }
            previous = key;
        }
        if (plain) {
            return records;
        }
        Map<K, T> batch = new LinkedHashMap<>();
        for (T record : records) {
            if (owned(owner.apply(record), kind, id.apply(record).toString())) {
                batch.put(id.apply(record), record);
            }
        }
        return batch.values();
    }

    private boolean owned(CompanyId owner, String kind, String id) {
        if (owner.equals(tenant)) {
            return true;
        }
        skipped++;
        LOG.warn("CRM sync of {} skipped {} {}: it belongs to another tenant", tenant, kind, id);
        return false;
    }

    /**
     * Removes what the CRM no longer lists, then switches to incremental syncs from {@code end}. When
     * {@code allLiveStored} (this sync stored every live record: it listed from the first page and skipped none), a kind whose stored count equals its live count has
     * nothing to remove, so its stored ids are not listed. A {@code null} set means the snapshot holds only what
     * this sync listed: nothing of that kind to remove.
     */
    private void sweep(State end, @Nullable Set<AccountId> liveAccounts, @Nullable Set<DealId> liveDeals,
            boolean allLiveStored) {
        String encoded = new State(INCREMENTAL, end.checkpoint()).encode();
        List<AccountId> goneAccounts = new ArrayList<>();
        List<DealId> goneDeals = new ArrayList<>();
        long[] revisions = store.inTransaction(tx -> {
            long before = tx.crm().revision(tenant);
            if (liveAccounts != null
                    && !(allLiveStored && tx.crm().accountCount(tenant) == liveAccounts.size())) {
                goneAccounts.addAll(absent(page -> tx.crm().accounts(tenant, page), Account::id, liveAccounts));
            }
            if (liveDeals != null && !(allLiveStored && tx.crm().dealCount(tenant) == liveDeals.size())) {
                goneDeals.addAll(absent(page -> tx.crm().deals(tenant, page), Deal::id, liveDeals));
            }
            tx.crm().removeAccounts(tenant, goneAccounts);
            tx.crm().removeDeals(tenant, goneDeals);
            tx.crm().saveCheckpoint(tenant, encoded);
            return new long[] {before, tx.crm().revision(tenant)};
        });
        removedAccounts += goneAccounts.size();
        removedDeals += goneDeals.size();
        engine.stored(tenant, revisions[0], revisions[1], List.of(), List.of(), goneAccounts, goneDeals);
    }

    private static <T, K> Set<K> ids(Function<PageRequest, Page<T>> source, Function<T, K> key) {
        Set<K> ids = new HashSet<>();
        String cursor = null;
        do {
            Page<T> page = source.apply(PageRequest.after(cursor, PageRequest.MAX_SIZE));
            page.items().forEach(item -> ids.add(key.apply(item)));
            cursor = page.nextCursor();
        } while (cursor != null);
        return ids;
    }

    private static <T, K> Collection<K> absent(Function<PageRequest, Page<T>> stored, Function<T, K> key,
            Set<K> live) {
        Set<K> gone = ids(stored, key);
        gone.removeAll(live);
        return gone;
    }
}
