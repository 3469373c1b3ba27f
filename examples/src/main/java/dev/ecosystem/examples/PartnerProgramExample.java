package dev.ecosystem.examples;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.TenantScope;
import dev.ecosystem.attribution.Attribution;
import dev.ecosystem.attribution.PartnerReports;
import dev.ecosystem.attribution.ReportPeriod;
import dev.ecosystem.attribution.ReportRun;
import dev.ecosystem.event.EcosystemEvent;
import dev.ecosystem.memory.InMemoryCrm;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.ActivationTrigger;
import dev.ecosystem.model.CommissionPlan;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.DealStatus;
import dev.ecosystem.model.EmailAddress;
import dev.ecosystem.model.IdealPartnerProfile;
import dev.ecosystem.model.Invitation;
import dev.ecosystem.model.Money;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.PartnerProgram;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.model.ProgramBrief;
import dev.ecosystem.model.ProgramTerms;
import dev.ecosystem.model.Rate;
import dev.ecosystem.model.ReferredProspect;
import dev.ecosystem.model.Registration;
import dev.ecosystem.model.StoredStatement;
import dev.ecosystem.model.TierChange;
import dev.ecosystem.model.TierMetric;
import dev.ecosystem.model.TierReview;
import dev.ecosystem.model.TierRule;
import dev.ecosystem.program.BriefSending;
import dev.ecosystem.spi.CrmConnections;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A vendor's partner programs on the embedded defaults: one program per partner type with its own commission plan;
 * an invitation accepted; the partner activated by its first accepted registration; a tier promotion after the
 * month's review; the enablement brief approved, written as HTML and sent; the month's scorecard and statement sent
 * once. Run it with
 * {@code ./mvnw -q -Pquickstart -pl examples -am package -Dquickstart.main=dev.ecosystem.examples.PartnerProgramExample}.
 */
public final class PartnerProgramExample {
    static final CompanyId VENDOR = CompanyId.of("brightwave");
    static final CompanyId NORTHWIND = CompanyId.of("northwind");
    private static final Instant START = Instant.parse("2026-10-01T09:00:00Z");

    private PartnerProgramExample() {
    }

    /** Runs the program's first month and prints each step. */
    public static void main(String[] args) {
        MovableClock clock = new MovableClock(START);
        List<EcosystemEvent> events = new CopyOnWriteArrayList<>();
        InMemoryCrm crm = InMemoryCrm.of(VENDOR, List.of(), List.of());
        try (EcosystemClient client = EcosystemClient.builder()
                .crm(CrmConnections.of(crm))
                .clock(clock)
                .eventListener(events::add)
                .build()) {
            TenantScope vendor = setUp(client);
            PartnerProgram referral = programs(vendor);

            System.out.println("\n== An invitation, accepted ==");
            Invitation invitation = vendor.partnerships().invite(NORTHWIND, PartnerType.REFERRAL);
            clock.advance(Duration.ofDays(1));
            Invitation accepted = client.as(NORTHWIND).partnerships().acceptInvitation(invitation.id());
            System.out.printf("invitation %s to %s: %s; Brightwave's record: %s%n", accepted.id(), NORTHWIND,
                    accepted.status(), vendor.partnerships().findByPartner(NORTHWIND).status());

            System.out.println("\n== The first accepted registration activates the partner ==");
            clock.advance(Duration.ofDays(12));
            Registration submitted = client.as(NORTHWIND).referrals().submit(VENDOR,
                    ReferredProspect.builder("Initech", "Peter Gibbons", EmailAddress.of("peter@initech.com"))
                            .domain("initech.com").expectedAmount(Money.of("48000", "USD")).build(), "nw-lead-1");
            Registration registration = vendor.referrals().accept(submitted.id(), "a fit", false);
            System.out.printf("registration %s accepted, protected until %s (the program's 180 days)%n",
                    registration.id(), registration.protectedUntil());
            for (EcosystemEvent event : events) {
                if (event.type().equals("partnership.activated") && event.tenant().equals(VENDOR)) {
                    System.out.printf("activated %s after %s days%n", event.attributes().get("partner"),
                            event.attributes().get("days"));
                }
            }

            System.out.println("\n== The deal closes; the CRM sync credits Northwind ==");
            crm.putAll(List.of(Account.builder(VENDOR, AccountId.of("a-200"), "Initech").domain("initech.com")
                    .lifecycleStage("customer").build()), List.of(Deal.builder(VENDOR, DealId.of("d-200"),
                    "Initech, annual plan").account(AccountId.of("a-200")).amount(Money.of("48000", "USD"))
                    .stage("closedwon", DealStatus.WON).createdAt(clock.instant())
                    .closeDate(LocalDate.of(2026, 10, 20)).build()));
            vendor.overlaps().syncCrm();
            System.out.printf("ledger: %d credit(s) for %s%n", vendor.ledger().list(PageRequest.first(10)).items()
                    .size(), NORTHWIND);

            System.out.println("\n== October's tier review ==");
            clock.set(Instant.parse("2026-11-02T09:00:00Z"));
            TierReview review = vendor.programs().evaluateTiers(referral.id(), LocalDate.of(2026, 10, 1),
                    LocalDate.of(2026, 11, 1));
            for (TierChange change : review.changes()) {
                System.out.printf("tier %s: %s -> %s (%s), registrations accepted %s%n", change.partner(),
                        change.from() == null ? "none" : change.from(), change.to(),
                        change.promoted() ? "promotion" : "demotion",
                        change.metrics().get(TierMetric.REGISTRATIONS_ACCEPTED));
            }

            System.out.println("\n== The enablement brief ==");
            ProgramBrief brief = vendor.programs().brief(referral.id());
            brief = vendor.programs().briefs().approve(referral.id(), brief.version());
            Path page = write("brightwave-referral-brief.html", brief.toHtml());
            System.out.printf("brief v%d %s, written to %s (%d bytes)%n", brief.version(), brief.status(), page,
                    page.toFile().length());
            BriefSending sending = vendor.programs().briefs().send(referral.id());
            System.out.printf("brief sent: %d email(s) enqueued%n", sending.enqueued());

            System.out.println("\n== October's scorecard and statement, sent once ==");
            PartnerReports reports = PartnerReports.builder(client, Attribution.builder().reportingCurrency("USD")
                    .clock(clock).build()).build();
            ReportRun first = reports.schedule(VENDOR, ReportPeriod.month(2026, 10));
            System.out.println(first.summary());
            StoredStatement statement = vendor.payouts().list(NORTHWIND, PageRequest.first(10)).items().get(0);
            System.out.printf("statement %s for %s: %s at tier %s, %s%n", statement.id(), NORTHWIND,
                    statement.content().total(), vendor.programs().tierOf(NORTHWIND), statement.status());
            ReportRun again = reports.schedule(VENDOR, ReportPeriod.month(2026, 10));
            System.out.println(again.summary());
        }
    }

    /** The vendor and one partner, each with a person to write to. */
    private static TenantScope setUp(EcosystemClient client) {
        client.register(Company.builder(VENDOR, "Brightwave").webDomain("brightwave.io")
                .businessTags("saas", "email-marketing").listed(true).build());
        client.register(Company.builder(NORTHWIND, "Northwind Partners").webDomain("northwind.example")
                .businessTags("agency", "referral").listed(true).build());
        TenantScope vendor = client.as(VENDOR);
        vendor.contacts().save(Contact.builder(ContactId.of("bw-ana"), VENDOR, "Ana Ruiz", "ana@brightwave.io")
                .build());
        client.as(NORTHWIND).contacts().save(Contact.builder(ContactId.of("nw-nora"), NORTHWIND, "Nora Lind",
                "nora@northwind.example").reachableForIntroductions(true).build());
        return vendor;
    }

    /** A program per partner type, each with its own plan; returns the referral program. */
    private static PartnerProgram programs(TenantScope vendor) {
        System.out.println("== A program per partner type ==");
        PartnerProgram referral = vendor.programs().create(ProgramTerms.builder(PartnerType.REFERRAL,
                        "Brightwave referral partners")
                .profile(IdealPartnerProfile.builder(PartnerType.REFERRAL).preferBusiness("agency", 3).build())
                .commission(CommissionPlan.builder("Referral 2026").rate(Rate.percent("10"))
                .tierRate("silver", Rate.percent("15")).build())
                .protectionWindow(Duration.ofDays(180))
                .tier(new TierRule("registered", Map.of()))
                .tier(TierRule.of("silver", TierMetric.REGISTRATIONS_ACCEPTED, "1"))
                .activation(ActivationTrigger.ACCEPTED_REGISTRATION, ActivationTrigger.ATTRIBUTED_DEAL)
                .valueProposition("Earn 10% of the first year of every customer you refer, 15% from silver on.")
                .build());
        PartnerProgram services = vendor.programs().create(ProgramTerms.builder(PartnerType.SERVICES,
                        "Brightwave implementation partners")
                .profile(IdealPartnerProfile.builder(PartnerType.SERVICES).preferBusiness("implementation", 3)
                        .build())
                .commission(CommissionPlan.builder("Services 2026").rate(Rate.percent("20")).recurringMonths(12)
                .build())
                .checklistItem("certification", "Pass the Brightwave implementation certification")
                .activation(ActivationTrigger.COMPLETED_CHECKLIST)
                .build());
        for (PartnerProgram program : List.of(referral, services)) {
            CommissionPlan plan = program.terms().commission();
            System.out.printf("%s program \"%s\": plan %s, %s%% (%s)%n", program.type(), program.terms().name(),
                    plan.name(), plan.rate().toPlainString(),
                    plan.recurringMonths() == 0 ? "once per deal" : plan.recurringMonths() + " monthly earnings");
        }
        return referral;
    }

    private static Path write(String name, String html) {
        Path file = Path.of(System.getProperty("java.io.tmpdir"), name);
        try {
            return Files.writeString(file, html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The example's clock: the month passes in a few calls. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
