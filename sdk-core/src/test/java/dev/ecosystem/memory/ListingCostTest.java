package dev.ecosystem.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.DealStatus;
import dev.ecosystem.model.EmailAddress;
import dev.ecosystem.model.EmailMessage;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.IntroductionId;
import dev.ecosystem.model.OutboxEntry;
import dev.ecosystem.model.OutboxEntryId;
import dev.ecosystem.model.OutboxStatus;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.model.Partnership;
import dev.ecosystem.model.PartnershipId;
import dev.ecosystem.model.PartnershipStatus;
import dev.ecosystem.model.Touchpoint;
import dev.ecosystem.model.TouchpointId;
import dev.ecosystem.model.TouchpointKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every listing of the in-memory store and of {@link InMemoryCrm} reads about a page's rows per page, however deep the
 * page: the cost is counted in rows read (deterministic), not timed. Each repository's table holds a second, larger
 * partition (another tenant, owner or status) next to the one listed, so a listing that filtered instead of using its
 * partition would read it.
 */
class ListingCostTest {
    private static final int PAGE = 100;
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final CompanyId MINE = CompanyId.of("mine");
    private static final CompanyId OTHER = CompanyId.of("other");

    @Test
    @DisplayName("a table of a million rows reads no more rows for its last page than for its first")
    void millionRows_everyPageReadsAboutAPage() {
        Table<Integer> table = new Table<>("rows");
        MemoryTransaction tx = new MemoryTransaction(new MemoryTables());
        for (int i = 0; i < 1_000_000; i++) {
            table.put(tx, "p", Integer.toString(10_000_000 + i), i);
        }
        tx.close();

        Costs costs = walk(request -> table.page("p", request), table::rowsRead);

        assertThat(costs.items).isEqualTo(1_000_000);
        assertThat(costs.first).isLessThanOrEqualTo(PAGE + 1);
        assertThat(costs.max).isLessThanOrEqualTo(2 * costs.first);
    }

    @Test
    @DisplayName("every repository listing of the in-memory store reads about a page's rows per page")
    void everyRepositoryListing_readsAboutAPagePerPage() {
        int rows = 5_000;
        MemoryTables tables = new MemoryTables();
        MemoryTransaction tx = new MemoryTransaction(tables);
        CompanyId[] owners = {OTHER, MINE, CompanyId.of("zed")};
        for (int i = 0; i < rows; i++) {
            String id = String.format("%06d", i);
            tx.companies().put(Company.builder(CompanyId.of("c" + id), "Company " + i).build());
            for (CompanyId owner : owners) {
                tx.contacts().put(Contact.builder(ContactId.of("p" + id), owner, "Person " + i,
                        "p" + id + "@example.com").build());
                tx.crm().putAccounts(owner, List.of(Account.builder(owner, AccountId.of("a" + id), "Account").build()));
                tx.crm().putDeals(owner, List.of(Deal.builder(owner, DealId.of("d" + id), "Deal").stage("open", DealStatus.OPEN).createdAt(T0)
                        .build()));
                tx.blocks().block(owner, CompanyId.of("b" + id));
                tx.blocks().block(CompanyId.of("k" + id), owner);
                tx.touchpoints().append(Touchpoint.builder(TouchpointId.of("t" + id), owner, CompanyId.of("x"),
                        TouchpointKind.CO_SELL, T0).account(AccountId.of("a" + id)).origin("test").build());
                tx.partnerships().put(new Partnership(PartnershipId.of("s" + id), owner, CompanyId.of("x" + id),
                        PartnerType.TECHNOLOGY, PartnershipStatus.ACTIVE, LocalDate.of(2026, 1, 1)));
                tx.outbox().enqueue(outboxEntry(owner, owner.value() + "-o" + id));
            }
            tx.introductions().insert(Introduction.builder(IntroductionId.of("i" + id), i % 2 == 0 ? MINE : OTHER,
                    ContactId.of("p" + id), CompanyId.of("zed"), ContactId.of("p" + id), "why", T0,
                    T0.plusSeconds(86_400)).build());
        }
        tx.close();

        MemoryTransaction reader = new MemoryTransaction(tables);
        check("companies", request -> reader.companies().list(request), tables.companies::rowsRead, rows);
        check("contacts", request -> reader.contacts().list(MINE, request), tables.contacts::rowsRead, rows);
        check("accounts", request -> reader.crm().accounts(MINE, request), tables.accounts::rowsRead, rows);
        check("deals", request -> reader.crm().deals(MINE, request), tables.deals::rowsRead, rows);
        check("blocks", request -> reader.blocks().list(MINE, request), tables.blocks::rowsRead, rows);
        check("blockers", request -> reader.blocks().blockers(MINE, request), tables.blockers::rowsRead, rows);
        check("touchpoints", request -> reader.touchpoints().list(MINE, request), tables.touchpoints::rowsRead,
                rows);
        check("partnerships", request -> reader.partnerships().list(MINE, request), tables.partnerships::rowsRead,
                rows);
        check("introductions", request -> reader.introductions().list(MINE, request),
                tables.introductionsByParty::rowsRead, rows / 2);
        // The outbox's ids start with the tenant, so all of mine come before the other tenant's.
        check("pending outbox entries", request -> reader.outbox().list(OTHER, OutboxStatus.PENDING, request),
                tables.outboxByStatus::rowsRead, rows);
    }

    @Test
    @DisplayName("InMemoryCrm lists accounts and deals reading about a page's records per page")
    void inMemoryCrm_readsAboutAPagePerPage() {
        int count = 50_000;
        List<Account> accounts = new ArrayList<>(count);
        List<Deal> deals = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = String.format("%07d", i);
            accounts.add(Account.builder(MINE, AccountId.of("a" + id), "Account").build());
            deals.add(Deal.builder(MINE, DealId.of("d" + id), "Deal").stage("open", DealStatus.OPEN).createdAt(T0).build());
        }
        InMemoryCrm crm = InMemoryCrm.of(MINE, accounts, deals);

        check("CRM accounts", crm::accounts, crm::recordsRead, count);
        check("CRM deals", crm::deals, crm::recordsRead, count);
    }

    private static void check(String listing, Function<PageRequest, Page<?>> list, LongSupplier rowsRead,
            long expected) {
        Costs costs = walk(list, rowsRead);
        assertThat(costs.items).as("%s listed", listing).isEqualTo(expected);
        assertThat(costs.first).as("rows the first page of %s read", listing).isLessThanOrEqualTo(2 * (PAGE + 1));
        assertThat(costs.max).as("rows the costliest page of %s read", listing).isLessThanOrEqualTo(2 * costs.first);
    }

    /** Lists every page, noting the rows the first page read and the most any page read. */
    private static Costs walk(Function<PageRequest, Page<?>> list, LongSupplier rowsRead) {
        Costs costs = new Costs();
        String cursor = null;
        boolean first = true;
        do {
            long before = rowsRead.getAsLong();
            Page<?> page = list.apply(PageRequest.after(cursor, PAGE));
            long cost = rowsRead.getAsLong() - before;
            if (first) {
                costs.first = cost;
                first = false;
            }
            costs.max = Math.max(costs.max, cost);
            costs.items += page.items().size();
            cursor = page.nextCursor();
        } while (cursor != null);
        return costs;
    }

    private static OutboxEntry outboxEntry(CompanyId tenant, String id) {
        EmailMessage message = EmailMessage.builder("<" + id + "@test.example>", EmailAddress.of("a@example.com"),
                "Hello").to(EmailAddress.of("b@example.com")).text("Hi").build();
        return OutboxEntry.pending(OutboxEntryId.of(id), tenant, message, "test:" + id, T0);
    }

    private static final class Costs {
        long first;
        long max;
        long items;
    }
}
