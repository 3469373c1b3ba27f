package dev.ecosystem.referral;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.TenantScope;
import dev.ecosystem.event.EcosystemEvent;
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
import dev.ecosystem.model.Money;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.model.PartnershipStatus;
import dev.ecosystem.model.ReferredProspect;
import dev.ecosystem.model.Registration;
import dev.ecosystem.model.Touchpoint;
import dev.ecosystem.spi.CrmConnections;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * A vendor with a small CRM and partners around it.
 *
 * <pre>
 * vendor CRM: v1 "Known Customer Inc"  known.com     customer
 *             v2 "Open Opp Ltd"        openopp.com   lead, open deal d2
 *             v3 "Plain Prospect"      plain.com     lead, no deals
 * northwind, contoso: ACTIVE partnerships with the vendor on both sides (northwind's contact c-1)
 * lapsed: vendor says ACTIVE, lapsed says PAUSED
 * stranger: no partnership
 * </pre>
 */
final class ReferralFixture {
    static final CompanyId VENDOR = CompanyId.of("vendor");
    static final CompanyId NORTHWIND = CompanyId.of("northwind");
    static final CompanyId CONTOSO = CompanyId.of("contoso");
    static final CompanyId LAPSED = CompanyId.of("lapsed");
    static final CompanyId STRANGER = CompanyId.of("stranger");
    static final ContactId NORTHWIND_REP = ContactId.of("c-1");
    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    final TestClock clock = new TestClock(T0);
    final List<EcosystemEvent> events = new CopyOnWriteArrayList<>();
    final InMemoryCrm vendorCrm = InMemoryCrm.of(VENDOR, List.of(
            account("v1", "Known Customer Inc", "known.com", "customer"),
            account("v2", "Open Opp Ltd", "openopp.com", "lead"),
            account("v3", "Plain Prospect", "plain.com", "lead")),
            List.of(deal("d2", "v2", DealStatus.OPEN, T0.minus(Duration.ofDays(30)))));
    final EcosystemClient client;

    ReferralFixture() {
        this(settings -> settings);
    }

    ReferralFixture(UnaryOperator<ReferralSettings.Builder> settings) {
        client = EcosystemClient.builder()
                .clock(clock)
                .crm(CrmConnections.of(vendorCrm))
                .eventListener(events::add)
                .referrals(settings.apply(ReferralSettings.builder()).build())
                .build();
        for (CompanyId id : List.of(VENDOR, NORTHWIND, CONTOSO, LAPSED, STRANGER)) {
            client.register(Company.builder(id, "Company " + id).businessTags("saas").listed(true).build());
        }
        partner(NORTHWIND, PartnerType.REFERRAL, PartnershipStatus.ACTIVE);
        partner(CONTOSO, PartnerType.SERVICES, PartnershipStatus.ACTIVE);
        partner(LAPSED, PartnerType.REFERRAL, PartnershipStatus.PAUSED);
        client.as(NORTHWIND).contacts().save(Contact.builder(NORTHWIND_REP, NORTHWIND, "Nia Rep",
                "nia@northwind.com").build());
        client.as(VENDOR).overlaps().syncCrm();
    }

    private void partner(CompanyId partner, PartnerType type, PartnershipStatus partnerSide) {
        client.as(VENDOR).partnerships().create(partner, type, PartnershipStatus.ACTIVE);
        client.as(partner).partnerships().create(VENDOR, type, partnerSide);
    }

    TenantScope vendor() {
        return client.as(VENDOR);
    }

    Referrals referrals(CompanyId company) {
        return client.as(company).referrals();
    }

    static ReferredProspect prospect(String name, String domain) {
        return ReferredProspect.builder(name, "Pat Buyer", EmailAddress.of("pat@buyer.com"))
                .domain(domain).expectedAmount(Money.of("48000", "EUR")).note("budget approved").build();
    }

    /** Submits as {@code partner} with a fresh key. */
    Registration submit(CompanyId partner, String name, String domain) {
        return referrals(partner).submit(VENDOR, prospect(name, domain), "key-" + name + "-" + partner);
    }

    /** Submits and accepts (overriding conflicts). */
    Registration accepted(CompanyId partner, String name, String domain) {
        return referrals(VENDOR).accept(submit(partner, name, domain).id(), "ok", true);
    }

    List<Touchpoint> ledger() {
        return client.store().inTransaction(tx -> tx.touchpoints().list(VENDOR, PageRequest.first(1000)).items());
    }

    List<EcosystemEvent> events(String type) {
        return events.stream().filter(event -> event.type().equals(type)).toList();
    }

    static Account account(String id, String name, String domain, String stage) {
        return Account.builder(VENDOR, AccountId.of(id), name).domain(domain).lifecycleStage(stage).build();
    }

    static Deal deal(String id, String account, DealStatus status, Instant createdAt) {
        Deal.Builder builder = Deal.builder(VENDOR, DealId.of(id), "Deal " + id).account(AccountId.of(account))
                .amount(Money.of("1000", "EUR"))
                .stage(status == DealStatus.OPEN ? "Qualification" : "Closed " + status, status)
                .createdAt(createdAt);
        if (status != DealStatus.OPEN) {
            builder.closeDate(LocalDate.of(2026, 12, 20));
        }
        return builder.build();
    }

    /** A clock tests move by hand. */
    static final class TestClock extends Clock {
        private volatile Instant now;

        TestClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
