package dev.ecosystem.mail;

import dev.ecosystem.spi.Mailer;
import dev.ecosystem.testkit.Delivery;
import dev.ecosystem.testkit.MailerContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;

class EmlDirectoryMailerContractTest extends MailerContract {
    @TempDir
    Path root;
    private Path directory;

    @Override
    protected Mailer createMailer() {
        directory = root.resolve("outbox");
        // A clock that ticks a second per reading gives every file a distinct Date header to order them by.
        AtomicLong seconds = new AtomicLong(1_790_000_000L);
        Clock ticking = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochSecond(seconds.incrementAndGet());
            }
        };
        return EmlDirectoryMailer.create(directory, ticking);
    }

    @Override
    protected List<Delivery> deliveries() {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".eml")).map(f -> {
                try {
                    return TestMail.parse(Files.readAllBytes(f));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sorted(Comparator.comparing(EmlDirectoryMailerContractTest::sentDate))
                    .map(TestMail::delivery).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Date sentDate(MimeMessage message) {
        try {
            return message.getSentDate();
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }
}
