package dev.ecosystem.mail;

import dev.ecosystem.spi.Mailer;
import dev.ecosystem.testkit.Delivery;
import dev.ecosystem.testkit.MailerContract;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** The contract with the mailer's defaults (STARTTLS required, password auth) against SubEthaSMTP. */
class SmtpMailerStartTlsContractTest extends MailerContract {
    private SubEthaSmtpServer server;

    @Override
    protected Mailer createMailer() {
        server = SubEthaSmtpServer.start("127.0.0.1", true, "ada", "s3cret");
        return SmtpMailer.builder().host("localhost").port(server.port())
                .sslSocketFactory(LocalhostTls.trustingLocalhost()).password("ada", "s3cret").build();
    }

    @Override
    protected List<Delivery> deliveries() {
        return server.received().stream()
                .map(received -> TestMail.delivery(TestMail.parse(received.data())))
                .toList();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }
}
