package dev.ecosystem.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.DealStatus;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.overlap.Overlaps;
import dev.ecosystem.spi.CrmChanges;
import dev.ecosystem.spi.CrmConnections;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Full and incremental sync of large portals: call counts, failures on the way, search's 10,000-result cap. */
class HubSpotCrmSyncTest {
    private static final CompanyId TENANT = CompanyId.of("big-tenant");
    private static final int COMPANIES = 25_000;
    private static final int DEALS = 10_000;
    private static PortalServer server;

    @BeforeAll
    static void startServer() {
        // The request journal would keep every response of the sync; the fake portal counts calls itself.
        server = new PortalServer("v3", false);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void loadPortal() {
        server.stubPortal();
        List<FakePortal.Company> companies = new ArrayList<>();
        for (int i = 1; i <= COMPANIES; i++) {
            companies.add(new FakePortal.Company(Long.toString(1_000_000L + i), "Company " + i,
                    i % 9 == 0 ? null : "company-" + i + ".example.com", "customer",
                    Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i)));
        }
        List<FakePortal.Deal> deals = new ArrayList<>();
        String[] stages = {"qualified", "won", "lost"};
        for (int i = 1; i <= DEALS; i++) {
            String stage = stages[i % 3];
            List<String> owners = i % 4 == 0
                    ? List.of(Long.toString(1_000_000L + i), Long.toString(1_000_000L + i + 1))
                    : List.of(Long.toString(1_000_000L + i));
            deals.add(new FakePortal.Deal(Long.toString(5_000_000L + i), "Deal " + i, i + ".50", "USD", stage,
                    stage.equals("qualified") ? null : LocalDate.of(2026, 1 + i % 12, 1 + i % 28),
                    Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i),
                    Instant.parse("2026-02-01T00:00:00Z").plusSeconds(i), owners));
        }
        server.portal.load(companies, deals);
        server.portal.failEvery(0);
        server.portal.resetCalls();
    }

    @Test
    @DisplayName("A 25,000-company, 10,000-deal portal syncs in ceil(records/100) list calls plus one association "
            + "batch per deal page, and loses nothing when every tenth call fails once")
    void fullSync_everyTenthCallFailing_losesNothingAndStaysWithinCallBudget() {
        server.portal.failEvery(10);
        HubSpotCrm crm = server.connector(TENANT).build();

        long started = System.nanoTime();
        Map<AccountId, Account> accounts = readAll(crm::accounts, Account::id);
        Map<DealId, Deal> deals = readAll(crm::deals, Deal::id);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(accounts).hasSize(COMPANIES);
        assertThat(deals).hasSize(DEALS);
        Deal shared = deals.get(DealId.of(Long.toString(5_000_000L + 8)));
        assertThat(shared.accountIds()).containsExactly(AccountId.of("1000008"), AccountId.of("1000009"));
        assertThat(shared.status()).isEqualTo(DealStatus.LOST);
        assertThat(deals.get(DealId.of("5000004")).status()).isEqualTo(DealStatus.WON);
        assertThat(deals.get(DealId.of("5000003")).status()).isEqualTo(DealStatus.OPEN);

        long listCompanies = successfulCalls("/crm/v3/objects/companies");
        long listDeals = successfulCalls("/crm/v3/objects/deals");
        long associationBatches = successfulCalls("/crm/v4/associations/deals/companies/batch/read");
        int total = server.portal.calls().size();
        assertThat(listCompanies + listDeals).isLessThanOrEqualTo((COMPANIES + DEALS + 99) / 100);
        // One batch per page of 100 deals, plus one follow-up for the pages holding deals with a second company page.
        assertThat(associationBatches).isLessThanOrEqualTo(2L * DEALS / 100);
        assertThat(server.portal.failuresInjected()).isGreaterThan(40);
        System.out.printf("HubSpot full sync of %d companies and %d deals against WireMock: %d HTTP calls "
                        + "(%d list, %d association batches, %d failed once and retried), %d ms wall time, "
                        + "%d ms of virtual backoff%n", COMPANIES, DEALS, total, listCompanies + listDeals,
                associationBatches, server.portal.failuresInjected(), took.toMillis(),
                server.time.totalSlept().toMillis());
    }

    @Test
    @DisplayName("A full sync of 25,000 companies and 10,000 deals lists each record once, in ceil(companies/100) + "
            + "ceil(deals/100) list calls plus association batches, searches nothing, and leaves a checkpoint from "
            + "which the next incremental sync reads only what changed")
    void fullSync_listsEachRecordOnce_andLeavesACheckpointForIncrementalSync() {
        HubSpotCrm crm = server.connector(TENANT).build();
        EcosystemClient client = EcosystemClient.builder().crm(CrmConnections.of(crm)).build();
        client.register(Company.builder(TENANT, "Big").businessTags("saas").listed(true).build());

        Overlaps.SyncResult full = client.as(TENANT).overlaps().syncCrm();

        assertThat(full.accounts()).isEqualTo(COMPANIES);
        assertThat(full.deals()).isEqualTo(DEALS);
        long lists = server.portal.calls(c -> c.path().equals("/crm/v3/objects/companies")
                || c.path().equals("/crm/v3/objects/deals"));
        long associationBatches = server.portal.calls(c -> c.path().endsWith("/batch/read"));
        long searches = server.portal.calls(c -> c.path().endsWith("/search"));
        long pipelines = server.portal.calls(c -> c.path().startsWith("/crm/v3/pipelines"));
        assertThat(lists).isEqualTo((COMPANIES + 99) / 100 + (DEALS + 99) / 100);
        // One batch per page of 100 deals, plus one follow-up for the pages holding deals with a second company page.
        assertThat(associationBatches).isLessThanOrEqualTo(2L * ((DEALS + 99) / 100));
        assertThat(searches).isZero();
        assertThat(server.portal.calls()).hasSize((int) (lists + associationBatches + pipelines));

        server.portal.resetCalls();
        server.time.advance(Duration.ofHours(1));
        server.portal.put(new FakePortal.Company("1000007", "Renamed", "renamed.example.com", "customer",
                server.time.instant()));
        Overlaps.SyncResult next = client.as(TENANT).overlaps().syncChanges();

        assertThat(next.accounts()).isEqualTo(1);
        assertThat(next.deals()).isZero();
        assertThat(server.portal.calls()).allSatisfy(call -> assertThat(call.path()).endsWith("/search"))
                .hasSizeLessThanOrEqualTo(2);
    }

    @Test
    @DisplayName("Incremental sync pages past search's 10,000-result cap by key and keeps to 5 searches a second")
    void changesSince_moreThanTenThousandChanges_readsAllWithoutHittingTheCap() {
        HubSpotCrm crm = server.connector(TENANT).build();
        Set<AccountId> changedAccounts = new HashSet<>();
        Set<DealId> changedDeals = new HashSet<>();
        @Nullable String checkpoint = null;
        CrmChanges changes;
        do {
            changes = crm.changesSince(checkpoint, 1000);
            changes.accounts().forEach(a -> changedAccounts.add(a.id()));
            changes.deals().forEach(d -> changedDeals.add(d.id()));
            checkpoint = changes.checkpoint();
        } while (changes.hasMore());

        assertThat(changedAccounts).hasSize(COMPANIES);
        assertThat(changedDeals).hasSize(DEALS);
        List<Instant> searches = server.portal.calls().stream().filter(c -> c.path().endsWith("/search"))
                .map(FakePortal.Call::at).toList();
        assertThat(searches).hasSizeGreaterThanOrEqualTo((COMPANIES + DEALS) / 200);
        for (int i = 5; i < searches.size(); i++) {
            assertThat(Duration.between(searches.get(i - 5), searches.get(i)))
                    .as("time spanned by searches %d to %d", i - 5, i).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
    }

    @Test
    @DisplayName("Incremental sync after a full pass returns only what changed since, deals with their companies")
    void changesSince_afterAPass_returnsOnlyNewChanges() {
        server.portal.load(List.of(new FakePortal.Company("40", "Before", null, null,
                Instant.parse("2026-01-01T00:00:00Z"))), List.of());
        HubSpotCrm crm = server.connector(TENANT).build();
        @Nullable String checkpoint = null;
        CrmChanges changes;
        do {
            changes = crm.changesSince(checkpoint, 1000);
            checkpoint = changes.checkpoint();
        } while (changes.hasMore());
        Instant later = server.time.instant().plus(Duration.ofHours(1));
        server.time.advance(Duration.ofHours(2));
        server.portal.load(
                List.of(new FakePortal.Company("42", "Changed", "changed.example.com", "lead", later),
                        new FakePortal.Company("43", "Old", null, null, Instant.parse("2020-01-01T00:00:00Z"))),
                List.of(new FakePortal.Deal("77", "Changed deal", "10", "EUR", "won", LocalDate.of(2026, 6, 1),
                        later, later, List.of("42", "43"))));

        CrmChanges next = crm.changesSince(checkpoint, 100);

        assertThat(next.accounts()).extracting(Account::name).containsExactly("Changed");
        assertThat(next.deals()).singleElement().satisfies(deal -> {
            assertThat(deal.accountIds()).containsExactly(AccountId.of("42"), AccountId.of("43"));
            assertThat(deal.amount().currency().getCurrencyCode()).isEqualTo("EUR");
            assertThat(deal.status()).isEqualTo(DealStatus.WON);
        });
        assertThat(next.hasMore()).isFalse();
    }

    private static long successfulCalls(String path) {
        // Injected failures are counted by the portal; a failed call is repeated, so count distinct successes.
        return server.portal.calls(c -> c.path().equals(path)) - failuresOn(path);
    }

    private static long failuresOn(String path) {
        List<FakePortal.Call> calls = server.portal.calls();
        long failed = 0;
        for (int i = 9; i < calls.size(); i += 10) {
            if (calls.get(i).path().equals(path)) {
                failed++;
            }
        }
        return failed;
    }

    private static <T, K> Map<K, T> readAll(Function<PageRequest, Page<T>> pages, Function<T, K> key) {
        Map<K, T> seen = new HashMap<>();
        @Nullable String cursor = null;
        do {
            Page<T> page = pages.apply(PageRequest.after(cursor, PageRequest.MAX_SIZE));
            page.items().forEach(item -> assertThat(seen.put(key.apply(item), item)).isNull());
            cursor = page.nextCursor();
        } while (cursor != null);
        return seen;
    }
}
