package dev.ecosystem.jdbc;

import static dev.ecosystem.jdbc.Samples.ACME;
import static dev.ecosystem.jdbc.Samples.GLOBEX;
import static dev.ecosystem.jdbc.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.error.ConflictException;
import dev.ecosystem.error.EcosystemException;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.ListedValues;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.MailReceipt;
import dev.ecosystem.model.OutboxEntry;
import dev.ecosystem.model.OutboxStatus;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.StoreChange;
import dev.ecosystem.spi.ProviderException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the JDBC store adds to the contract kit, run on each database by a subclass. */
abstract class StoreBehaviourTest {

    /** The store under test, on empty tables. */
    protected abstract JdbcPartnerStore store();

    /** Another store on the same tables, built with {@code changeFeed(false)}. */
    protected abstract JdbcPartnerStore storeWithoutFeed();

    @Test
    @DisplayName("a store built with changeFeed(false) adds no changes, and its feed says how to turn it on")
    void changeFeedOff_addsNoChanges() {
        JdbcPartnerStore off = storeWithoutFeed();
        off.useTransaction(tx -> tx.companies().put(Samples.company("acme")));
        store().useTransaction(tx -> tx.companies().put(Samples.company("globex")));

        List<StoreChange> changes = store().inTransaction(tx -> tx.changes().after(0, 10));
        assertThat(changes).extracting(StoreChange::company).containsExactly(GLOBEX);
        assertThatThrownBy(() -> off.useTransaction(tx -> tx.changes().latestRevision()))
                .isInstanceOf(EcosystemException.class)
                .hasMessageContaining("changeFeed(false)").hasMessageContaining("changeFeed(true)");
    }

    @Test
    @DisplayName("every record type reads back equal to what was written, awkward values included")
    void records_roundTrip() {
        var company = Samples.company("acme");
        var contact = Samples.contact(ACME, "ada");
        var partnership = Samples.partnership(ACME, "p-1", GLOBEX);
        var introduction = Samples.introduction("i-1");
        var account = Samples.account(ACME, "a-1");
        var deal = Samples.deal(ACME, "d-1");
        var touchpoint = Samples.touchpoint("t-1");
        var entry = Samples.outboxEntry("o-1", T0);
        store().useTransaction(tx -> {
            tx.companies().put(company);
            tx.contacts().put(contact);
            tx.partnerships().put(partnership);
            tx.introductions().insert(introduction);
            tx.crm().putAccounts(ACME, List.of(account));
            tx.crm().putDeals(ACME, List.of(deal));
            tx.crm().saveCheckpoint(ACME, "cursor:42");
            tx.touchpoints().append(touchpoint);
            tx.outbox().enqueue(entry);
        });
        store().useTransaction(tx -> {
            assertThat(tx.companies().get(company.id())).isEqualTo(company);
            assertThat(tx.contacts().get(ACME, contact.id())).isEqualTo(contact);
            assertThat(tx.partnerships().get(ACME, partnership.id())).isEqualTo(partnership);
            assertThat(tx.introductions().get(GLOBEX, introduction.id())).isEqualTo(introduction);
            assertThat(tx.crm().account(ACME, account.id())).isEqualTo(account);
            assertThat(tx.crm().deal(ACME, deal.id())).isEqualTo(deal);
            assertThat(tx.crm().checkpoint(ACME)).isEqualTo("cursor:42");
            assertThat(tx.touchpoints().get(ACME, touchpoint.id())).isEqualTo(touchpoint);
            assertThat(tx.outbox().get(entry.id())).isEqualTo(entry);
        });
    }

    @Test
    @DisplayName("the Navigator's streaming read hands over each listed company's values, then its id, in id order:"
            + " the values of its profile, role tags of every contact, no unlisted company")
    void listedValues_areTheProfilesValues_inIdOrder() {
        Company awkward = Company.builder(CompanyId.of("beta"), "Beta").businessTags("saas", "email-marketing")
                .industries("r&d/b2b", "ünï-ß").regions("dach").productCategories("zeta", "alpha")
                .signals("runs-partner-program").listed(true).build();
        store().useTransaction(tx -> {
            tx.companies().put(Samples.company("gamma"));
            tx.companies().put(awkward);
            tx.companies().put(Samples.company("alpha").toBuilder().listed(false).build());
            tx.contacts().put(Samples.contact(CompanyId.of("alpha"), "hidden"));
            tx.contacts().put(Samples.contact(CompanyId.of("gamma"), "ada"));
            tx.contacts().put(Contact.builder(ContactId.of("bob"), CompanyId.of("gamma"), "Bob", "bob@gamma.io")
                    .roleTags("cto").build());
            tx.contacts().put(Samples.contact(CompanyId.of("omega"), "orphan"));
        });
        List<String> streamed = new ArrayList<>();
        List<Long> counts = new ArrayList<>();

        store().useTransaction(tx -> {
            ListedValues listed = (ListedValues) tx;
            counts.add(listed.companyCount());
            listed.forEachListedValue(new ListedValues.Sink() {
                @Override
                public void value(ListedValues.Field field, byte[] utf8, int from, int to) {
                    streamed.add(field + "=" + new String(utf8, from, to - from, StandardCharsets.UTF_8));
                }

                @Override
                public void end(String id) {
                    streamed.add("end " + id);
                }
            });
        });

        assertThat(counts).as("counted on H2, estimated on PostgreSQL: none before an ANALYZE").hasSize(1)
                .containsAnyOf(3L, 0L);
        assertThat(streamed).containsExactly(
                "BUSINESS_TAG=business:email-marketing", "BUSINESS_TAG=business:saas",
                "INDUSTRY=r&d/b2b", "INDUSTRY=ünï-ß", "REGION=dach",
                "PRODUCT_CATEGORY=zeta", "PRODUCT_CATEGORY=alpha", "SIGNAL=runs-partner-program", "end beta",
                "ROLE_TAG=role:partnerships", "ROLE_TAG=role:cto",
                "BUSINESS_TAG=business:email-marketing", "BUSINESS_TAG=business:saas",
                "INDUSTRY=e-commerce", "INDUSTRY=retail", "REGION=dach", "SIZE_BAND=SMALL",
                "PRODUCT_CATEGORY=email-marketing", "PRODUCT_CATEGORY=automation", "SIGNAL=runs-partner-program",
                "end gamma");
    }

    @Test
    @DisplayName("a bulk snapshot (COPY on PostgreSQL) stores every account exactly, the last of a repeated id winning")
    void putAccounts_bulk_storesEveryAccount() {
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            accounts.add(Samples.account(ACME, String.format("a-%05d", i)));
        }
        Account replaced = Account.builder(ACME, AccountId.of("a-00007"), "Replaced, \"again\"").build();
        accounts.add(replaced);
        store().useTransaction(tx -> tx.crm().putAccounts(ACME, accounts));
        store().useTransaction(tx -> tx.crm().putAccounts(ACME, accounts.subList(0, 600)));

        store().useTransaction(tx -> {
            assertThat(tx.crm().accountCount(ACME)).isEqualTo(1_500);
            assertThat(tx.crm().account(ACME, AccountId.of("a-01499"))).isEqualTo(accounts.get(1_499));
            assertThat(tx.crm().account(ACME, AccountId.of("a-00007"))).isEqualTo(accounts.get(7));
            Page<Account> first = tx.crm().accounts(ACME, PageRequest.first(1000));
            Page<Account> second = tx.crm().accounts(ACME, PageRequest.after(first.nextCursor(), 1000));
            assertThat(first.items()).hasSize(1000);
            assertThat(second.items()).hasSize(500);
            assertThat(second.nextCursor()).isNull();
        });
    }

    @Test
    @DisplayName("bulk writes that mix new and stored ids, twice in one transaction, keep the last of every record and"
            + " move the snapshot revision once")
    void putAccounts_bulkMixed_inOneTransaction_keepsLastAndMovesRevisionOnce() {
        store().useTransaction(tx -> tx.crm().putAccounts(ACME, bulk(0, 1_000, "first")));
        long before = store().inTransaction(tx -> tx.crm().revision(ACME));

        store().useTransaction(tx -> {
            tx.crm().putAccounts(ACME, bulk(500, 1_500, "second"));
            tx.crm().putAccounts(ACME, bulk(1_000, 2_000, "third"));
        });

        store().useTransaction(tx -> {
            assertThat(tx.crm().accountCount(ACME)).isEqualTo(2_000);
            assertThat(tx.crm().account(ACME, AccountId.of("a-00100")).name()).isEqualTo("first 100");
            assertThat(tx.crm().account(ACME, AccountId.of("a-00600")).name()).isEqualTo("second 600");
            assertThat(tx.crm().account(ACME, AccountId.of("a-01200")).name()).isEqualTo("third 1200");
            assertThat(tx.crm().account(ACME, AccountId.of("a-01999")).name()).isEqualTo("third 1999");
            assertThat(tx.crm().revision(ACME)).isEqualTo(before + 1);
        });
    }

    private static List<Account> bulk(int from, int to, String name) {
        List<Account> accounts = new ArrayList<>();
        for (int i = from; i < to; i++) {
            accounts.add(Account.builder(ACME, AccountId.of(String.format("a-%05d", i)), name + " " + i).build());
        }
        return accounts;
    }

    @Test
    @DisplayName("ids page in Java String order, whatever the database's collation")
    void list_ordersIdsLikeJavaStrings() {
        List<String> ids = new ArrayList<>(List.of("b", "B", "a", "_x", "a-1", "a_1", "Zeta", "z", "ä", "10", "9"));
        store().useTransaction(tx -> ids.forEach(id -> tx.companies().put(Samples.company("c" + id.hashCode())
                .toBuilder().build())));
        store().useTransaction(tx -> ids.forEach(id -> tx.contacts().put(Samples.contact(ACME, id))));
        List<String> listed = new ArrayList<>();
        String cursor = null;
        do {
            String after = cursor;
            Page<dev.ecosystem.model.Contact> page = store().inTransaction(tx -> tx.contacts().list(ACME,
                    PageRequest.after(after, 3)));
            page.items().forEach(contact -> listed.add(contact.id().value()));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(listed).isEqualTo(ids.stream().sorted().toList());
    }

    @Test
    @DisplayName("a failed statement the callback swallowed rolls the whole transaction back")
    void swallowedFailure_commitsNothing() {
        Company company = Samples.company("acme");
        assertThatThrownBy(() -> store().useTransaction(tx -> {
            tx.companies().put(company);
            try {
                tx.crm().saveCheckpoint(ACME, "x".repeat(10_000) + "y");
            } catch (ValidationException expected) {
                // validated before any SQL: the transaction is still good
            }
            JdbcTransaction jdbc = (JdbcTransaction) tx;
            try {
                jdbc.update("break on purpose", "INSERT INTO no_such_table VALUES (1)");
            } catch (ProviderException swallowed) {
                // a careless callback
            }
        })).isInstanceOf(ProviderException.class).hasMessageContaining("SQLState");
        Company stored = store().inTransaction(tx -> tx.companies().get(company.id()));
        assertThat(stored).isNull();
    }

    @Test
    @DisplayName("an exception from the callback reaches the caller unchanged and nothing is kept")
    void callbackException_rollsBack() {
        IllegalStateException boom = new IllegalStateException("boom");
        assertThatThrownBy(() -> store().useTransaction(tx -> {
            tx.companies().put(Samples.company("acme"));
            tx.outbox().enqueue(Samples.outboxEntry("o-1", T0));
            throw boom;
        })).isSameAs(boom);
        store().useTransaction(tx -> {
            assertThat(tx.companies().count()).isZero();
            assertThat(tx.outbox().get(Samples.outboxEntry("o-1", T0).id())).isNull();
        });
    }

    @Test
    @DisplayName("a nested inTransaction joins the open one and runs once")
    void nestedTransaction_joins() {
        AtomicInteger runs = new AtomicInteger();
        store().useTransaction(tx -> {
            tx.companies().put(Samples.company("acme"));
            store().useTransaction(inner -> {
                runs.incrementAndGet();
                assertThat(inner.companies().get(CompanyId.of("acme"))).isNotNull();
            });
        });
        assertThat(runs).hasValue(1);
    }

    @Test
    @DisplayName("claims skip leased entries and a sent entry is never reopened")
    void outbox_claimsLeaseAndSentStaysSent() {
        OutboxEntry entry = Samples.outboxEntry("o-1", T0);
        store().useTransaction(tx -> tx.outbox().enqueue(entry));
        List<OutboxEntry> claimed = store().inTransaction(tx -> tx.outbox().claimDue(T0, T0.plusSeconds(60), 10));
        assertThat(claimed).extracting(OutboxEntry::nextAttemptAt).containsExactly(T0.plusSeconds(60));
        List<OutboxEntry> early = store().inTransaction(tx -> tx.outbox().claimDue(T0.plusSeconds(59),
                T0.plusSeconds(120), 10));
        assertThat(early).isEmpty();

        OutboxEntry sent = claimed.get(0).sent(new MailReceipt(entry.message().messageId(), "p-1", "th-1", T0));
        store().useTransaction(tx -> tx.outbox().update(sent));
        assertThatThrownBy(() -> store().useTransaction(tx -> tx.outbox().update(
                claimed.get(0).failed("timeout", T0.plusSeconds(90)))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already sent");
        store().useTransaction(tx -> {
            assertThat(tx.outbox().get(entry.id())).isEqualTo(sent);
            assertThat(tx.outbox().list(ACME, OutboxStatus.SENT, PageRequest.first(10)).items()).containsExactly(sent);
            assertThat(tx.outbox().claimDue(T0.plusSeconds(3600), T0.plusSeconds(3700), 10)).isEmpty();
        });
    }

    @Test
    @DisplayName("a second idempotency key write learns the first value")
    void idempotency_firstWriterWins() {
        String first = store().inTransaction(tx -> tx.idempotency().putIfAbsent(ACME, "k", "first"));
        String second = store().inTransaction(tx -> tx.idempotency().putIfAbsent(ACME, "k", "second"));
        String otherTenant = store().inTransaction(tx -> tx.idempotency().putIfAbsent(GLOBEX, "k", "other"));
        assertThat(first).isNull();
        assertThat(second).isEqualTo("first");
        assertThat(otherTenant).isNull();
    }
}
