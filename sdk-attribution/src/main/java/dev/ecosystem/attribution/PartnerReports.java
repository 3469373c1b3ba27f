package dev.ecosystem.attribution;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.TenantScope;
import dev.ecosystem.error.ConflictException;
import dev.ecosystem.internal.ContactOrigin;
import dev.ecosystem.internal.PartnerContacts;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.intro.FunnelCounts;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.EmailAddress;
import dev.ecosystem.model.EmailMessage;
import dev.ecosystem.model.OutboxEntry;
import dev.ecosystem.model.OutboxEntryId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.Partnership;
import dev.ecosystem.model.PartnershipStatus;
import dev.ecosystem.model.StatementContent;
import dev.ecosystem.model.StoredStatement;
import dev.ecosystem.referral.RegistrationCounts;
import dev.ecosystem.spi.StoreTransaction;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports back to partners once per period: each ACTIVE partner of a vendor gets its scorecard and, when the
 * vendor runs a program for the partner's type, its commission statement, by email through the store's outbox.
 *
 * <pre>{@code
 * PartnerReports reports = PartnerReports.builder(client, attribution)
 *         .sender(EmailAddress.of("partners@vendor.com", "Vendor Partners"))
 *         .build();
 * ReportRun run = reports.schedule(vendor, ReportPeriod.quarter(2025, 1));
 * System.out.println(run.summary());   // a second run of the same quarter prints "nothing new to send"
 * }</pre>
 *
 * <p>What a run does for each ACTIVE partner: reads the vendor's attribution data once, renders the scorecard
 * ({@link Attribution#scorecard}, with the partner's introductions and registrations of the period), computes the
 * statement under the commission plan of the vendor's program for the partner's type and stores it
 * ({@code scope.payouts().store}, idempotent; a statement the vendor already moved past {@code DRAFT} is kept and
 * sent as stored), renders both as HTML, all outside any write transaction; then, in one
 * transaction per partner, records a sent-record per (vendor, partner, period, kind) and enqueues one email per
 * recipient and kind. A report whose sent-record exists is not sent again, so re-running a period sends nothing new,
 * and two nodes running it at once send each report once. Recipients are the partner's contacts for partner matters,
 * as for enablement briefs (its introduction intake contact, contacts with a partnership role, contacts reachable
 * for introductions), never one who opted out, read in the same transaction as the enqueue, and again by the outbox dispatcher right before each email goes out (one who opted out
 * meanwhile gets nothing; the email is parked). Thread-safe.
 */
public final class PartnerReports {
    private static final Logger LOG = LoggerFactory.getLogger(PartnerReports.class);
    /** Who the payout ledger names for statements the reports store. */
    static final String ACTOR = "reports";

    private final EcosystemClient client;
    private final Attribution attribution;
    private final EmailAddress sender;

    private PartnerReports(Builder builder) {
        this.client = builder.client;
        this.attribution = builder.attribution;
        this.sender = builder.sender;
    }

    /** A builder over the client (store, outbox, scopes) and the attribution that computes the figures. */
    public static Builder builder(EcosystemClient client, Attribution attribution) {
        return new Builder(Checks.required(client, "client"), Checks.required(attribution, "attribution"));
    }

    /**
     * Reports the period to every ACTIVE partner of {@code vendor}, sending each partner's scorecard and statement
     * once however often it runs.
     *
     * @throws dev.ecosystem.error.NotFoundException when the vendor is not in the network
     */
    public ReportRun schedule(CompanyId vendor, ReportPeriod period) {
        Checks.required(vendor, "vendor");
        Checks.required(period, "period");
        TenantScope scope = client.as(vendor);
        List<Partnership> active = new ArrayList<>();
        forEachPage(page -> scope.partnerships().list(page), partnership -> {
            if (partnership.status() == PartnershipStatus.ACTIVE) {
                active.add(partnership);
            }
        });
        if (active.isEmpty()) {
            return new ReportRun(vendor, period, 0, 0, 0, 0, 0);
        }
        AttributionData data = AttributionData.read(scope);
        Instant from = period.start().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = period.end().atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<CompanyId, FunnelCounts> funnel = scope.intros().funnel(from, to, ChronoUnit.MONTHS).byPartner();
        String vendorName = scope.network().profile().name();
        int statements = 0;
        int enqueued = 0;
        int alreadySent = 0;
        int withoutRecipients = 0;
        for (Partnership partnership : active) {
            Rendered rendered = render(scope, data, partnership, period, vendorName, from, to,
                    funnel.get(partnership.partner()));
            statements += rendered.statementHtml() == null ? 0 : 1;
            Sent sent = client.store().inTransaction(tx -> send(tx, vendor, partnership.partner(), period,
                    rendered));
            enqueued += sent.enqueued();
            alreadySent += sent.alreadySent();
            withoutRecipients += sent.recipients() == 0 ? 1 : 0;
        }
        ReportRun run = new ReportRun(vendor, period, active.size(), statements, enqueued, alreadySent,
                withoutRecipients);
        LOG.debug("Partner reports of {} for {}: {}", vendor, period.label(), run.summary());
        return run;
    }

    /** One partner's reports, rendered outside any transaction. */
    private record Rendered(String vendorName, Scorecard scorecard, String scorecardHtml,
            @Nullable CommissionStatement statement, @Nullable String statementHtml) {
    }

    /** What one partner's transaction enqueued. */
    private record Sent(int recipients, int enqueued, int alreadySent) {
    }

    private Rendered render(TenantScope scope, AttributionData data, Partnership partnership, ReportPeriod period,
            String vendorName, Instant from, Instant to, @Nullable FunnelCounts introductions) {
        CompanyId partner = partnership.partner();
        Company profile = client.store().inTransaction(tx -> tx.companies().get(partner));
        String partnerName = profile == null ? partner.value() : profile.name();
        RegistrationCounts registrations = scope.referrals().counts(partner, from, to);
        Scorecard card = attribution.scorecard(data, partner, partnerName, period, introductions, registrations);
        CommissionStatement statement = null;
        String statementHtml = null;
        if (scope.programs().forType(partnership.type()) != null) {
            StoredStatement stored = store(scope, attribution.statement(data, scope.programs().standing(partner),
                    period));
            StatementContent content = stored.content();
            statement = new CommissionStatement(partner, period, content.plan(), content.currency(), content.lines(),
                    stored.status());
            statementHtml = statement.toHtml(partnerName);
        }
        return new Rendered(vendorName, card, card.toHtml(), statement, statementHtml);
    }

    /**
     * Stores the computed statement and returns what the ledger holds: the partner is sent that. A statement the
     * vendor already moved past {@code DRAFT} is kept as it is, even when the figures changed since.
     */
    private static StoredStatement store(TenantScope scope, CommissionStatement computed) {
        try {
            return scope.payouts().store(computed.content(), ACTOR);
        } catch (ConflictException movedOn) {
            StoredStatement kept = scope.payouts().find(computed.partner(), computed.period().start(),
                    computed.period().end(), computed.plan());
            if (kept == null) {
                throw movedOn;
            }
            LOG.debug("Statement {} is {} already; the report shows it as stored", kept.id(), kept.status());
            return kept;
        }
    }

    private Sent send(StoreTransaction tx, CompanyId vendor, CompanyId partner, ReportPeriod period,
            Rendered rendered) {
        List<Contact> recipients = PartnerContacts.of(tx, partner);
        if (recipients.isEmpty()) {
            return new Sent(0, 0, 0);
        }
        Instant now = client.clock().instant();
        int enqueued = 0;
        int alreadySent = 0;
        String periodKey = period.start() + ".." + period.end();
        String scorecardSubject = rendered.vendorName() + ": your partner scorecard for " + period.label();
        String scorecardText = "Your partner scorecard for " + period.label() + " from " + rendered.vendorName()
                + ": sourced pipeline " + rendered.scorecard().sourcedPipeline() + ", sourced revenue "
                + rendered.scorecard().sourcedRevenue() + ", deals won " + rendered.scorecard().dealsWon()
                + ". The full scorecard is in the HTML part of this email.";
        List<Report> reports = new ArrayList<>();
        reports.add(new Report("scorecard", scorecardSubject, scorecardText, rendered.scorecardHtml()));
        CommissionStatement statement = rendered.statement();
        if (statement != null && rendered.statementHtml() != null) {
            reports.add(new Report("statement", rendered.vendorName() + ": your commission statement for "
                    + period.label(), "Your commission statement for " + period.label() + " from "
                    + rendered.vendorName() + ": total " + statement.total() + " under plan " + statement.plan()
                    + ", " + statement.lines().size() + " line(s), payable from " + statement.heldUntil()
                    + ". The full statement is in the HTML part of this email.", rendered.statementHtml()));
        }
        for (Report report : reports) {
            String key = "partner-report/" + partner + "/" + periodKey + "/" + report.kind();
            if (tx.idempotency().putIfAbsent(vendor, key, now.toString()) != null) {
                alreadySent++;
                continue;
            }
            for (Contact recipient : recipients) {
                EmailMessage message = EmailMessage.builder("<" + UUID.randomUUID() + "@" + sender.domain() + ">",
                        new EmailAddress(sender.address(), rendered.vendorName() + " via "
                                + (sender.displayName() != null ? sender.displayName() : sender.domain())),
                        report.subject()).to(recipient.email()).text(report.text()).html(report.html()).build();
                tx.outbox().enqueue(OutboxEntry.pending(OutboxEntryId.of(UUID.randomUUID().toString()), vendor,
                        message, ContactOrigin.of(key, recipient), now));
                enqueued++;
            }
        }
        return new Sent(recipients.size(), enqueued, alreadySent);
    }

    /** One email kind: its sent-record kind, subject, plain text and HTML page. */
    private record Report(String kind, String subject, String text, String html) {
    }

    private static <T> void forEachPage(Function<PageRequest, Page<T>> listing, Consumer<T> action) {
        @Nullable String cursor = null;
        do {
            Page<T> page = listing.apply(PageRequest.after(cursor, PageRequest.MAX_SIZE));
            page.items().forEach(action);
            cursor = page.nextCursor();
        } while (cursor != null);
    }

    /** Configures {@link PartnerReports}. */
    public static final class Builder {
        private final EcosystemClient client;
        private final Attribution attribution;
        private EmailAddress sender = EmailAddress.of("partners@ecosystem.example", "Partner reports");

        private Builder(EcosystemClient client, Attribution attribution) {
            this.client = client;
            this.attribution = attribution;
        }

        /**
         * The mailbox reports come from (default {@code partners@ecosystem.example}); the vendor's name is shown
         * with it.
         */
        public Builder sender(EmailAddress mailbox) {
            this.sender = Checks.required(mailbox, "sender");
            return this;
        }

        /** Builds the reports. */
        public PartnerReports build() {
            return new PartnerReports(this);
        }
    }
}
