package dev.ecosystem.memory;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.spi.support.Cursors;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.spi.CrmChanges;
import dev.ecosystem.spi.CrmConnector;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A {@link CrmConnector} over accounts and deals held in memory: for the quickstart, demos and tests. Records can be
 * changed after creation ({@link #put}, {@link #removeAccount}); {@link #changesSince} reports those changes in the
 * order they were made.
 *
 * <pre>{@code
 * InMemoryCrm crm = InMemoryCrm.of(tenant, accounts, deals);
 * EcosystemClient client = EcosystemClient.builder().crm(CrmConnections.of(crm)).build();
 * }</pre>
 */
public final class InMemoryCrm implements CrmConnector {
    private static final String CHECKPOINT_PREFIX = "seq:";
    /** A page's first capacity: a view's size() would walk the rest of the tree, so it is not asked. */
    private static final int FIRST_CAPACITY = 64;

    private final CompanyId tenant;
    private final NavigableMap<AccountId, Account> accounts = new TreeMap<>();
    private final NavigableMap<DealId, Deal> deals = new TreeMap<>();
    /** Sequence number of each record's last change; deleted records stay here with a null value. */
    private final NavigableMap<Long, Change> changes = new TreeMap<>();
    private final Map<Object, Long> lastChange = new HashMap<>();
    private long sequence;
    /** Records the listings have read so far: what a page costs, for the tests that keep paging O(page size). */
    private long recordsRead;

    private record Change(Object id, @Nullable Object record) {
    }

    private InMemoryCrm(CompanyId tenant) {
        this.tenant = Checks.required(tenant, "tenant");
    }

    /**
     * A CRM holding the given records.
     *
     * @throws ValidationException when a record's owner is not {@code tenant}
     */
    public static InMemoryCrm of(CompanyId tenant, Collection<Account> accounts, Collection<Deal> deals) {
        InMemoryCrm crm = new InMemoryCrm(tenant);
        crm.putAll(accounts, deals);
        return crm;
    }

    /** Adds or replaces an account. */
    public void put(Account account) {
        putAll(List.of(account), List.of());
    }

    /** Adds or replaces a deal. */
    public void put(Deal deal) {
        putAll(List.of(), List.of(deal));
    }

    /** Adds or replaces records; all or nothing. */
    public synchronized void putAll(Collection<Account> newAccounts, Collection<Deal> newDeals) {
        Checks.noNulls(newAccounts, "accounts");
        Checks.noNulls(newDeals, "deals");
        newAccounts.forEach(account -> requireOwner(account.owner(), "account " + account.id()));
        newDeals.forEach(deal -> requireOwner(deal.owner(), "deal " + deal.id()));
        newAccounts.forEach(account -> {
            accounts.put(account.id(), account);
            record(account.id(), account);
        });
        newDeals.forEach(deal -> {
            deals.put(deal.id(), deal);
            record(deal.id(), deal);
        });
    }

    /** Removes an account; returns whether there was one. */
    public synchronized boolean removeAccount(AccountId id) {
        boolean removed = accounts.remove(id) != null;
        if (removed) {
            record(id, null);
        }
        return removed;
    }

    /** Removes a deal; returns whether there was one. */
    public synchronized boolean removeDeal(DealId id) {
        boolean removed = deals.remove(id) != null;
        if (removed) {
            record(id, null);
        }
        return removed;
    }

    @Override
    public String provider() {
        return "in-memory";
    }

    @Override
    public CompanyId tenant() {
        return tenant;
    }

    @Override
    public synchronized Page<Account> accounts(PageRequest page) {
        return page(accounts, page, "in-memory-crm/accounts", AccountId::new);
    }

    @Override
    public synchronized Page<Deal> deals(PageRequest page) {
        return page(deals, page, "in-memory-crm/deals", DealId::new);
    }

    @Override
    public synchronized CrmChanges changesSince(@Nullable String checkpoint, int limit) {
        Checks.range(limit, 1, PageRequest.MAX_SIZE, "limit");
        long after = parseCheckpoint(checkpoint);
        List<Account> changedAccounts = new ArrayList<>();
        List<Deal> changedDeals = new ArrayList<>();
        List<AccountId> deletedAccounts = new ArrayList<>();
        List<DealId> deletedDeals = new ArrayList<>();
        long last = after;
        int taken = 0;
        NavigableMap<Long, Change> pending = changes.tailMap(after, false);
        for (Map.Entry<Long, Change> entry : pending.entrySet()) {
            if (taken == limit) {
                break;
            }
            Change change = entry.getValue();
            if (change.record() instanceof Account account) {
                changedAccounts.add(account);
            } else if (change.record() instanceof Deal deal) {
                changedDeals.add(deal);
            } else if (change.id() instanceof AccountId accountId) {
                deletedAccounts.add(accountId);
            } else {
                deletedDeals.add((DealId) change.id());
            }
            last = entry.getKey();
            taken++;
        }
        boolean hasMore = !changes.tailMap(last, false).isEmpty();
        return new CrmChanges(changedAccounts, changedDeals, deletedAccounts, deletedDeals, CHECKPOINT_PREFIX + last,
                hasMore);
    }

    /** The checkpoint after the latest change, so {@link #changesSince} returns only later ones. */
    @Override
    public synchronized String currentCheckpoint() {
        return CHECKPOINT_PREFIX + sequence;
    }

    /** How many records the listings have read since this CRM was made. */
    synchronized long recordsRead() {
        return recordsRead;
    }

    private void record(Object id, @Nullable Object value) {
        Long previous = lastChange.put(id, ++sequence);
        if (previous != null) {
            changes.remove(previous);
        }
        changes.put(sequence, new Change(id, value));
    }

    private void requireOwner(CompanyId owner, String what) {
        if (!owner.equals(tenant)) {
            throw new ValidationException(what + " belongs to " + owner + ", but this CRM is " + tenant + "'s");
        }
    }

    private static long parseCheckpoint(@Nullable String checkpoint) {
        if (checkpoint == null) {
            return 0;
        }
        if (checkpoint.startsWith(CHECKPOINT_PREFIX)) {
            try {
                long value = Long.parseLong(checkpoint.substring(CHECKPOINT_PREFIX.length()));
                if (value >= 0) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
        }
        throw new ValidationException("checkpoint must be one returned by changesSince (such as \"seq:42\"), but was "
                + Checks.quote(checkpoint));
    }

    private <K extends Comparable<K>, V> Page<V> page(NavigableMap<K, V> records, PageRequest request,
            String listing, Function<String, K> key) {
        String after = Cursors.decode(listing, request.cursor());
        NavigableMap<K, V> rest = after == null ? records : records.tailMap(key.apply(after), false);
        List<V> items = new ArrayList<>(Math.min(request.size(), FIRST_CAPACITY));
        K lastKey = null;
        for (Map.Entry<K, V> entry : rest.entrySet()) {
            if (items.size() == request.size()) {
                break;
            }
            recordsRead++;
            items.add(entry.getValue());
            lastKey = entry.getKey();
        }
        if (lastKey == null || rest.higherKey(lastKey) == null) {
            return new Page<>(items, null);
        }
        return new Page<>(items, Cursors.encode(listing, lastKey.toString()));
    }
}
