package dev.ecosystem.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.model.EmailAddress;
import dev.ecosystem.model.EmailMessage;
import dev.ecosystem.model.MailReceipt;
import dev.ecosystem.spi.Mailer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Mailer} must keep. Extend it in your adapter's test and implement the two hooks: the
 * mailer under test, and what the provider behind it actually received (for SMTP, the messages a test server got;
 * for an HTTP API, the decoded requests a stub recorded).
 */
public abstract class MailerContract {

    /** For subclasses: the adapter's test class extends the kit. */
    protected MailerContract() {
    }

    private Mailer mailer;

    /** The factory hook: a fresh mailer whose provider has received nothing yet. */
    protected abstract Mailer createMailer();

    /** What the provider has received so far, in order of arrival. */
    protected abstract List<Delivery> deliveries();

    @BeforeEach
    void setUpMailer() {
        mailer = createMailer();
    }

    @Test
    @DisplayName("A send delivers the message once, with its own Message-ID, recipients and subject")
    void send_deliversMessageWithItsIdRecipientsAndSubject() {
        EmailMessage message = message("Introduction: Ada meets Grace")
                .to(EmailAddress.of("grace@example.org", "Grace Hopper"))
                .cc(EmailAddress.of("linus@example.net"))
                .build();

        MailReceipt receipt = mailer.send(message);

        assertThat(receipt.messageId()).isEqualTo(message.messageId());
        assertThat(receipt.sentAt()).isNotNull();
        assertThat(deliveries()).containsExactly(new Delivery(message.messageId(),
                List.of("grace@example.org", "linus@example.net"), "Introduction: Ada meets Grace"));
    }

    @Test
    @DisplayName("Sending the same Message-ID again returns the first receipt and delivers nothing more")
    void send_sameMessageIdTwice_deliversOnce() {
        EmailMessage message = message("Once only").to(EmailAddress.of("grace@example.org")).build();

        MailReceipt first = mailer.send(message);
        MailReceipt second = mailer.send(message);

        assertFirstReceipt(second, first);
        assertDeliveredOnce();
    }

    @Test
    @DisplayName("A resend of a message this mailer already sent returns the first receipt and delivers nothing more")
    void resend_afterSend_deliversOnce() {
        EmailMessage message = message("Sent before").to(EmailAddress.of("grace@example.org")).build();

        MailReceipt first = mailer.send(message);
        MailReceipt again = mailer.resend(message);

        assertFirstReceipt(again, first);
        assertDeliveredOnce();
    }

    @Test
    @DisplayName("The same message sent from several threads at once is delivered once")
    void send_sameMessageConcurrently_deliversOnce() throws Exception {
        EmailMessage message = message("Race").to(EmailAddress.of("grace@example.org")).build();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<MailReceipt>> receipts = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                receipts.add(pool.submit(() -> {
                    start.await();
                    return mailer.send(message);
                }));
            }
            start.countDown();
            MailReceipt first = receipts.get(0).get(60, TimeUnit.SECONDS);
            for (Future<MailReceipt> receipt : receipts) {
                assertFirstReceipt(receipt.get(60, TimeUnit.SECONDS), first);
            }
        } finally {
            pool.shutdownNow();
        }
        assertDeliveredOnce();
    }

    @Test
    @DisplayName("Different messages sent from several threads are each delivered exactly once")
    void send_distinctMessagesConcurrently_eachDeliveredOnce() throws Exception {
        List<EmailMessage> messages = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            messages.add(message("Message " + i).to(EmailAddress.of("r" + i + "@example.org")).build());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<MailReceipt>> receipts = new ArrayList<>();
            for (EmailMessage message : messages) {
                receipts.add(pool.submit(() -> mailer.send(message)));
            }
            for (Future<MailReceipt> receipt : receipts) {
                receipt.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(deliveries()).extracting(Delivery::messageId)
                .containsExactlyInAnyOrderElementsOf(messages.stream().map(EmailMessage::messageId).toList());
    }

    @Test
    @DisplayName("Non-ASCII subjects and names arrive intact")
    void send_nonAsciiSubject_arrivesIntact() {
        String subject = "Kennenlernen: Jürgen Größ trifft 李雷 — ça va?";
        EmailMessage message = EmailMessage.builder(newMessageId(), EmailAddress.of("zoë@example.com", "Zoë Ångström"),
                        subject)
                .to(EmailAddress.of("li@example.cn", "李雷"))
                .text("Grüße")
                .build();

        mailer.send(message);

        assertThat(deliveries()).singleElement().extracting(Delivery::subject).isEqualTo(subject);
    }

    @Test
    @DisplayName("A reply keeps the thread: it is delivered with its own Message-ID")
    void send_reply_isDeliveredWithItsOwnId() {
        EmailMessage first = message("Thread start").to(EmailAddress.of("grace@example.org")).build();
        MailReceipt firstReceipt = mailer.send(first);
        EmailMessage reply = message("Re: Thread start")
                .to(EmailAddress.of("grace@example.org"))
                .inReplyTo(first.messageId())
                .reference(first.messageId())
                .threadId(firstReceipt.threadId())
                .build();

        MailReceipt replyReceipt = mailer.send(reply);

        assertThat(replyReceipt.messageId()).isEqualTo(reply.messageId());
        assertThat(deliveries()).extracting(Delivery::messageId).containsExactly(first.messageId(), reply.messageId());
    }

    @Test
    @DisplayName("No field of a message can carry CR or LF into a header")
    void message_headerInjection_isImpossible() {
        assertThatThrownBy(() -> message("Hello\r\nBcc: victim@example.com").to(EmailAddress.of("a@example.org"))
                .build()).isInstanceOf(ValidationException.class).hasMessageContaining("subject");
        assertThatThrownBy(() -> EmailAddress.of("a@example.org", "Eve\nBcc: victim@example.com"))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> EmailAddress.of("a@example.org\r\nBcc: victim@example.com"))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> EmailMessage.builder("<x\r\n@example.com>", EmailAddress.of("a@example.org"), "s")
                .to(EmailAddress.of("b@example.org")).build()).isInstanceOf(ValidationException.class);
        assertThat(deliveries()).isEmpty();
    }

    /**
     * Fails with the rule, not a field-by-field diff of two receipts, when a repeated send of a Message-ID did not
     * return the first receipt.
     */
    static void assertFirstReceipt(MailReceipt again, MailReceipt first) {
        assertThat(again)
                .withFailMessage("the same Message-ID must return the first receipt (sends are idempotent on the "
                        + "Message-ID), but the first send returned%n  %s%nand the repeated one%n  %s", first, again)
                .isEqualTo(first);
    }

    private void assertDeliveredOnce() {
        List<Delivery> delivered = deliveries();
        assertThat(delivered)
                .withFailMessage("the same Message-ID must be delivered once, but the provider received it %d times",
                        delivered.size())
                .hasSize(1);
    }

    /** A message builder from the contract's sender with a fresh Message-ID and a short body. */
    protected static EmailMessage.Builder message(String subject) {
        return EmailMessage.builder(newMessageId(), EmailAddress.of("ada@example.com", "Ada Lovelace"), subject)
                .text("Hello,\r\nthis is a test.\r\n")
                .html("<p>Hello,<br>this is a test.</p>");
    }

    /** A fresh Message-ID. */
    protected static String newMessageId() {
        return "<" + UUID.randomUUID() + "@contract.ecosystem.dev>";
    }
}
