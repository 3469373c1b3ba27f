package dev.ecosystem.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.ecosystem.EcosystemClient;
import dev.ecosystem.intro.ConsentKeys;
import dev.ecosystem.intro.IntroRequest;
import dev.ecosystem.intro.IntroSettings;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.EmailAddress;
import dev.ecosystem.model.EmailMessage;
import dev.ecosystem.model.IntroParty;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.IntroductionStatus;
import dev.ecosystem.model.MailReceipt;
import dev.ecosystem.model.OutboxEntry;
import dev.ecosystem.model.OutboxEntryId;
import dev.ecosystem.model.OutboxStatus;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.spi.Mailer;
import dev.ecosystem.testkit.MutableClock;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Four app nodes (four clients, each over its own store and pool on one PostgreSQL schema) take 1,000 introductions
 * from request to connection, and one node dies holding outbox claims: every consent ask and every joint email goes
 * out exactly once, and no introduction or email is left behind.
 */
class IntroductionsManyNodesTest {
    private static final int NODES = 4;
    private static final int DISPATCHERS_PER_NODE = 2;
    private static final int INTRODUCTIONS = 1_000;
    private static final int COMPANIES = 25;
    private static final int CONTACTS_PER_COMPANY = 5;
    private static final int VICTIM = NODES - 1;
    private static final int VICTIM_SENDS_BEFORE_DYING = 60;
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    private static final Pattern ACCEPT_TOKEN = Pattern.compile("Yes, introduce us:\\n\\S*[?&]token=([^&\\s]+)");

    /** One clock all nodes share, standing still until the test moves it. */
    private final MutableClock clock = new MutableClock(T0);
    private final RecordingMailer mailer = new RecordingMailer(clock);
    private final AtomicBoolean killed = new AtomicBoolean();
    private final List<HikariDataSource> pools = new ArrayList<>();
    private final List<JdbcPartnerStore> stores = new ArrayList<>();
    private final List<EcosystemClient> clients = new ArrayList<>();
    /** The introduction of each consent ask, by Message-ID, as the requesting node learned it. */
    private final Map<String, Introduction> askedFor = new ConcurrentHashMap<>();
    private String schema;

    @BeforeEach
    void startNodes() {
        schema = TestDatabases.createPostgresSchema();
        TestDatabases.assumePostgres(schema);
        byte[] secret = new byte[ConsentKeys.MIN_SECRET_BYTES];
        Arrays.fill(secret, (byte) 9);
        IntroSettings settings = IntroSettings.builder()
                .consentKeys(ConsentKeys.of("k1", secret))
                .consentUrl("https://app.example.com/intro/consent")
                .sender(EmailAddress.of("intros@partners.example.com", "Partner Hub"))
                .reminders(Duration.ofDays(4), 0)
                .limits(100_000, 100_000, Duration.ofDays(30))
                .lease(LEASE)
                .batchSize(20)
                .build();
        for (int node = 0; node < NODES; node++) {
            HikariDataSource pool = TestDatabases.postgres(DISPATCHERS_PER_NODE + 3, "intro-node-" + node);
            pools.add(pool);
            Mailer nodeMailer = node == VICTIM ? new DyingMailer(mailer, pool, killed) : mailer;
            JdbcPartnerStore store = JdbcPartnerStore.builder(pool).schema(schema).build();
            stores.add(store);
            clients.add(EcosystemClient.builder()
                    .store(store)
                    .mailer(nodeMailer)
                    .clock(clock)
                    .intros(settings)
                    .build());
        }
    }

    @AfterEach
    void stopNodes() {
        clients.forEach(EcosystemClient::close);
        pools.forEach(HikariDataSource::close);
        if (schema != null) {
            TestDatabases.dropPostgresSchema(schema);
        }
    }

    @Test
    @DisplayName("1,000 introductions to connection over four nodes, one killed holding claims: each email once")
    void fourNodes_oneKilled_everyIntroductionConnects_everyEmailSentOnce() throws Exception {
        registerNetwork(clients.get(0));
        ConcurrentLinkedQueue<Integer> toRequest = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < INTRODUCTIONS; i++) {
            toRequest.add(i);
        }
        AtomicInteger requested = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        Set<String> failures = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(NODES * (DISPATCHERS_PER_NODE + 2));
        List<Future<?>> workers = new ArrayList<>();
        for (int node = 0; node < NODES; node++) {
            EcosystemClient client = clients.get(node);
            JdbcPartnerStore store = stores.get(node);
            boolean victim = node == VICTIM;
            int nodeIndex = node;
            for (int thread = 0; thread < DISPATCHERS_PER_NODE; thread++) {
                workers.add(threads.submit(() -> {
                    while (!stop.get() && !(victim && killed.get())) {
                        try {
                            if (client.intros().runDue(clock.instant()).sent() == 0) {
                                Thread.sleep(20);
                            }
                        } catch (RuntimeException e) {
                            // lost a race too often, or this node died: the next run (or a survivor) goes on
                        }
                    }
                    return null;
                }));
            }
            workers.add(threads.submit(() -> {
                while (!stop.get() && !(victim && killed.get())) {
                    Integer i = toRequest.poll();
                    if (i == null) {
                        Thread.sleep(20);
                        continue;
                    }
                    try {
                        Introduction intro = client.as(requesterCompany(i)).intros().request(request(i));
                        OutboxEntryId ask = intro.consent(IntroParty.TARGET).askEntry();
                        askedFor.put(store.inTransaction(tx -> tx.outbox().get(ask)).message().messageId(), intro);
                        requested.incrementAndGet();
                    } catch (RuntimeException e) {
                        toRequest.add(i); // same idempotency key again: the same introduction, never a second one
                    }
                }
                return null;
            }));
            workers.add(threads.submit(() -> {
                int answered = 0;
                while (!stop.get() && !(victim && killed.get())) {
                    EmailMessage ask = mailer.nextAsk();
                    if (ask == null) {
                        Thread.sleep(20);
                        continue;
                    }
                    try {
                        if (answer(client, ask, (answered++ + nodeIndex) % 2 == 0)) {
                            accepted.incrementAndGet();
                        } else {
                            mailer.askAgain(ask);
                        }
                    } catch (RuntimeException e) {
                        failures.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                        mailer.askAgain(ask); // lost a race too often, or this node died: answer it again
                    }
                }
                return null;
            }));
        }

        // Time goes on: whenever sending has been quiet for a second after the kill, the clock passes the lease, so
        // survivors take over the dead node's claims.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while ((mailer.jointCount() < INTRODUCTIONS || !outbox(OutboxStatus.PENDING).isEmpty())
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            if (killed.get() && mailer.quietFor(Duration.ofSeconds(1))) {
                clock.advance(LEASE.plusSeconds(1));
            }
        }
        stop.set(true);
        for (Future<?> worker : workers) {
            worker.get(1, TimeUnit.MINUTES);
        }
        threads.shutdown();

        EcosystemClient survivor = clients.get(0);
        assertThat(killed).as("the victim node was killed midway").isTrue();
        assertThat(clock.instant()).as("time passed the lease of the dead node's claims").isAfter(T0.plus(LEASE));
        assertThat(requested.get()).as("requests that returned").isGreaterThanOrEqualTo(INTRODUCTIONS);

        List<Introduction> intros = allIntroductions(survivor);
        assertThat(intros).hasSize(INTRODUCTIONS);
        assertThat(intros).as("introductions not connected (answers tried again after: %s)", failures)
                .filteredOn(intro -> intro.status() != IntroductionStatus.CONNECTED).isEmpty();
        assertThat(outbox(OutboxStatus.PENDING)).as("emails left pending or claimed").isEmpty();
        assertThat(outbox(OutboxStatus.PARKED)).as("emails parked").isEmpty();
        List<OutboxEntry> sent = outbox(OutboxStatus.SENT);
        assertThat(sent).as("one ask and one joint email per introduction").hasSize(2 * INTRODUCTIONS);

        Map<String, EmailMessage> delivered = mailer.delivered();
        assertThat(delivered).as("distinct emails the provider delivered").hasSize(2 * INTRODUCTIONS);
        Map<String, OutboxEntry> byEntry = new HashMap<>();
        sent.forEach(entry -> byEntry.put(entry.id().value(), entry));
        Map<Set<String>, Integer> jointsByPair = mailer.jointsByRecipients();
        for (Introduction intro : intros) {
            OutboxEntry ask = byEntry.get(intro.consent(IntroParty.TARGET).askEntry().value());
            OutboxEntry joint = byEntry.get(intro.jointEntry().value());
            assertThat(ask.receipt()).as("ask of " + intro.id())
                    .isEqualTo(mailer.receipt(ask.message().messageId()));
            assertThat(joint.receipt()).as("joint email of " + intro.id())
                    .isEqualTo(mailer.receipt(joint.message().messageId()));
            assertThat(jointsByPair.get(addresses(joint.message()))).as("joint emails delivered for " + intro.id())
                    .isEqualTo(1);
        }
        assertThat(accepted.get()).as("consent asks answered").isEqualTo(INTRODUCTIONS);
        assertThat(mailer.repeatedSends()).as("Message-IDs sent again after the crash, recognized by the mailer")
                .isNotEmpty();
    }

    /**
     * Accepts the ask's introduction on {@code client}, once the requesting node has told which introduction it is:
     * by the link in it (the host's consent page), or as the target's company in the app. Returns whether the ask
     * is answered now (also when an earlier attempt committed on a node that then died).
     */
    private boolean answer(EcosystemClient client, EmailMessage ask, boolean byLink) {
        Introduction intro = askedFor.get(ask.messageId());
        if (intro == null) {
            return false;
        }
        if (client.as(intro.requesterCompany()).intros().get(intro.id()).consent(IntroParty.TARGET).isPending()) {
            if (byLink) {
                Matcher link = ACCEPT_TOKEN.matcher(ask.textBody());
                assertThat(link.find()).as("accept link in " + ask.textBody()).isTrue();
                client.intros().redeem(URLDecoder.decode(link.group(1), StandardCharsets.UTF_8), null, false);
            } else {
                client.as(intro.targetCompany()).intros().accept(intro.id(), intro.target());
            }
        }
        return true;
    }

    private static CompanyId company(int index) {
        return CompanyId.of(String.format("co-%02d", index));
    }

    private static ContactId contact(int person) {
        return ContactId.of(String.format("p-%03d", person));
    }

    private static String email(int person) {
        return String.format("p%03d@co-%02d.test", person, person / CONTACTS_PER_COMPANY);
    }

    /**
     * Introduction {@code i}: a pair of people at two different companies that no other introduction has, in
     * either order (100 requesters, each to ten people 5 to 50 places further on in a ring of 125).
     */
    private static int requesterOf(int i) {
        return i % 100;
    }

    private static int targetOf(int i) {
        return (requesterOf(i) + CONTACTS_PER_COMPANY * (1 + i / 100)) % (COMPANIES * CONTACTS_PER_COMPANY);
    }

    private static CompanyId requesterCompany(int i) {
        return company(requesterOf(i) / CONTACTS_PER_COMPANY);
    }

    private static IntroRequest request(int i) {
        int target = targetOf(i);
        return IntroRequest.builder(contact(requesterOf(i)), company(target / CONTACTS_PER_COMPANY),
                        contact(target), "Introduction " + i + ": both serve the same e-commerce teams")
                .idempotencyKey("intro-" + i)
                .build();
    }

    private static void registerNetwork(EcosystemClient client) {
        for (int c = 0; c < COMPANIES; c++) {
            CompanyId id = company(c);
            client.register(Company.builder(id, "Company " + c).listed(true).build());
            for (int p = c * CONTACTS_PER_COMPANY; p < (c + 1) * CONTACTS_PER_COMPANY; p++) {
                client.as(id).contacts().save(Contact.builder(contact(p), id, "Person " + p, email(p))
                        .reachableForIntroductions(true).build());
            }
        }
    }

    private static Set<String> addresses(EmailMessage message) {
        Set<String> addresses = new HashSet<>();
        message.to().forEach(address -> addresses.add(address.address()));
        return addresses;
    }

    /** Every introduction, listed by the companies that requested them. */
    private static List<Introduction> allIntroductions(EcosystemClient client) {
        List<Introduction> intros = new ArrayList<>();
        for (int c = 0; c < COMPANIES; c++) {
            CompanyId id = company(c);
            String cursor = null;
            do {
                Page<Introduction> page = client.as(id).intros().list(cursor == null ? PageRequest.first(100)
                        : PageRequest.after(cursor, 100));
                page.items().stream().filter(intro -> intro.requesterCompany().equals(id)).forEach(intros::add);
                cursor = page.nextCursor();
            } while (cursor != null);
        }
        return intros;
    }

    private List<OutboxEntry> outbox(OutboxStatus status) {
        JdbcPartnerStore store = stores.get(0);
        List<OutboxEntry> entries = new ArrayList<>();
        for (int c = 0; c < COMPANIES; c++) {
            CompanyId tenant = company(c);
            String cursor = null;
            do {
                String after = cursor;
                Page<OutboxEntry> page = store.inTransaction(tx -> tx.outbox().list(tenant, status,
                        after == null ? PageRequest.first(1000) : PageRequest.after(after, 1000)));
                entries.addAll(page.items());
                cursor = page.nextCursor();
            } while (cursor != null);
        }
        return entries;
    }

    /** The shared provider; it hands delivered consent asks to the people who answer them. */
    private static final class RecordingMailer extends IdempotentMailer {
        private final Map<Set<String>, Integer> joints = new HashMap<>();
        private final ConcurrentLinkedQueue<EmailMessage> asks = new ConcurrentLinkedQueue<>();
        private final AtomicReference<Instant> lastSend = new AtomicReference<>(Instant.now());

        RecordingMailer(Clock clock) {
            super(clock);
        }

        @Override
        public MailReceipt send(EmailMessage message) {
            lastSend.set(Instant.now());
            return super.send(message);
        }

        @Override
        void onDelivery(EmailMessage message) {
            if (message.to().size() == 2) {
                joints.merge(addresses(message), 1, Integer::sum);
            } else {
                asks.add(message);
            }
        }

        EmailMessage nextAsk() {
            return asks.poll();
        }

        void askAgain(EmailMessage ask) {
            asks.add(ask);
        }

        boolean quietFor(Duration quiet) {
            return lastSend.get().plus(quiet).isBefore(Instant.now());
        }

        synchronized int jointCount() {
            return joints.size();
        }

        synchronized Map<Set<String>, Integer> jointsByRecipients() {
            return Map.copyOf(joints);
        }
    }

    /**
     * The victim node's way to the provider: after some sends it closes its own pool right after a send, so the
     * receipt of that send and the rest of its claimed batch stay unrecorded, held under the lease.
     */
    private static final class DyingMailer implements Mailer {
        private final Mailer provider;
        private final HikariDataSource pool;
        private final AtomicBoolean killed;
        private final AtomicInteger sends = new AtomicInteger();

        DyingMailer(Mailer provider, HikariDataSource pool, AtomicBoolean killed) {
            this.provider = provider;
            this.pool = pool;
            this.killed = killed;
        }

        @Override
        public MailReceipt send(EmailMessage message) {
            MailReceipt receipt = provider.send(message);
            if (sends.incrementAndGet() == VICTIM_SENDS_BEFORE_DYING && killed.compareAndSet(false, true)) {
                pool.close();
            }
            return receipt;
        }
    }
}
