package dev.ecosystem.testkit;

import static dev.ecosystem.testkit.StoreFixtures.T0;
import static dev.ecosystem.testkit.StoreFixtures.account;
import static dev.ecosystem.testkit.StoreFixtures.accounts;
import static dev.ecosystem.testkit.StoreFixtures.company;
import static dev.ecosystem.testkit.StoreFixtures.contact;
import static dev.ecosystem.testkit.StoreFixtures.deal;
import static dev.ecosystem.testkit.StoreFixtures.introduction;
import static dev.ecosystem.testkit.StoreFixtures.moved;
import static dev.ecosystem.testkit.StoreFixtures.outboxEntry;
import static dev.ecosystem.testkit.StoreFixtures.partnership;
import static dev.ecosystem.testkit.StoreFixtures.reversal;
import static dev.ecosystem.testkit.StoreFixtures.touchpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import dev.ecosystem.error.ConflictException;
import dev.ecosystem.error.EcosystemException;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.ChangeKind;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.CrmWriteBack;
import dev.ecosystem.model.CrmWriteBackStatus;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.DealStatus;
import dev.ecosystem.model.Consent;
import dev.ecosystem.model.ConsentStatus;
import dev.ecosystem.model.IntroParty;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.IntroductionId;
import dev.ecosystem.model.IntroductionStatus;
import dev.ecosystem.model.IntroductionTransition;
import dev.ecosystem.model.MailReceipt;
import dev.ecosystem.model.OutboxEntry;
import dev.ecosystem.model.OutboxEntryId;
import dev.ecosystem.model.OutboxStatus;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.Prospect;
import dev.ecosystem.model.Partnership;
import dev.ecosystem.model.PartnershipStatus;
import dev.ecosystem.model.PartnershipId;
import dev.ecosystem.model.Population;
import dev.ecosystem.model.StoreChange;
import dev.ecosystem.model.Touchpoint;
import dev.ecosystem.model.TouchpointId;
import dev.ecosystem.model.TouchpointKind;
import dev.ecosystem.model.SharingPolicy;
import dev.ecosystem.spi.ChangeRepository;
import dev.ecosystem.spi.CompanyBlockRepository;
import dev.ecosystem.spi.CompanyRepository;
import dev.ecosystem.spi.ContactRepository;
import dev.ecosystem.spi.CrmSnapshotRepository;
import dev.ecosystem.spi.IdempotencyRepository;
import dev.ecosystem.spi.IntroductionRepository;
import dev.ecosystem.spi.ListedProfile;
import dev.ecosystem.spi.OutboxRepository;
import dev.ecosystem.spi.PartnerStore;
import dev.ecosystem.spi.support.ValidatingPartnerStore;
import dev.ecosystem.spi.PartnershipRepository;
import dev.ecosystem.spi.StoreTransaction;
import dev.ecosystem.spi.StoredAccounts;
import dev.ecosystem.spi.TouchpointRepository;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every {@link PartnerStore} must keep. Extend it in your adapter's test and implement
 * {@link #createStore()}: it is called before every test and must return an empty store (for a database, a fresh
 * schema or truncated tables).
 *
 * <pre>{@code
 * class MyStoreTest extends PartnerStoreContract {
 *     protected PartnerStore createStore() {
 *         return MyStore.create(freshDataSource());
 *     }
 * }
 * }</pre>
 *
 * <p>The kit checks every repository of a {@link StoreTransaction}: round trips and replace semantics, tenancy
 * (the same ids under two tenants never leak), paging, atomicity, isolation under concurrent transactions,
 * optimistic versions, unique keys, the outbox's claims and leases, the change feed (every kind of write adds a
 * change, rollbacks none, and a follower reading while writers commit misses none), and bad arguments. The kit
 * calls the store through {@link dev.ecosystem.spi.support.ValidatingPartnerStore}, as {@code EcosystemClient}
 * does: bad arguments are refused there, so a store need not check them again. A store that
 * does not implement {@link StoreTransaction#changes()} fails the change feed tests with a message saying what to
 * implement. It never reads a clock or
 * sleeps: instants are fixed ({@link StoreFixtures#T0}), and concurrent tests retry a transaction only when the store
 * reports a {@link ConflictException}, as {@link PartnerStore#inTransaction} allows.
 */
public abstract class PartnerStoreContract {

    /** For subclasses: the adapter's test class extends the kit. */
    protected PartnerStoreContract() {
    }

    /** A tenant. */
    protected static final CompanyId TENANT_A = CompanyId.of("tenant-a");
    /** Another tenant, often holding records with the same ids as {@link #TENANT_A}'s. */
    protected static final CompanyId TENANT_B = CompanyId.of("tenant-b");
    /** A third company, the partner or counterpart of the first two. */
    protected static final CompanyId TENANT_C = CompanyId.of("tenant-c");

    /**
     * Ids whose natural (binary) order differs from a case-insensitive or locale-aware order (which ignores or
     * reorders the punctuation {@code - . : _}). They are valid company ids too, since some listings key by company.
     */
    static final List<String> TRICKY_IDS = List.of("b", "a-10", "Z", "a.b", "0", "a-2", "a_x", "A-b", "a", "9", "B",
            "a-1", "a:b");

    private static final String KEY = "request-42";
    private static final int MAX_ATTEMPTS = 1_000;
    private static final long WAIT_SECONDS = 120;

    private PartnerStore store;

    /**
     * The factory hook: a new, empty store. Called once before every test.
     *
     * @return the store under test
     */
    protected abstract PartnerStore createStore();

    @BeforeEach
    void createEmptyStore() {
        // The SDK calls every store through ValidatingPartnerStore (EcosystemClient wraps the store it is given),
        // so the kit checks a store as the SDK uses it: argument checks there, storage rules in the store.
        store = ValidatingPartnerStore.wrap(createStore());
    }

    @Nested
    @DisplayName("Transactions")
    class Transactions {
        @Test
        @DisplayName("inTransaction returns what the callback returns, and its writes are visible afterwards")
        void inTransaction_returnsCallbackResult_andCommits() {
            String result = store.inTransaction(tx -> {
                tx.companies().put(company("acme"));
                return "done";
            });

            assertThat(result).isEqualTo("done");
            check(tx -> assertThat(tx.companies().get(CompanyId.of("acme"))).isEqualTo(company("acme")));
        }

        @Test
        @DisplayName("useTransaction commits what its callback wrote")
        void useTransaction_commits() {
            store.useTransaction(tx -> tx.contacts().put(contact(TENANT_A, "ada")));

            check(tx -> assertThat(tx.contacts().get(TENANT_A, ContactId.of("ada"))).isEqualTo(contact(TENANT_A,
                    "ada")));
        }

        @Test
        @DisplayName("A transaction reads its own writes before it commits, in gets, lists and counts")
        void transaction_readsItsOwnWrites() {
            write(tx -> {
                tx.companies().put(company("acme"));
                tx.crm().putAccounts(TENANT_A, List.of(account(TENANT_A, "a1")));
                tx.contacts().put(contact(TENANT_A, "ada"));
                tx.introductions().insert(introduction("i1", TENANT_A, TENANT_B));

                assertThat(tx.companies().get(CompanyId.of("acme"))).isEqualTo(company("acme"));
                assertThat(tx.companies().count()).isEqualTo(1);
                assertThat(tx.crm().accountCount(TENANT_A)).isEqualTo(1);
                assertThat(tx.contacts().list(TENANT_A, PageRequest.first(10)).items())
                        .containsExactly(contact(TENANT_A, "ada"));
                assertThat(tx.introductions().get(TENANT_B, IntroductionId.of("i1"))).isNotNull();
                tx.companies().remove(CompanyId.of("acme"));
                assertThat(tx.companies().get(CompanyId.of("acme"))).isNull();
            });
        }

        @Test
        @DisplayName("A null callback is refused with a validation error")
        void nullCallback_isRefused() {
            assertThatThrownBy(() -> store.inTransaction(null)).isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> store.useTransaction(null)).isInstanceOf(ValidationException.class);
        }

        @Test
        @DisplayName("A transaction used after its callback returned fails and stores nothing")
        void transaction_afterCallbackReturned_isUnusable() {
            StoreTransaction escaped = store.inTransaction(tx -> tx);

            assertThatThrownBy(() -> escaped.companies().put(company("late")))
                    .isInstanceOf(EcosystemException.class);
            assertThatThrownBy(() -> escaped.contacts().put(contact(TENANT_A, "late")))
                    .isInstanceOf(EcosystemException.class);

            check(tx -> assertThat(tx.companies().get(CompanyId.of("late"))).isNull());
            check(tx -> assertThat(tx.contacts().get(TENANT_A, ContactId.of("late"))).isNull());
        }

        @Test
        @DisplayName("Every repository taken from a transaction fails once its callback returned")
        void repositories_afterCallbackReturned_areUnusable() {
            List<Object> repositories = store.inTransaction(tx -> List.of(tx.companies(), tx.contacts(),
                    tx.partnerships(), tx.introductions(), tx.crm(), tx.touchpoints(), tx.outbox(),
                    tx.idempotency(), tx.blocks()));
            PageRequest page = PageRequest.first(10);

            List<Runnable> uses = List.of(
                    () -> ((CompanyRepository) repositories.get(0)).count(),
                    () -> ((ContactRepository) repositories.get(1)).list(TENANT_A, page),
                    () -> ((PartnershipRepository) repositories.get(2)).findByPartner(TENANT_A, TENANT_B),
                    () -> ((IntroductionRepository) repositories.get(3)).list(TENANT_A, page),
                    () -> ((CrmSnapshotRepository) repositories.get(4)).accountCount(TENANT_A),
                    () -> ((TouchpointRepository) repositories.get(5)).list(TENANT_A, page),
                    () -> ((OutboxRepository) repositories.get(6)).claimDue(T0, T0.plusSeconds(60), 10),
                    () -> ((IdempotencyRepository) repositories.get(7)).putIfAbsent(TENANT_A, KEY, "late"),
                    () -> ((CompanyBlockRepository) repositories.get(8)).block(TENANT_A, TENANT_B));
            for (int i = 0; i < uses.size(); i++) {
                Runnable use = uses.get(i);
                assertThatThrownBy(use::run).as("use of %s after its transaction", repositories.get(i).getClass())
                        .isInstanceOf(EcosystemException.class);
            }
            assertThat(storedIdempotencyValue(TENANT_A, KEY)).isNull();
            check(tx -> assertThat(tx.blocks().isBlocked(TENANT_A, TENANT_B)).isFalse());
        }

        @Test
        @DisplayName("A transaction whose callback threw cannot be used afterwards either")
        void transaction_afterCallbackThrew_isUnusable() {
            AtomicReference<StoreTransaction> escaped = new AtomicReference<>();
            catchThrowable(() -> write(tx -> {
                escaped.set(tx);
                throw new Boom();
            }));

            assertThatThrownBy(() -> escaped.get().companies().put(company("late")))
                    .isInstanceOf(EcosystemException.class);
            check(tx -> assertThat(tx.companies().count()).isZero());
        }
    }

    @Nested
    @DisplayName("Atomicity: a failed transaction leaves no trace")
    class Atomicity {
        @Test
        @DisplayName("When the callback throws, nothing it wrote to any repository is kept")
        void failedCallback_discardsWritesToEveryRepository() {
            Boom boom = new Boom();

            Throwable thrown = catchThrowable(() -> write(tx -> {
                writeOneOfEach(tx);
                throw boom;
            }));

            assertThat(thrown).isSameAs(boom);
            assertNothingStored();
        }

        @Test
        @DisplayName("When the callback throws, replaced, updated, removed and claimed records stay as they were")
        void failedCallback_keepsCommittedStateUnchanged() {
            write(this::writeOneOfEach);
            Company company = company("acme");
            Introduction intro = read(tx -> tx.introductions().get(TENANT_A, IntroductionId.of("i1")));
            OutboxEntry entry = read(tx -> tx.outbox().get(OutboxEntryId.of("o1")));

            catchThrowable(() -> write(tx -> {
                tx.companies().put(company.toBuilder().description("changed").build());
                tx.contacts().remove(TENANT_A, ContactId.of("ada"));
                tx.partnerships().remove(TENANT_A, PartnershipId.of("p1"));
                tx.introductions().update(moved(intro, IntroductionStatus.CANCELLED, T0.plusSeconds(5)));
                tx.crm().removeAccounts(TENANT_A, List.of(AccountId.of("a1")));
                tx.crm().putDeals(TENANT_A, List.of(renamed(deal(TENANT_A, "d1"))));
                tx.crm().saveCheckpoint(TENANT_A, "checkpoint-2");
                tx.outbox().claimDue(T0, T0.plusSeconds(300), 10);
                assertThat(tx.blocks().unblock(TENANT_A, TENANT_B)).isTrue();
                assertThat(tx.blocks().block(TENANT_A, TENANT_C)).isTrue();
                throw new Boom();
            }));

            write(tx -> {
                assertThat(tx.companies().get(CompanyId.of("acme"))).isEqualTo(company);
                assertThat(tx.contacts().get(TENANT_A, ContactId.of("ada"))).isEqualTo(contact(TENANT_A, "ada"));
                assertThat(tx.partnerships().get(TENANT_A, PartnershipId.of("p1"))).isNotNull();
                assertThat(tx.introductions().get(TENANT_A, IntroductionId.of("i1"))).isEqualTo(intro);
                assertThat(tx.crm().account(TENANT_A, AccountId.of("a1"))).isEqualTo(account(TENANT_A, "a1"));
                assertThat(tx.crm().deal(TENANT_A, DealId.of("d1"))).isEqualTo(deal(TENANT_A, "d1"));
                assertThat(tx.crm().checkpoint(TENANT_A)).isEqualTo("checkpoint-1");
                assertThat(tx.outbox().get(OutboxEntryId.of("o1"))).isEqualTo(entry);
                assertThat(tx.blocks().list(TENANT_A, PageRequest.first(10)).items()).containsExactly(TENANT_B);
            });
        }

        @Test
        @DisplayName("A claim made in a failed transaction holds no lease: the entry is due again at once")
        void failedCallback_releasesOutboxClaims() {
            write(tx -> tx.outbox().enqueue(outboxEntry(TENANT_A, "o1", T0)));

            catchThrowable(() -> write(tx -> {
                assertThat(tx.outbox().claimDue(T0, T0.plusSeconds(300), 10)).hasSize(1);
                throw new Boom();
            }));

            write(tx -> assertThat(tx.outbox().claimDue(T0, T0.plusSeconds(300), 10))
                    .extracting(OutboxEntry::id).containsExactly(OutboxEntryId.of("o1")));
        }

        @Test
        @DisplayName("Whatever the callback throws reaches the caller as the same instance and undoes its writes")
        void failedCallback_exceptionReachesCallerUnchanged() {
            List<Throwable> thrown = List.of(new Boom(), new IllegalStateException("host bug"),
                    new NotFoundException("thrown by the host's own code"), new AssertionError("an Error"),
                    new IOException("a checked exception, as Kotlin or Lombok code may throw"));
            for (Throwable failure : thrown) {
                Throwable caught = catchThrowable(() -> write(tx -> {
                    tx.companies().put(company("acme"));
                    sneakyThrow(failure);
                }));
                assertThat(caught).as("what the caller caught").isSameAs(failure);
            }
            check(tx -> assertThat(tx.companies().count()).isZero());
        }

        @Test
        @DisplayName("A conflict raised by the store rolls back the writes made earlier in the same transaction")
        void storeConflict_rollsBackEarlierWritesOfTheTransaction() {
            write(tx -> tx.introductions().insert(introduction("i1", TENANT_A, TENANT_B)));

            assertThatThrownBy(() -> write(tx -> {
                tx.contacts().put(contact(TENANT_A, "ada"));
                tx.crm().putAccounts(TENANT_A, List.of(account(TENANT_A, "a1")));
                tx.introductions().insert(introduction("i1", TENANT_A, TENANT_C));
            })).isInstanceOf(ConflictException.class);

            check(tx -> assertThat(tx.contacts().get(TENANT_A, ContactId.of("ada"))).isNull());
            check(tx -> assertThat(tx.crm().accountCount(TENANT_A)).isZero());
        }

        @Test
        @DisplayName("The store stays usable after a failed transaction")
        void store_afterFailedTransaction_staysUsable() {
            catchThrowable(() -> write(tx -> {
                tx.companies().put(company("acme"));
                throw new Boom();
            }));

            write(tx -> tx.companies().put(company("globex")));

            check(tx -> assertThat(tx.companies().list(PageRequest.first(10)).items())
                    .containsExactly(company("globex")));
        }

        private void writeOneOfEach(StoreTransaction tx) {
            tx.companies().put(company("acme"));
            tx.contacts().put(contact(TENANT_A, "ada"));
            tx.partnerships().put(partnership(TENANT_A, "p1", TENANT_B));
            tx.introductions().insert(introduction("i1", TENANT_A, TENANT_B));
            tx.crm().putAccounts(TENANT_A, List.of(account(TENANT_A, "a1")));
            tx.crm().putDeals(TENANT_A, List.of(deal(TENANT_A, "d1")));
            tx.crm().saveCheckpoint(TENANT_A, "checkpoint-1");
            tx.touchpoints().append(touchpoint(TENANT_A, "t1", TENANT_B));
            tx.outbox().enqueue(outboxEntry(TENANT_A, "o1", T0));
            assertThat(tx.idempotency().putIfAbsent(TENANT_A, KEY, "first")).isNull();
            assertThat(tx.blocks().block(TENANT_A, TENANT_B)).isTrue();
        }
    }

    @Nested
    @DisplayName("Companies (network profiles)")
    class Companies {
        @Test
        @DisplayName("A stored profile reads back equal, every field and the order of product categories kept")
        void put_thenGet_returnsEqualProfile() {
            Company company = company("acme").toBuilder().productCategories(List.of("zeta", "alpha", "mid")).build();
            write(tx -> tx.companies().put(company));

            Company stored = read(tx -> tx.companies().get(CompanyId.of("acme")));

            assertThat(stored).isEqualTo(company);
            assertThat(stored.primaryCategory()).isEqualTo("zeta");
            assertThat(stored.introductionIntake()).isEqualTo(ContactId.of("intake-acme"));
        }

        @Test
        @DisplayName("Putting a profile with the same id replaces it")
        void put_sameId_replaces() {
            write(tx -> tx.companies().put(company("acme")));
            Company changed = company("acme").toBuilder().description("Now sells to banks.").listed(false)
                    .sizeBand(null).introductionIntake(null).build();

            write(tx -> tx.companies().put(changed));

            check(tx -> assertThat(tx.companies().get(CompanyId.of("acme"))).isEqualTo(changed));
            check(tx -> assertThat(tx.companies().count()).isEqualTo(1));
        }

        @Test
        @DisplayName("An unknown id reads as null")
        void get_unknown_isNull() {
            write(tx -> tx.companies().put(company("acme")));

            check(tx -> assertThat(tx.companies().get(CompanyId.of("globex"))).isNull());
            check(tx -> assertThat(tx.companies().get(CompanyId.of("ACME"))).as("ids are case-sensitive").isNull());
        }

        @Test
        @DisplayName("remove deletes the profile and says whether there was one")
        void remove_reportsWhetherThereWasOne() {
            write(tx -> tx.companies().put(company("acme")));

            write(tx -> assertThat(tx.companies().remove(CompanyId.of("acme"))).isTrue());
            write(tx -> assertThat(tx.companies().remove(CompanyId.of("acme"))).isFalse());
            check(tx -> assertThat(tx.companies().get(CompanyId.of("acme"))).isNull());
        }

        @Test
        @DisplayName("count follows puts, replacements and removals")
        void count_followsChanges() {
            write(tx -> {
                tx.companies().put(company("a"));
                tx.companies().put(company("b"));
                tx.companies().put(company("c"));
                tx.companies().put(company("a"));
            });
            write(tx -> tx.companies().remove(CompanyId.of("b")));

            check(tx -> assertThat(tx.companies().count()).isEqualTo(2));
        }

        @Test
        @DisplayName("list returns unlisted profiles too: hiding them is the engines' job")
        void list_includesUnlistedProfiles() {
            Company hidden = company("hidden").toBuilder().listed(false).build();
            write(tx -> {
                tx.companies().put(company("shown"));
                tx.companies().put(hidden);
            });

            check(tx -> assertThat(tx.companies().list(PageRequest.first(10)).items())
                    .containsExactly(hidden, company("shown")));
        }

        @Test
        @DisplayName("forEachListedProfile hands over every listed profile in id order with its contacts' role tags,"
                + " and no unlisted one")
        void forEachListedProfile_listedInIdOrder_withRoleTags() {
            CompanyId globex = CompanyId.of("globex");
            Contact engineer = Contact.builder(ContactId.of("eng"), globex, "Eng", "eng@globex.example.com")
                    .roleTags("engineering", "sales").build();
            write(tx -> {
                tx.companies().put(company("globex"));
                tx.companies().put(company("acme"));
                tx.companies().put(company("hidden").toBuilder().listed(false).build());
                tx.contacts().put(contact(globex, "ada"));
                tx.contacts().put(engineer);
                tx.contacts().put(contact(CompanyId.of("hidden"), "bob"));
                tx.contacts().put(contact(CompanyId.of("zeta"), "carl"));
            });
            List<ListedProfile> profiles = new ArrayList<>();

            check(tx -> tx.forEachListedProfile(profiles::add));

            assertThat(profiles).extracting(ListedProfile::id).containsExactly(CompanyId.of("acme"), globex);
            assertThat(profiles.get(0)).isEqualTo(ListedProfile.of(company("acme"), List.of()));
            assertThat(profiles.get(1).roleTags()).containsExactlyInAnyOrder("role:engineering", "role:partnerships",
                    "role:sales");
            assertThat(profiles.get(1)).usingRecursiveComparison().ignoringFields("roleTags")
                    .isEqualTo(ListedProfile.of(company("globex"), List.of()));
        }
    }

    @Nested
    @DisplayName("Contacts")
    class Contacts {
        @Test
        @DisplayName("A stored contact reads back equal under its company")
        void put_thenGet_returnsEqualContact() {
            Contact contact = contact(TENANT_A, "ada");
            write(tx -> tx.contacts().put(contact));

            check(tx -> assertThat(tx.contacts().get(TENANT_A, ContactId.of("ada"))).isEqualTo(contact));
        }

        @Test
        @DisplayName("Putting a contact with the same company and id replaces it")
        void put_sameKey_replaces() {
            write(tx -> tx.contacts().put(contact(TENANT_A, "ada")));
            Contact optedOut = contact(TENANT_A, "ada").withOptedOut(true);

            write(tx -> tx.contacts().put(optedOut));

            check(tx -> assertThat(tx.contacts().get(TENANT_A, ContactId.of("ada"))).isEqualTo(optedOut));
            check(tx -> assertThat(tx.contacts().list(TENANT_A, PageRequest.first(10)).items())
                    .containsExactly(optedOut));
        }

        @Test
        @DisplayName("Whether a contact is reachable for introductions round-trips, both ways")
        void reachableForIntroductions_roundTrips() {
            Contact reachable = contact(TENANT_A, "ada");
            Contact unreachable = Contact.builder(ContactId.of("bo"), TENANT_A, "Bo", "bo@a.example.com").build();
            write(tx -> {
                tx.contacts().put(reachable);
                tx.contacts().put(unreachable);
            });

            check(tx -> assertThat(tx.contacts().get(TENANT_A, ContactId.of("ada")).reachableForIntroductions())
                    .isTrue());
            check(tx -> assertThat(tx.contacts().get(TENANT_A, ContactId.of("bo"))).isEqualTo(unreachable)
                    .extracting(Contact::reachableForIntroductions).isEqualTo(false));
        }

        @Test
        @DisplayName("remove deletes the contact and says whether there was one")
        void remove_reportsWhetherThereWasOne() {
            write(tx -> tx.contacts().put(contact(TENANT_A, "ada")));

            write(tx -> assertThat(tx.contacts().remove(TENANT_A, ContactId.of("ada"))).isTrue());
            write(tx -> assertThat(tx.contacts().remove(TENANT_A, ContactId.of("ada"))).isFalse());
            check(tx -> assertThat(tx.contacts().get(TENANT_A, ContactId.of("ada"))).isNull());
        }

        @Test
        @DisplayName("Tenancy: the same contact id under two companies are two contacts that never leak")
        void sameId_underTwoCompanies_staysSeparate() {
            Contact ofA = contact(TENANT_A, "ada");
            Contact ofB = contact(TENANT_B, "ada").withOptedOut(true);
            write(tx -> {
                tx.contacts().put(ofA);
                tx.contacts().put(ofB);
            });

            write(tx -> {
                assertThat(tx.contacts().get(TENANT_A, ContactId.of("ada"))).isEqualTo(ofA);
                assertThat(tx.contacts().get(TENANT_B, ContactId.of("ada"))).isEqualTo(ofB);
                assertThat(tx.contacts().get(TENANT_C, ContactId.of("ada"))).isNull();
                assertThat(tx.contacts().list(TENANT_A, PageRequest.first(10)).items()).containsExactly(ofA);
                assertThat(tx.contacts().list(TENANT_B, PageRequest.first(10)).items()).containsExactly(ofB);
                assertThat(tx.contacts().list(TENANT_C, PageRequest.first(10)).items()).isEmpty();
            });
        }

        @Test
        @DisplayName("Tenancy: removing one company's contact leaves the other's with the same id")
        void remove_underOneCompany_leavesTheOther() {
            write(tx -> {
                tx.contacts().put(contact(TENANT_A, "ada"));
                tx.contacts().put(contact(TENANT_B, "ada"));
            });

            write(tx -> assertThat(tx.contacts().remove(TENANT_C, ContactId.of("ada"))).isFalse());
            write(tx -> assertThat(tx.contacts().remove(TENANT_A, ContactId.of("ada"))).isTrue());

            check(tx -> assertThat(tx.contacts().get(TENANT_B, ContactId.of("ada"))).isEqualTo(contact(TENANT_B,
                    "ada")));
        }
    }

    @Nested
    @DisplayName("Partnerships")
    class Partnerships {
        @Test
        @DisplayName("A stored partnership reads back equal by id and by partner")
        void put_thenGet_returnsEqualRecord() {
            Partnership partnership = partnership(TENANT_A, "p1", TENANT_B);
            write(tx -> tx.partnerships().put(partnership));

            check(tx -> assertThat(tx.partnerships().get(TENANT_A, PartnershipId.of("p1"))).isEqualTo(partnership));
            check(tx -> assertThat(tx.partnerships().findByPartner(TENANT_A, TENANT_B)).isEqualTo(partnership));
            check(tx -> assertThat(tx.partnerships().findByPartner(TENANT_A, TENANT_C)).isNull());
        }

        @Test
        @DisplayName("Putting the same owner and id again replaces the record, such as a status change")
        void put_sameKey_replaces() {
            write(tx -> tx.partnerships().put(partnership(TENANT_A, "p1", TENANT_B)));
            Partnership paused = partnership(TENANT_A, "p1", TENANT_B)
                    .withStatus(PartnershipStatus.PAUSED, LocalDate.of(2026, 3, 1));

            write(tx -> tx.partnerships().put(paused));

            check(tx -> assertThat(tx.partnerships().get(TENANT_A, PartnershipId.of("p1"))).isEqualTo(paused));
            check(tx -> assertThat(tx.partnerships().list(TENANT_A, PageRequest.first(10)).items())
                    .containsExactly(paused));
        }

        @Test
        @DisplayName("A second record for the same partner is a conflict, and the first stays unchanged")
        void put_secondRecordForSamePartner_isConflict() {
            write(tx -> tx.partnerships().put(partnership(TENANT_A, "p1", TENANT_B)));

            assertThatThrownBy(() -> write(tx -> tx.partnerships().put(partnership(TENANT_A, "p2", TENANT_B))))
                    .isInstanceOf(ConflictException.class);

            check(tx -> assertThat(tx.partnerships().get(TENANT_A, PartnershipId.of("p2"))).isNull());
            check(tx -> assertThat(tx.partnerships().findByPartner(TENANT_A, TENANT_B))
                    .isEqualTo(partnership(TENANT_A, "p1", TENANT_B)));
        }

        @Test
        @DisplayName("Moving a record to a partner that another record already has is a conflict")
        void put_replacementOntoTakenPartner_isConflict() {
            write(tx -> {
                tx.partnerships().put(partnership(TENANT_A, "p1", TENANT_B));
                tx.partnerships().put(partnership(TENANT_A, "p2", TENANT_C));
            });

            assertThatThrownBy(() -> write(tx -> tx.partnerships().put(partnership(TENANT_A, "p2", TENANT_B))))
                    .isInstanceOf(ConflictException.class);

            check(tx -> assertThat(tx.partnerships().findByPartner(TENANT_A, TENANT_C))
                    .isEqualTo(partnership(TENANT_A, "p2", TENANT_C)));
        }

        @Test
        @DisplayName("Replacing a record's partner frees the old partner for a new record")
        void put_replacementOntoNewPartner_freesOldPartner() {
            write(tx -> tx.partnerships().put(partnership(TENANT_A, "p1", TENANT_B)));

            write(tx -> tx.partnerships().put(partnership(TENANT_A, "p1", TENANT_C)));
            write(tx -> tx.partnerships().put(partnership(TENANT_A, "p2", TENANT_B)));

            check(tx -> assertThat(tx.partnerships().findByPartner(TENANT_A, TENANT_C).id())
                    .isEqualTo(PartnershipId.of("p1")));
            check(tx -> assertThat(tx.partnerships().findByPartner(TENANT_A, TENANT_B).id())
                    .isEqualTo(PartnershipId.of("p2")));
        }

        @Test
        @DisplayName("After a record is removed, a new one for the same partner is accepted")
        void remove_thenNewRecordForSamePartner_isAccepted() {
            write(tx -> tx.partnerships().put(partnership(TENANT_A, "p1", TENANT_B)));

            write(tx -> assertThat(tx.partnerships().remove(TENANT_A, PartnershipId.of("p1"))).isTrue());
            write(tx -> assertThat(tx.partnerships().remove(TENANT_A, PartnershipId.of("p1"))).isFalse());
            write(tx -> tx.partnerships().put(partnership(TENANT_A, "p2", TENANT_B)));

            check(tx -> assertThat(tx.partnerships().findByPartner(TENANT_A, TENANT_B).id())
                    .isEqualTo(PartnershipId.of("p2")));
        }

        @Test
        @DisplayName("Tenancy: two owners keep records with the same id and the same partner apart")
        void sameIdAndPartner_underTwoOwners_staySeparate() {
            Partnership ofA = partnership(TENANT_A, "p1", TENANT_C);
            Partnership ofB = partnership(TENANT_B, "p1", TENANT_C).withStatus(PartnershipStatus.PROSPECT,
                    LocalDate.of(2026, 1, 5));
            write(tx -> {
                tx.partnerships().put(ofA);
                tx.partnerships().put(ofB);
            });

            write(tx -> {
                assertThat(tx.partnerships().get(TENANT_A, PartnershipId.of("p1"))).isEqualTo(ofA);
                assertThat(tx.partnerships().get(TENANT_B, PartnershipId.of("p1"))).isEqualTo(ofB);
                assertThat(tx.partnerships().get(TENANT_C, PartnershipId.of("p1"))).isNull();
                assertThat(tx.partnerships().findByPartner(TENANT_A, TENANT_C)).isEqualTo(ofA);
                assertThat(tx.partnerships().findByPartner(TENANT_B, TENANT_C)).isEqualTo(ofB);
                assertThat(tx.partnerships().list(TENANT_A, PageRequest.first(10)).items()).containsExactly(ofA);
                assertThat(tx.partnerships().list(TENANT_C, PageRequest.first(10)).items()).isEmpty();
                assertThat(tx.partnerships().remove(TENANT_A, PartnershipId.of("p1"))).isTrue();
                assertThat(tx.partnerships().get(TENANT_B, PartnershipId.of("p1"))).isEqualTo(ofB);
            });
        }
    }

    @Nested
    @DisplayName("Introductions")
    class Introductions {
        @Test
        @DisplayName("insert stores a new introduction at version 0 and returns it as stored")
        void insert_storesAtVersionZero() {
            Introduction inserted = read(tx -> tx.introductions().insert(introduction("i1", TENANT_A, TENANT_B)));

            assertThat(inserted).isEqualTo(introduction("i1", TENANT_A, TENANT_B));
            assertThat(inserted.version()).isZero();
            check(tx -> assertThat(tx.introductions().get(TENANT_A, IntroductionId.of("i1"))).isEqualTo(inserted));
        }

        @Test
        @DisplayName("insert stores at version 0 whatever version the caller passed")
        void insert_ignoresGivenVersion() {
            Introduction atSeven = introduction("i1", TENANT_A, TENANT_B).withVersion(7);

            Introduction inserted = read(tx -> tx.introductions().insert(atSeven));

            assertThat(inserted.version()).isZero();
            check(tx -> assertThat(tx.introductions().get(TENANT_B, IntroductionId.of("i1")).version()).isZero());
        }

        @Test
        @DisplayName("A record without an introducer reads back equal too")
        void insert_withoutIntroducer_roundTrips() {
            Introduction direct = withoutIntroducer(introduction("i1", TENANT_A, TENANT_B));

            write(tx -> tx.introductions().insert(direct));

            check(tx -> assertThat(tx.introductions().get(TENANT_A, IntroductionId.of("i1"))).isEqualTo(direct));
        }

        @Test
        @DisplayName("An introduction's prospect (name and domain) reads back equal, also after an update")
        void prospect_roundTrips() {
            Introduction about = introduction("i1", TENANT_A, TENANT_B);
            Introduction withProspect = Introduction.builder(about.id(), about.requesterCompany(), about.requester(),
                            about.targetCompany(), about.target(), about.context(), about.createdAt(),
                            about.expiresAt())
                    .prospect(Prospect.of("Initech GmbH", "https://www.initech.de"))
                    .build();

            Introduction inserted = read(tx -> tx.introductions().insert(withProspect));
            Introduction updated = read(tx -> tx.introductions().update(inserted.withNextDueAt(
                    inserted.expiresAt().minusSeconds(60))));

            check(tx -> {
                Introduction stored = tx.introductions().get(TENANT_A, IntroductionId.of("i1"));
                assertThat(stored).isEqualTo(updated);
                assertThat(stored.prospect()).isEqualTo(Prospect.of("Initech GmbH", "https://www.initech.de"));
            });
        }

        @Test
        @DisplayName("Inserting a taken id is a conflict, even between other companies, and keeps the first")
        void insert_takenId_isConflict() {
            write(tx -> tx.introductions().insert(introduction("i1", TENANT_A, TENANT_B)));

            assertThatThrownBy(() -> write(tx -> tx.introductions().insert(introduction("i1", TENANT_A, TENANT_B))))
                    .isInstanceOf(ConflictException.class);
            assertThatThrownBy(() -> write(tx -> tx.introductions().insert(introduction("i1", TENANT_C, TENANT_B))))
                    .isInstanceOf(ConflictException.class);

            check(tx -> assertThat(tx.introductions().get(TENANT_B, IntroductionId.of("i1")))
                    .isEqualTo(introduction("i1", TENANT_A, TENANT_B)));
            check(tx -> assertThat(tx.introductions().get(TENANT_C, IntroductionId.of("i1"))).isNull());
        }

        @Test
        @DisplayName("update replaces the record and increases the version by one, each time")
        void update_increasesVersion() {
            Introduction v0 = read(tx -> tx.introductions().insert(introduction("i1", TENANT_A, TENANT_B)));

            Introduction v1 = read(tx -> tx.introductions().update(
                    moved(v0, IntroductionStatus.AWAITING_CONSENT, T0.plusSeconds(60))));
            Introduction v2 = read(tx -> tx.introductions().update(
                    moved(v1, IntroductionStatus.CONNECTED, T0.plusSeconds(120))));

            assertThat(v1.version()).isEqualTo(1);
            assertThat(v1.status()).isEqualTo(IntroductionStatus.AWAITING_CONSENT);
            assertThat(v2.version()).isEqualTo(2);
            assertThat(v2).isEqualTo(moved(v1, IntroductionStatus.CONNECTED, T0.plusSeconds(120)).withVersion(2));
            check(tx -> assertThat(tx.introductions().get(TENANT_A, IntroductionId.of("i1"))).isEqualTo(v2));
        }

        @Test
        @DisplayName("An update from a stale version is a conflict and changes nothing")
        void update_staleVersion_isConflict() {
            Introduction v0 = read(tx -> tx.introductions().insert(introduction("i1", TENANT_A, TENANT_B)));
            Introduction v1 = read(tx -> tx.introductions().update(
                    moved(v0, IntroductionStatus.AWAITING_CONSENT, T0.plusSeconds(60))));

            assertThatThrownBy(() -> write(tx -> tx.introductions().update(
                    moved(v0, IntroductionStatus.CANCELLED, T0.plusSeconds(90)))))
                    .isInstanceOf(ConflictException.class);
            assertThatThrownBy(() -> write(tx -> tx.introductions().update(
                    moved(v1, IntroductionStatus.CANCELLED, T0.plusSeconds(90)).withVersion(5))))
                    .as("a version from the future").isInstanceOf(ConflictException.class);

            check(tx -> assertThat(tx.introductions().get(TENANT_A, IntroductionId.of("i1"))).isEqualTo(v1));
        }

        @Test
        @DisplayName("Updating an introduction that does not exist is not-found and stores nothing")
        void update_unknown_isNotFound() {
            assertThatThrownBy(() -> write(tx -> tx.introductions().update(introduction("i1", TENANT_A, TENANT_B))))
                    .isInstanceOf(NotFoundException.class);

            check(tx -> assertThat(tx.introductions().get(TENANT_A, IntroductionId.of("i1"))).isNull());
        }

        @Test
        @DisplayName("An update cannot move an introduction to other companies: it is a conflict and nothing leaks")
        void update_changingCompanies_isConflict() {
            Introduction v0 = read(tx -> tx.introductions().insert(introduction("i1", TENANT_A, TENANT_B)));
            Introduction moved = introduction("i1", TENANT_A, TENANT_C);

            assertThatThrownBy(() -> write(tx -> tx.introductions().update(moved)))
                    .isInstanceOf(ConflictException.class);

            check(tx -> {
                assertThat(tx.introductions().get(TENANT_B, IntroductionId.of("i1"))).isEqualTo(v0);
                assertThat(tx.introductions().get(TENANT_C, IntroductionId.of("i1"))).isNull();
                assertThat(tx.introductions().list(TENANT_C, PageRequest.first(10)).items()).isEmpty();
            });
        }

        @Test
        @DisplayName("Tenancy: an introduction is visible to its requester's and target's company, to nobody else")
        void get_visibleOnlyToItsTwoParties() {
            Introduction intro = read(tx -> tx.introductions().insert(introduction("i1", TENANT_A, TENANT_B)));

            write(tx -> {
                assertThat(tx.introductions().get(TENANT_A, IntroductionId.of("i1"))).isEqualTo(intro);
                assertThat(tx.introductions().get(TENANT_B, IntroductionId.of("i1"))).isEqualTo(intro);
                assertThat(tx.introductions().get(TENANT_C, IntroductionId.of("i1"))).isNull();
                assertThat(tx.introductions().list(TENANT_C, PageRequest.first(10)).items()).isEmpty();
            });
        }

        @Test
        @DisplayName("Tenancy: list shows a company the introductions it requested and those it is the target of")
        void list_showsBothSidesOfAParty() {
            write(tx -> {
                tx.introductions().insert(introduction("i1", TENANT_A, TENANT_B));
                tx.introductions().insert(introduction("i2", TENANT_B, TENANT_A));
                tx.introductions().insert(introduction("i3", TENANT_B, TENANT_C));
            });

            write(tx -> {
                assertThat(tx.introductions().list(TENANT_A, PageRequest.first(10)).items())
                        .extracting(Introduction::id)
                        .containsExactly(IntroductionId.of("i1"), IntroductionId.of("i2"));
                assertThat(tx.introductions().list(TENANT_B, PageRequest.first(10)).items())
                        .extracting(Introduction::id)
                        .containsExactly(IntroductionId.of("i1"), IntroductionId.of("i2"), IntroductionId.of("i3"));
                assertThat(tx.introductions().list(TENANT_C, PageRequest.first(10)).items())
                        .extracting(Introduction::id).containsExactly(IntroductionId.of("i3"));
            });
        }
        @Test
        @DisplayName("Consents, history and shared facts round-trip in full, in order, through insert and update")
        void nestedLists_roundTripThroughInsertAndUpdate() {
            Introduction base = introduction("i1", TENANT_A, TENANT_B);
            Instant asked = T0.plusSeconds(60);
            Introduction awaiting = withSharedFacts(moved(base, IntroductionStatus.AWAITING_CONSENT, asked),
                    List.of("zeta: last fact first", "alpha — ünïcödé", "mid\nsecond line"))
                    .withConsent(Consent.asked(IntroParty.TARGET, base.target(), "tok-Ab3_x9", OutboxEntryId.of("ask-1"),
                            asked).reminded(asked.plus(Duration.ofDays(3))).reminded(asked.plus(Duration.ofDays(6))),
                            asked.plus(Duration.ofDays(6)))
                    .withNextDueAt(asked.plus(Duration.ofDays(9)));

            Introduction inserted = read(tx -> tx.introductions().insert(awaiting));

            assertThat(inserted).isEqualTo(awaiting);
            check(tx -> assertThat(tx.introductions().get(TENANT_B, IntroductionId.of("i1"))).isEqualTo(awaiting));

            Instant answered = asked.plus(Duration.ofDays(7));
            Introduction connected = moved(awaiting.withConsent(awaiting.consent(IntroParty.TARGET)
                    .answered(ConsentStatus.ACCEPTED, answered, null, false), answered),
                    IntroductionStatus.CONNECTED, answered).withJointEntry(OutboxEntryId.of("joint-1"));

            Introduction updated = read(tx -> tx.introductions().update(connected));

            assertThat(updated).isEqualTo(connected.withVersion(1));
            assertThat(updated.history()).extracting(IntroductionTransition::to).containsExactly(
                    IntroductionStatus.REQUESTED, IntroductionStatus.AWAITING_CONSENT, IntroductionStatus.CONNECTED);
            assertThat(updated.nextDueAt()).isNull();
            check(tx -> assertThat(tx.introductions().get(TENANT_A, IntroductionId.of("i1"))).isEqualTo(updated));
        }

        @Test
        @DisplayName("A decline keeps its private reason as stored; hiding it from the other side is the caller's job")
        void declinedConsent_keepsPrivateReason() {
            Introduction base = introduction("i1", TENANT_A, TENANT_B);
            Instant asked = T0.plusSeconds(60);
            Instant answered = T0.plusSeconds(3600);
            Introduction declined = moved(moved(base, IntroductionStatus.AWAITING_CONSENT, asked)
                    .withConsent(Consent.asked(IntroParty.TARGET, base.target(), "tok-1", OutboxEntryId.of("ask-1"),
                            asked).answered(ConsentStatus.DECLINED, answered, "Busy with a merger; ÅÄÖ.", false),
                            answered), IntroductionStatus.DECLINED, answered);

            write(tx -> tx.introductions().insert(declined));

            check(tx -> {
                Introduction stored = tx.introductions().get(TENANT_A, IntroductionId.of("i1"));
                assertThat(stored).isEqualTo(declined);
                assertThat(stored.consent(IntroParty.TARGET).reason()).isEqualTo("Busy with a merger; ÅÄÖ.");
                assertThat(stored.consent(IntroParty.TARGET).reasonShared()).isFalse();
            });
        }

        @Test
        @DisplayName("due returns only open introductions due at or before now, one due exactly at now included")
        void due_returnsOpenIntroductionsDueByNow() {
            Instant now = T0.plus(Duration.ofDays(5));
            write(tx -> {
                tx.introductions().insert(introduction("early", TENANT_A, TENANT_B).withNextDueAt(now.minusSeconds(1)));
                tx.introductions().insert(introduction("exact", TENANT_A, TENANT_B).withNextDueAt(now));
                tx.introductions().insert(introduction("later", TENANT_A, TENANT_B)
                        .withNextDueAt(now.plusMillis(1)));
                tx.introductions().insert(moved(introduction("ended", TENANT_A, TENANT_B)
                        .withNextDueAt(now.minusSeconds(60)), IntroductionStatus.CANCELLED, T0.plusSeconds(1)));
                Introduction connected = moved(moved(introduction("connected", TENANT_A, TENANT_B),
                        IntroductionStatus.AWAITING_CONSENT, T0.plusSeconds(1)), IntroductionStatus.CONNECTED,
                        T0.plusSeconds(2));
                tx.introductions().insert(connected);
            });

            check(tx -> assertThat(tx.introductions().due(now, 10)).extracting(i -> i.id().value())
                    .containsExactly("early", "exact"));
            check(tx -> assertThat(tx.introductions().due(now.minusSeconds(2), 10)).isEmpty());
        }

        @Test
        @DisplayName("due lists the earliest due first, ties in ascending binary id order, and respects the limit")
        void due_ordersByDueThenId_andRespectsLimit() {
            Instant now = T0.plus(Duration.ofDays(5));
            List<String> tied = List.of("b", "a-10", "Z", "é", "a");
            write(tx -> {
                tx.introductions().insert(introduction("y-first", TENANT_A, TENANT_B)
                        .withNextDueAt(now.minusSeconds(120)));
                tied.forEach(id -> tx.introductions().insert(introduction(id, TENANT_A, TENANT_B)
                        .withNextDueAt(now.minusSeconds(60))));
                tx.introductions().insert(introduction("0-last", TENANT_A, TENANT_B).withNextDueAt(now));
            });
            List<String> expected = new ArrayList<>();
            expected.add("y-first");
            expected.addAll(tied.stream().sorted().toList());
            expected.add("0-last");

            check(tx -> assertThat(tx.introductions().due(now, PageRequest.MAX_SIZE)).extracting(i -> i.id().value())
                    .containsExactlyElementsOf(expected));
            check(tx -> assertThat(tx.introductions().due(now, 3)).extracting(i -> i.id().value())
                    .containsExactlyElementsOf(expected.subList(0, 3)));
            check(tx -> assertThat(tx.introductions().due(now, 1)).extracting(i -> i.id().value())
                    .containsExactly("y-first"));
        }

        @Test
        @DisplayName("due is a host-level call: it returns every company's due introductions, as stored")
        void due_spansEveryCompany() {
            Instant now = T0.plus(Duration.ofDays(5));
            List<Introduction> stored = read(tx -> List.of(
                    tx.introductions().insert(introduction("i1", TENANT_A, TENANT_B).withNextDueAt(now)),
                    tx.introductions().insert(introduction("i2", TENANT_B, TENANT_C).withNextDueAt(now)),
                    tx.introductions().insert(introduction("i3", TENANT_C, TENANT_A).withNextDueAt(now))));

            check(tx -> assertThat(tx.introductions().due(now, 10)).containsExactlyElementsOf(stored));
        }

        @Test
        @DisplayName("countOpen counts open introductions created since, on the requester's or the target's side")
        void countOpen_countsOpenIntroductionsOfOneSide() {
            ContactId ada = ContactId.of("ada");
            Instant since = T0.plus(Duration.ofDays(1));
            write(tx -> {
                tx.introductions().insert(createdAt("r-before", TENANT_A, ada, TENANT_B, since.minusMillis(1)));
                tx.introductions().insert(createdAt("r-at", TENANT_A, ada, TENANT_B, since));
                tx.introductions().insert(createdAt("r-after", TENANT_A, ada, TENANT_C, since.plusSeconds(60)));
                tx.introductions().insert(moved(createdAt("r-ended", TENANT_A, ada, TENANT_B, since.plusSeconds(1)),
                        IntroductionStatus.CANCELLED, since.plusSeconds(2)));
                tx.introductions().insert(moved(createdAt("r-awaiting", TENANT_A, ada, TENANT_C,
                        since.plusSeconds(3)), IntroductionStatus.AWAITING_CONSENT, since.plusSeconds(4)));
                tx.introductions().insert(createdAt("other-company", TENANT_B, ada, TENANT_C, since));
                tx.introductions().insert(targeting("t-1", TENANT_B, TENANT_A, ada, since));
                tx.introductions().insert(targeting("t-2", TENANT_C, TENANT_A, ada, since.plusSeconds(5)));
                tx.introductions().insert(moved(targeting("t-ended", TENANT_C, TENANT_A, ada, since),
                        IntroductionStatus.CANCELLED, since.plusSeconds(6)));
                tx.introductions().insert(targeting("t-before", TENANT_C, TENANT_A, ada, since.minusSeconds(1)));
            });

            check(tx -> {
                IntroductionRepository intros = tx.introductions();
                assertThat(intros.countOpen(IntroParty.REQUESTER, TENANT_A, ada, since)).as("ada of A asked")
                        .isEqualTo(3);
                assertThat(intros.countOpen(IntroParty.TARGET, TENANT_A, ada, since)).as("ada of A targeted")
                        .isEqualTo(2);
                assertThat(intros.countOpen(IntroParty.REQUESTER, TENANT_B, ada, since)).as("ada of B asked")
                        .isEqualTo(1);
                assertThat(intros.countOpen(IntroParty.TARGET, TENANT_B, ada, since)).as("ada of B targeted")
                        .isZero();
                assertThat(intros.countOpen(IntroParty.REQUESTER, TENANT_A, ada, T0)).as("since the start")
                        .isEqualTo(4);
                assertThat(intros.countOpen(IntroParty.REQUESTER, TENANT_A, ContactId.of("grace"), T0))
                        .as("someone else").isZero();
            });
        }
    }

    @Nested
    @DisplayName("Company blocks")
    class Blocks {
        @Test
        @DisplayName("block and unblock say whether they changed anything, and isBlocked follows them")
        void blockAndUnblock_reportChanges() {
            write(tx -> assertThat(tx.blocks().block(TENANT_A, TENANT_B)).isTrue());
            write(tx -> assertThat(tx.blocks().block(TENANT_A, TENANT_B)).as("blocked again").isFalse());
            check(tx -> assertThat(tx.blocks().isBlocked(TENANT_A, TENANT_B)).isTrue());

            write(tx -> assertThat(tx.blocks().unblock(TENANT_A, TENANT_B)).isTrue());
            write(tx -> assertThat(tx.blocks().unblock(TENANT_A, TENANT_B)).as("unblocked again").isFalse());
            check(tx -> {
                assertThat(tx.blocks().isBlocked(TENANT_A, TENANT_B)).isFalse();
                assertThat(tx.blocks().list(TENANT_A, PageRequest.first(10)).items()).isEmpty();
            });
            write(tx -> assertThat(tx.blocks().block(TENANT_A, TENANT_B)).as("blocked after an unblock").isTrue());
        }

        @Test
        @DisplayName("A block is one-sided: the blocked company does not block back")
        void block_isOneSided() {
            write(tx -> tx.blocks().block(TENANT_A, TENANT_B));

            check(tx -> {
                assertThat(tx.blocks().isBlocked(TENANT_A, TENANT_B)).isTrue();
                assertThat(tx.blocks().isBlocked(TENANT_B, TENANT_A)).isFalse();
                assertThat(tx.blocks().list(TENANT_B, PageRequest.first(10)).items()).isEmpty();
            });
            write(tx -> assertThat(tx.blocks().unblock(TENANT_B, TENANT_A)).as("B lifts a block it never made")
                    .isFalse());
            check(tx -> assertThat(tx.blocks().isBlocked(TENANT_A, TENANT_B)).isTrue());
        }

        @Test
        @DisplayName("A company cannot block itself: a validation error, and nothing is stored")
        void block_self_isRefused() {
            assertThatThrownBy(() -> write(tx -> tx.blocks().block(TENANT_A, TENANT_A)))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("blocked")
                    .hasMessageContaining(TENANT_A.value());

            check(tx -> {
                assertThat(tx.blocks().isBlocked(TENANT_A, TENANT_A)).isFalse();
                assertThat(tx.blocks().list(TENANT_A, PageRequest.first(10)).items()).isEmpty();
            });
        }

        @Test
        @DisplayName("Tenancy: each owner's blocks are its own, even when two owners block the same company")
        void blocks_arePerOwner() {
            write(tx -> {
                tx.blocks().block(TENANT_A, TENANT_C);
                tx.blocks().block(TENANT_B, TENANT_C);
                tx.blocks().block(TENANT_B, TENANT_A);
            });

            write(tx -> assertThat(tx.blocks().unblock(TENANT_A, TENANT_C)).isTrue());

            check(tx -> {
                assertThat(tx.blocks().isBlocked(TENANT_A, TENANT_C)).isFalse();
                assertThat(tx.blocks().isBlocked(TENANT_B, TENANT_C)).isTrue();
                assertThat(tx.blocks().list(TENANT_A, PageRequest.first(10)).items()).isEmpty();
                assertThat(tx.blocks().list(TENANT_B, PageRequest.first(10)).items())
                        .containsExactly(TENANT_A, TENANT_C);
            });
        }

        @Test
        @DisplayName("list pages through the blocked companies in ascending id order with cursors")
        void list_pagesInIdOrder() {
            write(tx -> List.of("delta", "Alpha", "charlie", "bravo", "echo")
                    .forEach(id -> tx.blocks().block(TENANT_A, CompanyId.of(id))));

            Page<CompanyId> first = read(tx -> tx.blocks().list(TENANT_A, PageRequest.first(2)));
            Page<CompanyId> second = read(tx -> tx.blocks().list(TENANT_A, PageRequest.after(first.nextCursor(), 2)));
            Page<CompanyId> third = read(tx -> tx.blocks().list(TENANT_A, PageRequest.after(second.nextCursor(), 2)));

            assertThat(first.items()).containsExactly(CompanyId.of("Alpha"), CompanyId.of("bravo"));
            assertThat(second.items()).containsExactly(CompanyId.of("charlie"), CompanyId.of("delta"));
            assertThat(third.items()).containsExactly(CompanyId.of("echo"));
            assertThat(third.nextCursor()).isNull();
        }

        @Test
        @DisplayName("blockers lists the companies that block a company: none at first, then each in ascending id order")
        void blockers_listTheCompaniesThatBlock() {
            check(tx -> {
                Page<CompanyId> none = tx.blocks().blockers(TENANT_A, PageRequest.first(10));
                assertThat(none.items()).isEmpty();
                assertThat(none.nextCursor()).isNull();
            });
            write(tx -> {
                List.of("delta", "Alpha", "charlie", "bravo").forEach(id -> tx.blocks().block(CompanyId.of(id),
                        TENANT_A));
                tx.blocks().block(TENANT_A, CompanyId.of("echo")); // the other direction: not a blocker of A
                tx.blocks().block(CompanyId.of("foxtrot"), TENANT_B); // blocks another company
            });

            check(tx -> {
                assertThat(tx.blocks().blockers(TENANT_A, PageRequest.first(10)).items()).containsExactly(
                        CompanyId.of("Alpha"), CompanyId.of("bravo"), CompanyId.of("charlie"), CompanyId.of("delta"));
                assertThat(tx.blocks().blockers(CompanyId.of("echo"), PageRequest.first(10)).items())
                        .containsExactly(TENANT_A);
                assertThat(tx.blocks().blockers(TENANT_B, PageRequest.first(10)).items())
                        .containsExactly(CompanyId.of("foxtrot"));
            });
        }

        @Test
        @DisplayName("blockers pages with cursors, and follows blocks and unblocks, in the transaction and after it")
        void blockers_pageAndFollowUnblocks() {
            write(tx -> List.of("delta", "Alpha", "charlie", "bravo", "echo")
                    .forEach(id -> tx.blocks().block(CompanyId.of(id), TENANT_A)));

            Page<CompanyId> first = read(tx -> tx.blocks().blockers(TENANT_A, PageRequest.first(2)));
            Page<CompanyId> second = read(tx -> tx.blocks().blockers(TENANT_A,
                    PageRequest.after(first.nextCursor(), 2)));
            Page<CompanyId> third = read(tx -> tx.blocks().blockers(TENANT_A,
                    PageRequest.after(second.nextCursor(), 2)));
            assertThat(first.items()).containsExactly(CompanyId.of("Alpha"), CompanyId.of("bravo"));
            assertThat(second.items()).containsExactly(CompanyId.of("charlie"), CompanyId.of("delta"));
            assertThat(third.items()).containsExactly(CompanyId.of("echo"));
            assertThat(third.nextCursor()).isNull();

            write(tx -> {
                assertThat(tx.blocks().unblock(CompanyId.of("bravo"), TENANT_A)).isTrue();
                assertThat(tx.blocks().unblock(TENANT_A, CompanyId.of("charlie"))).as("the other direction")
                        .isFalse();
                assertThat(tx.blocks().blockers(TENANT_A, PageRequest.first(10)).items()).as("read in the transaction")
                        .containsExactly(CompanyId.of("Alpha"), CompanyId.of("charlie"), CompanyId.of("delta"),
                                CompanyId.of("echo"));
            });
            check(tx -> assertThat(tx.blocks().blockers(TENANT_A, PageRequest.first(10)).items()).containsExactly(
                    CompanyId.of("Alpha"), CompanyId.of("charlie"), CompanyId.of("delta"), CompanyId.of("echo")));
        }

        @Test
        @DisplayName("list and blockers refuse each other's cursors for the same company")
        void listAndBlockers_refuseEachOthersCursors() {
            write(tx -> List.of("x1", "x2").forEach(id -> {
                tx.blocks().block(TENANT_A, CompanyId.of(id));
                tx.blocks().block(CompanyId.of(id), TENANT_A);
            }));
            String ofList = read(tx -> tx.blocks().list(TENANT_A, PageRequest.first(1))).nextCursor();
            String ofBlockers = read(tx -> tx.blocks().blockers(TENANT_A, PageRequest.first(1))).nextCursor();
            assertThat(ofList).isNotNull();
            assertThat(ofBlockers).isNotNull();

            assertThatThrownBy(() -> read(tx -> tx.blocks().blockers(TENANT_A, PageRequest.after(ofList, 1))))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("cursor");
            assertThatThrownBy(() -> read(tx -> tx.blocks().list(TENANT_A, PageRequest.after(ofBlockers, 1))))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("cursor");
        }

        @Test
        @DisplayName("A failed transaction undoes its blocks and its unblocks")
        void failedTransaction_undoesBlocksAndUnblocks() {
            write(tx -> tx.blocks().block(TENANT_A, TENANT_B));

            catchThrowable(() -> write(tx -> {
                assertThat(tx.blocks().block(TENANT_A, TENANT_C)).isTrue();
                assertThat(tx.blocks().unblock(TENANT_A, TENANT_B)).isTrue();
                assertThat(tx.blocks().isBlocked(TENANT_A, TENANT_C)).as("read in the transaction").isTrue();
                throw new Boom();
            }));

            check(tx -> {
                assertThat(tx.blocks().isBlocked(TENANT_A, TENANT_B)).isTrue();
                assertThat(tx.blocks().isBlocked(TENANT_A, TENANT_C)).isFalse();
                assertThat(tx.blocks().list(TENANT_A, PageRequest.first(10)).items()).containsExactly(TENANT_B);
                assertThat(tx.blocks().blockers(TENANT_B, PageRequest.first(10)).items()).containsExactly(TENANT_A);
                assertThat(tx.blocks().blockers(TENANT_C, PageRequest.first(10)).items()).isEmpty();
            });
        }
    }

    @Nested
    @DisplayName("CRM snapshot: accounts")
    class Accounts {
        @Test
        @DisplayName("Stored accounts read back equal, one by one and in a list")
        void putAccounts_thenRead_returnsEqualRecords() {
            List<Account> accounts = List.of(account(TENANT_A, "a2"), account(TENANT_A, "a1"),
                    Account.builder(TENANT_A, AccountId.of("a3"), "Bare").build());
            write(tx -> tx.crm().putAccounts(TENANT_A, accounts));

            write(tx -> {
                assertThat(tx.crm().account(TENANT_A, AccountId.of("a1"))).isEqualTo(account(TENANT_A, "a1"));
                assertThat(tx.crm().account(TENANT_A, AccountId.of("a3"))).isEqualTo(accounts.get(2));
                assertThat(tx.crm().account(TENANT_A, AccountId.of("a4"))).isNull();
                assertThat(tx.crm().accounts(TENANT_A, PageRequest.first(10)).items())
                        .containsExactly(accounts.get(1), accounts.get(0), accounts.get(2));
                assertThat(tx.crm().accountCount(TENANT_A)).isEqualTo(3);
            });
        }

        @Test
        @DisplayName("Putting accounts with the same ids replaces them; an empty batch changes nothing")
        void putAccounts_sameIds_replace() {
            write(tx -> tx.crm().putAccounts(TENANT_A, List.of(account(TENANT_A, "a1"), account(TENANT_A, "a2"))));
            Account renamed = Account.builder(TENANT_A, AccountId.of("a1"), "Renamed").domain("renamed.example")
                    .build();

            write(tx -> tx.crm().putAccounts(TENANT_A, List.of(renamed)));
            write(tx -> tx.crm().putAccounts(TENANT_A, List.of()));

            check(tx -> assertThat(tx.crm().account(TENANT_A, AccountId.of("a1"))).isEqualTo(renamed));
            check(tx -> assertThat(tx.crm().accountCount(TENANT_A)).isEqualTo(2));
        }

        @Test
        @DisplayName("removeAccounts removes the named accounts and ignores ids that are not there")
        void removeAccounts_ignoresMissingIds() {
            write(tx -> tx.crm().putAccounts(TENANT_A, StoreFixtures.accounts(TENANT_A, 3)));

            write(tx -> tx.crm().removeAccounts(TENANT_A, List.of(AccountId.of("acc-000001"),
                    AccountId.of("never-stored"))));

            check(tx -> assertThat(tx.crm().accounts(TENANT_A, PageRequest.first(10)).items())
                    .extracting(Account::id)
                    .containsExactly(AccountId.of("acc-000000"), AccountId.of("acc-000002")));
            check(tx -> assertThat(tx.crm().accountCount(TENANT_A)).isEqualTo(2));
        }

        @Test
        @DisplayName("A batch holding another tenant's account is refused and none of it is stored")
        void putAccounts_wrongOwner_storesNothing() {
            List<Account> batch = List.of(account(TENANT_A, "a1"), account(TENANT_B, "b1"), account(TENANT_A, "a2"));

            assertThatThrownBy(() -> write(tx -> tx.crm().putAccounts(TENANT_A, batch)))
                    .isInstanceOf(ValidationException.class);

            check(tx -> assertThat(tx.crm().accountCount(TENANT_A)).isZero());
            check(tx -> assertThat(tx.crm().accountCount(TENANT_B)).isZero());
        }

        @Test
        @DisplayName("A refused batch stores nothing even when the caller catches the error and commits")
        void putAccounts_wrongOwnerCaught_storesNothingOfTheBatch() {
            List<Account> batch = List.of(account(TENANT_A, "a1"), account(TENANT_B, "b1"), account(TENANT_A, "a2"));

            write(tx -> {
                assertThatThrownBy(() -> tx.crm().putAccounts(TENANT_A, batch))
                        .isInstanceOf(ValidationException.class);
                tx.crm().putAccounts(TENANT_A, List.of(account(TENANT_A, "a3")));
            });

            check(tx -> assertThat(tx.crm().accounts(TENANT_A, PageRequest.first(10)).items())
                    .containsExactly(account(TENANT_A, "a3")));
            check(tx -> assertThat(tx.crm().accountCount(TENANT_B)).isZero());
        }

        @Test
        @DisplayName("10,000 accounts go in with one bulk put and page out complete")
        void putAccounts_tenThousand_inOneBatch() {
            List<Account> accounts = StoreFixtures.accounts(TENANT_A, 10_000);

            write(tx -> tx.crm().putAccounts(TENANT_A, accounts));

            check(tx -> assertThat(tx.crm().accountCount(TENANT_A)).isEqualTo(10_000));
            List<Account> paged = readAll(page -> read(tx -> tx.crm().accounts(TENANT_A, page)), 1000);
            assertThat(paged).containsExactlyElementsOf(accounts);
        }

        @Test
        @DisplayName("allAccounts and allDeals read a tenant's whole snapshot in id order, as paging and the SPI's"
                + " paging default do, and nothing of another tenant's")
        void allAccountsAndDeals_readTheWholeSnapshotOfOneTenant() {
            List<Account> accounts = accounts(TENANT_A, 2_500);
            List<Deal> deals = new ArrayList<>();
            for (int i = 0; i < 1_200; i++) {
                deals.add(deal(TENANT_A, String.format("deal-%05d", 1_199 - i)));
            }
            List<Deal> byId = new ArrayList<>(deals);
            Collections.reverse(byId);
            write(tx -> {
                tx.crm().putAccounts(TENANT_A, accounts);
                tx.crm().putDeals(TENANT_A, deals);
                tx.crm().putAccounts(TENANT_B, List.of(account(TENANT_B, "acc-000001")));
                tx.crm().putDeals(TENANT_B, List.of(deal(TENANT_B, "deal-00001")));
            });

            check(tx -> {
                CrmSnapshotRepository paging = pagingOnly(tx.crm());
                assertThat(tx.crm().allAccounts(TENANT_A)).containsExactlyElementsOf(accounts)
                        .containsExactlyElementsOf(paging.allAccounts(TENANT_A));
                assertThat(tx.crm().allDeals(TENANT_A)).containsExactlyElementsOf(byId)
                        .containsExactlyElementsOf(paging.allDeals(TENANT_A));
                assertThat(tx.crm().allAccounts(TENANT_B)).containsExactly(account(TENANT_B, "acc-000001"));
                assertThat(tx.crm().allDeals(TENANT_B)).containsExactly(deal(TENANT_B, "deal-00001"));
                assertThat(tx.crm().allAccounts(TENANT_C)).isEmpty();
                assertThat(tx.crm().allDeals(TENANT_C)).isEmpty();
            });
        }

        @Test
        @DisplayName("Accounts put with match keys read back with them, byte for byte, in id order; a put without keys"
                + " leaves an account with none; removed accounts and other tenants' are not read")
        void putAccountsWithMatchKeys_readBackWithThem() {
            // 600 rows: more than a bulk-copy threshold, first as new rows, then over stored ones
            List<Account> accounts = accounts(TENANT_A, 600);
            List<byte[]> keys = new ArrayList<>();
            for (int i = 0; i < accounts.size(); i++) {
                keys.add(matchKeys(i, 0));
            }
            write(tx -> tx.crm().putAccounts(TENANT_A, accounts, keys));
            List<byte[]> newKeys = new ArrayList<>();
            for (int i = 0; i < accounts.size(); i++) {
                newKeys.add(matchKeys(i, 1));
            }
            write(tx -> {
                tx.crm().putAccounts(TENANT_A, accounts, newKeys);
                tx.crm().putAccounts(TENANT_A, List.of(accounts.get(7)));
                tx.crm().removeAccounts(TENANT_A, List.of(accounts.get(8).id()));
                tx.crm().putAccounts(TENANT_B, List.of(account(TENANT_B, "acc-000001")),
                        List.of(new byte[] {9, 9}));
            });

            check(tx -> {
                StoredAccounts stored = tx.crm().allStoredAccounts(TENANT_A);
                List<Account> expected = new ArrayList<>(accounts);
                expected.remove(8);
                assertThat(stored.accounts()).containsExactlyElementsOf(expected);
                for (int i = 0; i < stored.accounts().size(); i++) {
                    int original = i < 8 ? i : i + 1;
                    if (original == 7) {
                        assertThat(stored.matchKeys().get(i)).as("put again without keys").isNull();
                    } else {
                        assertThat(stored.matchKeys().get(i)).as("keys of account %s", original)
                                .isEqualTo(matchKeys(original, 1));
                    }
                }
                assertThat(tx.crm().allStoredAccounts(TENANT_B).matchKeys()).containsExactly(new byte[] {9, 9});
                assertThat(tx.crm().allStoredAccounts(TENANT_C).accounts()).isEmpty();
                assertThat(tx.crm().allAccounts(TENANT_A)).containsExactlyElementsOf(expected);
                assertThat(tx.crm().account(TENANT_A, accounts.get(0).id())).isEqualTo(accounts.get(0));
            });
        }

        @Test
        @DisplayName("A put whose match keys are not one per account is refused and stores nothing")
        void putAccountsWithMatchKeys_notOnePerAccount_isRefused() {
            List<Account> accounts = List.of(account(TENANT_A, "a1"), account(TENANT_A, "a2"));

            assertThatThrownBy(() -> write(tx -> tx.crm().putAccounts(TENANT_A, accounts,
                    List.of(new byte[] {1})))).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("matchKeys");

            check(tx -> assertThat(tx.crm().accountCount(TENANT_A)).isZero());
        }

        /** Bytes that differ per account and per round, of every byte value, as match keys are opaque. */
        private byte[] matchKeys(int account, int round) {
            byte[] keys = new byte[1 + account % 40];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = (byte) (account * 31 + i * 7 + round * 101);
            }
            return keys;
        }

        /** The repository with only its abstract methods its own: the SPI's default methods run as they are. */
        private CrmSnapshotRepository pagingOnly(CrmSnapshotRepository repository) {
            return (CrmSnapshotRepository) Proxy.newProxyInstance(CrmSnapshotRepository.class.getClassLoader(),
                    new Class<?>[] {CrmSnapshotRepository.class}, (proxy, method, args) -> method.isDefault()
                            ? InvocationHandler.invokeDefault(proxy, method, args) : method.invoke(repository, args));
        }

        @Test
        @DisplayName("Tenancy: the same account id in two tenants' snapshots never leaks")
        void sameId_underTwoTenants_staysSeparate() {
            Account ofA = account(TENANT_A, "shared");
            Account ofB = Account.builder(TENANT_B, AccountId.of("shared"), "B's view").build();
            write(tx -> {
                tx.crm().putAccounts(TENANT_A, List.of(ofA, account(TENANT_A, "only-a")));
                tx.crm().putAccounts(TENANT_B, List.of(ofB));
            });

            write(tx -> {
                assertThat(tx.crm().account(TENANT_A, AccountId.of("shared"))).isEqualTo(ofA);
                assertThat(tx.crm().account(TENANT_B, AccountId.of("shared"))).isEqualTo(ofB);
                assertThat(tx.crm().account(TENANT_B, AccountId.of("only-a"))).isNull();
                assertThat(tx.crm().accountCount(TENANT_A)).isEqualTo(2);
                assertThat(tx.crm().accountCount(TENANT_B)).isEqualTo(1);
                assertThat(tx.crm().accountCount(TENANT_C)).isZero();
                assertThat(tx.crm().accounts(TENANT_B, PageRequest.first(10)).items()).containsExactly(ofB);
            });
            write(tx -> tx.crm().removeAccounts(TENANT_B, List.of(AccountId.of("shared"), AccountId.of("only-a"))));

            check(tx -> assertThat(tx.crm().account(TENANT_A, AccountId.of("shared"))).isEqualTo(ofA));
            check(tx -> assertThat(tx.crm().accountCount(TENANT_A)).isEqualTo(2));
        }
    }

    @Nested
    @DisplayName("CRM snapshot: deals")
    class Deals {
        @Test
        @DisplayName("Stored deals read back equal, with the amount's scale and currency kept")
        void putDeals_thenRead_returnsEqualRecords() {
            Deal open = Deal.builder(TENANT_A, DealId.of("d2"), "Open one").stage("qualified",
                    DealStatus.OPEN).createdAt(T0).build();
            write(tx -> tx.crm().putDeals(TENANT_A, List.of(open, deal(TENANT_A, "d1"))));

            Deal stored = read(tx -> tx.crm().deal(TENANT_A, DealId.of("d1")));

            assertThat(stored).isEqualTo(deal(TENANT_A, "d1"));
            assertThat(stored.amount().amount().toPlainString()).isEqualTo("12500.50");
            check(tx -> assertThat(tx.crm().deal(TENANT_A, DealId.of("d2"))).isEqualTo(open));
            check(tx -> assertThat(tx.crm().deal(TENANT_A, DealId.of("d3"))).isNull());
            check(tx -> assertThat(tx.crm().deals(TENANT_A, PageRequest.first(10)).items())
                    .containsExactly(deal(TENANT_A, "d1"), open));
            check(tx -> assertThat(tx.crm().dealCount(TENANT_A)).isEqualTo(2));
        }

        @Test
        @DisplayName("Putting deals with the same ids replaces them")
        void putDeals_sameIds_replace() {
            write(tx -> tx.crm().putDeals(TENANT_A, List.of(deal(TENANT_A, "d1"), deal(TENANT_A, "d2"))));

            write(tx -> tx.crm().putDeals(TENANT_A, List.of(renamed(deal(TENANT_A, "d1")))));

            check(tx -> assertThat(tx.crm().deal(TENANT_A, DealId.of("d1"))).isEqualTo(renamed(deal(TENANT_A, "d1"))));
            check(tx -> assertThat(tx.crm().dealCount(TENANT_A)).isEqualTo(2));
        }

        @Test
        @DisplayName("removeDeals removes the named deals and ignores ids that are not there")
        void removeDeals_ignoresMissingIds() {
            write(tx -> tx.crm().putDeals(TENANT_A, List.of(deal(TENANT_A, "d1"), deal(TENANT_A, "d2"))));

            write(tx -> tx.crm().removeDeals(TENANT_A, List.of(DealId.of("d1"), DealId.of("never-stored"))));

            check(tx -> assertThat(tx.crm().deals(TENANT_A, PageRequest.first(10)).items())
                    .containsExactly(deal(TENANT_A, "d2")));
            check(tx -> assertThat(tx.crm().dealCount(TENANT_A)).isEqualTo(1));
        }

        @Test
        @DisplayName("A batch holding another tenant's deal is refused and none of it is stored")
        void putDeals_wrongOwner_storesNothing() {
            List<Deal> batch = List.of(deal(TENANT_A, "d1"), deal(TENANT_B, "d2"));

            write(tx -> assertThatThrownBy(() -> tx.crm().putDeals(TENANT_A, batch))
                    .isInstanceOf(ValidationException.class));

            check(tx -> assertThat(tx.crm().dealCount(TENANT_A)).isZero());
            check(tx -> assertThat(tx.crm().dealCount(TENANT_B)).isZero());
        }

        @Test
        @DisplayName("Tenancy: the same deal id in two tenants' snapshots never leaks")
        void sameId_underTwoTenants_staysSeparate() {
            Deal ofA = deal(TENANT_A, "shared");
            Deal ofB = renamed(deal(TENANT_B, "shared"));
            write(tx -> {
                tx.crm().putDeals(TENANT_A, List.of(ofA));
                tx.crm().putDeals(TENANT_B, List.of(ofB, deal(TENANT_B, "only-b")));
            });

            write(tx -> {
                assertThat(tx.crm().deal(TENANT_A, DealId.of("shared"))).isEqualTo(ofA);
                assertThat(tx.crm().deal(TENANT_B, DealId.of("shared"))).isEqualTo(ofB);
                assertThat(tx.crm().deal(TENANT_A, DealId.of("only-b"))).isNull();
                assertThat(tx.crm().dealCount(TENANT_A)).isEqualTo(1);
                assertThat(tx.crm().dealCount(TENANT_C)).isZero();
                assertThat(tx.crm().deals(TENANT_A, PageRequest.first(10)).items()).containsExactly(ofA);
            });
            write(tx -> tx.crm().removeDeals(TENANT_A, List.of(DealId.of("shared"))));

            check(tx -> assertThat(tx.crm().deal(TENANT_B, DealId.of("shared"))).isEqualTo(ofB));
        }
    }

    @Nested
    @DisplayName("CRM snapshot: revision")
    class Revisions {
        private long revision(CompanyId tenant) {
            return store.inTransaction(tx -> tx.crm().revision(tenant));
        }

        @Test
        @DisplayName("A tenant without a snapshot is at revision 0")
        void revision_beforeAnyWrite_isZero() {
            assertThat(revision(TENANT_A)).isZero();
        }

        @Test
        @DisplayName("Every put or remove of accounts or deals moves the revision forward, per tenant")
        void revision_growsWithEveryChange_perTenant() {
            write(tx -> tx.crm().putAccounts(TENANT_A, List.of(account(TENANT_A, "a1"))));
            long afterAccount = revision(TENANT_A);
            write(tx -> tx.crm().putDeals(TENANT_A, List.of(deal(TENANT_A, "d1"))));
            long afterDeal = revision(TENANT_A);
            write(tx -> tx.crm().removeAccounts(TENANT_A, List.of(AccountId.of("a1"))));
            long afterRemove = revision(TENANT_A);

            assertThat(afterAccount).isPositive();
            assertThat(afterDeal).isGreaterThan(afterAccount);
            assertThat(afterRemove).isGreaterThan(afterDeal);
            assertThat(revision(TENANT_B)).isZero();
        }

        @Test
        @DisplayName("A rolled-back write leaves the revision where it was")
        void revision_failedWrite_staysPut() {
            write(tx -> tx.crm().putAccounts(TENANT_A, List.of(account(TENANT_A, "a1"))));
            long before = revision(TENANT_A);

            catchThrowable(() -> write(tx -> {
                tx.crm().putAccounts(TENANT_A, List.of(account(TENANT_A, "a2")));
                throw new Boom();
            }));

            assertThat(revision(TENANT_A)).isEqualTo(before);
        }
    }

    @Nested
    @DisplayName("Account-mapping sharing policies")
    class SharingPolicies {
        private final SharingPolicy policy = SharingPolicy.builder()
                .records(Population.CUSTOMERS, "name", "domain")
                .counts(Population.PROSPECTS)
                .minimumCount(3)
                .build();

        @Test
        @DisplayName("A stored policy reads back equal, for its (owner, partner) only")
        void policy_readsBack_perOwnerAndPartner() {
            write(tx -> tx.sharing().put(TENANT_A, TENANT_B, policy));

            check(tx -> assertThat(tx.sharing().get(TENANT_A, TENANT_B)).isEqualTo(policy));
            check(tx -> assertThat(tx.sharing().get(TENANT_B, TENANT_A)).isNull());
            check(tx -> assertThat(tx.sharing().get(TENANT_A, TENANT_C)).isNull());
        }

        @Test
        @DisplayName("Whether counts are exact or noised reads back as written")
        void policy_exactCounts_readsBack() {
            SharingPolicy exact = SharingPolicy.builder().counts(Population.CUSTOMERS).minimumCount(5).exactCounts()
                    .build();
            write(tx -> tx.sharing().put(TENANT_A, TENANT_B, exact));
            write(tx -> tx.sharing().put(TENANT_A, TENANT_C, policy));

            check(tx -> assertThat(tx.sharing().get(TENANT_A, TENANT_B)).isEqualTo(exact)
                    .extracting(SharingPolicy::exactCounts).isEqualTo(true));
            check(tx -> assertThat(tx.sharing().get(TENANT_A, TENANT_C)).isEqualTo(policy)
                    .extracting(SharingPolicy::exactCounts).isEqualTo(false));
        }

        @Test
        @DisplayName("A later policy replaces the earlier one, and remove deletes it")
        void policy_replaces_andRemoves() {
            write(tx -> tx.sharing().put(TENANT_A, TENANT_B, policy));
            write(tx -> tx.sharing().put(TENANT_A, TENANT_B, SharingPolicy.NOTHING));
            check(tx -> assertThat(tx.sharing().get(TENANT_A, TENANT_B)).isEqualTo(SharingPolicy.NOTHING));

            boolean removed = store.inTransaction(tx -> tx.sharing().remove(TENANT_A, TENANT_B));
            boolean removedAgain = store.inTransaction(tx -> tx.sharing().remove(TENANT_A, TENANT_B));
            assertThat(removed).isTrue();
            assertThat(removedAgain).isFalse();
            check(tx -> assertThat(tx.sharing().get(TENANT_A, TENANT_B)).isNull());
        }

        @Test
        @DisplayName("A policy written in a failed transaction is not kept")
        void policy_failedTransaction_isNotKept() {
            catchThrowable(() -> write(tx -> {
                tx.sharing().put(TENANT_A, TENANT_B, policy);
                throw new Boom();
            }));

            check(tx -> assertThat(tx.sharing().get(TENANT_A, TENANT_B)).isNull());
        }
    }

    @Nested
    @DisplayName("CRM snapshot: sync checkpoint")
    class Checkpoints {
        @Test
        @DisplayName("There is no checkpoint before the first sync")
        void checkpoint_beforeFirstSync_isNull() {
            check(tx -> assertThat(tx.crm().checkpoint(TENANT_A)).isNull());
        }

        @Test
        @DisplayName("A saved checkpoint reads back exactly, and a later one replaces it")
        void saveCheckpoint_readsBackExactly_andReplaces() {
            String opaque = "after=2026-03-02T09:15:30.250Z&cursor=ÅÄÖ%20x|{\"page\":7}";
            write(tx -> tx.crm().saveCheckpoint(TENANT_A, opaque));
            check(tx -> assertThat(tx.crm().checkpoint(TENANT_A)).isEqualTo(opaque));

            write(tx -> tx.crm().saveCheckpoint(TENANT_A, "second"));

            check(tx -> assertThat(tx.crm().checkpoint(TENANT_A)).isEqualTo("second"));
        }

        @Test
        @DisplayName("Tenancy: each tenant has its own checkpoint")
        void checkpoint_isPerTenant() {
            write(tx -> {
                tx.crm().saveCheckpoint(TENANT_A, "a-1");
                tx.crm().saveCheckpoint(TENANT_B, "b-1");
            });

            check(tx -> assertThat(tx.crm().checkpoint(TENANT_A)).isEqualTo("a-1"));
            check(tx -> assertThat(tx.crm().checkpoint(TENANT_B)).isEqualTo("b-1"));
            check(tx -> assertThat(tx.crm().checkpoint(TENANT_C)).isNull());
        }

        @Test
        @DisplayName("A checkpoint saved with the records it covers is committed together with them")
        void checkpoint_savedWithRecords_commitsTogether() {
            write(tx -> {
                tx.crm().putAccounts(TENANT_A, List.of(account(TENANT_A, "a1")));
                tx.crm().putDeals(TENANT_A, List.of(deal(TENANT_A, "d1")));
                tx.crm().saveCheckpoint(TENANT_A, "sync-1");
            });

            write(tx -> {
                assertThat(tx.crm().checkpoint(TENANT_A)).isEqualTo("sync-1");
                assertThat(tx.crm().accountCount(TENANT_A)).isEqualTo(1);
                assertThat(tx.crm().dealCount(TENANT_A)).isEqualTo(1);
            });
        }

        @Test
        @DisplayName("A failed sync keeps neither its records nor its checkpoint: the previous checkpoint stays")
        void checkpoint_failedSync_keepsPreviousCheckpoint() {
            write(tx -> {
                tx.crm().putAccounts(TENANT_A, List.of(account(TENANT_A, "a1")));
                tx.crm().saveCheckpoint(TENANT_A, "sync-1");
            });

            catchThrowable(() -> write(tx -> {
                tx.crm().putAccounts(TENANT_A, List.of(account(TENANT_A, "a2")));
                tx.crm().removeAccounts(TENANT_A, List.of(AccountId.of("a1")));
                tx.crm().saveCheckpoint(TENANT_A, "sync-2");
                throw new Boom();
            }));

            write(tx -> {
                assertThat(tx.crm().checkpoint(TENANT_A)).isEqualTo("sync-1");
                assertThat(tx.crm().accounts(TENANT_A, PageRequest.first(10)).items())
                        .containsExactly(account(TENANT_A, "a1"));
            });
        }
    }

    @Nested
    @DisplayName("Registrations (referrals)")
    class Registrations extends RegistrationContract {
        @Override
        protected PartnerStore registrationStore() {
            return store;
        }
    }

    @Nested
    @DisplayName("Partnership lifecycle (invitations, history, activation, dormancy)")
    class Lifecycle extends PartnershipLifecycleContract {
        @Override
        protected PartnerStore lifecycleStore() {
            return store;
        }
    }

    @Nested
    @DisplayName("Touchpoints (append-only ledger)")
    class Touchpoints {
        @Test
        @DisplayName("An appended entry reads back equal")
        void append_thenGet_returnsEqualEntry() {
            Touchpoint accountOnly = Touchpoint.builder(TouchpointId.of("t2"), TENANT_A, TENANT_B, TouchpointKind.MANUAL, T0)
                    .account(AccountId.of("acct")).build();
            write(tx -> {
                tx.touchpoints().append(touchpoint(TENANT_A, "t1", TENANT_B));
                tx.touchpoints().append(accountOnly);
            });

            check(tx -> assertThat(tx.touchpoints().get(TENANT_A, TouchpointId.of("t1")))
                    .isEqualTo(touchpoint(TENANT_A, "t1", TENANT_B)));
            check(tx -> assertThat(tx.touchpoints().get(TENANT_A, TouchpointId.of("t2"))).isEqualTo(accountOnly));
            check(tx -> assertThat(tx.touchpoints().get(TENANT_A, TouchpointId.of("t3"))).isNull());
        }

        @Test
        @DisplayName("Appending an id the owner already has is a conflict; the first entry stays unchanged")
        void append_duplicateId_isConflict() {
            write(tx -> tx.touchpoints().append(touchpoint(TENANT_A, "t1", TENANT_B)));

            assertThatThrownBy(() -> write(tx -> tx.touchpoints().append(touchpoint(TENANT_A, "t1", TENANT_C))))
                    .isInstanceOf(ConflictException.class);

            check(tx -> assertThat(tx.touchpoints().get(TENANT_A, TouchpointId.of("t1")))
                    .isEqualTo(touchpoint(TENANT_A, "t1", TENANT_B)));
            check(tx -> assertThat(tx.touchpoints().list(TENANT_A, PageRequest.first(10)).items()).hasSize(1));
        }

        @Test
        @DisplayName("A reversal of an existing entry is appended beside it, even in the same transaction")
        void append_reversalOfExistingEntry_isAccepted() {
            Touchpoint original = touchpoint(TENANT_A, "t1", TENANT_B);
            write(tx -> {
                tx.touchpoints().append(original);
                tx.touchpoints().append(reversal(original, "t2"));
            });
            write(tx -> tx.touchpoints().append(reversal(original, "t3")));

            check(tx -> assertThat(tx.touchpoints().list(TENANT_A, PageRequest.first(10)).items())
                    .containsExactly(original, reversal(original, "t2"), reversal(original, "t3")));
        }

        @Test
        @DisplayName("A reversal of an entry the owner does not have is not-found and is not appended")
        void append_reversalOfUnknownEntry_isNotFound() {
            Touchpoint ghost = touchpoint(TENANT_A, "ghost", TENANT_B);

            assertThatThrownBy(() -> write(tx -> tx.touchpoints().append(reversal(ghost, "t2"))))
                    .isInstanceOf(NotFoundException.class);

            check(tx -> assertThat(tx.touchpoints().get(TENANT_A, TouchpointId.of("t2"))).isNull());
        }

        @Test
        @DisplayName("Tenancy: a reversal cannot name another tenant's entry")
        void append_reversalOfOtherTenantsEntry_isNotFound() {
            write(tx -> tx.touchpoints().append(touchpoint(TENANT_B, "t1", TENANT_C)));
            Touchpoint reversalByA = reversal(touchpoint(TENANT_A, "t1", TENANT_C), "t2");

            assertThatThrownBy(() -> write(tx -> tx.touchpoints().append(reversalByA)))
                    .isInstanceOf(NotFoundException.class);
        }

        @Test
        @DisplayName("Tenancy: two ledgers hold the same entry id apart")
        void sameId_underTwoOwners_staysSeparate() {
            write(tx -> {
                tx.touchpoints().append(touchpoint(TENANT_A, "t1", TENANT_C));
                tx.touchpoints().append(touchpoint(TENANT_B, "t1", TENANT_C));
            });

            write(tx -> {
                assertThat(tx.touchpoints().get(TENANT_A, TouchpointId.of("t1")))
                        .isEqualTo(touchpoint(TENANT_A, "t1", TENANT_C));
                assertThat(tx.touchpoints().get(TENANT_B, TouchpointId.of("t1")))
                        .isEqualTo(touchpoint(TENANT_B, "t1", TENANT_C));
                assertThat(tx.touchpoints().get(TENANT_C, TouchpointId.of("t1"))).isNull();
                assertThat(tx.touchpoints().list(TENANT_B, PageRequest.first(10)).items())
                        .containsExactly(touchpoint(TENANT_B, "t1", TENANT_C));
            });
        }
    }

    @Nested
    @DisplayName("Outbox")
    class Outbox {
        private final Instant lease = T0.plusSeconds(300);

        @Test
        @DisplayName("An enqueued entry reads back equal, message and all")
        void enqueue_thenGet_returnsEqualEntry() {
            OutboxEntry entry = outboxEntry(TENANT_A, "o1", T0);
            write(tx -> tx.outbox().enqueue(entry));

            check(tx -> assertThat(tx.outbox().get(OutboxEntryId.of("o1"))).isEqualTo(entry));
            check(tx -> assertThat(tx.outbox().get(OutboxEntryId.of("o2"))).isNull());
        }

        @Test
        @DisplayName("Enqueuing an id that is in the outbox is a conflict, whichever tenant it is for")
        void enqueue_duplicateId_isConflict() {
            write(tx -> tx.outbox().enqueue(outboxEntry(TENANT_A, "o1", T0)));

            assertThatThrownBy(() -> write(tx -> tx.outbox().enqueue(outboxEntry(TENANT_A, "o1", T0))))
                    .isInstanceOf(ConflictException.class);
            assertThatThrownBy(() -> write(tx -> tx.outbox().enqueue(outboxEntry(TENANT_B, "o1", T0))))
                    .isInstanceOf(ConflictException.class);

            check(tx -> assertThat(tx.outbox().get(OutboxEntryId.of("o1"))).isEqualTo(outboxEntry(TENANT_A, "o1", T0)));
            check(tx -> assertThat(tx.outbox().list(TENANT_B, OutboxStatus.PENDING, PageRequest.first(10)).items())
                    .isEmpty());
        }

        @Test
        @DisplayName("Enqueuing a message whose Message-ID is already in the outbox is a conflict")
        void enqueue_duplicateMessageId_isConflict() {
            OutboxEntry first = outboxEntry(TENANT_A, "o1", T0);
            write(tx -> tx.outbox().enqueue(first));
            OutboxEntry sameMessage = OutboxEntry.pending(OutboxEntryId.of("o2"), TENANT_B, first.message(), null, T0);

            assertThatThrownBy(() -> write(tx -> tx.outbox().enqueue(sameMessage)))
                    .isInstanceOf(ConflictException.class);

            check(tx -> assertThat(tx.outbox().get(OutboxEntryId.of("o2"))).isNull());
        }

        @Test
        @DisplayName("update replaces the entry: a sent one keeps its receipt and leaves the pending list")
        void update_replacesEntry() {
            OutboxEntry entry = outboxEntry(TENANT_A, "o1", T0);
            write(tx -> tx.outbox().enqueue(entry));
            OutboxEntry sent = entry.sent(new MailReceipt(entry.message().messageId(), "provider-1", "thread-1",
                    T0.plusSeconds(2)));

            write(tx -> tx.outbox().update(sent));

            write(tx -> {
                assertThat(tx.outbox().get(OutboxEntryId.of("o1"))).isEqualTo(sent);
                assertThat(tx.outbox().list(TENANT_A, OutboxStatus.PENDING, PageRequest.first(10)).items()).isEmpty();
                assertThat(tx.outbox().list(TENANT_A, OutboxStatus.SENT, PageRequest.first(10)).items())
                        .containsExactly(sent);
            });
        }

        @Test
        @DisplayName("A sent entry stays sent: moving it back to pending, failed or parked is a conflict")
        void update_reopeningSentEntry_isConflict() {
            OutboxEntry entry = outboxEntry(TENANT_A, "o1", T0);
            write(tx -> tx.outbox().enqueue(entry));
            OutboxEntry sent = entry.sent(new MailReceipt(entry.message().messageId(), "provider-1", "thread-1",
                    T0.plusSeconds(2)));
            write(tx -> tx.outbox().update(sent));

            for (OutboxEntry reopened : List.of(entry, entry.failed("timeout", T0.plusSeconds(60)),
                    entry.parked("gave up"))) {
                assertThatThrownBy(() -> write(tx -> tx.outbox().update(reopened)))
                        .as("reopen as %s", reopened.status())
                        .isInstanceOf(ConflictException.class)
                        .hasMessageContaining("o1");
            }

            check(tx -> assertThat(tx.outbox().get(OutboxEntryId.of("o1"))).isEqualTo(sent));
            write(tx -> assertThat(tx.outbox().claimDue(T0.plusSeconds(3600), T0.plusSeconds(3700), 10))
                    .as("nothing to claim").isEmpty());
        }

        @Test
        @DisplayName("Updating an entry that is not in the outbox is not-found and stores nothing")
        void update_unknown_isNotFound() {
            assertThatThrownBy(() -> write(tx -> tx.outbox().update(outboxEntry(TENANT_A, "o1", T0))))
                    .isInstanceOf(NotFoundException.class);

            check(tx -> assertThat(tx.outbox().get(OutboxEntryId.of("o1"))).isNull());
        }

        @Test
        @DisplayName("An update cannot change an entry's Message-ID: it is a conflict and the entry stays")
        void update_changingMessageId_isConflict() {
            OutboxEntry entry = outboxEntry(TENANT_A, "o1", T0);
            write(tx -> tx.outbox().enqueue(entry));
            OutboxEntry otherMessage = outboxEntry(TENANT_A, "other", T0);
            OutboxEntry changed = new OutboxEntry(entry.id(), entry.tenant(), otherMessage.message(), entry.origin(),
                    entry.status(), entry.attempts(), entry.nextAttemptAt(), entry.lastError(), entry.receipt(),
                    entry.createdAt(), entry.claim(), entry.lookUpFrom());

            assertThatThrownBy(() -> write(tx -> tx.outbox().update(changed))).isInstanceOf(ConflictException.class);

            check(tx -> assertThat(tx.outbox().get(OutboxEntryId.of("o1"))).isEqualTo(entry));
        }

        @Test
        @DisplayName("Tenancy: list shows a tenant only its own entries, in the status asked for")
        void list_isPerTenantAndStatus() {
            OutboxEntry parked = outboxEntry(TENANT_A, "a2", T0).parked("mailbox full");
            write(tx -> {
                tx.outbox().enqueue(outboxEntry(TENANT_A, "a1", T0));
                tx.outbox().enqueue(parked);
                tx.outbox().enqueue(outboxEntry(TENANT_B, "b1", T0));
            });

            write(tx -> {
                assertThat(tx.outbox().list(TENANT_A, OutboxStatus.PENDING, PageRequest.first(10)).items())
                        .containsExactly(outboxEntry(TENANT_A, "a1", T0));
                assertThat(tx.outbox().list(TENANT_A, OutboxStatus.PARKED, PageRequest.first(10)).items())
                        .containsExactly(parked);
                assertThat(tx.outbox().list(TENANT_B, OutboxStatus.PENDING, PageRequest.first(10)).items())
                        .containsExactly(outboxEntry(TENANT_B, "b1", T0));
                assertThat(tx.outbox().list(TENANT_B, OutboxStatus.PARKED, PageRequest.first(10)).items()).isEmpty();
                assertThat(tx.outbox().list(TENANT_C, OutboxStatus.PENDING, PageRequest.first(10)).items()).isEmpty();
            });
        }

        @Test
        @DisplayName("count counts the entries of every tenant in the status asked for")
        void count_acrossTenantsByStatus() {
            write(tx -> {
                tx.outbox().enqueue(outboxEntry(TENANT_A, "a1", T0));
                tx.outbox().enqueue(outboxEntry(TENANT_A, "a2", T0).parked("mailbox full"));
                tx.outbox().enqueue(outboxEntry(TENANT_B, "b1", T0.plusSeconds(60)));
                tx.outbox().enqueue(outboxEntry(TENANT_B, "b2", T0).parked("mailbox full"));
                tx.outbox().enqueue(outboxEntry(TENANT_C, "c1", T0).parked("mailbox full"));
            });

            write(tx -> {
                assertThat(tx.outbox().count(OutboxStatus.PENDING)).isEqualTo(2);
                assertThat(tx.outbox().count(OutboxStatus.PARKED)).isEqualTo(3);
                assertThat(tx.outbox().count(OutboxStatus.SENT)).isZero();
            });
        }

        @Test
        @DisplayName("claimDue returns due entries oldest due first, ties by id, and leaves entries not yet due")
        void claimDue_oldestDueFirst() {
            write(tx -> {
                tx.outbox().enqueue(outboxEntry(TENANT_A, "o-late", T0.minusSeconds(60)));
                tx.outbox().enqueue(outboxEntry(TENANT_A, "o-early", T0.minusSeconds(180)));
                tx.outbox().enqueue(outboxEntry(TENANT_B, "o-tie-b", T0.minusSeconds(120)));
                tx.outbox().enqueue(outboxEntry(TENANT_A, "o-tie-a", T0.minusSeconds(120)));
                tx.outbox().enqueue(outboxEntry(TENANT_A, "o-future", T0.plusSeconds(1)));
            });

            List<OutboxEntry> claimed = read(tx -> tx.outbox().claimDue(T0, lease, 10));

            assertThat(claimed).extracting(e -> e.id().value())
                    .containsExactly("o-early", "o-tie-a", "o-tie-b", "o-late");
        }

        @Test
        @DisplayName("An entry due exactly now is due")
        void claimDue_entryDueExactlyNow_isClaimed() {
            write(tx -> tx.outbox().enqueue(outboxEntry(TENANT_A, "o1", T0)));

            write(tx -> assertThat(tx.outbox().claimDue(T0, lease, 1)).hasSize(1));
        }

        @Test
        @DisplayName("claimDue returns at most limit entries; the next claim continues with the next oldest")
        void claimDue_respectsLimit() {
            write(tx -> {
                for (int i = 0; i < 5; i++) {
                    tx.outbox().enqueue(outboxEntry(TENANT_A, "o" + i, T0.minusSeconds(100 - i)));
                }
            });

            List<OutboxEntry> first = read(tx -> tx.outbox().claimDue(T0, lease, 2));
            List<OutboxEntry> second = read(tx -> tx.outbox().claimDue(T0, lease, 2));
            List<OutboxEntry> third = read(tx -> tx.outbox().claimDue(T0, lease, 2));
            List<OutboxEntry> fourth = read(tx -> tx.outbox().claimDue(T0, lease, 2));

            assertThat(first).extracting(e -> e.id().value()).containsExactly("o0", "o1");
            assertThat(second).extracting(e -> e.id().value()).containsExactly("o2", "o3");
            assertThat(third).extracting(e -> e.id().value()).containsExactly("o4");
            assertThat(fourth).isEmpty();
        }

        @Test
        @DisplayName("A claimed entry comes back, and is stored, with its lease as nextAttemptAt, its claim number "
                + "raised by one, and nothing else changed")
        void claimDue_movesNextAttemptToLease() {
            OutboxEntry entry = outboxEntry(TENANT_A, "o1", T0.minusSeconds(30));
            write(tx -> tx.outbox().enqueue(entry));
            OutboxEntry leased = entry.claimed(lease);

            write(tx -> assertThat(tx.outbox().claimDue(T0, lease, 10)).containsExactly(leased));
            check(tx -> assertThat(tx.outbox().get(entry.id())).isEqualTo(leased));
            assertThat(leased.claim()).isEqualTo(1);
        }

        /** Entry o1 claimed at T0 for a minute, then again once that lease ran out: both claims, in order. */
        private List<OutboxEntry> claimedTwice() {
            write(tx -> tx.outbox().enqueue(outboxEntry(TENANT_A, "o1", T0)));
            OutboxEntry first = read(tx -> tx.outbox().claimDue(T0, T0.plusSeconds(60), 1)).get(0);
            OutboxEntry second = read(tx -> tx.outbox().claimDue(T0.plusSeconds(60), T0.plusSeconds(120), 1)).get(0);
            return List.of(first, second);
        }

        @Test
        @DisplayName("Fencing: once an entry was claimed again, an update from the earlier claim is a conflict and "
                + "stores nothing")
        void update_fromEarlierClaim_isConflict() {
            List<OutboxEntry> claims = claimedTwice();
            OutboxEntry first = claims.get(0);
            OutboxEntry second = claims.get(1);
            assertThat(second.claim()).isEqualTo(first.claim() + 1);

            for (OutboxEntry stale : List.of(first.failed("timeout", T0.plusSeconds(90)), first.parked("gave up"),
                    first.dueAt(T0.plusSeconds(500)), first.sending(T0.plusSeconds(61), T0.plusSeconds(180)))) {
                assertThatThrownBy(() -> write(tx -> tx.outbox().update(stale)))
                        .as("stale %s", stale)
                        .isInstanceOf(ConflictException.class)
                        .hasMessageContaining("o1").hasMessageContaining("claim");
            }

            check(tx -> assertThat(tx.outbox().get(OutboxEntryId.of("o1"))).isEqualTo(second));
        }

        @Test
        @DisplayName("Fencing: the receipt of a send is stored even from an earlier claim, and then the current "
                + "holder can change nothing")
        void update_sentFromEarlierClaim_isStored() {
            List<OutboxEntry> claims = claimedTwice();
            OutboxEntry first = claims.get(0);
            OutboxEntry second = claims.get(1);
            OutboxEntry sent = first.sent(new MailReceipt(first.message().messageId(), "p-1", "t-1",
                    T0.plusSeconds(70)));

            write(tx -> tx.outbox().update(sent));

            check(tx -> assertThat(tx.outbox().get(OutboxEntryId.of("o1"))).isEqualTo(sent));
            OutboxEntry secondReceipt = second.sent(new MailReceipt(second.message().messageId(), "p-2", "t-2",
                    T0.plusSeconds(80)));
            for (OutboxEntry late : List.of(second.failed("timeout", T0.plusSeconds(90)), secondReceipt)) {
                assertThatThrownBy(() -> write(tx -> tx.outbox().update(late)))
                        .isInstanceOf(ConflictException.class).hasMessageContaining("already sent");
            }
            check(tx -> assertThat(tx.outbox().get(OutboxEntryId.of("o1"))).isEqualTo(sent));
        }

        @Test
        @DisplayName("The hand-over note and the claim number are stored and read back exactly, and survive a "
                + "failed attempt")
        void sendingNote_roundTrips() {
            write(tx -> tx.outbox().enqueue(outboxEntry(TENANT_A, "o1", T0)));
            OutboxEntry claimed = read(tx -> tx.outbox().claimDue(T0, T0.plusSeconds(60), 1)).get(0);
            OutboxEntry sending = claimed.sending(T0.plusMillis(1500), T0.plusSeconds(62));

            write(tx -> tx.outbox().update(sending));
            check(tx -> assertThat(tx.outbox().get(OutboxEntryId.of("o1"))).isEqualTo(sending));
            assertThat(sending.lookUpFrom()).as("one lease after the lease's end").isEqualTo(
                    T0.plusSeconds(62).plus(Duration.ofMillis(60_500)));
            write(tx -> tx.outbox().update(sending.outcomeUnknown(T0.plusSeconds(3)).failed("no answer",
                    T0.plusSeconds(90))));

            OutboxEntry again = read(tx -> tx.outbox().claimDue(T0.plusSeconds(90), T0.plusSeconds(150), 1)).get(0);
            assertThat(again.lookUpFrom()).isEqualTo(T0.plusSeconds(3));
            assertThat(again.claim()).isEqualTo(2);
            write(tx -> tx.outbox().update(again.notSent().failed("421 busy", T0.plusSeconds(200))));
            check(tx -> assertThat(tx.outbox().get(OutboxEntryId.of("o1")).lookUpFrom()).isNull());
        }

        @Test
        @DisplayName("A claimed entry is not claimed again while its lease runs, and is claimed again once it ended")
        void claimDue_leaseExpiry_handsEntryOn() {
            write(tx -> tx.outbox().enqueue(outboxEntry(TENANT_A, "o1", T0)));
            write(tx -> assertThat(tx.outbox().claimDue(T0, lease, 10)).hasSize(1));

            write(tx -> assertThat(tx.outbox().claimDue(T0.plusSeconds(299), T0.plusSeconds(600), 10)).isEmpty());
            List<OutboxEntry> reclaimed = read(tx -> tx.outbox().claimDue(lease, T0.plusSeconds(900), 10));

            assertThat(reclaimed).extracting(OutboxEntry::id).containsExactly(OutboxEntryId.of("o1"));
            assertThat(reclaimed.get(0).nextAttemptAt()).isEqualTo(T0.plusSeconds(900));
        }

        @Test
        @DisplayName("Sent and parked entries are never claimed, however long overdue")
        void claimDue_skipsSentAndParked() {
            OutboxEntry sent = outboxEntry(TENANT_A, "o-sent", T0.minusSeconds(600));
            OutboxEntry parked = outboxEntry(TENANT_A, "o-parked", T0.minusSeconds(600));
            write(tx -> {
                tx.outbox().enqueue(sent.sent(new MailReceipt(sent.message().messageId(), null, null, T0)));
                tx.outbox().enqueue(parked.parked("rejected by provider"));
                tx.outbox().enqueue(outboxEntry(TENANT_A, "o-pending", T0));
            });

            write(tx -> assertThat(tx.outbox().claimDue(T0.plusSeconds(3600), T0.plusSeconds(4000), 10))
                    .extracting(e -> e.id().value()).containsExactly("o-pending"));
        }

        @Test
        @DisplayName("A failed attempt rescheduled for later is due only from then on")
        void claimDue_rescheduledEntry_isDueAtItsRetryTime() {
            OutboxEntry entry = outboxEntry(TENANT_A, "o1", T0);
            write(tx -> tx.outbox().enqueue(entry));
            OutboxEntry claimed = read(tx -> tx.outbox().claimDue(T0, T0.plusSeconds(60), 1)).get(0);
            write(tx -> tx.outbox().update(claimed.failed("421 try later", T0.plusSeconds(30))));

            write(tx -> assertThat(tx.outbox().claimDue(T0.plusSeconds(29), T0.plusSeconds(90), 10)).isEmpty());
            List<OutboxEntry> retried = read(tx -> tx.outbox().claimDue(T0.plusSeconds(30), T0.plusSeconds(90), 10));

            assertThat(retried).hasSize(1);
            assertThat(retried.get(0).attempts()).isEqualTo(1);
            assertThat(retried.get(0).lastError()).isEqualTo("421 try later");
        }

        @Test
        @DisplayName("A parked entry retried by the host is due again")
        void claimDue_parkedThenRetried_isDueAgain() {
            OutboxEntry parked = outboxEntry(TENANT_A, "o1", T0).parked("bounced");
            write(tx -> tx.outbox().enqueue(parked));

            write(tx -> tx.outbox().update(parked.retried(T0.plusSeconds(10))));

            write(tx -> assertThat(tx.outbox().claimDue(T0.plusSeconds(10), T0.plusSeconds(70), 10))
                    .extracting(OutboxEntry::id).containsExactly(OutboxEntryId.of("o1")));
        }
    }

    @Nested
    @DisplayName("CRM write-back queue")
    class CrmWriteBacks {
        private final Instant lease = T0.plusSeconds(300);

        private CrmWriteBack writeBack(CompanyId tenant, String id, Instant due) {
            return CrmWriteBack.pending(TouchpointId.of(id), tenant, DealId.of("deal-" + id), TENANT_B,
                    "Partner " + id, due);
        }

        @Test
        @DisplayName("An enqueued write reads back equal; enqueuing its id again keeps the first and says so")
        void enqueue_isIdempotentPerTenantAndId() {
            CrmWriteBack first = writeBack(TENANT_A, "w1", T0);
            write(tx -> assertThat(tx.crmWriteBacks().enqueue(first)).isTrue());

            write(tx -> assertThat(tx.crmWriteBacks().enqueue(CrmWriteBack.pending(TouchpointId.of("w1"), TENANT_A,
                    DealId.of("other"), TENANT_B, "Other", T0.plusSeconds(5)))).isFalse());
            write(tx -> assertThat(tx.crmWriteBacks().enqueue(writeBack(TENANT_B, "w1", T0))).isTrue());

            check(tx -> {
                assertThat(tx.crmWriteBacks().get(TENANT_A, TouchpointId.of("w1"))).isEqualTo(first);
                assertThat(tx.crmWriteBacks().get(TENANT_A, TouchpointId.of("w2"))).isNull();
                assertThat(tx.crmWriteBacks().get(TENANT_B, TouchpointId.of("w1"))).isEqualTo(writeBack(TENANT_B,
                        "w1", T0));
            });
        }

        @Test
        @DisplayName("A claim returns due pending writes of every tenant, oldest due first, leased and with claim + 1")
        void claimDue_returnsDueWritesInOrderAndLeasesThem() {
            write(tx -> {
                tx.crmWriteBacks().enqueue(writeBack(TENANT_A, "late", T0.plusSeconds(20)));
                tx.crmWriteBacks().enqueue(writeBack(TENANT_B, "early", T0));
                tx.crmWriteBacks().enqueue(writeBack(TENANT_A, "middle", T0.plusSeconds(10)));
                tx.crmWriteBacks().enqueue(writeBack(TENANT_A, "future", T0.plusSeconds(3600)));
            });

            List<CrmWriteBack> claimed = read(tx -> tx.crmWriteBacks().claimDue(T0.plusSeconds(30), lease, 10));

            assertThat(claimed).extracting(w -> w.id().value()).containsExactly("early", "middle", "late");
            assertThat(claimed).allSatisfy(w -> {
                assertThat(w.claim()).isEqualTo(1);
                assertThat(w.nextAttemptAt()).isEqualTo(lease);
            });
            check(tx -> assertThat(tx.crmWriteBacks().get(TENANT_A, TouchpointId.of("middle"))).isEqualTo(
                    claimed.get(1)));
            write(tx -> assertThat(tx.crmWriteBacks().claimDue(T0.plusSeconds(60), lease.plusSeconds(60), 10))
                    .isEmpty());
            // Leased alike, they are due together again at the lease's end: ties go by tenant, then id.
            write(tx -> assertThat(tx.crmWriteBacks().claimDue(lease, lease.plusSeconds(60), 2))
                    .extracting(w -> w.id().value()).containsExactly("late", "middle"));
        }

        @Test
        @DisplayName("Done and parked writes are never claimed, and list by status per tenant")
        void finishedWrites_areNotClaimed_andListByStatus() {
            write(tx -> {
                tx.crmWriteBacks().enqueue(writeBack(TENANT_A, "w1", T0));
                tx.crmWriteBacks().enqueue(writeBack(TENANT_A, "w2", T0));
                tx.crmWriteBacks().enqueue(writeBack(TENANT_A, "w3", T0));
            });
            List<CrmWriteBack> claimed = read(tx -> tx.crmWriteBacks().claimDue(T0, lease, 10));
            write(tx -> {
                tx.crmWriteBacks().update(claimed.get(0).done());
                tx.crmWriteBacks().update(claimed.get(1).parked("refused"));
            });

            write(tx -> assertThat(tx.crmWriteBacks().claimDue(lease, lease.plusSeconds(60), 10))
                    .extracting(w -> w.id().value()).containsExactly("w3"));
            check(tx -> {
                assertThat(tx.crmWriteBacks().list(TENANT_A, CrmWriteBackStatus.DONE, PageRequest.first(10)).items())
                        .extracting(w -> w.id().value()).containsExactly("w1");
                assertThat(tx.crmWriteBacks().list(TENANT_A, CrmWriteBackStatus.PARKED, PageRequest.first(10))
                        .items()).singleElement().satisfies(w -> assertThat(w.lastError()).isEqualTo("refused"));
                assertThat(tx.crmWriteBacks().list(TENANT_B, CrmWriteBackStatus.PARKED, PageRequest.first(10))
                        .items()).isEmpty();
            });
        }

        @Test
        @DisplayName("An update from an older claim is a conflict and stores nothing; a missing write is not found")
        void update_fromOlderClaim_isConflict() {
            write(tx -> tx.crmWriteBacks().enqueue(writeBack(TENANT_A, "w1", T0)));
            CrmWriteBack firstClaim = read(tx -> tx.crmWriteBacks().claimDue(T0, T0.plusSeconds(10), 1)).get(0);
            CrmWriteBack secondClaim = read(tx -> tx.crmWriteBacks().claimDue(T0.plusSeconds(10), lease, 1)).get(0);

            assertThatThrownBy(() -> write(tx -> tx.crmWriteBacks().update(firstClaim.done())))
                    .isInstanceOf(ConflictException.class).hasMessageContaining("claim");
            assertThatThrownBy(() -> write(tx -> tx.crmWriteBacks().update(writeBack(TENANT_B, "none", T0))))
                    .isInstanceOf(NotFoundException.class);

            check(tx -> assertThat(tx.crmWriteBacks().get(TENANT_A, TouchpointId.of("w1"))).isEqualTo(secondClaim));
        }

        @Test
        @DisplayName("A claim with a bad limit or a lease not after now is refused")
        void claimDue_badArguments_areRefused() {
            assertThatThrownBy(() -> write(tx -> tx.crmWriteBacks().claimDue(T0, lease, 0)))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("limit");
            assertThatThrownBy(() -> write(tx -> tx.crmWriteBacks().claimDue(T0, T0, 10)))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("leaseUntil");
        }

        @Test
        @DisplayName("A write enqueued in a transaction that fails is not stored")
        void enqueue_inFailedTransaction_isUndone() {
            assertThatThrownBy(() -> write(tx -> {
                tx.crmWriteBacks().enqueue(writeBack(TENANT_A, "w1", T0));
                throw new IllegalStateException("boom");
            })).isInstanceOf(IllegalStateException.class);

            check(tx -> assertThat(tx.crmWriteBacks().get(TENANT_A, TouchpointId.of("w1"))).isNull());
            write(tx -> assertThat(tx.crmWriteBacks().claimDue(T0, lease, 10)).isEmpty());
        }
    }

    @Nested
    @DisplayName("Idempotency keys")
    class Idempotency {
        @Test
        @DisplayName("The first writer of a key stores its value; later writers learn that value")
        void putIfAbsent_firstWriterWins() {
            write(tx -> assertThat(tx.idempotency().putIfAbsent(TENANT_A, KEY, "first")).isNull());

            write(tx -> assertThat(tx.idempotency().putIfAbsent(TENANT_A, KEY, "second")).isEqualTo("first"));
            write(tx -> assertThat(tx.idempotency().putIfAbsent(TENANT_A, KEY, "third")).isEqualTo("first"));
        }

        @Test
        @DisplayName("Within one transaction, a second putIfAbsent already sees the first")
        void putIfAbsent_sameTransaction_seesFirst() {
            write(tx -> {
                assertThat(tx.idempotency().putIfAbsent(TENANT_A, KEY, "first")).isNull();
                assertThat(tx.idempotency().putIfAbsent(TENANT_A, KEY, "second")).isEqualTo("first");
            });
        }

        @Test
        @DisplayName("Values are kept exactly, however long and whatever characters they hold")
        void putIfAbsent_keepsValueExactly() {
            String value = "{\"introduction\":\"i-1\",\"note\":\"Grüße\\n李雷\"}\n" + "x".repeat(5_000);
            write(tx -> tx.idempotency().putIfAbsent(TENANT_A, KEY, value));

            assertThat(storedIdempotencyValue(TENANT_A, KEY)).isEqualTo(value);
        }

        @Test
        @DisplayName("Keys are compared exactly: case and surrounding text matter")
        void putIfAbsent_keysComparedExactly() {
            write(tx -> tx.idempotency().putIfAbsent(TENANT_A, "Key", "upper"));

            write(tx -> assertThat(tx.idempotency().putIfAbsent(TENANT_A, "key", "lower")).isNull());
            write(tx -> assertThat(tx.idempotency().putIfAbsent(TENANT_A, "Key-2", "longer")).isNull());
            assertThat(storedIdempotencyValue(TENANT_A, "Key")).isEqualTo("upper");
        }

        @Test
        @DisplayName("Tenancy: the same key under two tenants holds two values")
        void putIfAbsent_isPerTenant() {
            write(tx -> tx.idempotency().putIfAbsent(TENANT_A, KEY, "a's value"));

            write(tx -> assertThat(tx.idempotency().putIfAbsent(TENANT_B, KEY, "b's value")).isNull());
            assertThat(storedIdempotencyValue(TENANT_A, KEY)).isEqualTo("a's value");
            assertThat(storedIdempotencyValue(TENANT_B, KEY)).isEqualTo("b's value");
            assertThat(storedIdempotencyValue(TENANT_C, KEY)).isNull();
        }

        @Test
        @DisplayName("A key written in a failed transaction is not kept")
        void putIfAbsent_inFailedTransaction_isNotKept() {
            catchThrowable(() -> write(tx -> {
                tx.idempotency().putIfAbsent(TENANT_A, KEY, "doomed");
                throw new Boom();
            }));

            write(tx -> assertThat(tx.idempotency().putIfAbsent(TENANT_A, KEY, "kept")).isNull());
            assertThat(storedIdempotencyValue(TENANT_A, KEY)).isEqualTo("kept");
        }

        @Test
        @DisplayName("A key of 500 characters is accepted")
        void putIfAbsent_longestKey_isAccepted() {
            String key = "k".repeat(500);

            write(tx -> assertThat(tx.idempotency().putIfAbsent(TENANT_A, key, "v")).isNull());
            assertThat(storedIdempotencyValue(TENANT_A, key)).isEqualTo("v");
        }
    }

    @Nested
    @DisplayName("Paging, for every list method")
    class Paging {
        @ParameterizedTest(name = "{0}")
        @EnumSource(Listing.class)
        @DisplayName("An empty list is one empty page without a cursor")
        void emptyList_isOneEmptyPage(Listing listing) {
            Page<String> page = read(tx -> listing.list(tx, TENANT_A, PageRequest.first(10)));

            assertThat(page.items()).isEmpty();
            assertThat(page.nextCursor()).isNull();
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(Listing.class)
        @DisplayName("Items come in ascending binary id order, not case-insensitive or locale order")
        void items_comeInBinaryIdOrder(Listing listing) {
            write(tx -> listing.add(tx, TENANT_A, TRICKY_IDS));

            Page<String> page = read(tx -> listing.list(tx, TENANT_A, PageRequest.first(PageRequest.MAX_SIZE)));

            assertThat(page.items()).containsExactlyElementsOf(TRICKY_IDS.stream().sorted().toList());
            assertThat(page.nextCursor()).isNull();
        }

        @ParameterizedTest(name = "{0}, page size {1}")
        @MethodSource("dev.ecosystem.testkit.PartnerStoreContract#listingsAndPageSizes")
        @DisplayName("Following cursors visits every item once, in order, in full pages, ending with a null cursor")
        void cursors_visitEveryItemOnce(Listing listing, int size) {
            write(tx -> listing.add(tx, TENANT_A, TRICKY_IDS));

            List<Page<String>> pages = readPages(listing, TENANT_A, size);

            assertThat(pages.stream().flatMap(p -> p.items().stream()).toList())
                    .containsExactlyElementsOf(TRICKY_IDS.stream().sorted().toList());
            assertThat(pages).as("pages of %d for %d items", size, TRICKY_IDS.size())
                    .hasSize((TRICKY_IDS.size() + size - 1) / size);
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(Listing.class)
        @DisplayName("The largest page size, 1000, is honoured exactly")
        void largestPageSize_isHonoured(Listing listing) {
            List<String> ids = IntStream.range(0, PageRequest.MAX_SIZE + 1).mapToObj(i -> String.format("id-%05d", i))
                    .toList();
            write(tx -> listing.add(tx, TENANT_A, ids));

            List<Page<String>> pages = readPages(listing, TENANT_A, PageRequest.MAX_SIZE);

            assertThat(pages).hasSize(2);
            assertThat(pages.get(0).items()).hasSize(PageRequest.MAX_SIZE);
            assertThat(pages.get(1).items()).containsExactly(ids.get(PageRequest.MAX_SIZE));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(Listing.class)
        @DisplayName("Items added between pages neither repeat what was read nor hide what follows")
        void itemsAddedBetweenPages_doNotDisturbPaging(Listing listing) {
            write(tx -> listing.add(tx, TENANT_A, List.of("b", "d", "f", "h")));
            Page<String> first = read(tx -> listing.list(tx, TENANT_A, PageRequest.first(2)));

            write(tx -> listing.add(tx, TENANT_A, List.of("a", "c", "e", "g")));
            List<Page<String>> rest = readPages(listing, TENANT_A, 2, first.nextCursor());

            assertThat(first.items()).containsExactly("b", "d");
            assertThat(rest).extracting(Page::items).containsExactly(List.of("e", "f"), List.of("g", "h"));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = Listing.class, names = {"COMPANIES", "CONTACTS", "PARTNERSHIPS", "ACCOUNTS", "DEALS",
                "BLOCKS", "BLOCKERS"})
        @DisplayName("Items removed between pages, the cursor's own included, make no item skipped or repeated")
        void itemsRemovedBetweenPages_doNotDisturbPaging(Listing listing) {
            write(tx -> listing.add(tx, TENANT_A, List.of("a", "b", "c", "d", "e", "f")));
            Page<String> first = read(tx -> listing.list(tx, TENANT_A, PageRequest.first(2)));

            write(tx -> listing.remove(tx, TENANT_A, List.of("b", "c")));
            List<Page<String>> rest = readPages(listing, TENANT_A, 2, first.nextCursor());

            assertThat(rest).extracting(Page::items).containsExactly(List.of("d", "e"), List.of("f"));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(Listing.class)
        @DisplayName("A malformed cursor is refused with a validation error")
        void malformedCursor_isRefused(Listing listing) {
            write(tx -> listing.add(tx, TENANT_A, List.of("a", "b")));

            for (String cursor : List.of("not a cursor", "%%%")) {
                assertThatThrownBy(() -> read(tx -> listing.list(tx, TENANT_A, PageRequest.after(cursor, 1))))
                        .as("cursor %s", cursor).isInstanceOf(ValidationException.class);
            }
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(Listing.class)
        @DisplayName("A cursor from any other list method is refused with a validation error")
        void cursorOfAnotherList_isRefused(Listing listing) {
            for (Listing other : Listing.values()) {
                write(tx -> other.add(tx, TENANT_A, List.of("a", "b")));
            }
            for (Listing other : Listing.values()) {
                if (other == listing) {
                    continue;
                }
                String foreign = read(tx -> other.list(tx, TENANT_A, PageRequest.first(1))).nextCursor();
                assertThat(foreign).as("cursor of %s", other).isNotNull();

                assertThatThrownBy(() -> read(tx -> listing.list(tx, TENANT_A, PageRequest.after(foreign, 1))))
                        .as("cursor of %s given to %s", other, listing)
                        .isInstanceOf(ValidationException.class);
            }
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = Listing.class, mode = EnumSource.Mode.EXCLUDE, names = "COMPANIES")
        @DisplayName("Tenancy: one tenant's cursor is refused by another tenant's list of the same kind")
        void cursorOfAnotherTenant_isRefused(Listing listing) {
            write(tx -> {
                listing.add(tx, TENANT_A, List.of("a", "b"));
                listing.add(tx, TENANT_B, listing.idsPerTenant ? List.of("a", "b") : List.of("c", "d"));
            });
            String ofA = read(tx -> listing.list(tx, TENANT_A, PageRequest.first(1))).nextCursor();
            assertThat(ofA).as("cursor of tenant A").isNotNull();

            assertThatThrownBy(() -> read(tx -> listing.list(tx, TENANT_B, PageRequest.after(ofA, 1))))
                    .as("tenant A's cursor given to tenant B's %s", listing)
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("cursor");
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = Listing.class, mode = EnumSource.Mode.EXCLUDE, names = "COMPANIES")
        @DisplayName("Tenancy: a tenant's list never shows another tenant's items, even with the same ids")
        void list_showsOnlyTheTenantsItems(Listing listing) {
            write(tx -> {
                listing.add(tx, TENANT_A, List.of("a1", "shared", "z1"));
                listing.add(tx, TENANT_B, listing.idsPerTenant ? List.of("b1", "shared", "z0")
                        : List.of("b1", "b:shared", "z0"));
            });

            List<String> ofA = readPages(listing, TENANT_A, 1).stream().flatMap(p -> p.items().stream()).toList();

            assertThat(ofA).containsExactly("a1", "shared", "z1");
        }
    }

    @Nested
    @DisplayName("Isolation under concurrent transactions")
    class Concurrency {
        private static final int THREADS = 6;

        @Test
        @DisplayName("Read-modify-write increments from many threads lose no update")
        void increments_loseNoUpdate() throws Exception {
            CompanyId counter = CompanyId.of("counter");
            write(tx -> tx.companies().put(company("counter").toBuilder().description("0").build()));
            int perThread = 20;

            List<Outcome<List<Integer>>> outcomes = race(THREADS, thread -> () -> {
                List<Integer> seen = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    seen.add(retrying(() -> store.inTransaction(tx -> {
                        Company current = tx.companies().get(counter);
                        int value = Integer.parseInt(current.description());
                        tx.companies().put(current.toBuilder().description(Integer.toString(value + 1)).build());
                        return value;
                    })));
                }
                return seen;
            });

            List<Integer> seen = values(outcomes).stream().flatMap(List::stream).sorted().toList();
            assertThat(seen).as("the value each committed increment read")
                    .containsExactlyElementsOf(IntStream.range(0, THREADS * perThread).boxed().toList());
            check(tx -> assertThat(tx.companies().get(counter).description())
                    .isEqualTo(Integer.toString(THREADS * perThread)));
        }

        @Test
        @DisplayName("Records written by many threads at once are all kept")
        void concurrentInserts_areAllKept() throws Exception {
            int perThread = 25;

            values(race(THREADS, thread -> () -> {
                for (int i = 0; i < perThread; i++) {
                    String id = String.format("t%d-%03d", thread, i);
                    retrying(() -> {
                        write(tx -> {
                            tx.contacts().put(contact(TENANT_A, id));
                            tx.crm().putAccounts(TENANT_B, List.of(account(TENANT_B, id)));
                        });
                        return id;
                    });
                }
                return thread;
            }));

            assertThat(readAll(page -> read(tx -> tx.contacts().list(TENANT_A, page)), 100)).hasSize(THREADS
                    * perThread);
            check(tx -> assertThat(tx.crm().accountCount(TENANT_B)).isEqualTo(THREADS * perThread));
        }

        @Test
        @DisplayName("A transaction sees all or none of another's writes, never half")
        void readers_neverSeeHalfATransaction() throws Exception {
            CompanyId left = CompanyId.of("left");
            CompanyId right = CompanyId.of("right");
            write(tx -> {
                tx.companies().put(company("left").toBuilder().description("0").build());
                tx.companies().put(company("right").toBuilder().description("0").build());
            });
            AtomicBoolean writing = new AtomicBoolean(true);
            int writes = 100;

            List<Outcome<Integer>> outcomes = race(THREADS, thread -> () -> {
                if (thread == 0) {
                    try {
                        for (int i = 1; i <= writes; i++) {
                            String value = Integer.toString(i);
                            retrying(() -> {
                                write(tx -> {
                                    tx.companies().put(tx.companies().get(left).toBuilder().description(value).build());
                                    tx.companies().put(tx.companies().get(right).toBuilder().description(value)
                                            .build());
                                });
                                return value;
                            });
                        }
                    } finally {
                        writing.set(false);
                    }
                    return writes;
                }
                int reads = 0;
                do {
                    List<String> pair = retrying(() -> store.inTransaction(tx -> List.of(
                            tx.companies().get(left).description(), tx.companies().get(right).description())));
                    assertThat(pair.get(0)).as("left and right read in one transaction").isEqualTo(pair.get(1));
                    reads++;
                } while (writing.get());
                return reads;
            });

            assertThat(values(outcomes)).allSatisfy(count -> assertThat(count).isPositive());
            check(tx -> assertThat(tx.companies().get(right).description()).isEqualTo(Integer.toString(writes)));
        }

        @Test
        @DisplayName("Concurrent updates of an introduction from the same version: exactly one wins, the rest "
                + "conflict")
        void introductionUpdates_sameVersion_exactlyOneWins() throws Exception {
            Introduction v0 = read(tx -> tx.introductions().insert(introduction("i1", TENANT_A, TENANT_B)));

            List<Outcome<Introduction>> outcomes = race(THREADS, thread -> () -> store.inTransaction(
                    tx -> tx.introductions().update(withContext(v0, "writer " + thread))));

            List<Introduction> winners = outcomes.stream().filter(Outcome::succeeded).map(Outcome::value).toList();
            assertThat(winners).hasSize(1);
            assertThat(outcomes.stream().filter(o -> !o.succeeded()).map(Outcome::error))
                    .allSatisfy(error -> assertThat(error).isInstanceOf(ConflictException.class));
            Introduction stored = read(tx -> tx.introductions().get(TENANT_B, IntroductionId.of("i1")));
            assertThat(stored).isEqualTo(winners.get(0));
            assertThat(stored.version()).isEqualTo(1);
        }

        @Test
        @DisplayName("Concurrent putIfAbsent on one key: exactly one winner, and everyone learns its value")
        void idempotencyKey_concurrentWriters_agreeOnOneValue() throws Exception {
            List<Outcome<String>> outcomes = race(THREADS, thread -> () -> {
                String mine = "value of " + thread;
                String earlier = retrying(() -> Objects.toString(store.inTransaction(
                        tx -> tx.idempotency().putIfAbsent(TENANT_A, KEY, mine)), mine + " (stored)"));
                return earlier;
            });

            List<String> results = values(outcomes);
            List<String> winners = results.stream().filter(r -> r.endsWith(" (stored)")).toList();
            assertThat(winners).hasSize(1);
            String winning = winners.get(0).replace(" (stored)", "");
            assertThat(results.stream().filter(r -> !r.endsWith(" (stored)")))
                    .hasSize(THREADS - 1).allSatisfy(r -> assertThat(r).isEqualTo(winning));
            assertThat(storedIdempotencyValue(TENANT_A, KEY)).isEqualTo(winning);
        }

        @Test
        @DisplayName("Dispatchers claiming from several threads never get the same entry twice")
        void outboxClaims_concurrentDispatchers_neverShareAnEntry() throws Exception {
            int entries = 60;
            write(tx -> {
                for (int i = 0; i < entries; i++) {
                    tx.outbox().enqueue(outboxEntry(i % 2 == 0 ? TENANT_A : TENANT_B, String.format("o%03d", i),
                            T0.minusSeconds(i)));
                }
            });
            Instant lease = T0.plusSeconds(300);

            List<Outcome<List<OutboxEntryId>>> outcomes = race(THREADS, thread -> () -> {
                List<OutboxEntryId> mine = new ArrayList<>();
                List<OutboxEntry> claimed;
                do {
                    claimed = retrying(() -> store.inTransaction(tx -> tx.outbox().claimDue(T0, lease, 4)));
                    claimed.forEach(entry -> mine.add(entry.id()));
                } while (!claimed.isEmpty());
                return mine;
            });

            List<OutboxEntryId> all = new ArrayList<>();
            values(outcomes).forEach(all::addAll);
            all.addAll(read(tx -> tx.outbox().claimDue(T0, lease, 1000)).stream().map(OutboxEntry::id).toList());
            assertThat(all).doesNotHaveDuplicates().hasSize(entries);
        }

        @Test
        @DisplayName("Concurrent records for the same partner: exactly one is kept, the rest conflict")
        void partnerships_concurrentForSamePartner_exactlyOneKept() throws Exception {
            List<Outcome<String>> outcomes = race(THREADS, thread -> () -> {
                write(tx -> tx.partnerships().put(partnership(TENANT_A, "p" + thread, TENANT_B)));
                return "p" + thread;
            });

            assertExactlyOneSucceededAndOthersConflicted(outcomes);
            String winner = values(outcomes.stream().filter(Outcome::succeeded).toList()).get(0);
            check(tx -> assertThat(tx.partnerships().list(TENANT_A, PageRequest.first(100)).items())
                    .extracting(p -> p.id().value()).containsExactly(winner));
        }

        @Test
        @DisplayName("Concurrent appends of one touchpoint id: exactly one is kept, the rest conflict")
        void touchpoints_concurrentSameId_exactlyOneKept() throws Exception {
            List<Outcome<String>> outcomes = race(THREADS, thread -> () -> {
                write(tx -> tx.touchpoints().append(touchpoint(TENANT_A, "t1", CompanyId.of("partner-" + thread))));
                return "partner-" + thread;
            });

            assertExactlyOneSucceededAndOthersConflicted(outcomes);
            String winner = values(outcomes.stream().filter(Outcome::succeeded).toList()).get(0);
            check(tx -> assertThat(tx.touchpoints().get(TENANT_A, TouchpointId.of("t1")).partner())
                    .isEqualTo(CompanyId.of(winner)));
        }

        @Test
        @DisplayName("Concurrent enqueues of one Message-ID under different ids: exactly one is kept")
        void outbox_concurrentSameMessageId_exactlyOneKept() throws Exception {
            OutboxEntry original = outboxEntry(TENANT_A, "o", T0);

            List<Outcome<String>> outcomes = race(THREADS, thread -> () -> {
                write(tx -> tx.outbox().enqueue(OutboxEntry.pending(OutboxEntryId.of("o" + thread), TENANT_A,
                        original.message(), null, T0)));
                return "o" + thread;
            });

            assertExactlyOneSucceededAndOthersConflicted(outcomes);
            check(tx -> assertThat(tx.outbox().list(TENANT_A, OutboxStatus.PENDING, PageRequest.first(100)).items())
                    .hasSize(1));
        }

        private void assertExactlyOneSucceededAndOthersConflicted(List<? extends Outcome<?>> outcomes) {
            assertThat(outcomes.stream().filter(Outcome::succeeded)).as("winners").hasSize(1);
            assertThat(outcomes.stream().filter(o -> !o.succeeded()).map(Outcome::error))
                    .allSatisfy(error -> assertThat(error).isInstanceOf(ConflictException.class));
        }
    }

    @Nested
    @DisplayName("Change feed: every node sees every write, in order")
    class ChangeFeed {
        /** A write and the change it must add. */
        private record Write(String name, Consumer<StoreTransaction> setUp, Consumer<StoreTransaction> write,
                ChangeKind kind, CompanyId company, @Nullable String key) {
        }

        private final SharingPolicy policy = SharingPolicy.builder().counts(Population.CUSTOMERS).build();

        private List<Write> writes() {
            Consumer<StoreTransaction> nothing = tx -> { };
            return List.of(
                    new Write("a company put", nothing, tx -> tx.companies().put(company("acme")),
                            ChangeKind.COMPANY, CompanyId.of("acme"), null),
                    new Write("a company removed", tx -> tx.companies().put(company("gone")),
                            tx -> tx.companies().remove(CompanyId.of("gone")), ChangeKind.COMPANY,
                            CompanyId.of("gone"), null),
                    new Write("a contact put", nothing, tx -> tx.contacts().put(contact(TENANT_A, "ada")),
                            ChangeKind.CONTACT, TENANT_A, "ada"),
                    new Write("a contact removed", tx -> tx.contacts().put(contact(TENANT_A, "bob")),
                            tx -> tx.contacts().remove(TENANT_A, ContactId.of("bob")), ChangeKind.CONTACT, TENANT_A,
                            "bob"),
                    new Write("a partnership put", nothing,
                            tx -> tx.partnerships().put(partnership(TENANT_A, "p1", TENANT_B)),
                            ChangeKind.PARTNERSHIP, TENANT_A, "p1"),
                    new Write("a partnership removed", tx -> tx.partnerships().put(partnership(TENANT_B, "p2",
                            TENANT_C)), tx -> tx.partnerships().remove(TENANT_B, PartnershipId.of("p2")),
                            ChangeKind.PARTNERSHIP, TENANT_B, "p2"),
                    new Write("a block", nothing, tx -> tx.blocks().block(TENANT_A, TENANT_C), ChangeKind.BLOCK,
                            TENANT_A, TENANT_C.value()),
                    new Write("a block lifted", tx -> tx.blocks().block(TENANT_B, TENANT_A),
                            tx -> tx.blocks().unblock(TENANT_B, TENANT_A), ChangeKind.BLOCK, TENANT_B,
                            TENANT_A.value()),
                    new Write("a sharing policy put", nothing, tx -> tx.sharing().put(TENANT_C, TENANT_A, policy),
                            ChangeKind.SHARING_POLICY, TENANT_C, TENANT_A.value()),
                    new Write("a sharing policy removed", tx -> tx.sharing().put(TENANT_C, TENANT_B, policy),
                            tx -> tx.sharing().remove(TENANT_C, TENANT_B), ChangeKind.SHARING_POLICY, TENANT_C,
                            TENANT_B.value()),
                    new Write("CRM accounts put", nothing,
                            tx -> tx.crm().putAccounts(TENANT_A, List.of(account(TENANT_A, "a1"))),
                            ChangeKind.CRM_SNAPSHOT, TENANT_A, null),
                    new Write("CRM accounts removed", tx -> tx.crm().putAccounts(TENANT_B, List.of(account(TENANT_B,
                            "a2"))), tx -> tx.crm().removeAccounts(TENANT_B, List.of(AccountId.of("a2"))),
                            ChangeKind.CRM_SNAPSHOT, TENANT_B, null),
                    new Write("CRM deals put", nothing, tx -> tx.crm().putDeals(TENANT_C, List.of(deal(TENANT_C,
                            "d1"))), ChangeKind.CRM_SNAPSHOT, TENANT_C, null),
                    new Write("CRM deals removed", tx -> tx.crm().putDeals(TENANT_A, List.of(deal(TENANT_A, "d2"))),
                            tx -> tx.crm().removeDeals(TENANT_A, List.of(DealId.of("d2"))),
                            ChangeKind.CRM_SNAPSHOT, TENANT_A, null));
        }

        @TestFactory
        @DisplayName("Each kind of write adds a change naming its record, in the same transaction")
        Stream<DynamicTest> everyWrite_addsAChange() {
            return writes().stream().map(write -> DynamicTest.dynamicTest(write.name(), () -> {
                write(write.setUp());
                long before = latest();

                write(write.write());

                List<StoreChange> changes = after(before, ChangeRepository.MAX_LIMIT);
                assertThat(changes).extracting(StoreChange::kind, StoreChange::company, StoreChange::key)
                        .contains(tuple(write.kind(), write.company(), write.key()));
                assertThat(latest())
                        .isEqualTo(changes.get(changes.size() - 1).revision());
            }));
        }

        @Test
        @DisplayName("A CRM sync of many records in one transaction adds one change for the tenant, not one a record")
        void crmSync_addsOneChangePerTenant() {
            write(tx -> {
                tx.crm().putAccounts(TENANT_A, accounts(TENANT_A, 5));
                tx.crm().putDeals(TENANT_A, List.of(deal(TENANT_A, "d1"), deal(TENANT_A, "d2")));
                tx.crm().removeAccounts(TENANT_A, List.of(AccountId.of("acc-000001")));
                tx.crm().saveCheckpoint(TENANT_A, "cursor-1");
            });

            assertThat(after(0, ChangeRepository.MAX_LIMIT))
                    .extracting(StoreChange::kind, StoreChange::company)
                    .containsExactly(tuple(ChangeKind.CRM_SNAPSHOT, TENANT_A));
        }

        @Test
        @DisplayName("Introductions, touchpoints, the outbox, idempotency keys and checkpoints add no change")
        void otherWrites_addNoChange() {
            write(tx -> {
                tx.introductions().insert(introduction("i1", TENANT_A, TENANT_B));
                tx.touchpoints().append(touchpoint(TENANT_A, "t1", TENANT_B));
                tx.outbox().enqueue(outboxEntry(TENANT_A, "o1", T0));
                tx.idempotency().putIfAbsent(TENANT_A, KEY, "value");
                tx.crm().saveCheckpoint(TENANT_A, "cursor-1");
            });

            assertThat(after(0, ChangeRepository.MAX_LIMIT)).isEmpty();
            assertThat(latest()).isZero();
        }

        @Test
        @DisplayName("The changes of a transaction that rolled back never appear")
        void rolledBack_addsNoChange() {
            catchThrowable(() -> write(tx -> {
                tx.companies().put(company("rolled-back"));
                tx.blocks().block(TENANT_A, TENANT_B);
                throw new Boom();
            }));
            write(tx -> tx.companies().put(company("kept")));

            assertThat(after(0, ChangeRepository.MAX_LIMIT))
                    .extracting(StoreChange::company).containsExactly(CompanyId.of("kept"));
        }

        @Test
        @DisplayName("Revisions are positive and strictly increasing, and reading on from the last one pages through "
                + "all of them")
        void revisions_increase_andPageInOrder() {
            for (int i = 0; i < 7; i++) {
                String id = "c" + i;
                write(tx -> tx.companies().put(company(id)));
            }

            List<StoreChange> all = after(0, ChangeRepository.MAX_LIMIT);
            List<StoreChange> paged = new ArrayList<>();
            long last = 0;
            while (true) {
                long from = last;
                List<StoreChange> page = after(from, 3);
                if (page.isEmpty()) {
                    break;
                }
                assertThat(page).hasSizeLessThanOrEqualTo(3);
                paged.addAll(page);
                last = page.get(page.size() - 1).revision();
            }

            assertThat(all).hasSize(7).extracting(StoreChange::company)
                    .containsExactlyElementsOf(IntStream.range(0, 7).mapToObj(i -> CompanyId.of("c" + i)).toList());
            assertThat(all).extracting(StoreChange::revision).allMatch(revision -> revision > 0)
                    .isSortedAccordingTo(Long::compare).doesNotHaveDuplicates();
            assertThat(paged).isEqualTo(all);
            assertThat(latest()).isEqualTo(last);
        }

        @Test
        @DisplayName("An empty feed has no changes and latest revision 0")
        void emptyFeed() {
            assertThat(after(0, 10)).isEmpty();
            assertThat(latest()).isZero();
        }

        @Test
        @DisplayName("A negative revision or a limit outside 1 to 1000 is refused with an error naming it")
        void badArguments_areRefused() {
            assertThatThrownBy(() -> after(-1, 10))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("revision")
                    .hasMessageContaining("-1");
            assertThatThrownBy(() -> after(0, 0))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("limit")
                    .hasMessageContaining("1000");
            assertThatThrownBy(() -> after(0, 1001))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("limit")
                    .hasMessageContaining("1001");
        }

        @Test
        @DisplayName("A follower reading while writers commit concurrently misses no change and sees revisions only "
                + "grow")
        void concurrentWriters_followerMissesNothing() throws InterruptedException {
            assertThat(latest()).isZero(); // a store without a feed fails here, with its message, not in a thread
            int writers = 4;
            int perWriter = 15;
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger finished = new AtomicInteger();
            List<Outcome<List<StoreChange>>> outcomes = race(writers + 1, task -> {
                if (task == writers) {
                    return () -> follow(writing);
                }
                return () -> {
                    try {
                        for (int i = 0; i < perWriter; i++) {
                            String id = "w" + task + "-" + i;
                            retrying(() -> store.inTransaction(tx -> {
                                tx.companies().put(company(id));
                                return id;
                            }));
                        }
                        return List.of();
                    } finally {
                        if (finished.incrementAndGet() == writers) {
                            writing.set(false);
                        }
                    }
                };
            });

            List<StoreChange> followed = values(outcomes).get(writers);
            assertThat(followed).extracting(StoreChange::revision).isSortedAccordingTo(Long::compare)
                    .doesNotHaveDuplicates();
            assertThat(followed).extracting(change -> change.company().value()).containsExactlyInAnyOrderElementsOf(
                    IntStream.range(0, writers).boxed().flatMap(w -> IntStream.range(0, perWriter)
                            .mapToObj(i -> "w" + w + "-" + i)).toList());
        }

        private List<StoreChange> after(long revision, int limit) {
            return store.inTransaction(tx -> tx.changes().after(revision, limit));
        }

        private long latest() {
            return store.inTransaction(tx -> tx.changes().latestRevision());
        }

        /** Reads on from the last revision seen until the writers are done and nothing more comes. */
        private List<StoreChange> follow(AtomicBoolean writing) {
            List<StoreChange> followed = new ArrayList<>();
            long last = 0;
            while (true) {
                boolean done = !writing.get();
                long from = last;
                List<StoreChange> page = retrying(() -> after(from, 7));
                followed.addAll(page);
                if (!page.isEmpty()) {
                    last = page.get(page.size() - 1).revision();
                } else if (done) {
                    return followed;
                }
            }
        }
    }

    @Nested
    @DisplayName("Bad arguments")
    class BadArguments {
        @TestFactory
        @DisplayName("Each bad argument is refused with a validation error and leaves the store empty")
        Stream<DynamicTest> badArguments_areRefused() {
            return badCalls().entrySet().stream().map(call -> DynamicTest.dynamicTest(call.getKey(), () -> {
                Throwable thrown = catchThrowable(() -> write(call.getValue()));

                assertThat(thrown).as(call.getKey()).isInstanceOf(ValidationException.class);
                assertThat(thrown.getMessage()).as("message of " + call.getKey()).isNotBlank();
                assertNothingStored();
            }));
        }

        @Test
        @DisplayName("A refused argument inside a transaction leaves the transaction's earlier writes committable")
        void refusedArgument_caughtInsideTransaction_leavesTransactionUsable() {
            write(tx -> {
                tx.contacts().put(contact(TENANT_A, "ada"));
                assertThatThrownBy(() -> tx.contacts().put(null)).isInstanceOf(ValidationException.class);
                assertThatThrownBy(() -> tx.outbox().claimDue(T0, T0.plusSeconds(1), 0))
                        .isInstanceOf(ValidationException.class);
                tx.contacts().put(contact(TENANT_A, "grace"));
            });

            check(tx -> assertThat(tx.contacts().list(TENANT_A, PageRequest.first(10)).items())
                    .extracting(c -> c.id().value()).containsExactly("ada", "grace"));
        }

        private Map<String, Consumer<StoreTransaction>> badCalls() {
            PageRequest page = PageRequest.first(10);
            Instant lease = T0.plusSeconds(60);
            ContactId contactId = ContactId.of("ada");
            PartnershipId partnershipId = PartnershipId.of("p1");
            IntroductionId introductionId = IntroductionId.of("i1");
            AccountId accountId = AccountId.of("a1");
            DealId dealId = DealId.of("d1");
            TouchpointId touchpointId = TouchpointId.of("t1");
            Map<String, Consumer<StoreTransaction>> calls = new LinkedHashMap<>();
            calls.put("companies().put(null)", tx -> tx.companies().put(null));
            calls.put("companies().get(null)", tx -> tx.companies().get(null));
            calls.put("companies().remove(null)", tx -> tx.companies().remove(null));
            calls.put("companies().list(null)", tx -> tx.companies().list(null));
            calls.put("contacts().put(null)", tx -> tx.contacts().put(null));
            calls.put("contacts().get(null, id)", tx -> tx.contacts().get(null, contactId));
            calls.put("contacts().get(company, null)", tx -> tx.contacts().get(TENANT_A, null));
            calls.put("contacts().remove(null, id)", tx -> tx.contacts().remove(null, contactId));
            calls.put("contacts().remove(company, null)", tx -> tx.contacts().remove(TENANT_A, null));
            calls.put("contacts().list(null, page)", tx -> tx.contacts().list(null, page));
            calls.put("contacts().list(company, null)", tx -> tx.contacts().list(TENANT_A, null));
            calls.put("partnerships().put(null)", tx -> tx.partnerships().put(null));
            calls.put("partnerships().get(null, id)", tx -> tx.partnerships().get(null, partnershipId));
            calls.put("partnerships().get(owner, null)", tx -> tx.partnerships().get(TENANT_A, null));
            calls.put("partnerships().findByPartner(null, partner)",
                    tx -> tx.partnerships().findByPartner(null, TENANT_B));
            calls.put("partnerships().findByPartner(owner, null)",
                    tx -> tx.partnerships().findByPartner(TENANT_A, null));
            calls.put("partnerships().remove(null, id)", tx -> tx.partnerships().remove(null, partnershipId));
            calls.put("partnerships().remove(owner, null)", tx -> tx.partnerships().remove(TENANT_A, null));
            calls.put("partnerships().list(null, page)", tx -> tx.partnerships().list(null, page));
            calls.put("partnerships().list(owner, null)", tx -> tx.partnerships().list(TENANT_A, null));
            calls.put("introductions().insert(null)", tx -> tx.introductions().insert(null));
            calls.put("introductions().update(null)", tx -> tx.introductions().update(null));
            calls.put("introductions().get(null, id)", tx -> tx.introductions().get(null, introductionId));
            calls.put("introductions().get(party, null)", tx -> tx.introductions().get(TENANT_A, null));
            calls.put("introductions().list(null, page)", tx -> tx.introductions().list(null, page));
            calls.put("introductions().list(party, null)", tx -> tx.introductions().list(TENANT_A, null));
            calls.put("introductions().due(null, limit)", tx -> tx.introductions().due(null, 10));
            calls.put("introductions().due(now, 0)", tx -> tx.introductions().due(T0, 0));
            calls.put("introductions().due(now, -1)", tx -> tx.introductions().due(T0, -1));
            calls.put("introductions().due(now, 1001)",
                    tx -> tx.introductions().due(T0, PageRequest.MAX_SIZE + 1));
            calls.put("introductions().countOpen(null, company, contact, since)",
                    tx -> tx.introductions().countOpen(null, TENANT_A, contactId, T0));
            calls.put("introductions().countOpen(party, null, contact, since)",
                    tx -> tx.introductions().countOpen(IntroParty.REQUESTER, null, contactId, T0));
            calls.put("introductions().countOpen(party, company, null, since)",
                    tx -> tx.introductions().countOpen(IntroParty.REQUESTER, TENANT_A, null, T0));
            calls.put("introductions().countOpen(party, company, contact, null)",
                    tx -> tx.introductions().countOpen(IntroParty.TARGET, TENANT_A, contactId, null));
            calls.put("blocks().block(null, blocked)", tx -> tx.blocks().block(null, TENANT_B));
            calls.put("blocks().block(owner, null)", tx -> tx.blocks().block(TENANT_A, null));
            calls.put("blocks().unblock(null, blocked)", tx -> tx.blocks().unblock(null, TENANT_B));
            calls.put("blocks().unblock(owner, null)", tx -> tx.blocks().unblock(TENANT_A, null));
            calls.put("blocks().isBlocked(null, other)", tx -> tx.blocks().isBlocked(null, TENANT_B));
            calls.put("blocks().isBlocked(owner, null)", tx -> tx.blocks().isBlocked(TENANT_A, null));
            calls.put("blocks().list(null, page)", tx -> tx.blocks().list(null, page));
            calls.put("blocks().list(owner, null)", tx -> tx.blocks().list(TENANT_A, null));
            calls.put("blocks().blockers(null, page)", tx -> tx.blocks().blockers(null, page));
            calls.put("blocks().blockers(blocked, null)", tx -> tx.blocks().blockers(TENANT_A, null));
            calls.put("crm().putAccounts(null, accounts)",
                    tx -> tx.crm().putAccounts(null, List.of(account(TENANT_A, "a1"))));
            calls.put("crm().putAccounts(tenant, null)", tx -> tx.crm().putAccounts(TENANT_A, null));
            calls.put("crm().putAccounts(tenant, [account, null])",
                    tx -> tx.crm().putAccounts(TENANT_A, Arrays.asList(account(TENANT_A, "a1"), null)));
            calls.put("crm().removeAccounts(null, ids)", tx -> tx.crm().removeAccounts(null, List.of(accountId)));
            calls.put("crm().removeAccounts(tenant, null)", tx -> tx.crm().removeAccounts(TENANT_A, null));
            calls.put("crm().removeAccounts(tenant, [null])",
                    tx -> tx.crm().removeAccounts(TENANT_A, Collections.singletonList(null)));
            calls.put("crm().account(null, id)", tx -> tx.crm().account(null, accountId));
            calls.put("crm().account(tenant, null)", tx -> tx.crm().account(TENANT_A, null));
            calls.put("crm().accounts(null, page)", tx -> tx.crm().accounts(null, page));
            calls.put("crm().accounts(tenant, null)", tx -> tx.crm().accounts(TENANT_A, null));
            calls.put("crm().accountCount(null)", tx -> tx.crm().accountCount(null));
            calls.put("crm().putDeals(null, deals)", tx -> tx.crm().putDeals(null, List.of(deal(TENANT_A, "d1"))));
            calls.put("crm().putDeals(tenant, null)", tx -> tx.crm().putDeals(TENANT_A, null));
            calls.put("crm().putDeals(tenant, [deal, null])",
                    tx -> tx.crm().putDeals(TENANT_A, Arrays.asList(deal(TENANT_A, "d1"), null)));
            calls.put("crm().removeDeals(null, ids)", tx -> tx.crm().removeDeals(null, List.of(dealId)));
            calls.put("crm().removeDeals(tenant, null)", tx -> tx.crm().removeDeals(TENANT_A, null));
            calls.put("crm().removeDeals(tenant, [null])",
                    tx -> tx.crm().removeDeals(TENANT_A, Collections.singletonList(null)));
            calls.put("crm().deal(null, id)", tx -> tx.crm().deal(null, dealId));
            calls.put("crm().deal(tenant, null)", tx -> tx.crm().deal(TENANT_A, null));
            calls.put("crm().deals(null, page)", tx -> tx.crm().deals(null, page));
            calls.put("crm().deals(tenant, null)", tx -> tx.crm().deals(TENANT_A, null));
            calls.put("crm().dealCount(null)", tx -> tx.crm().dealCount(null));
            calls.put("crm().checkpoint(null)", tx -> tx.crm().checkpoint(null));
            calls.put("crm().saveCheckpoint(null, checkpoint)", tx -> tx.crm().saveCheckpoint(null, "c"));
            calls.put("crm().saveCheckpoint(tenant, null)", tx -> tx.crm().saveCheckpoint(TENANT_A, null));
            calls.put("crm().saveCheckpoint(tenant, \"\")", tx -> tx.crm().saveCheckpoint(TENANT_A, ""));
            calls.put("crm().saveCheckpoint(tenant, blank)", tx -> tx.crm().saveCheckpoint(TENANT_A, " \t "));
            calls.put("touchpoints().append(null)", tx -> tx.touchpoints().append(null));
            calls.put("touchpoints().get(null, id)", tx -> tx.touchpoints().get(null, touchpointId));
            calls.put("touchpoints().get(owner, null)", tx -> tx.touchpoints().get(TENANT_A, null));
            calls.put("touchpoints().list(null, page)", tx -> tx.touchpoints().list(null, page));
            calls.put("touchpoints().list(owner, null)", tx -> tx.touchpoints().list(TENANT_A, null));
            calls.put("outbox().enqueue(null)", tx -> tx.outbox().enqueue(null));
            calls.put("outbox().get(null)", tx -> tx.outbox().get(null));
            calls.put("outbox().update(null)", tx -> tx.outbox().update(null));
            calls.put("outbox().claimDue(null, lease, 1)", tx -> tx.outbox().claimDue(null, lease, 1));
            calls.put("outbox().claimDue(now, null, 1)", tx -> tx.outbox().claimDue(T0, null, 1));
            calls.put("outbox().claimDue(now, lease, 0)", tx -> tx.outbox().claimDue(T0, lease, 0));
            calls.put("outbox().claimDue(now, lease, -1)", tx -> tx.outbox().claimDue(T0, lease, -1));
            calls.put("outbox().claimDue(now, lease, 1001)", tx -> tx.outbox().claimDue(T0, lease, 1001));
            calls.put("outbox().claimDue(now, now, 1)", tx -> tx.outbox().claimDue(T0, T0, 1));
            calls.put("outbox().claimDue(now, before now, 1)",
                    tx -> tx.outbox().claimDue(T0, T0.minusSeconds(1), 1));
            calls.put("outbox().list(null, status, page)",
                    tx -> tx.outbox().list(null, OutboxStatus.PENDING, page));
            calls.put("outbox().list(tenant, null, page)", tx -> tx.outbox().list(TENANT_A, null, page));
            calls.put("outbox().list(tenant, status, null)",
                    tx -> tx.outbox().list(TENANT_A, OutboxStatus.PENDING, null));
            calls.put("idempotency().putIfAbsent(null, key, value)",
                    tx -> tx.idempotency().putIfAbsent(null, KEY, "v"));
            calls.put("idempotency().putIfAbsent(tenant, null, value)",
                    tx -> tx.idempotency().putIfAbsent(TENANT_A, null, "v"));
            calls.put("idempotency().putIfAbsent(tenant, \"\", value)",
                    tx -> tx.idempotency().putIfAbsent(TENANT_A, "", "v"));
            calls.put("idempotency().putIfAbsent(tenant, blank, value)",
                    tx -> tx.idempotency().putIfAbsent(TENANT_A, "  ", "v"));
            calls.put("idempotency().putIfAbsent(tenant, 501 characters, value)",
                    tx -> tx.idempotency().putIfAbsent(TENANT_A, "k".repeat(501), "v"));
            calls.put("idempotency().putIfAbsent(tenant, key, null)",
                    tx -> tx.idempotency().putIfAbsent(TENANT_A, KEY, null));
            return calls;
        }
    }

    @Nested
    @DisplayName("Statements (payout ledger)")
    class Statements extends StatementContract {
        @Override
        protected PartnerStore statementStore() {
            return store;
        }
    }

    @Nested
    @DisplayName("Payouts (ledger moves, provider, tenancy)")
    class Payouts extends PayoutContract {
        @Override
        protected PartnerStore payoutStore() {
            return store;
        }
    }

    /**
     * One list method of the store, seen through string ids so that the paging tests can run over all of them. Each
     * {@code list} checks that every item belongs to (or, for introductions, involves) the tenant asked for.
     */
    enum Listing {
        COMPANIES(false) {
            @Override
            void add(StoreTransaction tx, CompanyId tenant, List<String> ids) {
                ids.forEach(id -> tx.companies().put(company(id)));
            }

            @Override
            Page<String> list(StoreTransaction tx, CompanyId tenant, PageRequest page) {
                return ids(tx.companies().list(page), c -> c.id().value(), c -> true);
            }

            @Override
            void remove(StoreTransaction tx, CompanyId tenant, List<String> ids) {
                ids.forEach(id -> tx.companies().remove(CompanyId.of(id)));
            }
        },
        CONTACTS(true) {
            @Override
            void add(StoreTransaction tx, CompanyId tenant, List<String> ids) {
                ids.forEach(id -> tx.contacts().put(contact(tenant, id)));
            }

            @Override
            Page<String> list(StoreTransaction tx, CompanyId tenant, PageRequest page) {
                return ids(tx.contacts().list(tenant, page), c -> c.id().value(), c -> c.companyId().equals(tenant));
            }

            @Override
            void remove(StoreTransaction tx, CompanyId tenant, List<String> ids) {
                ids.forEach(id -> tx.contacts().remove(tenant, ContactId.of(id)));
            }
        },
        PARTNERSHIPS(true) {
            @Override
            void add(StoreTransaction tx, CompanyId tenant, List<String> ids) {
                ids.forEach(id -> tx.partnerships().put(partnership(tenant, id, CompanyId.of("partner-" + id))));
            }

            @Override
            Page<String> list(StoreTransaction tx, CompanyId tenant, PageRequest page) {
                return ids(tx.partnerships().list(tenant, page), p -> p.id().value(), p -> p.owner().equals(tenant));
            }

            @Override
            void remove(StoreTransaction tx, CompanyId tenant, List<String> ids) {
                ids.forEach(id -> tx.partnerships().remove(tenant, PartnershipId.of(id)));
            }
        },
        INTRODUCTIONS(false) {
            @Override
            void add(StoreTransaction tx, CompanyId tenant, List<String> ids) {
                ids.forEach(id -> tx.introductions().insert(introduction(id, tenant, TENANT_C)));
            }

            @Override
            Page<String> list(StoreTransaction tx, CompanyId tenant, PageRequest page) {
                return ids(tx.introductions().list(tenant, page), i -> i.id().value(), i -> i.involves(tenant));
            }
        },
        ACCOUNTS(true) {
            @Override
            void add(StoreTransaction tx, CompanyId tenant, List<String> ids) {
                tx.crm().putAccounts(tenant, ids.stream().map(id -> account(tenant, id)).toList());
            }

            @Override
            Page<String> list(StoreTransaction tx, CompanyId tenant, PageRequest page) {
                return ids(tx.crm().accounts(tenant, page), a -> a.id().value(), a -> a.owner().equals(tenant));
            }

            @Override
            void remove(StoreTransaction tx, CompanyId tenant, List<String> ids) {
                tx.crm().removeAccounts(tenant, ids.stream().map(AccountId::of).toList());
            }
        },
        DEALS(true) {
            @Override
            void add(StoreTransaction tx, CompanyId tenant, List<String> ids) {
                tx.crm().putDeals(tenant, ids.stream().map(id -> deal(tenant, id)).toList());
            }

            @Override
            Page<String> list(StoreTransaction tx, CompanyId tenant, PageRequest page) {
                return ids(tx.crm().deals(tenant, page), d -> d.id().value(), d -> d.owner().equals(tenant));
            }

            @Override
            void remove(StoreTransaction tx, CompanyId tenant, List<String> ids) {
                tx.crm().removeDeals(tenant, ids.stream().map(DealId::of).toList());
            }
        },
        TOUCHPOINTS(true) {
            @Override
            void add(StoreTransaction tx, CompanyId tenant, List<String> ids) {
                ids.forEach(id -> tx.touchpoints().append(touchpoint(tenant, id, TENANT_C)));
            }

            @Override
            Page<String> list(StoreTransaction tx, CompanyId tenant, PageRequest page) {
                return ids(tx.touchpoints().list(tenant, page), t -> t.id().value(), t -> t.owner().equals(tenant));
            }
        },
        BLOCKS(true) {
            @Override
            void add(StoreTransaction tx, CompanyId tenant, List<String> ids) {
                ids.forEach(id -> assertThat(tx.blocks().block(tenant, CompanyId.of(id))).isTrue());
            }

            @Override
            Page<String> list(StoreTransaction tx, CompanyId tenant, PageRequest page) {
                return blocks(tx.blocks().list(tenant, page), company -> tx.blocks().isBlocked(tenant, company));
            }

            @Override
            void remove(StoreTransaction tx, CompanyId tenant, List<String> ids) {
                ids.forEach(id -> assertThat(tx.blocks().unblock(tenant, CompanyId.of(id))).isTrue());
            }
        },
        /** The companies that block the tenant: each id is a company blocking it. */
        BLOCKERS(true) {
            @Override
            void add(StoreTransaction tx, CompanyId tenant, List<String> ids) {
                ids.forEach(id -> assertThat(tx.blocks().block(CompanyId.of(id), tenant)).isTrue());
            }

            @Override
            Page<String> list(StoreTransaction tx, CompanyId tenant, PageRequest page) {
                return blocks(tx.blocks().blockers(tenant, page), company -> tx.blocks().isBlocked(company, tenant));
            }

            @Override
            void remove(StoreTransaction tx, CompanyId tenant, List<String> ids) {
                ids.forEach(id -> assertThat(tx.blocks().unblock(CompanyId.of(id), tenant)).isTrue());
            }
        },
        OUTBOX(false) {
            @Override
            void add(StoreTransaction tx, CompanyId tenant, List<String> ids) {
                ids.forEach(id -> tx.outbox().enqueue(outboxEntry(tenant, id, T0)));
            }

            @Override
            Page<String> list(StoreTransaction tx, CompanyId tenant, PageRequest page) {
                return ids(tx.outbox().list(tenant, OutboxStatus.PENDING, page), e -> e.id().value(),
                        e -> e.tenant().equals(tenant) && e.status() == OutboxStatus.PENDING);
            }
        };

        /** Whether two tenants may hold the same id (otherwise ids are unique across the store). */
        final boolean idsPerTenant;

        Listing(boolean idsPerTenant) {
            this.idsPerTenant = idsPerTenant;
        }

        /** Stores one record of {@code tenant} per id. */
        abstract void add(StoreTransaction tx, CompanyId tenant, List<String> ids);

        /** One page of {@code tenant}'s records, as ids. */
        abstract Page<String> list(StoreTransaction tx, CompanyId tenant, PageRequest page);

        /** Removes {@code tenant}'s records with these ids, where the repository can remove. */
        void remove(StoreTransaction tx, CompanyId tenant, List<String> ids) {
            throw new UnsupportedOperationException(this + " has no remove");
        }

        /** A page of a list of blocks as ids, checking that isBlocked agrees with each ({@code blocks}). */
        private static Page<String> blocks(Page<CompanyId> page, Predicate<CompanyId> blocks) {
            return ids(page, CompanyId::value, blocks);
        }

        private static <T> Page<String> ids(Page<T> page, Function<T, String> id,
                Predicate<T> belongs) {
            for (T item : page.items()) {
                assertThat(belongs.test(item)).as("%s belongs to the tenant listed", item).isTrue();
            }
            return new Page<>(page.items().stream().map(id).toList(), page.nextCursor());
        }
    }

    @Nested
    @DisplayName("Programs (versions, tier reviews, certifications)")
    class Programs extends ProgramContract {
        @Override
        protected PartnerStore programStore() {
            return store;
        }
    }

    static Stream<Arguments> listingsAndPageSizes() {
        return Stream.of(Listing.values()).flatMap(listing -> Stream.of(1, 5, TRICKY_IDS.size(),
                PageRequest.MAX_SIZE).map(size -> Arguments.of(listing, size)));
    }

    private <T> T read(Function<StoreTransaction, T> work) {
        return store.inTransaction(work);
    }

    private void write(Consumer<StoreTransaction> work) {
        store.useTransaction(work);
    }

    /** Runs assertions on what one transaction reads; the same as {@link #write}, named for what it is used for. */
    private void check(Consumer<StoreTransaction> assertions) {
        write(assertions);
    }

    private List<Page<String>> readPages(Listing listing, CompanyId tenant, int size) {
        return readPages(listing, tenant, size, null);
    }

    /** Follows cursors from {@code cursor} to the end, one transaction per page, checking that pages are full. */
    private List<Page<String>> readPages(Listing listing, CompanyId tenant, int size, @Nullable String cursor) {
        List<Page<String>> pages = new ArrayList<>();
        @Nullable String next = cursor;
        do {
            String current = next;
            Page<String> page = read(tx -> listing.list(tx, tenant, PageRequest.after(current, size)));
            if (page.hasNext()) {
                assertThat(page.items()).as("a page followed by another is full").hasSize(size);
            }
            pages.add(page);
            next = page.nextCursor();
            assertThat(pages).as("pages read").hasSizeLessThan(20_000);
        } while (next != null);
        return pages;
    }

    private static <T> List<T> readAll(Function<PageRequest, Page<T>> list, int size) {
        List<T> all = new ArrayList<>();
        @Nullable String cursor = null;
        do {
            Page<T> page = list.apply(PageRequest.after(cursor, size));
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }

    /** Checks that no repository holds anything for the tenants the tests use, nor the idempotency key. */
    private void assertNothingStored() {
        PageRequest page = PageRequest.first(10);
        write(tx -> {
            assertThat(tx.companies().count()).as("companies").isZero();
            for (CompanyId tenant : List.of(TENANT_A, TENANT_B)) {
                assertThat(tx.contacts().list(tenant, page).items()).as("contacts of %s", tenant).isEmpty();
                assertThat(tx.partnerships().list(tenant, page).items()).as("partnerships of %s", tenant).isEmpty();
                assertThat(tx.introductions().list(tenant, page).items()).as("introductions of %s", tenant).isEmpty();
                assertThat(tx.crm().accountCount(tenant)).as("accounts of %s", tenant).isZero();
                assertThat(tx.crm().dealCount(tenant)).as("deals of %s", tenant).isZero();
                assertThat(tx.crm().checkpoint(tenant)).as("checkpoint of %s", tenant).isNull();
                assertThat(tx.touchpoints().list(tenant, page).items()).as("touchpoints of %s", tenant).isEmpty();
                assertThat(tx.blocks().list(tenant, page).items()).as("blocks of %s", tenant).isEmpty();
                assertThat(tx.blocks().blockers(tenant, page).items()).as("blockers of %s", tenant).isEmpty();
                for (OutboxStatus status : OutboxStatus.values()) {
                    assertThat(tx.outbox().list(tenant, status, page).items()).as("%s outbox of %s", status, tenant)
                            .isEmpty();
                }
            }
            assertThat(tx.outbox().claimDue(T0.plusSeconds(86_400), T0.plusSeconds(90_000), 10)).as("due outbox")
                    .isEmpty();
            assertThat(tx.introductions().due(T0.plus(Duration.ofDays(365)), PageRequest.MAX_SIZE))
                    .as("due introductions").isEmpty();
        });
        assertThat(storedIdempotencyValue(TENANT_A, KEY)).as("idempotency key").isNull();
    }

    /**
     * The value stored under an idempotency key, read without keeping anything: the probe's own putIfAbsent is rolled
     * back by failing its transaction.
     */
    private @Nullable String storedIdempotencyValue(CompanyId tenant, String key) {
        AtomicReference<@Nullable String> seen = new AtomicReference<>();
        Throwable thrown = catchThrowable(() -> write(tx -> {
            seen.set(tx.idempotency().putIfAbsent(tenant, key, "probe, never kept"));
            throw new Boom();
        }));
        assertThat(thrown).isInstanceOf(Boom.class);
        return seen.get();
    }

    /** Runs {@code work}, again whenever the store reports a conflict (as a serializable database may). */
    private static <T> T retrying(Supplier<T> work) {
        ConflictException last = null;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            try {
                return work.get();
            } catch (ConflictException e) {
                last = e;
            }
        }
        throw new AssertionError("still conflicting after " + MAX_ATTEMPTS + " attempts", last);
    }

    /** Starts {@code threads} tasks at once and waits for all of them; the timeout only guards against a hang. */
    private static <T> List<Outcome<T>> race(int threads, IntFunction<Callable<T>> task) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<T> work = task.apply(i);
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return work.call();
                }));
            }
            ready.await(WAIT_SECONDS, TimeUnit.SECONDS);
            go.countDown();
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (Future<T> future : futures) {
                try {
                    outcomes.add(new Outcome<>(future.get(WAIT_SECONDS, TimeUnit.SECONDS), null));
                } catch (ExecutionException e) {
                    outcomes.add(new Outcome<>(null, e.getCause()));
                } catch (TimeoutException e) {
                    throw new AssertionError("a concurrent transaction did not finish: deadlock?", e);
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The values of outcomes that must all have succeeded; a failure is rethrown with its cause. */
    private static <T> List<T> values(List<Outcome<T>> outcomes) {
        List<T> values = new ArrayList<>();
        for (Outcome<T> outcome : outcomes) {
            if (!outcome.succeeded()) {
                throw new AssertionError("a concurrent task failed", outcome.error());
            }
            values.add(outcome.value());
        }
        return values;
    }

    private static Introduction withContext(Introduction i, String context) {
        return i.toBuilder().context(context).build();
    }

    private static Introduction withoutIntroducer(Introduction i) {
        return i.toBuilder().introducer(null).build();
    }

    private static Introduction withSharedFacts(Introduction i, List<String> facts) {
        return i.toBuilder().sharedFacts(facts).build();
    }

    /** An open introduction from {@code requester} of {@code requesterCompany}, created at {@code at}. */
    private static Introduction createdAt(String id, CompanyId requesterCompany, ContactId requester,
            CompanyId targetCompany, Instant at) {
        return Introduction.builder(IntroductionId.of(id), requesterCompany, requester, targetCompany,
                ContactId.of("target-" + id), "Counting open requests.", at, at.plus(Duration.ofDays(14))).build();
    }

    /** An open introduction to {@code target} of {@code targetCompany}, created at {@code at}. */
    private static Introduction targeting(String id, CompanyId requesterCompany, CompanyId targetCompany,
            ContactId target, Instant at) {
        return Introduction.builder(IntroductionId.of(id), requesterCompany, ContactId.of("requester-" + id),
                targetCompany, target, "Counting open requests.", at, at.plus(Duration.ofDays(14))).build();
    }

    private static Deal renamed(Deal d) {
        return new Deal(d.owner(), d.id(), "Renamed " + d.name(), d.accountIds().subList(0, 1), null, null, "lost",
                DealStatus.LOST, d.createdAt(), LocalDate.of(2026, 3, 1), Map.of());
    }

    @Nested
    @DisplayName("Enablement briefs of programs")
    class Briefs extends BriefContract {
        @Override
        protected PartnerStore briefStore() {
            return store;
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> void sneakyThrow(Throwable failure) throws E {
        throw (E) failure;
    }

    /** What one concurrent task ended with: its value, or what it threw. */
    private record Outcome<T>(@Nullable T value, @Nullable Throwable error) {
        boolean succeeded() {
            return error == null;
        }
    }

    /** The failure the kit's own callbacks throw to make a transaction fail. */
    private static final class Boom extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Boom() {
            super("callback failed on purpose");
        }
    }
}
