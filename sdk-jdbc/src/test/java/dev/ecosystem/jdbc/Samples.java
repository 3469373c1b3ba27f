package dev.ecosystem.jdbc;

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
import dev.ecosystem.model.EmailMessage;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.IntroductionId;
import dev.ecosystem.model.Money;
import dev.ecosystem.model.OutboxEntry;
import dev.ecosystem.model.OutboxEntryId;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.model.Partnership;
import dev.ecosystem.model.PartnershipId;
import dev.ecosystem.model.PartnershipStatus;
import dev.ecosystem.model.RegistrationId;
import dev.ecosystem.model.SizeBand;
import dev.ecosystem.model.Touchpoint;
import dev.ecosystem.model.TouchpointId;
import dev.ecosystem.model.TouchpointKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Records with every field set, including the awkward values (nanoseconds, quotes, commas, non-ASCII text). */
final class Samples {
    static final CompanyId ACME = CompanyId.of("acme");
    static final CompanyId GLOBEX = CompanyId.of("globex");
    static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456789Z");

    private Samples() {
    }

    static Company company(String id) {
        return Company.builder(CompanyId.of(id), "Acme \"Mail\", Ltd. – Zürich")
                .webDomain(id + ".io")
                .description("Email marketing\nfor small shops")
                .businessTags("email-marketing", "saas")
                .industries("retail", "e-commerce")
                .regions("dach")
                .sizeBand(SizeBand.SMALL)
                .productCategories("email-marketing", "automation")
                .signals("runs-partner-program")
                .listed(true)
                .build();
    }

    static Contact contact(CompanyId company, String id) {
        return Contact.builder(ContactId.of(id), company, "Ada O'Neil", id + "@" + company.value() + ".io")
                .title("Head of Partnerships")
                .roleTags("partnerships")
                .reachableForIntroductions(true)
                .build();
    }

    static Partnership partnership(CompanyId owner, String id, CompanyId partner) {
        return new Partnership(PartnershipId.of(id), owner, partner, PartnerType.TECHNOLOGY, PartnershipStatus.ACTIVE,
                LocalDate.of(2025, 12, 31));
    }

    static Introduction introduction(String id) {
        return Introduction.builder(IntroductionId.of(id), ACME, ContactId.of("ada"), GLOBEX, ContactId.of("bob"),
                        "Both sell to DACH retailers; \"co-sell\"?", T0, T0.plusSeconds(14 * 24 * 3600))
                .introducer(ContactId.of("cy"))
                .sharedFacts(List.of("shared tag: e-commerce", "3 shared customers"))
                .account(AccountId.of("a-1"))
                .deal(DealId.of("d-1"))
                .updatedAt(T0.plusNanos(1))
                .nextDueAt(T0.plusSeconds(3 * 24 * 3600))
                .jointEntry(OutboxEntryId.of("o-joint"))
                .build();
    }

    static Account account(CompanyId tenant, String id) {
        return Account.builder(tenant, AccountId.of(id), "Initech, \"the\" company")
                .domain("https://initech.com/path")
                .lifecycleStage("customer")
                .property("tier", "gold, \"plus\"\\ü")
                .property("seats", "42")
                .updatedAt(T0)
                .build();
    }

    static Deal deal(CompanyId tenant, String id) {
        return Deal.builder(tenant, DealId.of(id), "Renewal 2026")
                .account(AccountId.of("a-1"))
                .account(AccountId.of("a-2"))
                .amount(Money.of("1200.50", "EUR"))
                .pipeline("default")
                .stage("closedwon", DealStatus.WON)
                .createdAt(T0)
                .closeDate(LocalDate.of(2026, 4, 1))
                .property("source", "partner")
                .build();
    }

    static Touchpoint touchpoint(String id) {
        return Touchpoint.builder(TouchpointId.of(id), ACME, GLOBEX, TouchpointKind.values()[0], T0)
                .account(AccountId.of("a-1")).deal(DealId.of("d-1")).registration(RegistrationId.of("r-1"))
                .origin("intro i-1").build();
    }

    static OutboxEntry outboxEntry(String id, Instant now) {
        EmailMessage message = EmailMessage.builder("<" + id + "@ecosystem.test>",
                        EmailAddress.of("ada@acme.io", "Ada"), "Meet Bob – \"co-sell\"")
                .to(EmailAddress.of("bob@globex.io"))
                .cc(EmailAddress.of("cy@acme.io", "Cy"))
                .text("Hi Bob,\n\nmeet Ada.\n")
                .html("<p>Hi Bob</p>")
                .reference("<earlier@ecosystem.test>")
                .build();
        return OutboxEntry.pending(OutboxEntryId.of(id), ACME, message, "intro i-1", now);
    }
}
