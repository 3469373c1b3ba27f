package dev.ecosystem.examples;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.attribution.Attribution;
import dev.ecosystem.attribution.AttributionData;
import dev.ecosystem.attribution.FxRates;
import dev.ecosystem.attribution.ReportPeriod;
import dev.ecosystem.attribution.Scorecard;
import dev.ecosystem.TenantScope;
import dev.ecosystem.intro.IntroFunnel;
import dev.ecosystem.intro.IntroRequest;
import dev.ecosystem.io.CrmFiles;
import dev.ecosystem.io.Network;
import dev.ecosystem.io.NetworkFiles;
import dev.ecosystem.ledger.Ledger;
import dev.ecosystem.ledger.TouchpointRequest;
import dev.ecosystem.mail.EmlDirectoryMailer;
import dev.ecosystem.memory.InMemoryCrm;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.DealStatus;
import dev.ecosystem.model.EmailAddress;
import dev.ecosystem.model.EmailMessage;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.Money;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.model.Partnership;
import dev.ecosystem.model.PartnershipStatus;
import dev.ecosystem.model.Population;
import dev.ecosystem.model.Prospect;
import dev.ecosystem.model.Touchpoint;
import dev.ecosystem.model.TouchpointKind;
import dev.ecosystem.navigator.CategoryRelations;
import dev.ecosystem.navigator.CriterionScore;
import dev.ecosystem.model.IdealPartnerProfile;
import dev.ecosystem.navigator.PartnerMatch;
import dev.ecosystem.navigator.TagTaxonomy;
import dev.ecosystem.overlap.CoSellEntry;
import dev.ecosystem.overlap.Overlaps;
import dev.ecosystem.model.SharingPolicy;
import dev.ecosystem.spi.CrmConnections;
import dev.ecosystem.spi.Draft;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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
    private static final String QUILLFEATHER = "Quillfeather";

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
                .tagTaxonomy(TagTaxonomy.builder()
                        .parent("business:email-marketing", "business:martech")
                        .parent("business:marketing-automation", "business:martech")
                        .synonym("business:ecommerce", "business:e-commerce")
                        .build())
                .categoryRelations(CategoryRelations.builder()
                        .feeds("crm", "email-marketing")
                        .feeds("e-commerce", "email-marketing")
                        .feeds("email-marketing", "analytics")
                        .build())
                .clock(clock)
                .build();

        Network network = sampleNetwork();
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

        findPartners(mailcadence);
        mapAccounts(mailcadence, ledgerline);
        introduce(client, mailcadence, ledgerline);
        prospectBecomesDeal(mailcadence, mailcadenceCrm, clock);
        System.out.println("\nThe emails are in " + emails.directory().toAbsolutePath() + " as .eml files.");
        scorecard(client, mailcadence, clock, out);
    }

    /** Navigator: Mailcadence's ideal technology partner, and the best five matches with why they scored. */
    private static void findPartners(TenantScope mailcadence) {
        IdealPartnerProfile ideal = IdealPartnerProfile.builder(PartnerType.TECHNOLOGY)
                .requireBusiness("saas")
                .preferBusiness("crm", 3).preferBusiness("ecommerce", 2).preferBusiness("analytics", 1)
                .preferRole("partnerships", 2)
                .excludeBusiness("agency")
                .preferSignal("has-open-api", 2).preferSignal("runs-partner-program", 1)
                .build();
        System.out.println("\n== Navigator: top technology partners for Mailcadence ==");
        for (PartnerMatch match : mailcadence.navigator().search(ideal, PageRequest.first(5)).items()) {
            System.out.printf("%5.1f  %s (%s)%n", match.score(), match.company().name(), match.company().id());
            for (CriterionScore criterion : match.criteria()) {
                System.out.printf("         %-15s %5.1f  matched %s, missing %s%n", criterion.criterion(),
                        criterion.points(), criterion.matched(), criterion.missing());
            }
        }
    }

    /** Account mapping: each side shares what it chooses; Mailcadence sees the matrix and whom to ask for intros. */
    private static void mapAccounts(TenantScope mailcadence, TenantScope ledgerline) {
        ledgerline.overlaps().shareWith(MAILCADENCE, SharingPolicy.builder()
                .records(Population.CUSTOMERS, "name", "domain")
                .counts(Population.OPEN_OPPORTUNITIES)
                .counts(Population.PROSPECTS)
                .minimumCount(5)
                .build());
        mailcadence.overlaps().shareWith(LEDGERLINE, SharingPolicy.builder()
                .records(Population.CUSTOMERS, "name", "domain")
                .records(Population.OPEN_OPPORTUNITIES, "name", "domain", "openDeals")
                .counts(Population.PROSPECTS)
                .build());
        System.out.println("\n== Account mapping: Mailcadence x Ledgerline (as Ledgerline's policy allows) ==");
        System.out.println("(customers exact, as records; open opportunities and prospects noised, as counts only)");
        System.out.println(mailcadence.overlaps().matrix(LEDGERLINE).render());
        System.out.println("Ask Ledgerline for an intro (our open deals at their customers), largest first:");
        for (CoSellEntry ask : mailcadence.overlaps().askForIntro(LEDGERLINE, PageRequest.first(5)).items()) {
            Deal deal = Objects.requireNonNull(ask.myDeal(), "an ask-for-intro entry carries our deal");
            System.out.printf("  %-28s our deal %-40s %14s  %-22s matched by %s %s%n",
                    ask.theirAccount().field("name"), deal.name(), deal.amount(), deal.stage(),
                    ask.match().method(), ask.match().key());
        }
    }

    /**
     * One warm introduction, from request to connection: the ask, the target's yes, the joint email. Sophie can be
     * named because Ledgerline marked her reachable for introductions; anyone else at Ledgerline gets the same
     * refusal as an id that does not exist, and a request may name the company only (its intake contact answers).
     */
    private static void introduce(EcosystemClient client, TenantScope mailcadence, TenantScope ledgerline) {
        ContactId priya = ContactId.of("ct-00001");   // Mailcadence, Director of Strategic Alliances
        ContactId sophie = ContactId.of("ct-00005");  // Ledgerline, Head of Partnerships, reachable for introductions
        ContactId sara = ContactId.of("ct-00006");    // Ledgerline, CTO, not reachable
        String why = "Mailcadence's e-commerce customers keep asking for subscription billing that syncs with their "
                + "email flows";
        System.out.println("\n== Warm introduction (double opt-in) ==");
        for (ContactId hidden : List.of(sara, ContactId.of("ct-99999"))) {
            try {
                mailcadence.intros().preview(IntroRequest.builder(priya, LEDGERLINE, hidden, why).build());
            } catch (NotFoundException refused) {
                System.out.println("Refused alike: " + refused.getMessage());
            }
        }
        Draft preview = mailcadence.intros().preview(IntroRequest.builder(priya, LEDGERLINE, why).build());
        System.out.printf("Preview of an ask to Ledgerline's intake contact (no name shown): \"%s\" / %s%n",
                preview.subject(), preview.textBody().lines().findFirst().orElse(""));
        Introduction intro = mailcadence.intros().request(IntroRequest.builder(priya, LEDGERLINE, sophie, why)
                .prospect(Prospect.of(QUILLFEATHER, "quillfeather.shop"))   // not in Mailcadence's CRM yet
                .idempotencyKey("quickstart-intro-1")
                .build());
        client.intros().runDue(client.clock().instant());      // sends the consent ask to Sophie
        intro = ledgerline.intros().accept(intro.id(), sophie); // or client.intros().redeem(token) from her link
        client.intros().runDue(client.clock().instant());      // sends the joint introduction
        System.out.printf("Introduction %s is %s%n", intro.id(), intro.status());
        intro.history().forEach(step -> System.out.printf("  %s -> %s by %s: %s%n",
                step.from() == null ? "(new)" : step.from(), step.to(), step.actor(), step.reason()));
    }

    /**
     * The introduction pays off: Mailcadence's CRM gains a deal with the prospect it was about, and the next sync
     * credits Ledgerline with sourcing it (the introduction connected before the deal was created). Nobody named a
     * CRM id: the sync matched the deal's account to the prospect by its registrable domain.
     */
    private static void prospectBecomesDeal(TenantScope mailcadence, InMemoryCrm crm, Clock clock) {
        AccountId account = AccountId.of("qs-quillfeather");
        crm.putAll(List.of(Account.builder(MAILCADENCE, account, QUILLFEATHER + " Ltd").domain("www.quillfeather.shop")
                        .lifecycleStage("opportunity").build()),
                List.of(Deal.builder(MAILCADENCE, DealId.of("qs-deal-quillfeather"), "Quillfeather annual plan")
                        .account(account).amount(Money.of("24000", "USD")).stage("qualifiedtobuy", DealStatus.OPEN)
                        .createdAt(clock.instant().plus(Duration.ofDays(2))).build()));
        mailcadence.overlaps().syncChanges();
        for (Touchpoint credit : mailcadence.ledger().list(LEDGERLINE, TouchpointKind.INTRODUCTION,
                PageRequest.first(10)).items()) {
            System.out.printf("CRM sync credited %s's introduction on deal %s (%s), connected %s%n",
                    credit.partner(), credit.dealId(), QUILLFEATHER, credit.occurredAt());
        }
    }

    /**
     * Attribution: Mailcadence records which partner referred or co-sold its deals (here from the CRM's deal source),
     * then reports to Ledgerline what its referrals became.
     */
    private static void scorecard(EcosystemClient client, TenantScope mailcadence, Clock clock, Path out) {
        List<Deal> deals = readSample("crm/co-0001/deals.csv", in -> CrmFiles.readDeals(MAILCADENCE, in));
        List<CompanyId> partners = List.of(LEDGERLINE, CompanyId.of("co-0003"), CompanyId.of("co-0004"));
        for (CompanyId partner : partners) {
            if (mailcadence.partnerships().findByPartner(partner) == null) {
                mailcadence.partnerships().create(partner, PartnerType.SERVICES, PartnershipStatus.ACTIVE);
            }
        }
        Ledger ledger = mailcadence.ledger();
        for (Deal deal : deals) {
            CompanyId partner = partners.get(Math.floorMod(deal.id().value().hashCode(), partners.size()));
            String source = deal.properties().getOrDefault("deal_source", "");
            if (source.equals("Partner referral")) {
                ledger.record(TouchpointRequest.builder(partner, TouchpointKind.SOURCED_REFERRAL,
                                deal.createdAt().minus(Duration.ofDays(3)))
                        .deal(deal.id()).note("crm:deal_source").idempotencyKey("ref-" + deal.id()).build());
            } else if (source.equals("Event")) {
                Instant fiveDaysIn = deal.createdAt().plus(Duration.ofDays(5));
                ledger.record(TouchpointRequest.builder(partner, TouchpointKind.CO_SELL,
                                fiveDaysIn.isAfter(clock.instant()) ? clock.instant() : fiveDaysIn)
                        .deal(deal.id()).note("event").idempotencyKey("cosell-" + deal.id()).build());
            }
        }
        Attribution attribution = Attribution.builder().reportingCurrency("USD")
                .fxRates(FxRates.table()
                        .rate("EUR", "USD", LocalDate.of(2024, 1, 1), "1.09")
                        .rate("GBP", "USD", LocalDate.of(2024, 1, 1), "1.27")
                        .build())
                .clock(clock)
                .build();
        AttributionData data = AttributionData.read(mailcadence);
        LocalDate from = LocalDate.of(2026, 1, 1);
        LocalDate to = LocalDate.of(2027, 1, 1);
        IntroFunnel intros = mailcadence.intros()
                .funnel(from.atStartOfDay(ZoneOffset.UTC).toInstant(), to.atStartOfDay(ZoneOffset.UTC).toInstant(),
                        ChronoUnit.MONTHS);
        Scorecard card = attribution.scorecard(data, LEDGERLINE, "Ledgerline", ReportPeriod.custom(from, to), intros);
        System.out.println("\n== Partner scorecard for Ledgerline, 2026 (only Ledgerline's own figures) ==");
        System.out.println(card.toJson());
        Path html = out.resolve("scorecard.html");
        try {
            Files.createDirectories(out);
            Files.writeString(html, card.toHtml());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("The scorecard page is " + html.toAbsolutePath());
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
    /** The shipped sample network: companies and their contacts, ready to {@code storeInto} a store. */
    public static Network sampleNetwork() {
        return readSample("companies.csv", companies ->
                readSample("contacts.csv", contacts -> NetworkFiles.readCsv(companies, contacts)));
    }

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
