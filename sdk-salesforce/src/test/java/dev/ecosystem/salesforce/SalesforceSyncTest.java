package dev.ecosystem.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.spi.CrmChanges;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Full and incremental syncs of 25,000 accounts and 10,000 opportunities against an org that fails every few calls
 * with every kind of fault Salesforce produces (503, 500, lock errors, connection resets, expired sessions, the
 * concurrent request limit, timeouts): nothing lost, nothing twice, and the HTTP calls counted.
 */
class SalesforceSyncTest extends OrgTestSupport {
    private static final int ACCOUNTS = 25_000;
    private static final int OPPORTUNITIES = 10_000;

    @BeforeEach
    void load() {
        server.reset();
        // 250 accounts and 100 opportunities share each SystemModstamp second: pages break inside equal stamps.
        Fixtures.accounts(server.org, ACCOUNTS, 250);
        Fixtures.opportunities(server.org, OPPORTUNITIES, ACCOUNTS, 100);
    }

    @Test
    void pagedFullSync_withFaults_readsEveryRecordOnce() {
        SalesforceCrm crm = server.connector(TENANT).build();
        server.org.failEvery(5);

        Map<AccountId, Account> accounts = readAll(crm::accounts, Account::id);
        Map<DealId, Deal> deals = readAll(crm::deals, Deal::id);

        assertThat(accounts).hasSize(ACCOUNTS);
        assertThat(deals).hasSize(OPPORTUNITIES);
        assertThat(accounts.keySet()).extracting(AccountId::value)
                .containsExactlyInAnyOrderElementsOf(server.org.liveIds("Account"));
        assertThat(server.org.failuresInjected()).isGreaterThanOrEqualTo(8);
        // 26 account pages (the last one empty) + 11 opportunity pages + describe + Organization, each data call once
        // more per injected fault, and no other call.
        long dataCalls = server.org.calls(call -> call.path().startsWith("/services/data/"));
        assertThat(dataCalls).isEqualTo(26 + 11 + 2 + server.org.failuresInjected());
        Deal deal3 = deals.get(DealId.of(Fixtures.opportunityId(3)));
        assertThat(deal3.status()).isEqualTo(dev.ecosystem.model.DealStatus.OPEN);
        assertThat(deal3.amount().currency().getCurrencyCode()).isEqualTo("USD");
    }

    @Test
    void readAll_throughRest_followsNextRecordsUrl() {
        SalesforceCrm crm = server.connector(TENANT).build();
        Set<String> accounts = new HashSet<>();
        Set<String> deals = new HashSet<>();
        server.org.failEvery(4);

        SalesforceCrm.FullRead read = crm.readAll(a -> assertThat(accounts.add(a.id().value())).isTrue(),
                d -> assertThat(deals.add(d.id().value())).isTrue());

        assertThat(read).isEqualTo(new SalesforceCrm.FullRead(ACCOUNTS, OPPORTUNITIES));
        assertThat(accounts).hasSize(ACCOUNTS);
        assertThat(deals).hasSize(OPPORTUNITIES);
        // Each object's COUNT(), 13 batches of 2,000 accounts, describe, Organization, 5 batches of opportunities.
        long queries = server.org.calls(call -> call.path().startsWith("/services/data/"));
        assertThat(queries).isEqualTo(2 + 13 + 2 + 5 + server.org.failuresInjected());
        assertThat(server.org.calls(call -> call.path().contains("/jobs/query"))).as("no query job below the "
                + "bulk threshold").isZero();
        assertThat(server.org.calls(call -> call.path().contains("/query/01g"))).isGreaterThanOrEqualTo(12 + 4);
    }

    @Test
    void incrementalSync_withFaults_picksUpChangesAndDeletionsAtEqualTimestamps() {
        SalesforceCrm crm = server.connector(TENANT).build();
        server.org.failEvery(6);
        Changes first = follow(crm, null);
        assertThat(first.accounts).hasSize(ACCOUNTS);
        assertThat(first.deals).hasSize(OPPORTUNITIES);
        assertThat(first.deletedAccounts).isEmpty();

        // Meanwhile in the org: 600 accounts change within one second, 40 are deleted, 5 are new; 30 opportunities
        // change and 7 are deleted.
        server.time.advance(Duration.ofMinutes(30));
        Instant now = server.time.instant();
        for (int i = 1000; i < 1600; i++) {
            server.org.put("Account", Fixtures.account(i, now).set("Name", "Renamed " + i));
        }
        for (int i = 5000; i < 5040; i++) {
            server.org.delete("Account", Fixtures.accountId(i), now.plusSeconds(1));
        }
        for (int i = ACCOUNTS + 1; i <= ACCOUNTS + 5; i++) {
            server.org.put("Account", Fixtures.account(i, now.plusSeconds(2)));
        }
        for (int i = 100; i < 130; i++) {
            server.org.put("Opportunity", Fixtures.opportunity(i, ACCOUNTS, now).set("StageName", "Negotiation"));
        }
        for (int i = 200; i < 207; i++) {
            server.org.delete("Opportunity", Fixtures.opportunityId(i), now);
        }
        server.time.advance(Duration.ofMinutes(1));

        Changes second = follow(crm, first.checkpoint);

        assertThat(second.accounts.keySet()).containsExactlyInAnyOrderElementsOf(expectedIds(1000, 1600,
                ACCOUNTS + 1, ACCOUNTS + 6));
        assertThat(second.accounts.get(Fixtures.accountId(1200)).name()).isEqualTo("Renamed 1200");
        assertThat(second.deletedAccounts).hasSize(40).contains(Fixtures.accountId(5000), Fixtures.accountId(5039));
        assertThat(second.deals).hasSize(30);
        assertThat(second.deletedDeals).hasSize(7);
        assertThat(server.org.failuresInjected()).isGreaterThan(0);

        server.time.advance(Duration.ofMinutes(10));
        Changes third = follow(crm, second.checkpoint);
        assertThat(third.accounts.keySet()).as("the next pass reads again what changed within the clock-skew margin")
                .isSubsetOf(second.accounts.keySet());
        Changes fourth = follow(crm, third.checkpoint);
        assertThat(fourth.accounts).isEmpty();
        assertThat(fourth.deals).isEmpty();
        assertThat(fourth.deletedAccounts).isEmpty();
    }

    @Test
    void changesSince_orgClockBehindTheHost_stillCatchesAChangeStampedBeforeThePassStarted() {
        smallOrg();
        SalesforceCrm crm = server.connector(TENANT).build();
        SalesforceCrm noMargin = server.connector(TENANT).clockSkew(Duration.ZERO).build();
        Changes first = follow(crm, null);
        Changes firstNoMargin = follow(noMargin, null);
        // The org's clock runs three minutes behind the host's: a change made after both passes started carries a
        // SystemModstamp from before they started, by the host's clock.
        Instant orgNow = server.time.instant().minus(Duration.ofMinutes(3));
        server.org.put("Account", Fixtures.account(7, orgNow).set("Name", "Changed behind the host's back"));
        server.time.advance(Duration.ofMinutes(1));

        assertThat(follow(crm, first.checkpoint).accounts).containsKey(Fixtures.accountId(7));
        assertThat(follow(noMargin, firstNoMargin.checkpoint).accounts).as("without the margin it is missed")
                .doesNotContainKey(Fixtures.accountId(7));
    }

    @Test
    void concurrentPaging_keepsWithinTheConnectorsConcurrentRequestBudget() throws Exception {
        smallOrg();
        SalesforceCrm crm = server.connector(TENANT).maxConcurrentRequests(2).build();
        crm.accounts(PageRequest.first(10)); // the session, once
        server.org.serveDelayMillis = 20;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<Page<Account>>> pages = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                pages.add(pool.submit(() -> crm.accounts(PageRequest.first(50))));
            }
            for (var page : pages) {
                assertThat(page.get(60, java.util.concurrent.TimeUnit.SECONDS).items()).hasSize(50);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.org.maxInFlight()).isBetween(1, 2);
    }

    @Test
    void changesSince_checkpointOlderThanTheRecycleBin_asksForAFullSync() {
        SalesforceCrm crm = server.connector(TENANT).build();
        String checkpoint = crm.currentCheckpoint();
        server.time.advance(Duration.ofDays(16));

        assertThatThrownBy(() -> crm.changesSince(checkpoint, 100))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("recycle bin").hasMessageContaining("full sync");
    }

    @Test
    void readAll_pastTheBulkThreshold_readsThroughABulkQueryJob_withFaults() {
        SalesforceCrm crm = server.connector(TENANT).bulkThreshold(20_000).build();
        server.org.bulkPageSize = 10_000;
        server.org.failEvery(5);
        Set<String> accounts = new HashSet<>();

        SalesforceCrm.FullRead read = crm.readAll(a -> assertThat(accounts.add(a.id().value()))
                .as("account %s read once", a.id()).isTrue(), d -> { });

        assertThat(read).isEqualTo(new SalesforceCrm.FullRead(ACCOUNTS, OPPORTUNITIES));
        assertThat(accounts).hasSize(ACCOUNTS);
        assertThat(server.org.calls(call -> call.method().equals("POST") && call.path().endsWith("/jobs/query")))
                .as("one query job, for the accounts; the opportunities stay below the threshold").isGreaterThan(0)
                .isLessThanOrEqualTo(2);
        assertThat(server.org.calls(call -> call.path().endsWith("/results"))).as("three result pages of 10,000, "
                + "each asked again after an injected fault").isGreaterThanOrEqualTo(3);
        assertThat(server.org.calls(call -> call.method().equals("DELETE"))).as("the job deleted").isOne();
        assertThat(server.org.failuresInjected()).isPositive();
    }

    @Test
    void readAll_pastTheBulkThreshold_usesTheLargeObjectReader() {
        List<String> bulkRead = new ArrayList<>();
        SalesforceCrm crm = server.connector(TENANT).bulkThreshold(20_000)
                .largeObjectReader((object, soql, sessions, rows) -> {
                    bulkRead.add(object + ": " + soql);
                    assertThat(sessions.get().instanceUrl().toString()).startsWith(server.instanceUrl());
                })
                .build();

        SalesforceCrm.FullRead read = crm.readAll(a -> { }, d -> { });

        assertThat(bulkRead).singleElement().asString().startsWith("Account: SELECT Id, Name, Website");
        assertThat(read.opportunities()).as("10,000 opportunities are below the threshold: read by REST")
                .isEqualTo(OPPORTUNITIES);
        assertThat(server.org.calls(call -> "SELECT COUNT() FROM Account".equals(call.soql()))).isEqualTo(1);
    }

    /** A small org for the tests that need no volume. */
    private static void smallOrg() {
        server.reset();
        Fixtures.accounts(server.org, 60, 5);
    }

    private static Set<String> expectedIds(int from, int to, int from2, int to2) {
        Set<String> ids = new HashSet<>();
        for (int i = from; i < to; i++) {
            ids.add(Fixtures.accountId(i));
        }
        for (int i = from2; i < to2; i++) {
            ids.add(Fixtures.accountId(i));
        }
        return ids;
    }

    private record Changes(Map<String, Account> accounts, Map<String, Deal> deals, Set<String> deletedAccounts,
            Set<String> deletedDeals, String checkpoint) {
    }

    private static Changes follow(SalesforceCrm crm, @Nullable String from) {
        Map<String, Account> accounts = new HashMap<>();
        Map<String, Deal> deals = new HashMap<>();
        Set<String> deletedAccounts = new HashSet<>();
        Set<String> deletedDeals = new HashSet<>();
        String checkpoint = from;
        CrmChanges changes;
        int calls = 0;
        do {
            changes = crm.changesSince(checkpoint, 1000);
            for (Account account : changes.accounts()) {
                assertThat(accounts.put(account.id().value(), account)).as("account read twice in a pass").isNull();
            }
            for (Deal deal : changes.deals()) {
                assertThat(deals.put(deal.id().value(), deal)).as("deal read twice in a pass").isNull();
            }
            changes.deletedAccounts().forEach(id -> deletedAccounts.add(id.value()));
            changes.deletedDeals().forEach(id -> deletedDeals.add(id.value()));
            checkpoint = changes.checkpoint();
            assertThat(++calls).isLessThan(100);
        } while (changes.hasMore());
        return new Changes(accounts, deals, deletedAccounts, deletedDeals, checkpoint);
    }

    private static <T, K> Map<K, T> readAll(Function<PageRequest, Page<T>> pages, Function<T, K> key) {
        Map<K, T> seen = new HashMap<>();
        String cursor = null;
        do {
            Page<T> page = pages.apply(PageRequest.after(cursor, 1000));
            for (T item : page.items()) {
                assertThat(seen.put(key.apply(item), item)).as("record read twice").isNull();
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return seen;
    }
}
