package dev.ecosystem.intro;

import dev.ecosystem.spi.support.ForwardingTransaction;
import dev.ecosystem.spi.ProviderException;
import dev.ecosystem.memory.InMemoryPartnerStore;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.IntroParty;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.IntroductionId;
import dev.ecosystem.model.OutboxEntry;
import dev.ecosystem.model.OutboxEntryId;
import dev.ecosystem.model.OutboxStatus;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.spi.CompanyBlockRepository;
import dev.ecosystem.spi.CompanyRepository;
import dev.ecosystem.spi.ContactRepository;
import dev.ecosystem.spi.CrmSnapshotRepository;
import dev.ecosystem.spi.IdempotencyRepository;
import dev.ecosystem.spi.IntroductionRepository;
import dev.ecosystem.spi.OutboxRepository;
import dev.ecosystem.spi.PartnerStore;
import dev.ecosystem.spi.PartnershipRepository;
import dev.ecosystem.spi.SharingPolicyRepository;
import dev.ecosystem.spi.StoreTransaction;
import dev.ecosystem.spi.TouchpointRepository;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory store with faults injected at named steps, to simulate a crash (or a lost database connection)
 * between two steps: {@code outbox.enqueue}, {@code outbox.update.LEASE} (the note before a send, and lease
 * renewals: a pending entry updated without a new attempt), {@code outbox.update.PENDING} (a failed attempt),
 * {@code outbox.update.SENT}, {@code outbox.update.PARKED}, {@code introductions.update}. A transaction that fails
 * is rolled back, like a real one.
 */
final class FaultyStore implements PartnerStore {
    private final PartnerStore delegate = InMemoryPartnerStore.create();
    private final Map<String, Supplier<RuntimeException>> faults = new ConcurrentHashMap<>();
    private final Map<String, Integer> remaining = new ConcurrentHashMap<>();

    /** The next {@code times} calls of {@code step} throw what {@code error} supplies. */
    void failNext(String step, int times, Supplier<RuntimeException> error) {
        faults.put(step, error);
        remaining.put(step, times);
    }

    /** The next call of {@code step} fails like a lost database connection. */
    void crashAt(String step) {
        failNext(step, 1, () -> ProviderException.retryable("test-db", 503, null, "connection lost at " + step));
    }

    private void step(String step) {
        Integer left = remaining.computeIfPresent(step, (k, n) -> n - 1);
        if (left != null && left >= 0) {
            throw faults.get(step).get();
        }
    }

    @Override
    public <T> T inTransaction(Function<StoreTransaction, T> work) {
        return delegate.inTransaction(tx -> work.apply(new Tx(tx)));
    }

    private final class Tx extends ForwardingTransaction {
        private final StoreTransaction tx;

        Tx(StoreTransaction tx) {
            super(tx);
            this.tx = tx;
        }




        @Override
        public IntroductionRepository introductions() {
            IntroductionRepository intros = tx.introductions();
            return new IntroductionRepository() {
                @Override
                public Introduction insert(Introduction introduction) {
                    step("introductions.insert");
                    return intros.insert(introduction);
                }

                @Override
                public Introduction update(Introduction introduction) {
                    step("introductions.update");
                    return intros.update(introduction);
                }

                @Override
                public @Nullable Introduction get(CompanyId party, IntroductionId id) {
                    return intros.get(party, id);
                }

                @Override
                public Page<Introduction> list(CompanyId party, PageRequest page) {
                    return intros.list(party, page);
                }

                @Override
                public List<Introduction> due(Instant now, int limit) {
                    return intros.due(now, limit);
                }

                @Override
                public long countOpen(IntroParty party, CompanyId company, ContactId contact, Instant since) {
                    return intros.countOpen(party, company, contact, since);
                }
            };
        }




        @Override
        public OutboxRepository outbox() {
            OutboxRepository outbox = tx.outbox();
            return new OutboxRepository() {
                @Override
                public void enqueue(OutboxEntry entry) {
                    step("outbox.enqueue");
                    outbox.enqueue(entry);
                }

                @Override
                public @Nullable OutboxEntry get(OutboxEntryId id) {
                    return outbox.get(id);
                }

                @Override
                public List<OutboxEntry> claimDue(Instant now, Instant leaseUntil, int limit) {
                    return outbox.claimDue(now, leaseUntil, limit);
                }

                @Override
                public void update(OutboxEntry entry) {
                    OutboxEntry stored = outbox.get(entry.id());
                    boolean lease = entry.status() == OutboxStatus.PENDING && stored != null
                            && stored.attempts() == entry.attempts();
                    step("outbox.update." + (lease ? "LEASE" : entry.status().name()));
                    outbox.update(entry);
                }

                @Override
                public Page<OutboxEntry> list(CompanyId tenant, OutboxStatus status, PageRequest page) {
                    return outbox.list(tenant, status, page);
                }
            };
        }


    }
}
