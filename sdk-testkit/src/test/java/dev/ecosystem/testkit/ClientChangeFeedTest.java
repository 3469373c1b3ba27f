package dev.ecosystem.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.spi.ProviderException;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.spi.support.ForwardingTransaction;
import dev.ecosystem.memory.InMemoryPartnerStore;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.model.IdealPartnerProfile;
import dev.ecosystem.spi.ChangeRepository;
import dev.ecosystem.spi.PartnerStore;
import dev.ecosystem.spi.StoreTransaction;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How a client follows the writes other clients make on the same store. */
class ClientChangeFeedTest {
    private static final CompanyId ACME = CompanyId.of("acme");
    private static final CompanyId GLOBEX = CompanyId.of("globex");
    private static final IdealPartnerProfile SAAS = IdealPartnerProfile.builder(PartnerType.REFERRAL)
            .requireBusiness("saas").build();
    private static final Duration NEVER = Duration.ofHours(1);

    @Test
    @DisplayName("A client searches other clients' writes once it caught up with the feed, and reports the revision")
    void otherClientsWrites_areSeenAfterCatchingUp() {
        InMemoryPartnerStore store = InMemoryPartnerStore.create();
        try (EcosystemClient writer = client(store, NEVER); EcosystemClient reader = client(store, NEVER)) {
            writer.register(saas(ACME));
            assertThat(found(reader)).isEmpty();

            writer.register(saas(GLOBEX));
            long latest = store.inTransaction(tx -> tx.changes().latestRevision());

            assertThat(found(reader)).as("before catching up").isEmpty();
            assertThat(reader.catchUp()).isEqualTo(latest);
            assertThat(reader.appliedRevision()).isEqualTo(latest);
            assertThat(found(reader)).containsExactly(GLOBEX);
            assertThat(found(writer)).as("its own write, at once").containsExactly(GLOBEX);
        }
    }

    @Test
    @DisplayName("A client built with deferChangeFollowing polls only from startChangeFollowing on, and misses no "
            + "write committed between build and start")
    void deferredFollowing_startsOnRequest() throws InterruptedException {
        InMemoryPartnerStore store = InMemoryPartnerStore.create();
        try (EcosystemClient writer = client(store, NEVER);
                EcosystemClient reader = EcosystemClient.builder().store(store).changePollInterval(Duration.ofMillis(10))
                        .deferChangeFollowing().build()) {
            writer.register(saas(ACME));
            assertThat(found(reader)).isEmpty();
            writer.register(saas(GLOBEX));

            Thread.sleep(200); // twenty poll intervals
            assertThat(reader.appliedRevision()).as("no polling before start").isZero();
            assertThat(found(reader)).isEmpty();

            reader.startChangeFollowing();
            reader.startChangeFollowing(); // a second start changes nothing
            awaitTrue(() -> found(reader).contains(GLOBEX));
            assertThat(reader.appliedRevision()).isEqualTo(store.inTransaction(tx -> tx.changes().latestRevision()));
        }
    }

    @Test
    @DisplayName("On a store without a change feed a client sees only its own writes and reports revision 0")
    void storeWithoutFeed_runsAsOneNode() {
        PartnerStore store = new FeedlessStore(InMemoryPartnerStore.create());
        try (EcosystemClient client = client(store, Duration.ofMillis(10))) {
            client.register(saas(ACME));
            client.register(saas(GLOBEX));

            assertThat(found(client)).containsExactly(GLOBEX);
            assertThat(client.catchUp()).isZero();
            assertThat(client.appliedRevision()).isZero();
        }
    }

    @Test
    @DisplayName("A feed that fails does not stop the follower: it catches up once the store answers again")
    void failingFeed_isRetried() {
        FlakyFeedStore store = new FlakyFeedStore(InMemoryPartnerStore.create());
        try (EcosystemClient writer = client(store, NEVER); EcosystemClient reader = client(store,
                Duration.ofMillis(10))) {
            writer.register(saas(ACME));
            assertThat(found(reader)).isEmpty();
            store.failing.set(true);
            writer.register(saas(GLOBEX));
            assertThatThrownBy(reader::catchUp).isInstanceOf(ProviderException.class);

            awaitTrue(() -> store.failures.get() >= 3);
            store.failing.set(false);

            awaitTrue(() -> found(reader).contains(GLOBEX));
        }
    }

    @Test
    @DisplayName("A poll interval below 10 ms or above 1 hour is refused, naming the setting, the value and the range")
    void pollInterval_isValidated() {
        for (Duration bad : List.of(Duration.ZERO, Duration.ofMillis(-5), Duration.ofMillis(9), Duration.ofHours(2))) {
            assertThatThrownBy(() -> EcosystemClient.builder().changePollInterval(bad))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("changePollInterval").hasMessageContaining(bad.toString())
                    .hasMessageContaining("10 ms").hasMessageContaining("1 hour");
        }
        assertThatThrownBy(() -> EcosystemClient.builder().changePollInterval(null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("changePollInterval");
    }

    private static EcosystemClient client(PartnerStore store, Duration interval) {
        return EcosystemClient.builder().store(store).changePollInterval(interval).build();
    }

    private static Company saas(CompanyId id) {
        return Company.builder(id, "Company " + id).businessTags("saas").listed(true).build();
    }

    private static List<CompanyId> found(EcosystemClient client) {
        return client.as(ACME).navigator().search(SAAS, PageRequest.first(10)).items().stream()
                .map(match -> match.company().id()).toList();
    }

    /** Waits for a background outcome; the deadline only guards against a hang. */
    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("the follower never got there").isLessThan(deadline);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** A store whose change feed fails while {@link #failing} is set, like a database that went away. */
    private static final class FlakyFeedStore implements PartnerStore {
        final AtomicBoolean failing = new AtomicBoolean();
        final AtomicInteger failures = new AtomicInteger();
        private final PartnerStore delegate;

        FlakyFeedStore(PartnerStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public <T> T inTransaction(Function<StoreTransaction, T> work) {
            return delegate.inTransaction(tx -> work.apply(new ForwardingTransaction(tx) {
                @Override
                public ChangeRepository changes() {
                    if (failing.get()) {
                        failures.incrementAndGet();
                        throw ProviderException.unavailable("test", "the database is down", null);
                    }
                    return super.changes();
                }
            }));
        }
    }
}
