package dev.ecosystem.attribution;

import dev.ecosystem.TenantScope;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.AttributionModel;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.DealStatus;
import dev.ecosystem.model.Money;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.Touchpoint;
import dev.ecosystem.model.TouchpointId;
import dev.ecosystem.model.TouchpointKind;
import dev.ecosystem.spi.PartnerStore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One tenant's deals, attribution ledger and customer events, indexed once for every model and report run over
 * them. Immutable and thread-safe; build it once per reporting run.
 *
 * <p>Reversed ledger entries (and the reversing entries themselves) never count. Touches of deals the snapshot does
 * not hold are ignored; a touch that names only an account counts for every deal of that account. An
 * {@code INTRODUCTION} touch counts as sourced for a deal created at or after the introduction connected
 * ({@code occurredAt <= createdAt}), and as influenced for a deal created before (see {@link AttributionModel}).
 *
 * <pre>{@code
 * AttributionData data = AttributionData.read(client.as(CompanyId.of("acme")))
 *         .withEvents(List.of(CustomerEvent.churn(DealId.of("d-17"), LocalDate.of(2025, 5, 2))));
 * }</pre>
 */
public final class AttributionData {
    private static final Comparator<Deal> BY_ID = Comparator.comparing(Deal::id);
    private static final byte SOURCED_KIND = (byte) TouchpointKind.SOURCED_REFERRAL.ordinal();
    private static final byte INTRODUCTION_KIND = (byte) TouchpointKind.INTRODUCTION.ordinal();

    private final CompanyId tenant;
    private final List<Deal> deals;
    private final List<Touchpoint> touchpoints;
    private final List<CustomerEvent> events;

    // The index: deals by position in `deals` (ascending id), partners by position in `partners` (ascending id),
    // counted touches grouped by deal (CSR: deal d owns touch rows touchStart[d] .. touchStart[d+1]) in
    // (time, touchpoint id) order. Times are epoch milliseconds.
    final CompanyId[] partners;
    final int[] touchStart;
    final int[] touchPartner;
    final long[] touchTime;
    final byte[] touchKind;
    final int[] touchSource;
    final long[] createdAt;
    final long[] closeEnd;
    final int[] createdDay;
    final int[] closeDay;
    final byte[] status;
    final int[] eventStart;
    final CustomerEvent[] eventsByDeal;

    /** The amounts of the last {@link #amountsIn} call: reports usually ask for one currency and rate source. */
    private volatile @Nullable ConvertedAmounts converted;

    private record ConvertedAmounts(Currency currency, FxRates rates, long[] minor) {
    }

    private AttributionData(CompanyId tenant, List<Deal> deals, List<Touchpoint> touchpoints,
                            List<CustomerEvent> events, @Nullable AttributionData index) {
        this.tenant = tenant;
        this.deals = deals;
        this.touchpoints = touchpoints;
        this.events = events;
        if (index == null) {
            createdAt = new long[deals.size()];
            closeEnd = new long[deals.size()];
            createdDay = new int[deals.size()];
            closeDay = new int[deals.size()];
            status = new byte[deals.size()];
            for (int d = 0; d < deals.size(); d++) {
                Deal deal = deals.get(d);
                createdAt[d] = deal.createdAt().toEpochMilli();
                createdDay[d] = (int) Math.floorDiv(createdAt[d], 86_400_000L);
                boolean open = deal.status() == DealStatus.OPEN || deal.closeDate() == null;
                closeDay[d] = open ? Integer.MAX_VALUE : (int) Objects.requireNonNull(deal.closeDate()).toEpochDay();
                closeEnd[d] = open ? Long.MAX_VALUE : (closeDay[d] + 1L) * 86_400_000L;
                status[d] = (byte) (open ? DealStatus.OPEN : deal.status()).ordinal();
            }
            Touches touches = new Touches(deals, touchpoints);
            partners = touches.partners;
            touchStart = touches.start;
            touchPartner = touches.partner;
            touchTime = touches.time;
            touchKind = touches.kind;
            touchSource = touches.source;
        } else {
            createdAt = index.createdAt;
            closeEnd = index.closeEnd;
            createdDay = index.createdDay;
            closeDay = index.closeDay;
            status = index.status;
            partners = index.partners;
            touchStart = index.touchStart;
            touchPartner = index.touchPartner;
            touchTime = index.touchTime;
            touchKind = index.touchKind;
            touchSource = index.touchSource;
        }
        eventStart = new int[deals.size() + 1];
        eventsByDeal = new CustomerEvent[events.size()];
        int[] dealOfEvent = new int[events.size()];
        for (int i = 0; i < events.size(); i++) {
            CustomerEvent event = events.get(i);
            int d = indexOf(event.deal());
            if (d < 0) {
                throw new ValidationException("customer event names deal " + event.deal()
                        + ", which tenant " + tenant + " has no record of");
            }
            dealOfEvent[i] = d;
            eventStart[d + 1]++;
        }
        for (int d = 0; d < deals.size(); d++) {
            eventStart[d + 1] += eventStart[d];
        }
        int[] fill = Arrays.copyOf(eventStart, deals.size());
        for (int i = 0; i < events.size(); i++) {
            eventsByDeal[fill[dealOfEvent[i]]++] = events.get(i);
        }
        for (int d = 0; d < deals.size(); d++) {
            if (eventStart[d + 1] - eventStart[d] > 1) {
                Arrays.sort(eventsByDeal, eventStart[d], eventStart[d + 1], Comparator.comparing(CustomerEvent::on));
            }
        }
    }

    /**
     * Indexes the tenant's deals and ledger.
     *
     * @throws ValidationException when a record belongs to another tenant or two deals share an id
     */
    public static AttributionData of(CompanyId tenant, Collection<Deal> deals, Collection<Touchpoint> touchpoints) {
        Checks.required(tenant, "tenant");
        Checks.noNulls(deals, "deals");
        Checks.noNulls(touchpoints, "touchpoints");
        List<Deal> sorted = new ArrayList<>(deals);
        if (!isSorted(sorted)) {
            sorted.sort(BY_ID);
        }
        for (int i = 0; i < sorted.size(); i++) {
            Deal deal = sorted.get(i);
            if (!deal.owner().equals(tenant)) {
                throw new ValidationException("deal " + deal.id() + " belongs to " + deal.owner()
                        + ", not to tenant " + tenant);
            }
            if (i > 0 && sorted.get(i - 1).id().equals(deal.id())) {
                throw new ValidationException("deals must have distinct ids, but " + deal.id() + " came twice");
            }
        }
        for (Touchpoint t : touchpoints) {
            if (!t.owner().equals(tenant)) {
                throw new ValidationException("touchpoint " + t.id() + " belongs to " + t.owner()
                        + ", not to tenant " + tenant);
            }
        }
        return new AttributionData(tenant, List.copyOf(sorted), List.copyOf(touchpoints), List.of(), null);
    }

    /**
     * Reads every deal of the company's CRM snapshot and every entry of its ledger, as that company: the documented
     * way to attribute, since a scope never reaches another tenant's deals or touchpoints.
     *
     * <pre>{@code
     * AttributionData data = AttributionData.read(client.as(acme));
     * }</pre>
     *
     * <p>Both are read page by page (the largest pages), each page consistent in itself; run it when no CRM sync
     * of the company is writing if the report must not mix two states of the snapshot.
     *
     * @throws ValidationException when the store holds inconsistent records
     */
    public static AttributionData read(TenantScope scope) {
        Checks.required(scope, "scope");
        List<Deal> deals = new ArrayList<>();
        readAll(deals, page -> scope.overlaps().deals(page));
        List<Touchpoint> touchpoints = new ArrayList<>();
        readAll(touchpoints, page -> scope.ledger().list(page));
        return of(scope.company(), deals, touchpoints);
    }

    /**
     * Reads every deal of the tenant's CRM snapshot and every entry of its ledger, in one transaction, straight
     * from the store. Not the documented path: it is for host jobs that run outside any tenant (such as a nightly
     * export of every tenant), and it trusts the caller to pass the right tenant. Everything acting for one
     * company uses {@link #read(TenantScope)}.
     *
     * @throws ValidationException when the store holds inconsistent records
     */
    public static AttributionData read(PartnerStore store, CompanyId tenant) {
        Checks.required(store, "store");
        Checks.required(tenant, "tenant");
        List<Deal> deals = new ArrayList<>();
        List<Touchpoint> touchpoints = new ArrayList<>();
        store.useTransaction(tx -> {
            readAll(deals, page -> tx.crm().deals(tenant, page));
            readAll(touchpoints, page -> tx.touchpoints().list(tenant, page));
        });
        return of(tenant, deals, touchpoints);
    }

    /** Adds every item of a listing to {@code into}, in pages of the largest size. */
    private static <T> void readAll(List<T> into, Function<PageRequest, Page<T>> listing) {
        String cursor = null;
        do {
            Page<T> page = listing.apply(PageRequest.after(cursor, PageRequest.MAX_SIZE));
            into.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
    }

    /**
     * The same deals and ledger with these customer events (churns, refunds, renewals); the index is shared.
     *
     * @throws ValidationException when an event names a deal the data does not hold
     */
    public AttributionData withEvents(Collection<CustomerEvent> customerEvents) {
        Checks.noNulls(customerEvents, "customer events");
        return new AttributionData(tenant, deals, touchpoints, List.copyOf(customerEvents), this);
    }

    /** The tenant whose data this is. */
    public CompanyId tenant() {
        return tenant;
    }

    /** The deals in ascending id order. */
    public List<Deal> deals() {
        return deals;
    }

    /** The ledger as given, reversed and reversing entries included. */
    public List<Touchpoint> touchpoints() {
        return touchpoints;
    }

    /** The customer events. */
    public List<CustomerEvent> events() {
        return events;
    }

    /** Every partner with a counted touch, in ascending id order. */
    public List<CompanyId> partners() {
        return List.of(partners);
    }

    /** The position of the deal in {@link #deals()}, or a negative number. */
    int indexOf(DealId id) {
        int lo = 0;
        int hi = deals.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = deals.get(mid).id().compareTo(id);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** The position of the partner in {@link #partners}, or a negative number. */
    int partnerIndex(CompanyId partner) {
        return Arrays.binarySearch(partners, partner);
    }

    /**
     * Whether the touch row sourced deal {@code d}: a sourced referral, or an introduction that connected no later
     * than the deal was created (the partner brought the buyer before the opportunity existed).
     */
    boolean isSourced(int touchRow, int d) {
        byte kind = touchKind[touchRow];
        return kind == SOURCED_KIND || kind == INTRODUCTION_KIND && touchTime[touchRow] <= createdAt[d];
    }

    /** The day whose FX rate converts the deal: its close date, or its creation date while it is open. */
    LocalDate conversionDay(int d) {
        Deal deal = deals.get(d);
        return deal.status() == DealStatus.OPEN || deal.closeDate() == null
                ? LocalDate.ofInstant(deal.createdAt(), ZoneOffset.UTC) : deal.closeDate();
    }

    /**
     * Every deal's amount in minor units of {@code currency} (0 without an amount), converted at
     * {@link #conversionDay} and rounded half-even. The last result is kept (rates are a pure function by the
     * {@link FxRates} contract); callers must not modify the array.
     */
    long[] amountsIn(Currency currency, FxRates rates) {
        ConvertedAmounts last = converted;
        if (last != null && last.currency().equals(currency) && last.rates() == rates) {
            return last.minor();
        }
        long[] minor = convert(currency, rates);
        converted = new ConvertedAmounts(currency, rates, minor);
        return minor;
    }

    private long[] convert(Currency currency, FxRates rates) {
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        long[] minor = new long[deals.size()];
        for (int d = 0; d < minor.length; d++) {
            Money amount = deals.get(d).amount();
            if (amount != null) {
                minor[d] = toMinor(convert(amount, currency, rates, conversionDay(d)), digits, d);
            }
        }
        return minor;
    }

    /** Converts an amount into {@code currency} at the rate of {@code day}. */
    static BigDecimal convert(Money amount, Currency currency, FxRates rates, LocalDate day) {
        return amount.currency().equals(currency) ? amount.amount()
                : amount.amount().multiply(Checks.required(rates.rate(amount.currency(), currency, day), "FX rate"));
    }

    private long toMinor(BigDecimal value, int digits, int d) {
        try {
            return value.movePointRight(digits).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        } catch (ArithmeticException e) {
            throw new ValidationException("deal " + deals.get(d).id() + " amount " + value
                    + " is too large to attribute", e);
        }
    }

    private static boolean isSorted(List<Deal> deals) {
        for (int i = 1; i < deals.size(); i++) {
            if (BY_ID.compare(deals.get(i - 1), deals.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }

    /** Builds the touch index: counted entries, resolved to deals, grouped by deal, sorted by time then id. */
    private static final class Touches {
        final CompanyId[] partners;
        final int[] start;
        final int[] partner;
        final long[] time;
        final byte[] kind;
        final int[] source;

        Touches(List<Deal> deals, List<Touchpoint> ledger) {
            Map<DealId, Integer> dealIndex = new HashMap<>(deals.size() * 4 / 3 + 1);
            for (int d = 0; d < deals.size(); d++) {
                dealIndex.put(deals.get(d).id(), d);
            }
            Set<TouchpointId> cancelled = cancelled(ledger);
            Set<String> linked = linkedIntroductions(ledger, dealIndex, cancelled);
            Map<AccountId, int[]> accountDeals = null;
            Map<CompanyId, Integer> partnerIds = new HashMap<>();
            int[] dealOf = new int[ledger.size()];
            int[] partnerOf = new int[ledger.size()];
            start = new int[deals.size() + 1];
            for (int i = 0; i < ledger.size(); i++) {
                Touchpoint t = ledger.get(i);
                dealOf[i] = -1;
                if (t.reverses() != null || (!cancelled.isEmpty() && cancelled.contains(t.id()))) {
                    continue;
                }
                partnerOf[i] = partnerIds.computeIfAbsent(t.partner(), p -> partnerIds.size());
                if (t.dealId() != null) {
                    Integer d = dealIndex.get(t.dealId());
                    if (d != null) {
                        dealOf[i] = d;
                        start[d + 1]++;
                    }
                } else {
                    if (accountDeals == null) {
                        accountDeals = accountDeals(deals);
                    }
                    dealOf[i] = -2;
                    for (int d : accountDeals.getOrDefault(t.accountId(), new int[0])) {
                        if (!covered(linked, d, t)) {
                            start[d + 1]++;
                        }
                    }
                }
            }
            for (int d = 0; d < deals.size(); d++) {
                start[d + 1] += start[d];
            }
            partners = partnerIds.keySet().toArray(new CompanyId[0]);
            Arrays.sort(partners);
            int[] rank = new int[partners.length];
            for (int p = 0; p < partners.length; p++) {
                rank[Objects.requireNonNull(partnerIds.get(partners[p]))] = p;
            }
            int rows = start[deals.size()];
            partner = new int[rows];
            time = new long[rows];
            kind = new byte[rows];
            source = new int[rows];
            int[] fill = Arrays.copyOf(start, deals.size());
            for (int i = 0; i < ledger.size(); i++) {
                if (dealOf[i] == -1) {
                    continue;
                }
                Touchpoint t = ledger.get(i);
                if (dealOf[i] >= 0) {
                    put(fill[dealOf[i]]++, rank[partnerOf[i]], t, i);
                } else { // -2: by account, so the first pass built accountDeals
                    for (int d : Objects.requireNonNull(accountDeals).getOrDefault(t.accountId(), new int[0])) {
                        if (!covered(linked, d, t)) {
                            put(fill[d]++, rank[partnerOf[i]], t, i);
                        }
                    }
                }
            }
            for (int d = 0; d < deals.size(); d++) {
                sortRows(start[d], start[d + 1], ledger);
            }
        }

        /**
         * The deals that a counted deal-level {@code INTRODUCTION} entry credits, keyed by deal position and origin
         * (the introduction): a CRM sync credits an introduction that named an account on each new deal of it, and
         * the account-level entry the introduction left when it connected must not count a second time there.
         */
        private static Set<String> linkedIntroductions(List<Touchpoint> ledger, Map<DealId, Integer> dealIndex,
                Set<TouchpointId> cancelled) {
            Set<String> linked = new HashSet<>();
            for (Touchpoint t : ledger) {
                if (t.kind() == TouchpointKind.INTRODUCTION && t.origin() != null && t.dealId() != null
                        && t.reverses() == null && !cancelled.contains(t.id())) {
                    Integer d = dealIndex.get(t.dealId());
                    if (d != null) {
                        linked.add(d + "/" + t.origin());
                    }
                }
            }
            return linked;
        }

        /** Whether account-level entry {@code t} is an introduction already credited on deal {@code d} itself. */
        private static boolean covered(Set<String> linked, int d, Touchpoint t) {
            return !linked.isEmpty() && t.kind() == TouchpointKind.INTRODUCTION && t.origin() != null
                    && linked.contains(d + "/" + t.origin());
        }

        private void put(int row, int partnerRank, Touchpoint t, int sourceIndex) {
            partner[row] = partnerRank;
            time[row] = t.occurredAt().toEpochMilli();
            kind[row] = (byte) t.kind().ordinal();
            source[row] = sourceIndex;
        }

        /** Insertion sort of one deal's rows by (time, touchpoint id): deals have few touches. */
        private void sortRows(int from, int to, List<Touchpoint> ledger) {
            for (int i = from + 1; i < to; i++) {
                int j = i;
                while (j > from && after(j - 1, j, ledger)) {
                    swap(j - 1, j);
                    j--;
                }
            }
        }

        private boolean after(int a, int b, List<Touchpoint> ledger) {
            if (time[a] != time[b]) {
                return time[a] > time[b];
            }
            return ledger.get(source[a]).id().compareTo(ledger.get(source[b]).id()) > 0;
        }

        private void swap(int a, int b) {
            int p = partner[a];
            partner[a] = partner[b];
            partner[b] = p;
            long t = time[a];
            time[a] = time[b];
            time[b] = t;
            byte k = kind[a];
            kind[a] = kind[b];
            kind[b] = k;
            int s = source[a];
            source[a] = source[b];
            source[b] = s;
        }

        private static Map<AccountId, int[]> accountDeals(List<Deal> deals) {
            Map<AccountId, int[]> byAccount = new HashMap<>();
            for (int d = 0; d < deals.size(); d++) {
                for (AccountId account : deals.get(d).accountIds()) {
                    int[] old = byAccount.getOrDefault(account, new int[0]);
                    int[] grown = Arrays.copyOf(old, old.length + 1);
                    grown[old.length] = d;
                    byAccount.put(account, grown);
                }
            }
            return byAccount;
        }

        /**
         * The entries a counted reversal cancels. A reversal counts unless it is cancelled itself, so reversing a
         * reversal restores the original entry.
         */
        private static Set<TouchpointId> cancelled(List<Touchpoint> ledger) {
            Map<TouchpointId, List<TouchpointId>> reversers = new HashMap<>();
            for (Touchpoint t : ledger) {
                if (t.reverses() != null) {
                    reversers.computeIfAbsent(t.reverses(), k -> new ArrayList<>()).add(t.id());
                }
            }
            Set<TouchpointId> cancelled = new HashSet<>();
            Map<TouchpointId, Boolean> memo = new HashMap<>();
            for (TouchpointId target : reversers.keySet()) {
                if (isCancelled(target, reversers, memo, new HashSet<>())) {
                    cancelled.add(target);
                }
            }
            return cancelled;
        }

        private static boolean isCancelled(TouchpointId id, Map<TouchpointId, List<TouchpointId>> reversers,
                                           Map<TouchpointId, Boolean> memo, Set<TouchpointId> path) {
            Boolean known = memo.get(id);
            if (known != null) {
                return known;
            }
            boolean result = false;
            if (path.add(id)) {
                for (TouchpointId reverser : reversers.getOrDefault(id, List.of())) {
                    if (!isCancelled(reverser, reversers, memo, path)) {
                        result = true;
                        break;
                    }
                }
                path.remove(id);
            }
            memo.put(id, result);
            return result;
        }
    }
}
