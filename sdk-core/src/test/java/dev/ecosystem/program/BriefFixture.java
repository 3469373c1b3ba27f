package dev.ecosystem.program;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.TenantScope;
import dev.ecosystem.event.EcosystemEvent;
import dev.ecosystem.intro.ConsentKeys;
import dev.ecosystem.intro.IntroSettings;
import dev.ecosystem.intro.MutableClock;
import dev.ecosystem.memory.InMemoryMailer;
import dev.ecosystem.memory.InMemoryPartnerStore;
import dev.ecosystem.model.CommissionPlan;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.IdealPartnerProfile;
import dev.ecosystem.model.OutboxEntry;
import dev.ecosystem.model.OutboxStatus;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.PartnerProgram;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.model.PartnershipStatus;
import dev.ecosystem.model.ProgramTerms;
import dev.ecosystem.model.Rate;
import dev.ecosystem.model.TierMetric;
import dev.ecosystem.model.TierRule;
import dev.ecosystem.spi.BriefDrafter;
import dev.ecosystem.spi.PartnerStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A vendor with a referral program and partners around it.
 *
 * <pre>
 * northwind  REFERRAL ACTIVE     contacts: nia (role head-of-partnerships), ivy (intake), sam (sales),
 *                                          olga (role partnerships, opted out)
 * contoso    REFERRAL RECRUITED  contacts: cleo (role partner-manager)
 * lapsed     REFERRAL PAUSED     contacts: lars (role partnerships)
 * builders   SERVICES ACTIVE     contacts: bo (role partnerships)
 * silent     REFERRAL ACTIVE     contacts: sid (sales)
 * stranger   no partnership      contacts: stu (role partnerships)
 * </pre>
 */
final class BriefFixture {
    static final CompanyId VENDOR = CompanyId.of("acme");
    static final CompanyId OTHER_VENDOR = CompanyId.of("globex");
    static final CompanyId NORTHWIND = CompanyId.of("northwind");
    static final CompanyId CONTOSO = CompanyId.of("contoso");
    static final CompanyId LAPSED = CompanyId.of("lapsed");
    static final CompanyId BUILDERS = CompanyId.of("builders");
    static final CompanyId SILENT = CompanyId.of("silent");
    static final CompanyId STRANGER = CompanyId.of("stranger");
    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    static final ConsentKeys KEYS = ConsentKeys.of("k1", "0123456789abcdef0123456789abcdef".getBytes(
            StandardCharsets.US_ASCII));

    final MutableClock clock = new MutableClock(T0);
    final InMemoryMailer mailer = new InMemoryMailer(clock);
    final List<EcosystemEvent> events = new CopyOnWriteArrayList<>();
    final EcosystemClient client;
    final PartnerProgram program;

    BriefFixture() {
        this(InMemoryPartnerStore.create(), BriefSettings.defaults());
    }

    BriefFixture(PartnerStore store, BriefDrafter drafter) {
        this(store, BriefSettings.of(drafter));
    }

    BriefFixture(PartnerStore store, BriefSettings settings) {
        client = EcosystemClient.builder()
                .store(store)
                .mailer(mailer)
                .clock(clock)
                .eventListener(events::add)
                .intros(IntroSettings.builder().consentKeys(KEYS).build())
                .briefs(settings)
                .build();
        client.register(Company.builder(VENDOR, "Acme Mail").businessTags("saas").listed(true).build());
        client.register(Company.builder(OTHER_VENDOR, "Globex").businessTags("saas").listed(true).build());
        partner(NORTHWIND, PartnerType.REFERRAL, PartnershipStatus.ACTIVE);
        contact(NORTHWIND, "nia", false, "head-of-partnerships");
        contact(NORTHWIND, "ivy", false);
        contact(NORTHWIND, "sam", false, "sales");
        contact(NORTHWIND, "olga", true, "partnerships");
        client.register(company(NORTHWIND).toBuilder().introductionIntake(ContactId.of("ivy")).build());
        partner(CONTOSO, PartnerType.REFERRAL, PartnershipStatus.RECRUITED);
        contact(CONTOSO, "cleo", false, "partner-manager");
        partner(LAPSED, PartnerType.REFERRAL, PartnershipStatus.PAUSED);
        contact(LAPSED, "lars", false, "partnerships");
        partner(BUILDERS, PartnerType.SERVICES, PartnershipStatus.ACTIVE);
        contact(BUILDERS, "bo", false, "partnerships");
        partner(SILENT, PartnerType.REFERRAL, PartnershipStatus.ACTIVE);
        contact(SILENT, "sid", false, "sales");
        client.register(company(STRANGER));
        contact(STRANGER, "stu", false, "partnerships");
        program = vendor().programs().create(terms("Referral partners", "Earn 10% on every customer you refer."));
    }

    static ProgramTerms terms(String name, String valueProposition) {
        return ProgramTerms.builder(PartnerType.REFERRAL, name)
                .profile(IdealPartnerProfile.builder(PartnerType.REFERRAL).requireBusiness("agency")
                        .preferBusiness("email-marketing", 3).preferRole("head-of-partnerships", 2)
                        .excludeBusiness("competitor").build())
                .commission(CommissionPlan.builder("Referral 2026").rate(Rate.percent("10"))
                .tierRate("gold", Rate.percent("15"))
                        .volumeTier("50000", Rate.percent("12")).annualCap("20000").holdDays(30).clawbackDays(90)
                        .build())
                .protectionWindow(Duration.ofDays(180))
                .checklistItem("agreement", "Sign the partner agreement")
                .tier(new TierRule("registered", java.util.Map.of()))
                .tier(TierRule.of("gold", TierMetric.REGISTRATIONS_ACCEPTED, "5"))
                .valueProposition(valueProposition)
                .build();
    }

    private static Company company(CompanyId id) {
        return Company.builder(id, "Company " + id).businessTags("agency").listed(true).build();
    }

    private void partner(CompanyId partner, PartnerType type, PartnershipStatus status) {
        client.register(company(partner));
        client.as(VENDOR).partnerships().create(partner, type, status);
        client.as(partner).partnerships().create(VENDOR, type, PartnershipStatus.ACTIVE);
    }

    private void contact(CompanyId company, String name, boolean optedOut, String... roles) {
        client.as(company).contacts().save(Contact.builder(ContactId.of(name), company, name,
                name + "@" + company.value() + ".example").roleTags(roles).optedOutOfIntroductions(optedOut).build());
    }

    TenantScope vendor() {
        return client.as(VENDOR);
    }

    ProgramBriefs briefs() {
        return vendor().programs().briefs();
    }

    /** The vendor's pending outbox entries. */
    List<OutboxEntry> outbox() {
        return client.store().inTransaction(tx -> tx.outbox().list(VENDOR, OutboxStatus.PENDING,
                PageRequest.first(100)).items());
    }

    /** The addresses of every pending email, sorted. */
    List<String> recipients() {
        return outbox().stream().flatMap(entry -> entry.message().recipients().stream())
                .map(address -> address.address()).sorted().toList();
    }

    List<EcosystemEvent> events(String type) {
        return events.stream().filter(event -> event.type().equals(type)).toList();
    }
}
