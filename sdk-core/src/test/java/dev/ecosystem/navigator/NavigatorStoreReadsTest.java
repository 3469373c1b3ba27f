package dev.ecosystem.navigator;

import static dev.ecosystem.navigator.NavigatorCriteriaTest.company;
import static dev.ecosystem.navigator.NavigatorCriteriaTest.tagsOnly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.TenantScope;
import dev.ecosystem.error.AccessDeniedException;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.memory.InMemoryPartnerStore;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.IdealPartnerProfile;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.spi.CompanyBlockRepository;
import dev.ecosystem.spi.PartnerStore;
import dev.ecosystem.spi.StoreTransaction;
import dev.ecosystem.spi.support.ForwardingTransaction;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How a search reads the store: one transaction per search or evaluation, and every result checked against that
 * read, even when the index has not seen a change yet (as after a write on another node, before the change feed
 * brings it).
 */
class NavigatorStoreReadsTest {
    private static final CompanyId ACME = CompanyId.of("acme");
    private static final CompanyId GLOBEX = CompanyId.of("globex");
    private static final IdealPartnerProfile CRM = tagsOnly().preferBusiness("crm", 1).build();

    /** The host's store, written directly to play another app node. */
    private final InMemoryPartnerStore host = InMemoryPartnerStore.create();
    private final CountingStore counting = new CountingStore(host);
    private EcosystemClient client;

    /**
     * Counts the transactions the test's own thread runs (the change follower polls on another), and the calls they
     * make to the blocks, by method name.
     */
    private static final class CountingStore implements PartnerStore {
        private final PartnerStore delegate;
        private final Thread owner = Thread.currentThread();
        private final AtomicInteger transactions = new AtomicInteger();
        private final Map<String, Integer> blockReads = new ConcurrentHashMap<>();

        CountingStore(PartnerStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public <T> T inTransaction(Function<StoreTransaction, T> work) {
            if (Thread.currentThread() != owner) {
                return delegate.inTransaction(work);
            }
            transactions.incrementAndGet();
            return delegate.inTransaction(tx -> work.apply(new ForwardingTransaction(tx) {
                @Override
                public CompanyBlockRepository blocks() {
                    return counting(delegate().blocks());
                }
            }));
        }

        private CompanyBlockRepository counting(CompanyBlockRepository blocks) {
            return (CompanyBlockRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {CompanyBlockRepository.class}, (proxy, method, args) -> {
                        blockReads.merge(method.getName(), 1, Integer::sum);
                        try {
                            return method.invoke(blocks, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }

    @BeforeEach
    void setUp() {
        client = EcosystemClient.builder().store(counting).build();
        client.register(company("acme", b -> b.businessTags("crm")).build());
        client.register(company("globex", b -> b.businessTags("crm")).build());
        client.register(company("initech", b -> b.businessTags("crm", "erp")).build());
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private int transactionsOf(Runnable call) {
        int before = counting.transactions.get();
        call.run();
        return counting.transactions.get() - before;
    }

    @Test
    void searchAndEvaluate_readTheStoreInOneTransactionEach() {
        TenantScope acme = client.as(ACME);
        acme.navigator().search(CRM, PageRequest.first(10)); // loads the index

        assertThat(transactionsOf(() -> acme.navigator().search(CRM, PageRequest.first(1)))).isEqualTo(1);
        assertThat(transactionsOf(() -> acme.navigator().evaluate(CRM, GLOBEX))).isEqualTo(1);
    }

    @Test
    void search_readsTheBlocksOnceEachWay_notOncePerResult() {
        Set<CompanyId> blockers = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            CompanyId id = CompanyId.of("c" + (10 + i));
            client.register(company(id.value(), b -> b.businessTags("crm")).build());
            if (i % 2 == 0) {
                host.useTransaction(tx -> tx.blocks().block(id, ACME));
                blockers.add(id);
            }
        }
        TenantScope acme = client.as(ACME);
        acme.navigator().search(CRM, PageRequest.first(10)); // loads the index
        counting.blockReads.clear();

        assertThat(acme.navigator().search(CRM, PageRequest.first(10)).items()).hasSize(10)
                .extracting(match -> match.company().id()).doesNotContainAnyElementsOf(blockers);
        assertThat(counting.blockReads).containsExactlyInAnyOrderEntriesOf(Map.of("list", 1, "blockers", 1));
    }

    @Test
    void search_checksEveryResultAgainstTheStore_beforeTheIndexSeesTheChange() {
        client.as(ACME).navigator().search(CRM, PageRequest.first(10)); // loads the index
        Company globex = client.as(GLOBEX).network().profile();
        // Written past the client, as another node would: the index still lists globex.
        host.useTransaction(tx -> tx.companies().put(globex.toBuilder().listed(false).build()));
        host.useTransaction(tx -> tx.blocks().block(CompanyId.of("initech"), ACME));

        assertThat(client.as(ACME).navigator().search(CRM, PageRequest.first(10)).items()).isEmpty();
        assertThatThrownBy(() -> client.as(ACME).navigator().evaluate(CRM, GLOBEX))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> client.as(ACME).navigator().evaluate(CRM, CompanyId.of("initech")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void search_showsEachResultAsTheStoreHasItNow_whetherChangedThroughTheClientOrPastIt() {
        client.as(ACME).navigator().search(CRM, PageRequest.first(10)); // loads the index
        Company globex = client.as(GLOBEX).network().profile();
        // The terms stay the same, so only the record tells the versions apart.
        host.useTransaction(tx -> tx.companies().put(globex.toBuilder().description("written past the client")
                .build()));
        assertThat(descriptionOfGlobex()).isEqualTo("written past the client");

        client.as(GLOBEX).network().updateProfile(globex.toBuilder().description("written through it").build());
        assertThat(descriptionOfGlobex()).isEqualTo("written through it");
    }

    private String descriptionOfGlobex() {
        return client.as(ACME).navigator().search(CRM, PageRequest.first(10)).items().stream()
                .filter(match -> match.company().id().equals(GLOBEX)).findFirst().orElseThrow().company()
                .description();
    }
}
