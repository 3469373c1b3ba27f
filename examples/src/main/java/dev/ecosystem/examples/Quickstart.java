package dev.ecosystem.examples;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.TenantScope;
import dev.ecosystem.intro.IntroRequest;
import dev.ecosystem.io.CrmFiles;
import dev.ecosystem.io.Network;
import dev.ecosystem.io.NetworkFiles;
import dev.ecosystem.mail.EmlDirectoryMailer;
import dev.ecosystem.memory.InMemoryCrm;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.EmailAddress;
import dev.ecosystem.model.EmailMessage;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.model.Partnership;
import dev.ecosystem.model.PartnershipStatus;
import dev.ecosystem.overlap.Overlaps;
import dev.ecosystem.spi.CrmConnections;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The quickstart: the SDK on its embedded defaults (in-memory store, CRMs and mailer; no server, no credentials) over
 * the shipped sample network. Run it with {@code ./mvnw -q -Pquickstart -pl examples -am package}.
 */
public final class Quickstart {
    static final CompanyId MAILCADENCE = CompanyId.of("co-0001");
    static final CompanyId LEDGERLINE = CompanyId.of("co-0002");

    private Quickstart() {
    }

    /** Runs every step and prints what it sees. */
    public static void main(String[] args) {
        Clock clock = Clock.fixed(Instant.parse("2026-11-02T09:00:00Z"), ZoneOffset.UTC);
        InMemoryCrm mailcadenceCrm = InMemoryCrm.of(MAILCADENCE,
                readSample("crm/co-0001/accounts.csv", in -> CrmFiles.readAccounts(MAILCADENCE, in)),
                readSample("crm/co-0001/deals.csv", in -> CrmFiles.readDeals(MAILCADENCE, in)));
        InMemoryCrm ledgerlineCrm = InMemoryCrm.of(LEDGERLINE,
                readSample("crm/co-0002/accounts.csv", in -> CrmFiles.readAccounts(LEDGERLINE, in)),
                readSample("crm/co-0002/deals.csv", in -> CrmFiles.readDeals(LEDGERLINE, in)));
        Path out = Path.of("quickstart-out");
        EmlDirectoryMailer emails = EmlDirectoryMailer.create(out.resolve("emails"), clock);
        EcosystemClient client = EcosystemClient.builder()
                .crm(CrmConnections.of(mailcadenceCrm, ledgerlineCrm))
                .mailer(message -> {
                    printEmail(message);
                    return emails.send(message);
                })
                .clock(clock)
                .build();

        Network network = readSample("companies.csv", companies ->
                readSample("contacts.csv", contacts -> NetworkFiles.readCsv(companies, contacts)));
        network.storeInto(client.store());
        long listed = network.companies().stream().filter(Company::listed).count();
        System.out.printf("Network: %,d companies (%,d listed), %,d contacts%n",
                network.companies().size(), listed, network.contacts().size());

        TenantScope mailcadence = client.as(MAILCADENCE);
        TenantScope ledgerline = client.as(LEDGERLINE);
        Company profile = mailcadence.network().profile();
        System.out.printf("Acting as %s (%s): business %s%n", profile.name(), profile.webDomain(),
                profile.businessTags());
        mailcadence.partnerships().create(LEDGERLINE, PartnerType.TECHNOLOGY, PartnershipStatus.ACTIVE);
        ledgerline.partnerships().create(MAILCADENCE, PartnerType.TECHNOLOGY, PartnershipStatus.ACTIVE);
        Partnership partnership = Objects.requireNonNull(mailcadence.partnerships().findByPartner(LEDGERLINE));
        System.out.printf("Partnership: %s -> %s, %s partner, %s since %s%n", profile.name(),
                ledgerline.network().profile().name(), partnership.type(), partnership.status(), partnership.since());

        printSync(profile.name(), mailcadence.overlaps().syncCrm());
        printSync(ledgerline.network().profile().name(), ledgerline.overlaps().syncCrm());

        introduce(client, mailcadence, ledgerline);
        System.out.println("\nThe emails are in " + emails.directory().toAbsolutePath() + " as .eml files.");
    }

    /** One warm introduction, from request to connection: the ask, the target's yes, the joint email. */
    private static void introduce(EcosystemClient client, TenantScope mailcadence, TenantScope ledgerline) {
        ContactId priya = ContactId.of("ct-00001");   // Mailcadence, Director of Strategic Alliances
        ContactId sophie = ContactId.of("ct-00005");  // Ledgerline, Head of Partnerships
        System.out.println("\n== Warm introduction (double opt-in) ==");
        Introduction intro = mailcadence.intros().request(IntroRequest.builder(priya, LEDGERLINE, sophie,
                        "Mailcadence's e-commerce customers keep asking for subscription billing that syncs with "
                                + "their email flows")
                .idempotencyKey("quickstart-intro-1")
                .build());
        client.intros().runDue(client.clock().instant());      // sends the consent ask to Sophie
        intro = ledgerline.intros().accept(intro.id(), sophie); // or client.intros().redeem(token) from her link
        client.intros().runDue(client.clock().instant());      // sends the joint introduction
        System.out.printf("Introduction %s is %s%n", intro.id(), intro.status());
        intro.history().forEach(step -> System.out.printf("  %s -> %s by %s: %s%n",
                step.from() == null ? "(new)" : step.from(), step.to(), step.actor(), step.reason()));
    }

    private static void printEmail(EmailMessage email) {
        System.out.printf("%n--- To: %s  Cc: %s%nSubject: %s%n%s", addresses(email.to()), addresses(email.cc()),
                email.subject(), email.textBody());
    }

    private static List<String> addresses(List<EmailAddress> list) {
        return list.stream().map(EmailAddress::address).toList();
    }

    private static void printSync(String tenant, Overlaps.SyncResult result) {
        System.out.printf("CRM of %s synced: %,d accounts, %,d deals%n", tenant, result.accounts(), result.deals());
    }

    /** Reads a file of the shipped sample network from the classpath. */
    static <T> T readSample(String name, Function<Reader, T> read) {
        InputStream in = Quickstart.class.getResourceAsStream("/sample/" + name);
        Objects.requireNonNull(in, () -> "sample file missing from the classpath: " + name);
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return read.apply(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
