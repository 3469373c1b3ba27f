package dev.ecosystem.overlap;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.memory.InMemoryCrm;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.DealStatus;
import dev.ecosystem.model.Money;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.model.PartnershipStatus;
import dev.ecosystem.spi.CrmConnections;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Two partners with small CRMs whose overlaps are known by construction, and a third company.
 *
 * <pre>
 * acme                                   globex                              match
 * a1 customer      www.one.co.uk/x       g1 customer     shop.one.co.uk      domain one.co.uk
 * a2 open opp 5000 two.com               g2 customer     TWO.COM             domain two.com
 * a3 customer      https://three.io      g3 open 7000    three.io:8080       domain three.io
 * a4 prospect      gmail.com "Fourfold.." g4 prospect     (none) "Fourfold.." name fourfoldanalytics
 * a5 open opp 9000 seven.com             g5 customer     seven.com           domain seven.com
 * a6 prospect      six.com               -                                   none
 * -                                      g6 customer     eight.com           none
 * </pre>
 */
final class OverlapFixture {
    static final CompanyId ACME = CompanyId.of("acme");
    static final CompanyId GLOBEX = CompanyId.of("globex");
    static final CompanyId INITECH = CompanyId.of("initech");
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    final InMemoryCrm acmeCrm = InMemoryCrm.of(ACME, List.of(
            account(ACME, "a1", "Acme One", "www.one.co.uk/x", "customer"),
            account(ACME, "a2", "Two Inc.", "two.com", "lead"),
            account(ACME, "a3", "Three", "https://three.io", "customer"),
            account(ACME, "a4", "Fourfold Analytics GmbH", "gmail.com", "lead"),
            account(ACME, "a5", "Seven", "seven.com", "lead"),
            account(ACME, "a6", "Six", "six.com", "lead")), List.of(
            openDeal(ACME, "d2", "a2", "5000", "Qualification"),
            openDeal(ACME, "d5", "a5", "9000", "Prospecting")));
    final InMemoryCrm globexCrm = InMemoryCrm.of(GLOBEX, List.of(
            Account.builder(GLOBEX, AccountId.of("g1"), "One Ltd").domain("shop.one.co.uk")
                    .lifecycleStage("customer").property("industry", "Retail").property("tier", "gold").build(),
            account(GLOBEX, "g2", "Two", "TWO.COM", "customer"),
            account(GLOBEX, "g3", "Three Labs", "three.io:8080", "lead"),
            account(GLOBEX, "g4", "Fourfold Analytics", null, "lead"),
            account(GLOBEX, "g5", "Seven Group", "seven.com", "customer"),
            account(GLOBEX, "g6", "Eight", "eight.com", "customer")), List.of(
            openDeal(GLOBEX, "h3", "g3", "7000", "Negotiation/Review")));
    final EcosystemClient client;

    OverlapFixture() {
        this(OverlapSettings.defaults());
    }

    OverlapFixture(OverlapSettings settings) {
        client = EcosystemClient.builder()
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .crm(CrmConnections.of(acmeCrm, globexCrm))
                .overlapSettings(settings)
                .build();
        for (CompanyId id : List.of(ACME, GLOBEX, INITECH)) {
            client.register(Company.builder(id, "Company " + id).businessTags("saas").listed(true).build());
        }
    }

    /** Both sides record the partnership and sync. */
    OverlapFixture partnered() {
        client.as(ACME).partnerships().create(GLOBEX, PartnerType.REFERRAL, PartnershipStatus.ACTIVE);
        client.as(GLOBEX).partnerships().create(ACME, PartnerType.REFERRAL, PartnershipStatus.ACTIVE);
        client.as(ACME).overlaps().syncCrm();
        client.as(GLOBEX).overlaps().syncCrm();
        return this;
    }

    Overlaps acme() {
        return client.as(ACME).overlaps();
    }

    Overlaps globex() {
        return client.as(GLOBEX).overlaps();
    }

    static Account account(CompanyId owner, String id, String name, @Nullable String domain,
            @Nullable String stage) {
        return Account.builder(owner, AccountId.of(id), name).domain(domain).lifecycleStage(stage).build();
    }

    static Deal openDeal(CompanyId owner, String id, String account, String amount, String stage) {
        return Deal.builder(owner, DealId.of(id), "Deal " + id).account(AccountId.of(account))
                .amount(Money.of(amount, "USD")).stage(stage, DealStatus.OPEN).createdAt(NOW).build();
    }

    static Deal closedDeal(CompanyId owner, String id, String account, DealStatus status) {
        return Deal.builder(owner, DealId.of(id), "Deal " + id).account(AccountId.of(account))
                .amount(Money.of("100", "USD")).stage(status == DealStatus.WON ? "Closed Won" : "Closed Lost", status)
                .createdAt(NOW).closeDate(LocalDate.of(2026, 11, 1)).build();
    }
}
