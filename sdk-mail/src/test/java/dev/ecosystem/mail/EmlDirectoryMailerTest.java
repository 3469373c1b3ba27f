package dev.ecosystem.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecosystem.model.EmailAddress;
import dev.ecosystem.model.EmailMessage;
import dev.ecosystem.model.MailReceipt;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmlDirectoryMailerTest {
    @TempDir
    Path directory;
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-02T09:00:00Z"), ZoneOffset.UTC);

    private static EmailMessage message(String id) {
        return EmailMessage.builder(id, EmailAddress.of("ada@example.com", "Ada"), "Intro: Ada <> Grace")
                .to(EmailAddress.of("grace@example.org")).text("Hello\nGrace").html("<p>Hello</p>").build();
    }

    @Test
    void send_writesOneReadableEmlFileWithCrlfAndNoTemporaryLeftovers() throws Exception {
        MailReceipt receipt = EmlDirectoryMailer.create(directory, clock).send(message("<a1@intro.example.com>"));

        Path file = directory.resolve(receipt.providerMessageId());
        assertThat(directory.toFile().list()).containsExactly(file.getFileName().toString());
        assertThat(file.getFileName().toString()).startsWith("a1@intro.example.com-").endsWith(".eml");
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        assertThat(text).contains("Message-ID: <a1@intro.example.com>\r\n").contains("Subject: Intro: Ada <> Grace\r\n")
                .contains("Date: Mon, 2 Nov 2026 09:00:00 +0000");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n");
        assertThat(receipt.threadId()).isEqualTo("<a1@intro.example.com>");
    }

    @Test
    void send_sameMessageIdFromAnotherInstance_isNotWrittenAgain() throws Exception {
        EmlDirectoryMailer.create(directory, clock).send(message("<a2@intro.example.com>"));
        Path file = directory.resolve(directory.toFile().list()[0]);
        byte[] before = Files.readAllBytes(file);

        MailReceipt again = EmlDirectoryMailer.create(directory, Clock.systemUTC()).send(message("<a2@intro.example.com>"));

        assertThat(directory.toFile().list()).hasSize(1);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(again.providerMessageId()).isEqualTo(file.getFileName().toString());
    }

    @Test
    void fileName_hostileMessageIdStaysInsideTheDirectory() {
        String name = EmlDirectoryMailer.fileName("<../../etc/passwd@x.y>");

        assertThat(name).doesNotContain("/").doesNotContain("\\\\").startsWith(".._.._etc_passwd@x.y-");
        assertThat(EmlDirectoryMailer.fileName("<a/b@x>")).isNotEqualTo(EmlDirectoryMailer.fileName("<a_b@x>"));
    }
}
