package dev.ecosystem.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.ecosystem.spi.Mailer;
import dev.ecosystem.testkit.Delivery;
import dev.ecosystem.testkit.MailerContract;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contract against GreenMail, a real SMTP server, over implicit TLS with a verified certificate. */
class SmtpMailerContractTest extends MailerContract {
    private static final SSLSocketFactory TRUST = LocalhostTls.trustingLocalhost();

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(
            TestMail.patient(ServerSetupTest.SMTPS.dynamicPort()))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("ada@example.com", "ada", "s3cret"));

    @Override
    protected Mailer createMailer() {
        return SmtpMailer.builder().host("localhost").port(GREENMAIL.getSmtps().getPort())
                .security(SmtpMailer.Security.IMPLICIT_TLS).sslSocketFactory(TRUST)
                .password("ada", "s3cret").build();
    }

    @Override
    protected List<Delivery> deliveries() {
        return deliveries(GREENMAIL.getReceivedMessages());
    }

    /**
     * GreenMail stores one copy per recipient; an SMTP transaction with n recipients therefore shows up n times.
     * Counting copies per Message-ID and dividing by the recipient count gives the number of transactions.
     */
    static List<Delivery> deliveries(MimeMessage[] received) {
        Map<String, List<Delivery>> byId = new LinkedHashMap<>();
        for (MimeMessage message : received) {
            Delivery delivery = TestMail.delivery(message);
            byId.computeIfAbsent(delivery.messageId(), id -> new ArrayList<>()).add(delivery);
        }
        List<Delivery> result = new ArrayList<>();
        for (List<Delivery> copies : byId.values()) {
            int transactions = copies.size() / copies.get(0).recipients().size();
            for (int i = 0; i < transactions; i++) {
                result.add(copies.get(0));
            }
        }
        return result;
    }
}
