package dev.ecosystem.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.http.AccessTokenSource;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.ecosystem.spi.ProviderException;
import dev.ecosystem.model.EmailAddress;
import dev.ecosystem.model.EmailMessage;
import dev.ecosystem.model.MailReceipt;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SmtpMailerTest {
    private static final SSLSocketFactory TRUST = LocalhostTls.trustingLocalhost();

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(TestMail.patient(
            ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.SMTPS.dynamicPort()))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("ada@example.com", "ada", "s3cret"));

    private static EmailMessage message() {
        return EmailMessage.builder("<" + UUID.randomUUID() + "@intro.example.com>",
                        EmailAddress.of("ada@example.com", "Ada Lovelace"), "Intro: Ada <> Grace")
                .to(EmailAddress.of("grace@example.org"))
                .text("Hello")
                .build();
    }

    private SmtpMailer.Builder tls() {
        return SmtpMailer.builder().host("localhost").port(GREENMAIL.getSmtps().getPort())
                .security(SmtpMailer.Security.IMPLICIT_TLS).sslSocketFactory(TRUST);
    }

    @Test
    void send_serverWithoutStartTls_isRefusedByDefaultAndNothingIsSent() {
        SmtpMailer mailer = SmtpMailer.builder().host("localhost").port(GREENMAIL.getSmtp().getPort())
                .password("ada", "s3cret").build();

        assertThatThrownBy(() -> mailer.send(message()))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.provider()).isEqualTo("smtp");
                })
                .hasMessageContaining("does not offer STARTTLS");
        assertThat(GREENMAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void send_plainConnectionOnlyWhenExplicitlyChosen() {
        SmtpMailer mailer = SmtpMailer.builder().host("localhost").port(GREENMAIL.getSmtp().getPort())
                .security(SmtpMailer.Security.NONE).build();

        mailer.send(message());

        assertThat(GREENMAIL.getReceivedMessages()).hasSize(1);
    }

    @Test
    void send_wrongPassword_failsWithClearNonRetryableAuthError() {
        SmtpMailer mailer = tls().password("ada", "wrong").build();

        assertThatThrownBy(() -> mailer.send(message()))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.status()).isEqualTo(535);
                })
                .hasMessageContaining("rejected the password for ada")
                .message().doesNotContain("wrong");
        assertThat(GREENMAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void send_untrustedCertificate_isRefused() {
        SmtpMailer mailer = SmtpMailer.builder().host("localhost").port(GREENMAIL.getSmtps().getPort())
                .security(SmtpMailer.Security.IMPLICIT_TLS).password("ada", "s3cret").build();

        assertThatThrownBy(() -> mailer.send(message()))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("certificate");
        assertThat(GREENMAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void send_certificateForAnotherHostName_isRefused() {
        // The certificate names localhost and 127.0.0.1; a server reached as 127.0.0.2 must be rejected.
        GreenMail other = new GreenMail(TestMail.patient(
                new ServerSetup(0, "127.0.0.2", ServerSetup.PROTOCOL_SMTPS).dynamicPort()));
        other.start();
        try {
            SmtpMailer mailer = SmtpMailer.builder().host("127.0.0.2").port(other.getSmtps().getPort())
                    .security(SmtpMailer.Security.IMPLICIT_TLS).sslSocketFactory(TRUST).build();

            assertThatThrownBy(() -> mailer.send(message()))
                    .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retryable()).isFalse())
                    .hasMessageContaining("issued for this host name");
            assertThat(other.getReceivedMessages()).isEmpty();
        } finally {
            other.stop();
        }
    }

    @Test
    void send_xoauth2_rejectedTokenIsInvalidatedAndRetriedOnce() {
        List<String> invalidated = new ArrayList<>();
        AccessTokenSource tokens = new AccessTokenSource() {
            @Override
            public String accessToken() {
                return invalidated.isEmpty() ? "expired-token" : "s3cret";
            }

            @Override
            public void invalidate(String rejectedToken) {
                invalidated.add(rejectedToken);
            }
        };

        MailReceipt receipt = tls().oauth2("ada", tokens).build().send(message());

        assertThat(invalidated).containsExactly("expired-token");
        assertThat(receipt.providerMessageId()).isNull();
        assertThat(GREENMAIL.getReceivedMessages()).hasSize(1);
    }

    @Test
    void send_serverThatNeverAnswers_failsRetryableAfterReadTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                try (Socket connection = silent.accept()) {
                    connection.setSoTimeout(5_000);
                    connection.getInputStream().read();
                } catch (Exception done) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            SmtpMailer mailer = SmtpMailer.builder().host("localhost").port(silent.getLocalPort())
                    .readTimeout(Duration.ofMillis(300)).password("ada", "s3cret").build();

            assertThatThrownBy(() -> mailer.send(message()))
                    .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retryable()).isTrue());
            acceptor.interrupt();
        }
    }

    @Test
    void toString_neverPrintsThePassword() {
        assertThat(tls().password("ada", "s3cret").build().toString()).doesNotContain("s3cret");
    }
}
