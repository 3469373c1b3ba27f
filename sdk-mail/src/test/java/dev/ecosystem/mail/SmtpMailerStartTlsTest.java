package dev.ecosystem.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.model.EmailAddress;
import dev.ecosystem.model.EmailMessage;
import dev.ecosystem.model.MailReceipt;
import dev.ecosystem.spi.ProviderException;
import java.util.UUID;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;

/**
 * The default security, {@link SmtpMailer.Security#STARTTLS}, against SubEthaSMTP, a real server that implements the
 * STARTTLS command (GreenMail does not). The server offers STARTTLS without requiring it, so these tests show that
 * the mailer itself insists on the upgrade.
 */
class SmtpMailerStartTlsTest {
    private static final SSLSocketFactory TRUST = LocalhostTls.trustingLocalhost();
    private static final String USER = "ada";
    private static final String PASSWORD = "s3cret-Pa55";

    private static EmailMessage message() {
        return EmailMessage.builder("<" + UUID.randomUUID() + "@intro.example.com>",
                        EmailAddress.of("ada@example.com", "Ada Lovelace"), "Intro: Ada <> Grace")
                .to(EmailAddress.of("grace@example.org"))
                .cc(EmailAddress.of("linus@example.net"))
                .text("Hello")
                .build();
    }

    private static SmtpMailer.Builder mailer(String host, SubEthaSmtpServer server) {
        return SmtpMailer.builder().host(host).port(server.port());   // security left at its default
    }

    @Test
    void send_byDefault_upgradesWithStartTlsBeforeAuthAndMailFrom() {
        try (SubEthaSmtpServer server = SubEthaSmtpServer.start("127.0.0.1", true, USER, PASSWORD)) {
            EmailMessage message = message();

            MailReceipt receipt = mailer("localhost", server).sslSocketFactory(TRUST).password(USER, PASSWORD)
                    .build().send(message);

            assertThat(receipt.messageId()).isEqualTo(message.messageId());
            assertThat(server.logins()).containsExactly(new SubEthaSmtpServer.Login(USER, true));
            assertThat(server.received()).singleElement().satisfies(received -> {
                assertThat(received.tlsAtMailFrom()).as("TLS active at MAIL FROM").isTrue();
                assertThat(received.from()).isEqualTo("ada@example.com");
                assertThat(received.recipients()).containsExactly("grace@example.org", "linus@example.net");
                assertThat(TestMail.parse(received.data()).getMessageID()).isEqualTo(message.messageId());
            });
        }
    }

    @Test
    void send_serverNotOfferingStartTls_isRefusedBeforeThePasswordIsSent() {
        try (SubEthaSmtpServer server = SubEthaSmtpServer.start("127.0.0.1", false, USER, PASSWORD)) {
            SmtpMailer mailer = mailer("localhost", server).sslSocketFactory(TRUST).password(USER, PASSWORD).build();

            assertThatThrownBy(() -> mailer.send(message()))
                    .isInstanceOfSatisfying(ProviderException.class, e -> {
                        assertThat(e.retryable()).isFalse();
                        assertThat(e.provider()).isEqualTo("smtp");
                    })
                    .hasMessageContaining("does not offer STARTTLS")
                    .hasMessageContaining("refused");
            assertThat(server.logins()).isEmpty();
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void send_wrongPasswordOverStartTls_failsWithClearNonRetryableAuthError() {
        try (SubEthaSmtpServer server = SubEthaSmtpServer.start("127.0.0.1", true, USER, PASSWORD)) {
            String wrong = "wr0ng-Secret";
            SmtpMailer mailer = mailer("localhost", server).sslSocketFactory(TRUST).password(USER, wrong).build();

            assertThatThrownBy(() -> mailer.send(message()))
                    .isInstanceOfSatisfying(ProviderException.class, e -> {
                        assertThat(e.retryable()).isFalse();
                        assertThat(e.status()).isEqualTo(535);
                    })
                    .hasMessageContaining("rejected the password for " + USER)
                    .message().doesNotContain(wrong).doesNotContain(PASSWORD);
            assertThat(server.logins()).containsExactly(new SubEthaSmtpServer.Login(USER, true));
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void send_certificateForAnotherHostName_isRefusedBeforeThePasswordIsSent() {
        // The certificate names localhost and 127.0.0.1; a server reached as 127.0.0.2 must be rejected.
        try (SubEthaSmtpServer server = SubEthaSmtpServer.start("127.0.0.2", true, USER, PASSWORD)) {
            SmtpMailer mailer = mailer("127.0.0.2", server).sslSocketFactory(TRUST).password(USER, PASSWORD).build();

            assertThatThrownBy(() -> mailer.send(message()))
                    .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retryable()).isFalse())
                    .hasMessageContaining("issued for this host name");
            assertThat(server.logins()).isEmpty();
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void send_untrustedCertificate_isRefusedBeforeThePasswordIsSent() {
        try (SubEthaSmtpServer server = SubEthaSmtpServer.start("127.0.0.1", true, USER, PASSWORD)) {
            SmtpMailer mailer = mailer("localhost", server).password(USER, PASSWORD).build();   // JVM's CAs only

            assertThatThrownBy(() -> mailer.send(message()))
                    .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retryable()).isFalse())
                    .hasMessageContaining("certificate");
            assertThat(server.logins()).isEmpty();
            assertThat(server.received()).isEmpty();
        }
    }
}
