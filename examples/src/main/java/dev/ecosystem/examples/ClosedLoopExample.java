package dev.ecosystem.examples;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.TenantScope;
import dev.ecosystem.attribution.Attribution;
import dev.ecosystem.attribution.AttributionData;
import dev.ecosystem.attribution.ReportPeriod;
import dev.ecosystem.attribution.Scorecard;
import dev.ecosystem.intro.IntroFunnel;
import dev.ecosystem.intro.IntroRequest;
import dev.ecosystem.memory.InMemoryCrm;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.DealStatus;
import dev.ecosystem.model.EmailAddress;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.Money;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.model.PartnershipStatus;
import dev.ecosystem.model.Prospect;
import dev.ecosystem.model.Touchpoint;
import dev.ecosystem.overlap.Overlaps;
import dev.ecosystem.referral.ReferralLine;
import dev.ecosystem.model.Registration;
import dev.ecosystem.model.RegistrationConflict;
import dev.ecosystem.referral.RegistrationCounts;
import dev.ecosystem.model.ReferredProspect;
import dev.ecosystem.spi.CrmConnections;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The revenue loop, closed on the embedded defaults: a partner registers a referral and the vendor accepts it; a
 * second partner's registration of the same account is flagged as a conflict; an introduction connects the vendor with
 * a partner about a brand-new prospect; the vendor's CRM gains deals for both accounts, and one sync credits both
 * partners as sourcing them, without anyone naming a CRM id. Run it with
 * {@code ./mvnw -q -Pquickstart -pl examples -am package -Dquickstart.main=dev.ecosystem.examples.ClosedLoopExample}.
 */
public final class ClosedLoopExample {
    static final CompanyId VENDOR = CompanyId.of("brightwave");
    static final CompanyId NORTHWIND = CompanyId.of("northwind");
    static final CompanyId CONTOSO = CompanyId.of("contoso");
    private static final ContactId ANA = ContactId.of("bw-ana");        // Brightwave, partnerships lead
    private static final ContactId NORA = ContactId.of("nw-nora");      // Northwind, partner manager
    private static final ContactId CARL = ContactId.of("co-carl");      // Contoso, alliances, reachable for intros
    private static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");

    private ClosedLoopExample() {
    }

    /** Runs the loop and prints each step. */
    public static void main(String[] args) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        InMemoryCrm crm = InMemoryCrm.of(VENDOR, List.of(
                account("a-100", "Globex Corporation", "globex.com", "customer")), List.of());
        try (EcosystemClient client = EcosystemClient.builder()
                .crm(CrmConnections.of(crm))
                .clock(clock)
                .build()) {
            TenantScope vendor = setUp(client);
            vendor.overlaps().syncCrm();

            Registration accepted = registerAndAccept(client, vendor);
            conflictingRegistration(client, vendor);
            introduceForProspect(client, vendor);

            System.out.println("\n== The CRM gains deals for both accounts; one sync links them ==");
            List<Deal> newDeals = List.of(deal("d-200", "a-200", "48000", NOW.plus(Duration.ofDays(3))),
                    deal("d-300", "a-300", "30000", NOW.plus(Duration.ofDays(5))));
            crm.putAll(List.of(account("a-200", "Initech", "initech.com", "opportunity"),
                    account("a-300", "Hooli XYZ", "hooli.xyz", "opportunity")), newDeals);
            Overlaps.SyncResult sync = vendor.overlaps().syncCrm();
            System.out.printf("Synced %d accounts and %d deals%n", sync.accounts(), sync.deals());
            List<Touchpoint> credits = vendor.ledger().list(PageRequest.first(100)).items();
            Map<DealId, Deal> deals = newDeals.stream().collect(Collectors.toMap(Deal::id, deal -> deal));
            for (Touchpoint credit : credits) {
                Deal deal = deals.get(credit.dealId());
                System.out.printf("SOURCED credit: %s for deal %s (%s %s), %s, from %s%n", credit.partner(),
                        credit.dealId(), deal.amount().amount().toPlainString(),
                        deal.amount().currency().getCurrencyCode(), credit.kind(), credit.origin());
            }

            vendor.overlaps().syncCrm();
            int after = vendor.ledger().list(PageRequest.first(100)).items().size();
            System.out.printf("A re-sync changes nothing: %d ledger entries before, %d after%n", credits.size(),
                    after);

            for (ReferralLine line : client.as(NORTHWIND).referrals().partnerView(VENDOR, PageRequest.first(10))
                    .items()) {
                System.out.printf("Northwind's view: %s is %s, %d open deal(s), pipeline %s%n",
                        line.registration().prospect().accountName(), line.registration().status(),
                        line.openDeals(), line.amountsShared() ? line.pipeline() : "not shared by Brightwave");
            }
            System.out.printf("Northwind's registration %s links deals %s%n", accepted.id(),
                    vendor.referrals().get(accepted.id()).linkedDeals());

            Instant from = Instant.parse("2026-01-01T00:00:00Z");
            Instant to = Instant.parse("2027-01-01T00:00:00Z");
            RegistrationCounts registrations = vendor.referrals().counts(NORTHWIND, from, to);
            IntroFunnel introductions = vendor.intros().funnel(from, to, ChronoUnit.MONTHS);
            Scorecard card = Attribution.builder().reportingCurrency("USD").clock(clock).build()
                    .scorecard(AttributionData.read(vendor), NORTHWIND, "Northwind Partners",
                            ReportPeriod.custom(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1)), introductions,
                            registrations);
            System.out.printf("Northwind's scorecard, registrations section: %d submitted, %d accepted, %d open%n",
                    card.registrations().submitted(), card.registrations().accepted(), card.registrations().open());
            System.out.printf("sourced pipeline for %s: %s %s%n", NORTHWIND,
                    card.sourcedPipeline().amount().toPlainString(),
                    card.sourcedPipeline().currency().getCurrencyCode());
        }
    }

    /** Three companies, their people, and partnerships on both sides. */
    private static TenantScope setUp(EcosystemClient client) {
        client.register(Company.builder(VENDOR, "Brightwave").webDomain("brightwave.io")
                .businessTags("saas", "email-marketing").listed(true).build());
        client.register(Company.builder(NORTHWIND, "Northwind Partners").webDomain("northwind.example")
                .businessTags("agency", "referral").listed(true).build());
        client.register(Company.builder(CONTOSO, "Contoso Consulting").webDomain("contoso.example")
                .businessTags("services", "implementation").listed(true).build());
        TenantScope vendor = client.as(VENDOR);
        vendor.contacts().save(Contact.builder(ANA, VENDOR, "Ana Ruiz", "ana@brightwave.io").build());
        client.as(NORTHWIND).contacts().save(Contact.builder(NORA, NORTHWIND, "Nora Lind", "nora@northwind.example")
                .build());
        client.as(CONTOSO).contacts().save(Contact.builder(CARL, CONTOSO, "Carl Weber", "carl@contoso.example")
                .reachableForIntroductions(true).build());
        for (CompanyId partner : List.of(NORTHWIND, CONTOSO)) {
            vendor.partnerships().create(partner, PartnerType.REFERRAL, PartnershipStatus.ACTIVE);
            client.as(partner).partnerships().create(VENDOR, PartnerType.REFERRAL, PartnershipStatus.ACTIVE);
        }
        return vendor;
    }

    /** Northwind registers Initech with Brightwave; Brightwave sees no conflict and accepts. */
    private static Registration registerAndAccept(EcosystemClient client, TenantScope vendor) {
        System.out.println("== A partner registers a referral ==");
        Registration submitted = client.as(NORTHWIND).referrals().submit(VENDOR,
                prospect("Initech", "initech.com", "Peter Gibbons", "peter@initech.com", "45000"), "nw-lead-1");
        Registration accepted = vendor.referrals().accept(submitted.id(), "fits our mid-market focus", false);
        System.out.printf("Registration %s by %s for %s: %s, protected until %s%n", accepted.id(), accepted.partner(),
                accepted.prospect().accountName(), accepted.status(), accepted.protectedUntil());
        return accepted;
    }

    /** Contoso registers the same account: the vendor sees who holds it; Contoso only that it is taken. */
    private static void conflictingRegistration(EcosystemClient client, TenantScope vendor) {
        System.out.println("\n== A second partner registers the same domain ==");
        Registration second = client.as(CONTOSO).referrals().submit(VENDOR,
                prospect("Initech Inc.", "www.initech.com", "Milton Waddams", "milton@initech.com", "20000"),
                "co-lead-7");
        for (RegistrationConflict conflict : vendor.referrals().conflicts(second.id())) {
            System.out.printf("Vendor sees conflict %s: %s%n", conflict.kind(), conflict.explanation());
        }
        Registration asContosoSeesIt = client.as(CONTOSO).referrals().get(second.id());
        System.out.printf("Contoso sees %d conflict(s): %s%n", asContosoSeesIt.conflicts().size(),
                asContosoSeesIt.conflicts().stream().map(RegistrationConflict::explanation).toList());
        Registration rejected = vendor.referrals().reject(second.id(), "Initech is already registered by another "
                + "partner");
        System.out.printf("Registration %s: %s (%s)%n", rejected.id(), rejected.status(),
                rejected.rejectionReason());
    }

    /** Brightwave asks Contoso's Carl for help with Hooli, a prospect its CRM does not know yet; both say yes. */
    private static void introduceForProspect(EcosystemClient client, TenantScope vendor) {
        System.out.println("\n== An introduction for a brand-new prospect ==");
        Introduction intro = vendor.intros().request(IntroRequest.builder(ANA, CONTOSO, CARL,
                        "Contoso implements for Hooli's data team, which is evaluating Brightwave")
                .prospect(Prospect.of("Hooli", "hooli.xyz"))
                .idempotencyKey("bw-intro-hooli")
                .build());
        client.intros().runDue(client.clock().instant());           // the consent ask to Carl
        intro = client.as(CONTOSO).intros().accept(intro.id(), CARL);
        client.intros().runDue(client.clock().instant());           // the joint introduction email
        Introduction asRequested = vendor.intros().get(intro.id());   // the prospect is shown to the requester only
        System.out.printf("Introduction %s with %s about %s (%s): %s%n", intro.id(), CONTOSO,
                asRequested.prospect().name(), asRequested.prospect().domain(), asRequested.status());
    }

    private static ReferredProspect prospect(String account, String domain, String person, String email,
            String amount) {
        return ReferredProspect.builder(account, person, EmailAddress.of(email))
                .domain(domain)
                .expectedAmount(Money.of(amount, "USD"))
                .build();
    }

    private static Account account(String id, String name, String domain, String stage) {
        return Account.builder(VENDOR, AccountId.of(id), name).domain(domain).lifecycleStage(stage).build();
    }

    private static Deal deal(String id, String account, String amount, Instant createdAt) {
        return Deal.builder(VENDOR, DealId.of(id), "New business " + id).account(AccountId.of(account))
                .amount(Money.of(amount, "USD")).stage("qualified", DealStatus.OPEN).createdAt(createdAt).build();
    }
}
