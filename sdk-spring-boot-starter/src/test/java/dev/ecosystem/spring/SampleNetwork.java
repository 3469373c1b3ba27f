package dev.ecosystem.spring;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.intro.IntroRequest;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.EmailMessage;
import dev.ecosystem.model.MailReceipt;
import dev.ecosystem.spi.Mailer;
import dev.ecosystem.spi.PartnerStore;
import dev.ecosystem.spi.ProviderException;
import dev.ecosystem.spi.StoreTransaction;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** Two companies with contacts, and the test doubles the starter's tests share. */
final class SampleNetwork {
    static final CompanyId ACME = CompanyId.of("acme");
    static final CompanyId GLOBEX = CompanyId.of("globex");
    static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="; // 32 bytes, base64

    private SampleNetwork() {
    }

    /** Registers Acme (Ada) and Globex (Bob, Ben, Bea). */
    static void seed(EcosystemClient client) {
        client.register(Company.builder(ACME, "Acme Mail").webDomain("acme.io").businessTags("email-marketing", "saas")
                .listed(true).build());
        client.register(Company.builder(GLOBEX, "Globex Billing").webDomain("globex.com")
                .businessTags("billing", "saas").listed(true).build());
        client.as(ACME).contacts().save(Contact.builder(ContactId.of("ada"), ACME, "Ada Lovelace", "ada@acme.io")
                .reachableForIntroductions(true).build());
        for (String name : List.of("bob", "ben", "bea")) {
            client.as(GLOBEX).contacts().save(Contact.builder(ContactId.of(name), GLOBEX, name, name + "@globex.com")
                    .reachableForIntroductions(true).build());
        }
    }

    /** Ada asks to meet {@code target} of Globex: one consent ask lands in the outbox. */
    static void requestIntro(EcosystemClient client, String target) {
        client.as(ACME).intros().request(IntroRequest.builder(ContactId.of("ada"), GLOBEX, ContactId.of(target),
                "Both of us serve e-commerce teams").build());
    }

    /** A mailer that records sends, can hold them at a gate, and counts how many run at once. */
    static final class GatedMailer implements Mailer {
        final List<EmailMessage> sent = new CopyOnWriteArrayList<>();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        final CountDownLatch entered = new CountDownLatch(1);
        volatile CountDownLatch gate = new CountDownLatch(0);
        volatile boolean refuse;

        @Override
        public MailReceipt send(EmailMessage message) {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                entered.countDown();
                if (!gate.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never opened the gate");
                }
                if (refuse) {
                    throw ProviderException.refused("gated", 550, null, "mailbox unavailable");
                }
                sent.add(message);
                return new MailReceipt(message.messageId(), "p-" + sent.size(), null, java.time.Instant.now());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                inFlight.decrementAndGet();
            }
        }

        @Override
        public String provider() {
            return "gated";
        }
    }

    /** A store whose every transaction fails while {@link #down} is set, as an unreachable database does. */
    static final class SwitchableStore implements PartnerStore {
        private final PartnerStore delegate;
        volatile boolean down;

        SwitchableStore(PartnerStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public <T> T inTransaction(Function<StoreTransaction, T> work) {
            if (down) {
                throw ProviderException.unavailable("test-store", "connection refused", null);
            }
            return delegate.inTransaction(work);
        }
    }
}
