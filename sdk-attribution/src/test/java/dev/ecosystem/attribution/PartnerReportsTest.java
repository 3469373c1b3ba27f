package dev.ecosystem.attribution;

import static dev.ecosystem.attribution.Fixtures.TENANT;
import static dev.ecosystem.attribution.Fixtures.touch;
import static dev.ecosystem.attribution.Fixtures.won;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.TenantScope;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.memory.InMemoryMailer;
import dev.ecosystem.model.CommissionPlan;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.EmailAddress;
import dev.ecosystem.model.EmailMessage;
import dev.ecosystem.model.IdealPartnerProfile;
import dev.ecosystem.model.OutboxEntry;
import dev.ecosystem.model.OutboxStatus;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.model.PartnershipStatus;
import dev.ecosystem.model.PayoutStatus;
import dev.ecosystem.model.ProgramTerms;
import dev.ecosystem.model.Rate;
import dev.ecosystem.model.StoredStatement;
import dev.ecosystem.model.Tag;
import dev.ecosystem.model.TouchpointKind;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Reporting back to partners: each ACTIVE partner's scorecard and statement sent once per period through the outbox,
 * to its reachable contacts that did not opt out.
 *
 * <pre>
 * acme (vendor) runs a referral program (10 %, 30 days hold), none for services partners
 * p1 ACTIVE referral  contacts: ana (reachable), bo (reachable, opted out), cy (not reachable); sourced d1 (10,000)
 * p2 ACTIVE services  contact di (reachable); no program for its type, so a scorecard only
 * p3 RECRUITED referral, p4 PAUSED referral: contacts reachable, but not ACTIVE
 * p5 ACTIVE referral  no contacts
 * </pre>
 */
class PartnerReportsTest {
    private static final CompanyId P1 = CompanyId.of("p1");
    private static final CompanyId P2 = CompanyId.of("p2");
    private static final CompanyId P3 = CompanyId.of("p3");
    private static final CompanyId P4 = CompanyId.of("p4");
    private static final CompanyId P5 = CompanyId.of("p5");
    private static final ReportPeriod Q1 = ReportPeriod.quarter(2026, 1);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-10T09:00:00Z"), ZoneOffset.UTC);

    private final InMemoryMailer mailer = new InMemoryMailer(CLOCK);
    private final EcosystemClient client = EcosystemClient.builder().clock(CLOCK).mailer(mailer).build();
    private final Attribution attribution = Attribution.builder().clock(CLOCK).build();
    private final PartnerReports reports = PartnerReports.builder(client, attribution)
            .sender(EmailAddress.of("partners@acme.example", "Acme Partners")).build();

    PartnerReportsTest() {
        client.register(Company.builder(TENANT, "Acme").build());
        client.register(Company.builder(P1, "Northwind <Partners>").listed(true).build());
        for (CompanyId partner : List.of(P2, P3, P4, P5)) {
            client.register(Company.builder(partner, "Partner " + partner).listed(true).build());
        }
        TenantScope acme = client.as(TENANT);
        acme.programs().create(ProgramTerms.builder(PartnerType.REFERRAL, "Referral partners")
                .profile(IdealPartnerProfile.builder(PartnerType.REFERRAL).prefer(Tag.business("saas"), 1).build())
                .commission(CommissionPlan.builder("Referral 10%").rate(Rate.percent("10")).holdDays(30).build())
                .build());
        acme.partnerships().create(P1, PartnerType.REFERRAL, PartnershipStatus.ACTIVE);
        acme.partnerships().create(P2, PartnerType.SERVICES, PartnershipStatus.ACTIVE);
        acme.partnerships().create(P3, PartnerType.REFERRAL, PartnershipStatus.RECRUITED);
        acme.partnerships().create(P4, PartnerType.REFERRAL, PartnershipStatus.PAUSED);
        acme.partnerships().create(P5, PartnerType.REFERRAL, PartnershipStatus.ACTIVE);
        contact(P1, "ana", true, false);
        contact(P1, "bo", true, true);
        contact(P1, "cy", false, false);
        contact(P2, "di", true, false);
        contact(P3, "ed", true, false);
        contact(P4, "flo", true, false);
        client.store().useTransaction(tx -> {
            tx.crm().putDeals(TENANT, List.of(won("d1", "10000.00", "USD", "2026-01-05", "2026-02-10")));
            tx.touchpoints().append(touch("t1", "p1", "d1", TouchpointKind.SOURCED_REFERRAL, "2026-01-02"));
        });
    }

    @AfterEach
    void close() {
        client.close();
    }

    private void contact(CompanyId company, String name, boolean reachable, boolean optedOut) {
        client.as(company).contacts().save(Contact.builder(ContactId.of(name), company, name,
                name + "@" + company + ".example").reachableForIntroductions(reachable)
                .optedOutOfIntroductions(optedOut).build());
    }

    private List<EmailMessage> outbox() {
        return client.store().inTransaction(tx -> tx.outbox().list(TENANT, OutboxStatus.PENDING,
                PageRequest.first(100))).items().stream().map(OutboxEntry::message).toList();
    }

    private static List<String> to(List<EmailMessage> messages) {
        return messages.stream().flatMap(m -> m.to().stream()).map(EmailAddress::address).sorted().toList();
    }

    @Test
    @DisplayName("Each ACTIVE partner gets its scorecard, and its statement where its type has a program, once")
    void schedule_sendsScorecardAndStatement_toActivePartnersOnce() {
        ReportRun first = reports.schedule(TENANT, Q1);

        assertThat(first).isEqualTo(new ReportRun(TENANT, Q1, 3, 2, 3, 0, 1));
        assertThat(first.summary()).isEqualTo("enqueued 3 emails for 3 partners, 2026-Q1");
        List<EmailMessage> queued = outbox();
        assertThat(to(queued)).containsExactly("ana@p1.example", "ana@p1.example", "di@p2.example");
        assertThat(queued).extracting(EmailMessage::subject).containsExactlyInAnyOrder(
                "Acme: your partner scorecard for 2026-Q1", "Acme: your commission statement for 2026-Q1",
                "Acme: your partner scorecard for 2026-Q1");
        EmailMessage statementMail = queued.stream().filter(m -> m.subject().contains("statement")).findFirst()
                .orElseThrow();
        assertThat(statementMail.textBody()).contains("total 1000.00 USD", "payable from 2026-03-12");
        assertThat(statementMail.htmlBody()).contains("Commission statement: Northwind &lt;Partners&gt;, 2026-Q1")
                .doesNotContain("<Partners>");
        assertThat(statementMail.from().displayName()).isEqualTo("Acme via Acme Partners");

        ReportRun again = reports.schedule(TENANT, Q1);

        assertThat(again).isEqualTo(new ReportRun(TENANT, Q1, 3, 2, 0, 3, 1));
        assertThat(again.summary()).isEqualTo("nothing new to send");
        assertThat(outbox()).hasSize(3);
    }

    @Test
    @DisplayName("The statement is stored once in DRAFT under the program's plan, by the reports, and kept on re-runs")
    void schedule_storesTheStatement_once() {
        reports.schedule(TENANT, Q1);
        reports.schedule(TENANT, Q1);

        StoredStatement stored = client.as(TENANT).payouts().find(P1, Q1.start(), Q1.end(), "Referral 10%");
        assertThat(stored).isNotNull();
        assertThat(stored.status()).isEqualTo(PayoutStatus.DRAFT);
        assertThat(stored.version()).isZero();
        assertThat(stored.total().amount()).isEqualByComparingTo("1000");
        assertThat(stored.history()).singleElement().satisfies(step -> assertThat(step.actor())
                .isEqualTo("reports"));
        assertThat(client.as(TENANT).payouts().list(null, PageRequest.first(10)).items())
                .extracting(StoredStatement::partner).containsExactlyInAnyOrder(P1, P5);
    }

    @Test
    @DisplayName("Opted-out and unreachable contacts, and partners that are not ACTIVE, get nothing")
    void schedule_honoursOptOut_andOnlyActivePartners() {
        reports.schedule(TENANT, Q1);
        client.intros().runDue(CLOCK.instant());

        assertThat(to(mailer.sent())).containsExactly("ana@p1.example", "ana@p1.example", "di@p2.example");
        assertThat(to(mailer.sent())).doesNotContain("bo@p1.example", "cy@p1.example", "ed@p3.example",
                "flo@p4.example");
    }

    @Test
    @DisplayName("A contact who opts out after the run, before the email goes out, gets nothing: it is parked")
    void optOutAfterEnqueue_isHonouredAtSendTime() {
        reports.schedule(TENANT, Q1);
        contact(P2, "di", true, true);

        client.intros().runDue(CLOCK.instant());

        assertThat(to(mailer.sent())).containsExactly("ana@p1.example", "ana@p1.example");
        assertThat(client.store().inTransaction(tx -> tx.outbox().list(TENANT, OutboxStatus.PARKED,
                PageRequest.first(10))).items()).singleElement()
                .satisfies(entry -> assertThat(entry.lastError()).contains("contact di of p2 opted out"));
    }

    @Test
    @DisplayName("A contact who opts out before the run gets nothing; one who joins after a sent period gets nothing")
    void schedule_readsRecipientsAtSendTime_andNeverResends() {
        contact(P2, "di", true, true);
        reports.schedule(TENANT, Q1);
        assertThat(to(outbox())).containsExactly("ana@p1.example", "ana@p1.example");

        contact(P1, "gil", true, false);
        contact(P2, "di", true, false);
        ReportRun later = reports.schedule(TENANT, Q1);

        assertThat(later.enqueued()).isEqualTo(1);
        assertThat(to(outbox())).containsExactly("ana@p1.example", "ana@p1.example", "di@p2.example");
    }

    @Test
    @DisplayName("A statement the vendor moved on is sent as stored, not recomputed, and the run goes on")
    void statementMovedOn_isSentAsStored() {
        contact(P1, "ana", true, true);
        reports.schedule(TENANT, Q1);
        StoredStatement stored = client.as(TENANT).payouts().find(P1, Q1.start(), Q1.end(), "Referral 10%");
        client.as(TENANT).payouts().move(stored.id(), stored.version(), PayoutStatus.PENDING, "finance", null);
        client.store().useTransaction(tx -> {
            tx.crm().putDeals(TENANT, List.of(won("d2", "5000.00", "USD", "2026-01-20", "2026-03-01")));
            tx.touchpoints().append(touch("t2", "p1", "d2", TouchpointKind.SOURCED_REFERRAL, "2026-01-15"));
        });
        contact(P1, "ana", true, false);

        ReportRun run = reports.schedule(TENANT, Q1);

        assertThat(run.enqueued()).isEqualTo(2);
        EmailMessage statementMail = outbox().stream().filter(m -> m.subject().contains("statement")).findFirst()
                .orElseThrow();
        assertThat(statementMail.textBody()).contains("total 1000.00 USD");
        assertThat(statementMail.htmlBody()).contains("status PENDING");
        assertThat(client.as(TENANT).payouts().get(stored.id()).total().amount()).isEqualByComparingTo("1000");
    }

    @Test
    @DisplayName("Two runs of the same period at once send each report once between them")
    void concurrentRuns_sendOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<ReportRun> one = pool.submit(() -> reports.schedule(TENANT, Q1));
            Future<ReportRun> two = pool.submit(() -> reports.schedule(TENANT, Q1));

            assertThat(one.get(60, TimeUnit.SECONDS).enqueued() + two.get(60, TimeUnit.SECONDS).enqueued())
                    .isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
        assertThat(to(outbox())).containsExactly("ana@p1.example", "ana@p1.example", "di@p2.example");
    }

    @Test
    @DisplayName("Another period is reported anew; another vendor's run reports its own partners only")
    void periodsAndVendors_areSeparate() {
        reports.schedule(TENANT, Q1);

        assertThat(reports.schedule(TENANT, ReportPeriod.quarter(2026, 2)).enqueued()).isEqualTo(3);
        CompanyId other = CompanyId.of("globex");
        client.register(Company.builder(other, "Globex").build());
        assertThat(reports.schedule(other, Q1)).isEqualTo(new ReportRun(other, Q1, 0, 0, 0, 0, 0));
        assertThatThrownBy(() -> reports.schedule(CompanyId.of("nobody"), Q1))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("A statement renders as an escaped, self-contained page with every line and the total")
    void statementPage_isEscapedAndComplete() {
        CommissionStatement statement = attribution.statement(AttributionData.read(client.as(TENANT)),
                CommissionPlan.builder("Referral 10%").rate(Rate.percent("10")).holdDays(30).build(), P1, Q1);

        String html = statement.toHtml("<b>Northwind</b>");

        assertThat(html).startsWith("<!DOCTYPE html>").contains("&lt;b&gt;Northwind&lt;/b&gt;")
                .contains("1,000.00 USD").contains("10 %").contains("d1").contains("2026-03-12")
                .doesNotContain("<b>");
        assertThat(statement.content().heldUntil()).isEqualTo(LocalDate.of(2026, 3, 12));
    }
}
