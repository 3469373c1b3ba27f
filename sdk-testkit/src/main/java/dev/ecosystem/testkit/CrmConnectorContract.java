package dev.ecosystem.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.error.EcosystemException;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.DealStatus;
import dev.ecosystem.model.Money;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.spi.CrmChanges;
import dev.ecosystem.spi.CrmConnector;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link CrmConnector} must keep. Extend it in your adapter's test and implement
 * {@link #connectorServing(CompanyId, List, List)}: return a connector whose CRM holds exactly the given accounts and
 * deals (for an HTTP adapter, stub the provider's API so that it serves them).
 *
 * <pre>{@code
 * class MyCrmTest extends CrmConnectorContract {
 *     protected CrmConnector connectorServing(CompanyId tenant, List<Account> accounts, List<Deal> deals) {
 *         return MyCrm.over(tenant, accounts, deals);
 *     }
 * }
 * }</pre>
 */
public abstract class CrmConnectorContract {

    /** For subclasses: the adapter's test class extends the kit. */
    protected CrmConnectorContract() {
    }

    /** The tenant the fixture belongs to. */
    protected static final CompanyId TENANT = CompanyId.of("contract-tenant");

    private List<Account> accounts;
    private List<Deal> deals;
    private CrmConnector connector;

    /**
     * The factory hook: a connector for {@code tenant} whose CRM holds exactly these records.
     *
     * @param tenant the tenant the connector reads for
     * @param accounts the accounts the CRM holds (ids ascending)
     * @param deals the deals the CRM holds, each associated with one or two of the accounts
     */
    protected abstract CrmConnector connectorServing(CompanyId tenant, List<Account> accounts, List<Deal> deals);

    /** How many accounts the fixture has; lower it if your stubs are slow to build. At least 120. */
    protected int fixtureAccounts() {
        return 250;
    }

    @BeforeEach
    void createConnector() {
        accounts = fixtureAccounts(fixtureAccounts());
        deals = fixtureDeals(accounts);
        connector = connectorServing(TENANT, accounts, deals);
    }

    @Test
    @DisplayName("Paging through accounts visits every account exactly once, with the CRM's values")
    void accounts_pagedThrough_visitEveryAccountOnce() {
        Map<AccountId, Account> seen = readAll(connector::accounts, Account::id, 37);

        assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(accounts.stream().map(Account::id).toList());
        for (Account expected : accounts) {
            Account actual = seen.get(expected.id());
            assertThat(actual.name()).as("name of %s", expected.id()).isEqualTo(expected.name());
            assertThat(actual.domain()).as("domain of %s", expected.id()).isEqualTo(expected.domain());
        }
    }

    @Test
    @DisplayName("Paging through deals visits every deal exactly once, with amount, status and accounts")
    void deals_pagedThrough_visitEveryDealOnce() {
        Map<DealId, Deal> seen = readAll(connector::deals, Deal::id, 23);

        assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(deals.stream().map(Deal::id).toList());
        for (Deal expected : deals) {
            Deal actual = seen.get(expected.id());
            assertThat(actual.name()).isEqualTo(expected.name());
            assertThat(actual.status()).as("status of %s", expected.id()).isEqualTo(expected.status());
            assertThat(actual.accountIds()).as("accounts of %s", expected.id())
                    .containsExactlyInAnyOrderElementsOf(expected.accountIds());
            assertThat(actual.amount()).isNotNull();
            assertThat(actual.amount().amount()).as("amount of %s", expected.id())
                    .isEqualByComparingTo(expected.amount().amount());
            assertThat(actual.amount().currency()).isEqualTo(expected.amount().currency());
            assertThat(actual.closeDate()).as("close date of %s", expected.id()).isEqualTo(expected.closeDate());
        }
    }

    @Test
    @DisplayName("Every record returned belongs to the connector's tenant")
    void records_ownedByTenant() {
        assertThat(connector.tenant()).isEqualTo(TENANT);
        assertThat(readAll(connector::accounts, Account::id, 100).values()).allMatch(a -> a.owner().equals(TENANT));
        assertThat(readAll(connector::deals, Deal::id, 100).values()).allMatch(d -> d.owner().equals(TENANT));
    }

    @Test
    @DisplayName("The largest page size is accepted, lowered to the provider's maximum if need be")
    void accounts_maximumPageSize_isAccepted() {
        Map<AccountId, Account> seen = readAll(connector::accounts, Account::id, PageRequest.MAX_SIZE);
        assertThat(seen).hasSize(accounts.size());
    }

    @Test
    @DisplayName("A cursor the connector did not issue is refused with a validation error")
    void accounts_malformedCursor_isRefused() {
        assertThatThrownBy(() -> connector.accounts(PageRequest.after("not-a-cursor-%%", 10)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("cursor");
    }

    @Test
    @DisplayName("Changes from the beginning, followed checkpoint by checkpoint, cover every record")
    void changesSince_fromTheBeginning_coverEveryRecord() {
        Set<AccountId> changedAccounts = new HashSet<>();
        Set<DealId> changedDeals = new HashSet<>();
        @Nullable String checkpoint = null;
        int calls = 0;
        CrmChanges changes;
        do {
            changes = connector.changesSince(checkpoint, 100);
            changes.accounts().forEach(account -> changedAccounts.add(account.id()));
            changes.deals().forEach(deal -> changedDeals.add(deal.id()));
            assertThat(changes.checkpoint()).isNotBlank();
            checkpoint = changes.checkpoint();
            assertThat(++calls).as("calls to changesSince").isLessThan(1000);
        } while (changes.hasMore());

        assertThat(changedAccounts).containsExactlyInAnyOrderElementsOf(accounts.stream().map(Account::id).toList());
        assertThat(changedDeals).containsExactlyInAnyOrderElementsOf(deals.stream().map(Deal::id).toList());
    }

    @Test
    @DisplayName("Changes since the latest checkpoint are empty when nothing changed")
    void changesSince_latestCheckpoint_isEmpty() {
        @Nullable String checkpoint = null;
        CrmChanges changes;
        do {
            changes = connector.changesSince(checkpoint, 1000);
            checkpoint = changes.checkpoint();
        } while (changes.hasMore());

        CrmChanges after = connector.changesSince(checkpoint, 1000);

        assertThat(after.accounts()).isEmpty();
        assertThat(after.deals()).isEmpty();
        assertThat(after.hasMore()).isFalse();
    }

    @Test
    @DisplayName("A current checkpoint, where the connector offers one, reads nothing when nothing changed since")
    void currentCheckpoint_whenOffered_readsNothingOfWhatExists() {
        @Nullable String current = connector.currentCheckpoint();
        if (current == null) {
            return; // optional: a full sync then reads the change feed from the beginning
        }
        @Nullable String checkpoint = current;
        CrmChanges changes;
        int calls = 0;
        do {
            changes = connector.changesSince(checkpoint, 1000);
            assertThat(changes.accounts()).as("accounts changed since the current checkpoint").isEmpty();
            assertThat(changes.deals()).as("deals changed since the current checkpoint").isEmpty();
            checkpoint = changes.checkpoint();
            assertThat(++calls).as("calls to changesSince").isLessThan(1000);
        } while (changes.hasMore());
    }

    @Test
    @DisplayName("A checkpoint the connector did not issue, or a limit out of range, is refused")
    void changesSince_badArguments_areRefused() {
        assertThatThrownBy(() -> connector.changesSince("garbage checkpoint", 10))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("checkpoint");
        assertThatThrownBy(() -> connector.changesSince(null, 0))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("limit");
    }

    @Test
    @DisplayName("Several threads paging at once each see every account exactly once")
    void accounts_pagedConcurrently_areConsistent() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Map<AccountId, Account>>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int size = 20 + i * 7;
                results.add(pool.submit(() -> readAll(connector::accounts, Account::id, size)));
            }
            for (Future<Map<AccountId, Account>> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).hasSize(accounts.size());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("Without write-back support the write methods fail clearly instead of doing nothing")
    void writeBack_whenUnsupported_failsClearly() {
        if (connector.supportsWriteBack()) {
            return;
        }
        assertThatThrownBy(() -> connector.recordPartnerSource(deals.get(0).id(), CompanyId.of("p"), "Partner"))
                .isInstanceOf(EcosystemException.class)
                .hasMessageContaining("write-back");
        assertThatThrownBy(() -> connector.logIntroduction(accounts.get(0).id(), "note"))
                .isInstanceOf(EcosystemException.class)
                .hasMessageContaining("write-back");
    }

    private static <T, K> Map<K, T> readAll(Function<PageRequest, Page<T>> pages, Function<T, K> key, int size) {
        Map<K, T> seen = new LinkedHashMap<>();
        @Nullable String cursor = null;
        int calls = 0;
        do {
            Page<T> page = pages.apply(PageRequest.after(cursor, size));
            for (T item : page.items()) {
                T previous = seen.put(key.apply(item), item);
                assertThat(previous).as("record %s returned twice", key.apply(item)).isNull();
            }
            cursor = page.nextCursor();
            assertThat(++calls).as("pages read").isLessThan(10_000);
        } while (cursor != null);
        return seen;
    }

    private static List<Account> fixtureAccounts(int count) {
        List<Account> list = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            list.add(Account.builder(TENANT, AccountId.of(String.format("%06d", i)), "Account " + i)
                    .domain(i % 10 == 0 ? null : "account-" + i + ".example.com")
                    .lifecycleStage(i % 3 == 0 ? "customer" : i % 3 == 1 ? "opportunity" : "lead")
                    .updatedAt(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i * 60L))
                    .build());
        }
        return list;
    }

    private static List<Deal> fixtureDeals(List<Account> accounts) {
        List<Deal> list = new ArrayList<>();
        DealStatus[] statuses = DealStatus.values();
        for (int i = 1; i <= accounts.size() / 2; i++) {
            DealStatus status = statuses[i % statuses.length];
            Deal.Builder deal = Deal.builder(TENANT, DealId.of(String.format("%06d", i)), "Deal " + i)
                    .account(accounts.get(i * 2 - 1).id())
                    .amount(Money.of(1000 + i + "." + (i % 100 < 10 ? "0" : "") + i % 100, i % 7 == 0 ? "EUR" : "USD"))
                    .pipeline("default")
                    .stage(status == DealStatus.OPEN ? "qualified" : status == DealStatus.WON ? "won" : "lost", status)
                    .createdAt(Instant.parse("2025-06-01T00:00:00Z").plusSeconds(i * 3600L))
                    .closeDate(status == DealStatus.OPEN ? null : LocalDate.of(2026, 1 + i % 12, 1 + i % 28));
            if (i % 5 == 0) {
                deal.account(accounts.get(i * 2 - 2).id());
            }
            list.add(deal.build());
        }
        return list;
    }
}
