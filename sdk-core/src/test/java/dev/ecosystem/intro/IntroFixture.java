package dev.ecosystem.intro;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.event.EcosystemEvent;
import dev.ecosystem.memory.InMemoryMailer;
import dev.ecosystem.memory.InMemoryPartnerStore;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.EmailAddress;
import dev.ecosystem.model.EmailMessage;
import dev.ecosystem.model.IntroParty;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.OutboxEntryId;
import dev.ecosystem.model.MailReceipt;
import dev.ecosystem.spi.Mailer;
import dev.ecosystem.spi.PartnerStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small network on the real in-memory store and mailer, on a clock tests move: Acme (requester side: Ada asks and is
 * reachable for introductions, Ivy introduces) and Globex (Bob is the target, reachable for introductions; Oz,
 * reachable too, opted out of introductions).
 */
final class IntroFixture {
    static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    static final Duration EXPIRY = Duration.ofDays(14);
    static final Duration REMIND_AFTER = Duration.ofDays(4);
    static final Duration LEASE = Duration.ofMinutes(2);
    static final CompanyId ACME = CompanyId.of("co-acme");
    static final CompanyId GLOBEX = CompanyId.of("co-globex");
    static final CompanyId INITECH = CompanyId.of("co-initech");
    static final ContactId ADA = ContactId.of("ada");
    static final ContactId IVY = ContactId.of("ivy");
    static final ContactId BOB = ContactId.of("bob");
    static final ContactId OZ = ContactId.of("oz");
    static final byte[] SECRET = secret((byte) 7);
    private static final Pattern LINK = Pattern.compile("(Yes, introduce us|No, thank you):\\n(\\S+)");
    private static final Pattern TOKEN = Pattern.compile("token=([^&\\s]+)");

    final MutableClock clock = new MutableClock(T0);
    final InMemoryMailer inbox = new InMemoryMailer(clock);
    final CountingMailer mailer = new CountingMailer(inbox);
    final PartnerStore store;
    final List<EcosystemEvent> events = new CopyOnWriteArrayList<>();
    final IntroSettings settings;
    final EcosystemClient client;

    IntroFixture() {
        this(InMemoryPartnerStore.create(), UnaryOperator.identity());
    }

    IntroFixture(PartnerStore store, UnaryOperator<IntroSettings.Builder> settings) {
        this.store = store;
        this.settings = settings.apply(IntroSettings.builder()
                .consentKeys(ConsentKeys.of("k1", SECRET))
                .consentUrl("https://app.example.com/intro/consent")
                .sender(EmailAddress.of("intros@partners.example.com", "Partner Hub"))
                .expiry(EXPIRY)
                .reminders(REMIND_AFTER, 1)
                .retries(3, Duration.ofMinutes(1), Duration.ofMinutes(10))
                .lease(LEASE)).build();
        client = newNode();
        client.register(Company.builder(ACME, "Acme Mail").webDomain("acme.io")
                .businessTags("email-marketing", "saas").industries("e-commerce", "retail").regions("emea")
                .listed(true).build());
        client.register(Company.builder(GLOBEX, "Globex Billing").webDomain("globex.com")
                .businessTags("billing", "saas").industries("e-commerce").regions("emea", "apac").listed(true)
                .build());
        client.register(Company.builder(INITECH, "Initech").listed(true).build());
        client.as(ACME).contacts().save(Contact.builder(ADA, ACME, "Ada Lovelace", "ada@acme.io")
                .title("Head of Partnerships").reachableForIntroductions(true).build());
        client.as(ACME).contacts().save(Contact.builder(IVY, ACME, "Ivy Introducer", "ivy@acme.io").build());
        client.as(GLOBEX).contacts().save(Contact.builder(BOB, GLOBEX, "Bob Ødegård", "bob@globex.com")
                .title("VP Sales").reachableForIntroductions(true).build());
        client.as(GLOBEX).contacts().save(Contact.builder(OZ, GLOBEX, "Oz Out", "oz@globex.com")
                .optedOutOfIntroductions(true).reachableForIntroductions(true).build());
    }

    /** An app node: a client of its own over the fixture's store, mailer, clock and settings. */
    EcosystemClient newNode() {
        return EcosystemClient.builder()
                .store(store)
                .mailer(mailer)
                .clock(clock)
                .eventListener(events::add)
                .intros(settings)
                .build();
    }

    static byte[] secret(byte fill) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, fill);
        return bytes;
    }

    static IntroRequest.Builder adaToBob() {
        return IntroRequest.builder(ADA, GLOBEX, BOB, "Both of us serve e-commerce teams; a billing integration is "
                + "the most asked-for feature");
    }

    Introductions acme() {
        return client.as(ACME).intros();
    }

    Introductions globex() {
        return client.as(GLOBEX).intros();
    }

    DueRun runDue() {
        return client.intros().runDue(clock.instant());
    }

    /** Emails the mailer delivered (each Message-ID once), to the given address. */
    List<EmailMessage> sentTo(String address) {
        return inbox.sent().stream()
                .filter(m -> m.to().stream().anyMatch(a -> a.address().equals(address)))
                .toList();
    }

    /** The single email delivered to {@code address}, the last one if several. */
    EmailMessage lastTo(String address) {
        List<EmailMessage> messages = sentTo(address);
        if (messages.isEmpty()) {
            throw new AssertionError("nothing was sent to " + address + "; sent: " + inbox.sent());
        }
        return messages.get(messages.size() - 1);
    }

    /** The delivered consent ask of {@code party} for this introduction. */
    EmailMessage askOf(Introduction intro, IntroParty party) {
        Introduction stored = client.as(intro.requesterCompany()).intros().get(intro.id());
        OutboxEntryId entry = stored.consent(party).askEntry();
        String messageId = store.inTransaction(tx -> tx.outbox().get(entry)).message().messageId();
        return inbox.sent().stream().filter(m -> m.messageId().equals(messageId)).findFirst()
                .orElseThrow(() -> new AssertionError("the ask " + messageId + " was not delivered"));
    }

    /** The token of the accept (or decline) link in a consent ask. */
    static String token(EmailMessage ask, boolean accept) {
        Matcher links = LINK.matcher(ask.textBody());
        while (links.find()) {
            if (links.group(1).startsWith("Yes") == accept) {
                Matcher token = TOKEN.matcher(links.group(2));
                if (token.find()) {
                    return java.net.URLDecoder.decode(token.group(1), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no " + (accept ? "accept" : "decline") + " link in " + ask.textBody());
    }

    List<String> eventTypes() {
        return events.stream().map(EcosystemEvent::type).toList();
    }

    /**
     * A mailer that counts every call per Message-ID (and which were resends), can fail or run a step on demand,
     * and delegates to the inbox.
     */
    static final class CountingMailer implements Mailer {
        private final Mailer delegate;
        final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        final List<String> resent = new CopyOnWriteArrayList<>();
        final List<RuntimeException> failures = Collections.synchronizedList(new ArrayList<>());
        /** Runs before each send is handed on, with the number of the call (1 for the first). */
        volatile BiConsumer<Integer, EmailMessage> beforeSend = (call, message) -> { };

        CountingMailer(Mailer delegate) {
            this.delegate = delegate;
        }

        /** The next sends throw these, in order. */
        void failNext(RuntimeException... errors) {
            failures.addAll(List.of(errors));
        }

        int totalCalls() {
            return calls.values().stream().mapToInt(AtomicInteger::get).sum();
        }

        @Override
        public MailReceipt resend(EmailMessage message) {
            resent.add(message.messageId());
            return send(message);
        }

        @Override
        public MailReceipt send(EmailMessage message) {
            calls.computeIfAbsent(message.messageId(), id -> new AtomicInteger()).incrementAndGet();
            beforeSend.accept(totalCalls(), message);
            synchronized (failures) {
                if (!failures.isEmpty()) {
                    throw failures.remove(0);
                }
            }
            return delegate.send(message);
        }
    }
}
