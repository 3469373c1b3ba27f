package dev.ecosystem.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.ecosystem.error.EcosystemException;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.EmailAddress;
import dev.ecosystem.model.EmailMessage;
import dev.ecosystem.model.MailReceipt;
import dev.ecosystem.model.OutboxEntry;
import dev.ecosystem.model.OutboxEntryId;
import dev.ecosystem.model.OutboxStatus;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Four app nodes (four stores, four pools) dispatch one PostgreSQL outbox, and one of them dies holding claims: every
 * email goes out exactly once and nothing stays pending.
 */
class OutboxManyNodesTest {
    private static final int NODES = 4;
    private static final int THREADS_PER_NODE = 2;
    private static final int ENTRIES = 1_000;
    private static final int CLAIM_SIZE = 10;
    private static final Duration LEASE = Duration.ofSeconds(5);
    private static final List<CompanyId> TENANTS = List.of(CompanyId.of("t-1"), CompanyId.of("t-2"),
            CompanyId.of("t-3"));

    private final Clock clock = Clock.systemUTC();
    private final List<HikariDataSource> pools = new ArrayList<>();
    private final List<JdbcPartnerStore> nodes = new ArrayList<>();
    private String schema;

    @BeforeEach
    void startNodes() {
        schema = TestDatabases.createPostgresSchema();
        TestDatabases.assumePostgres(schema);
        for (int node = 0; node < NODES; node++) {
            HikariDataSource pool = TestDatabases.postgres(THREADS_PER_NODE + 1, "node-" + node);
            pools.add(pool);
            nodes.add(JdbcPartnerStore.builder(pool).schema(schema).build());
        }
    }

    @AfterEach
    void stopNodes() {
        pools.forEach(HikariDataSource::close);
        if (schema != null) {
            TestDatabases.dropPostgresSchema(schema);
        }
    }

    @Test
    @DisplayName("1,000 emails over four nodes, one killed holding claims: each sent exactly once, none stuck")
    void fourNodes_oneKilled_everyEmailSentExactlyOnce() throws Exception {
        enqueue(nodes.get(0));
        IdempotentMailer mailer = new IdempotentMailer(clock);
        int victim = NODES - 1;
        Set<String> claimedByVictim = ConcurrentHashMap.newKeySet();
        Set<String> unrecorded = ConcurrentHashMap.newKeySet();
        AtomicBoolean killed = new AtomicBoolean();
        AtomicInteger processedByVictim = new AtomicInteger();
        // The other nodes start once the victim holds a batch, so the victim is sure to get work before the others
        // drain the outbox; it dies holding its second batch or a later one.
        CountDownLatch victimClaimed = new CountDownLatch(1);

        ExecutorService threads = Executors.newFixedThreadPool(NODES * THREADS_PER_NODE);
        List<Future<?>> dispatchers = new ArrayList<>();
        Instant deadline = clock.instant().plus(Duration.ofMinutes(3));
        for (int node = 0; node < NODES; node++) {
            JdbcPartnerStore store = nodes.get(node);
            boolean isVictim = node == victim;
            for (int thread = 0; thread < THREADS_PER_NODE; thread++) {
                dispatchers.add(threads.submit(() -> {
                    if (!isVictim && !victimClaimed.await(1, TimeUnit.MINUTES)) {
                        throw new AssertionError("the victim node claimed nothing in a minute");
                    }
                    while (clock.instant().isBefore(deadline) && !(isVictim && killed.get())) {
                        List<OutboxEntry> claimed;
                        try {
                            claimed = store.inTransaction(tx -> tx.outbox().claimDue(clock.instant(),
                                    clock.instant().plus(LEASE), CLAIM_SIZE));
                        } catch (EcosystemException e) {
                            continue; // lost to other claimers too often, or this node was killed: try again
                        }
                        if (claimed.isEmpty()) {
                            if (pendingCount(nodes.get(0)) == 0) {
                                return null;
                            }
                            Thread.sleep(50);
                            continue;
                        }
                        if (isVictim) {
                            claimed.forEach(entry -> claimedByVictim.add(entry.message().messageId()));
                            victimClaimed.countDown();
                            if (processedByVictim.addAndGet(claimed.size()) > CLAIM_SIZE
                                    && killed.compareAndSet(false, true)) {
                                dieMidway(store, victim, claimed, mailer);
                                return null;
                            }
                        }
                        for (OutboxEntry entry : claimed) {
                            MailReceipt receipt = mailer.send(entry.message());
                            try {
                                markSent(store, entry.id(), receipt);
                            } catch (EcosystemException e) {
                                // Not recorded: the entry comes back after its lease, the mailer recognizes it.
                                unrecorded.add(entry.message().messageId());
                            }
                        }
                    }
                    return null;
                }));
            }
        }
        for (Future<?> dispatcher : dispatchers) {
            dispatcher.get(4, TimeUnit.MINUTES);
        }
        threads.shutdown();

        JdbcPartnerStore survivor = nodes.get(0);
        assertThat(killed).as("the victim node was killed midway").isTrue();
        assertThat(pendingCount(survivor)).as("entries left pending").isZero();
        List<OutboxEntry> sent = allSent(survivor);
        assertThat(sent).hasSize(ENTRIES);
        assertThat(mailer.delivered()).as("emails delivered, one per Message-ID").hasSize(ENTRIES);
        for (OutboxEntry entry : sent) {
            assertThat(entry.receipt()).isEqualTo(mailer.receipt(entry.message().messageId()));
        }
        // The mailer saw a Message-ID twice only where the sender could not record the send (it died, or its
        // recording transaction failed): live nodes never shared a claim.
        assertThat(mailer.repeatedSends()).isNotEmpty()
                .allMatch(messageId -> claimedByVictim.contains(messageId) || unrecorded.contains(messageId));
    }

    /** The victim sends part of its claim, records part of that, and then its pool is closed under it. */
    private void dieMidway(JdbcPartnerStore store, int victim, List<OutboxEntry> claimed, IdempotentMailer mailer) {
        for (int i = 0; i < claimed.size() / 2; i++) {
            MailReceipt receipt = mailer.send(claimed.get(i).message());
            if (i < claimed.size() / 4) {
                markSent(store, claimed.get(i).id(), receipt);
            }
        }
        pools.get(victim).close();
    }

    private static void markSent(JdbcPartnerStore store, OutboxEntryId id, MailReceipt receipt) {
        store.useTransaction(tx -> {
            OutboxEntry current = tx.outbox().get(id);
            if (current != null && current.status() != OutboxStatus.SENT) {
                tx.outbox().update(current.sent(receipt));
            }
        });
    }

    private void enqueue(JdbcPartnerStore store) {
        Instant now = clock.instant();
        for (int batch = 0; batch < ENTRIES / 100; batch++) {
            int first = batch * 100;
            store.useTransaction(tx -> {
                for (int i = first; i < first + 100; i++) {
                    CompanyId tenant = TENANTS.get(i % TENANTS.size());
                    EmailMessage message = EmailMessage.builder("<intro-" + i + "@nodes.test>",
                                    EmailAddress.of("intros@" + tenant.value() + ".test"), "Introduction " + i)
                            .to(EmailAddress.of("person" + i + "@example.com"))
                            .text("Meet each other.")
                            .build();
                    tx.outbox().enqueue(OutboxEntry.pending(OutboxEntryId.of(String.format("o-%04d", i)), tenant,
                            message, "intro-" + i, now));
                }
            });
        }
    }

    private static long pendingCount(JdbcPartnerStore store) {
        return TENANTS.stream().mapToLong(tenant -> all(store, tenant, OutboxStatus.PENDING).size()).sum();
    }

    private static List<OutboxEntry> allSent(JdbcPartnerStore store) {
        List<OutboxEntry> sent = new ArrayList<>();
        TENANTS.forEach(tenant -> sent.addAll(all(store, tenant, OutboxStatus.SENT)));
        return sent;
    }

    private static List<OutboxEntry> all(JdbcPartnerStore store, CompanyId tenant, OutboxStatus status) {
        List<OutboxEntry> entries = new ArrayList<>();
        String cursor = null;
        do {
            String after = cursor;
            Page<OutboxEntry> page = store.inTransaction(tx -> tx.outbox().list(tenant, status,
                    PageRequest.after(after, 1000)));
            entries.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return entries;
    }
}
