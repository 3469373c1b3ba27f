package dev.ecosystem.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.intro.IntroRequest;
import dev.ecosystem.intro.IntroSettings;
import dev.ecosystem.intro.TemplateIntroDrafter;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.EmailAddress;
import dev.ecosystem.model.Introduction;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The introduction workflow's emails through a real MIME renderer: non-ASCII names and subjects are RFC 2047
 * encoded, headers stay ASCII and single-line, and user text cannot add a recipient.
 */
class IntroEmailRenderingTest {
    private static final CompanyId NORD = CompanyId.of("co-nord");
    private static final CompanyId SUD = CompanyId.of("co-sud");

    @TempDir
    Path directory;

    @Test
    void introductionEmails_renderWithEncodedNonAsciiHeaders_andNoInjectedRecipients() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-02T09:00:00Z"), ZoneOffset.UTC);
        EcosystemClient client = EcosystemClient.builder()
                .clock(clock)
                .mailer(EmlDirectoryMailer.create(directory, clock))
                .intros(IntroSettings.builder().drafter(TemplateIntroDrafter.create())
                        .sender(EmailAddress.of("intros@hub.example.com", "Partner Hub")).build())
                .build();
        client.register(Company.builder(NORD, "Nordlys Ægir AS").listed(true).build());
        client.register(Company.builder(SUD, "Süd Zahlungen GmbH").listed(true).build());
        client.as(NORD).contacts().save(Contact.builder(ContactId.of("s"), NORD, "Søren Ødegård", "soren@nord.no")
                .reachableForIntroductions(true).build());
        client.as(SUD).contacts().save(Contact.builder(ContactId.of("j"), SUD, "Jürgen Müller", "jurgen@sud.de")
                .reachableForIntroductions(true).build());

        Introduction intro = client.as(NORD).intros().request(IntroRequest.builder(ContactId.of("s"), SUD,
                ContactId.of("j"), "Grüße!\r\nBcc: evil@attacker.example\r\n").build());
        client.as(SUD).intros().accept(intro.id(), ContactId.of("j"));
        client.intros().runDue(clock.instant());

        List<MimeMessage> messages = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.sorted().toList()) {
                String raw = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                String headers = raw.substring(0, raw.indexOf("\r\n\r\n"));
                assertThat(headers).as("headers of " + file).matches("[\\x00-\\x7F]*")
                        // a header line, not the letters: random Message-IDs are hex and may hold "bcc"
                        .doesNotContainPattern(Pattern.compile("(?im)^bcc:")).doesNotContain("attacker");
                try (InputStream in = Files.newInputStream(file)) {
                    messages.add(new MimeMessage(Session.getInstance(new Properties()), in));
                }
            }
        }
        assertThat(messages).hasSize(2);
        MimeMessage joint = messages.stream().filter(m -> {
            try {
                return m.getSubject().startsWith("Introduction:");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElseThrow();
        assertThat(joint.getSubject())
                .isEqualTo("Introduction: Søren Ødegård (Nordlys Ægir AS) and Jürgen Müller (Süd Zahlungen GmbH)");
        assertThat(joint.getHeader("Subject")[0]).contains("=?");
        assertThat(joint.getRecipients(Message.RecipientType.TO)).extracting(a -> ((InternetAddress) a).getPersonal())
                .containsExactly("Søren Ødegård", "Jürgen Müller");
        assertThat(((InternetAddress) joint.getFrom()[0]).getPersonal()).isEqualTo("Søren Ødegård via Partner Hub");
        assertThat(joint.getAllRecipients()).hasSize(2);
    }
}
