package dev.ecosystem.mail;

import dev.ecosystem.http.Sleeper;
import com.icegreen.greenmail.util.ServerSetup;
import dev.ecosystem.testkit.Delivery;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

/** Test helpers: parse what a provider received, GreenMail set-ups, and a sleeper that records instead of sleeping. */
final class TestMail {
    private static final Session PARSING;

    static {
        Properties properties = new Properties();
        properties.setProperty("mail.mime.allowutf8", "true");
        PARSING = Session.getInstance(properties);
    }

    private TestMail() {
    }

    /**
     * Lets GreenMail wait up to 30 seconds for its servers to start: its 2-second default fails on a loaded build
     * machine. The set-ups must be copies (as {@code dynamicPort()} returns), not GreenMail's shared constants.
     */
    static ServerSetup[] patient(ServerSetup... setups) {
        for (ServerSetup setup : setups) {
            setup.setServerStartupTimeout(30_000);
        }
        return setups;
    }

    static MimeMessage parse(byte[] rfc5322) {
        try {
            return new MimeMessage(PARSING, new ByteArrayInputStream(rfc5322));
        } catch (MessagingException e) {
            throw new AssertionError("not a parseable RFC 5322 message", e);
        }
    }

    static Delivery delivery(MimeMessage message) {
        try {
            List<String> recipients = new ArrayList<>();
            for (Message.RecipientType type : List.of(Message.RecipientType.TO, Message.RecipientType.CC)) {
                Address[] addresses = message.getRecipients(type);
                if (addresses != null) {
                    for (Address address : addresses) {
                        recipients.add(((InternetAddress) address).getAddress());
                    }
                }
            }
            return new Delivery(message.getMessageID(), recipients, message.getSubject());
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }

    /** Records every requested wait and returns at once. */
    static final class RecordingSleeper implements Sleeper {
        final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void sleep(Duration duration) {
            sleeps.add(duration);
        }
    }
}
