package dev.ecosystem.testkit;

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
import dev.ecosystem.model.IntroductionStatus;
import dev.ecosystem.model.IntroductionTransition;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Valid sample records for store tests, as {@link PartnerStoreContract} uses them. Every record fills its optional
 * fields (non-ASCII text, properties, amounts with a scale) so that a store which drops or rounds a field fails the
 * round-trip tests; every instant is a whole millisecond, which every supported database keeps exactly.
 *
 * <pre>{@code
 * CompanyId acme = CompanyId.of("acme");
 * store.useTransaction(tx -> {
 *     tx.companies().put(StoreFixtures.company("acme"));
 *     tx.contacts().put(StoreFixtures.contact(acme, "ada"));
 * });
 * }</pre>
 */
public final class StoreFixtures {
    /** The instant the fixtures are built around; tests pass it (and offsets of it) instead of reading a clock. */
    public static final Instant T0 = Instant.parse("2026-03-02T09:15:30.250Z");

    private StoreFixtures() {
    }

    /** A listed network profile with every field filled (its intake contact is {@code intake-<id>}). */
    public static Company company(String id) {
        return Company.builder(CompanyId.of(id), "Company " + id + " Größe & Søn")
                .webDomain(slug(id) + ".example.com")
                .description("Makes tools for partner teams.\nSecond line, with ünïcödé.")
                .businessTags("email-marketing", "saas")
                .industries("retail", "health care")
                .regions("emea", "north-america")
                .sizeBand(SizeBand.MEDIUM)
                .productCategories("marketing-automation", "crm", "analytics")
                .signals("runs-partner-program")
                .listed(true)
                .introductionIntake(ContactId.of("intake-" + id))
                .build();
    }

    /** A contact of {@code company} with every field filled, reachable for introductions. */
    public static Contact contact(CompanyId company, String id) {
        return Contact.builder(ContactId.of(id), company, "Zoë " + id, slug(id) + "@" + slug(company.value())
                        + ".example.com")
                .title("Head of Partnerships")
                .roleTags("partnerships", "sales")
                .reachableForIntroductions(true)
                .build();
    }

    /** An active technology partnership that {@code owner} keeps with {@code partner}. */
    public static Partnership partnership(CompanyId owner, String id, CompanyId partner) {
        return new Partnership(PartnershipId.of(id), owner, partner, PartnerType.TECHNOLOGY, PartnershipStatus.ACTIVE,
                LocalDate.of(2026, 2, 14));
    }

    /**
     * A requested introduction (version 0) from a contact of {@code requesterCompany} to one of
     * {@code targetCompany}, made by an introducer, about an account and a deal, with shared facts; it expires 14 days
     * after {@link #T0} and is next due 3 days after it.
     */
    public static Introduction introduction(String id, CompanyId requesterCompany, CompanyId targetCompany) {
        return Introduction.builder(IntroductionId.of(id), requesterCompany, ContactId.of("requester-" + id),
                        targetCompany, ContactId.of("target-" + id), "Both sell to clinics in the Nordics; ÅÄÖ welcome.",
                        T0, T0.plus(Duration.ofDays(14)))
                .introducer(ContactId.of("introducer-" + id))
                .sharedFacts(List.of("shared tag: health care", "both list Größe & Søn as a partner"))
                .account(AccountId.of("acct-" + id))
                .deal(DealId.of("deal-" + id))
                .nextDueAt(T0.plus(Duration.ofDays(3)))
                .build();
    }

    /**
     * A copy of {@code intro} moved to {@code status} at {@code at} by its requester, with the transition recorded
     * (the model's {@link Introduction#moveTo}, so only allowed moves work).
     */
    public static Introduction moved(Introduction intro, IntroductionStatus status, Instant at) {
        return intro.moveTo(status, IntroductionTransition.person(intro.requesterCompany(), intro.requester()), at,
                "moved to " + status + " by the fixtures");
    }

    /** A CRM account of {@code tenant} with every field filled. */
    public static Account account(CompanyId tenant, String id) {
        return Account.builder(tenant, AccountId.of(id), "Account " + id + " GmbH")
                .domain("https://www." + slug(id) + ".example.org/")
                .lifecycleStage("customer")
                .property("industry", "Retail")
                .property("owner_email", "rep@example.com")
                .updatedAt(T0.minusSeconds(3600))
                .build();
    }

    /** {@code count} accounts of {@code tenant}, with ids {@code acc-000000}, {@code acc-000001}, ... */
    public static List<Account> accounts(CompanyId tenant, int count) {
        List<Account> accounts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            accounts.add(account(tenant, String.format("acc-%06d", i)));
        }
        return accounts;
    }

    /** A won CRM deal of {@code tenant} on two accounts, with an amount that has a scale. */
    public static Deal deal(CompanyId tenant, String id) {
        return Deal.builder(tenant, DealId.of(id), "Deal " + id + " – Renewal")
                .account(AccountId.of("acct-1-" + id))
                .account(AccountId.of("acct-2-" + id))
                .amount(Money.of("12500.50", "EUR"))
                .pipeline("default")
                .stage("closedwon", DealStatus.WON)
                .createdAt(T0.minusSeconds(86_400 * 30L))
                .closeDate(LocalDate.of(2026, 2, 28))
                .property("dealtype", "newbusiness")
                .build();
    }

    /** A touchpoint in {@code owner}'s ledger: {@code partner} co-sold an account and a deal. */
    public static Touchpoint touchpoint(CompanyId owner, String id, CompanyId partner) {
        return Touchpoint.builder(TouchpointId.of(id), owner, partner, TouchpointKind.CO_SELL, T0)
                .account(AccountId.of("acct-" + id)).deal(DealId.of("deal-" + id))
                .registration(RegistrationId.of("reg-" + id)).origin("intro:" + id).build();
    }

    /** A touchpoint with id {@code id} that reverses {@code original}. */
    public static Touchpoint reversal(Touchpoint original, String id) {
        return Touchpoint.builder(TouchpointId.of(id), original.owner(), original.partner(), original.kind(),
                original.occurredAt().plusSeconds(60)).account(original.accountId()).deal(original.dealId())
                .registration(original.registration()).origin("correction").reverses(original.id()).build();
    }

    /**
     * A pending outbox entry of {@code tenant}, due at {@code dueAt}. Its Message-ID is derived from the tenant and
     * the id, so two fixtures differ in Message-ID exactly when they differ in tenant or id.
     */
    public static OutboxEntry outboxEntry(CompanyId tenant, String id, Instant dueAt) {
        String messageId = "<" + UUID.nameUUIDFromBytes((tenant.value() + "\n" + id).getBytes(StandardCharsets.UTF_8))
                + "@fixtures.ecosystem.dev>";
        return OutboxEntry.pending(OutboxEntryId.of(id), tenant, message(messageId), "intro:" + id,
                T0.minusSeconds(600)).dueAt(dueAt);
    }

    /** An introduction email with every header field filled. */
    public static EmailMessage message(String messageId) {
        return EmailMessage.builder(messageId, EmailAddress.of("ada@acme.example.com", "Ada Lovelace"),
                        "Introduction: Ada ⇄ Grace")
                .to(EmailAddress.of("grace@navy.example.org", "Grace Hopper"))
                .cc(EmailAddress.of("linus@example.net"))
                .text("Hello Grace,\r\nmeet Ada.\r\n")
                .html("<p>Hello Grace,<br>meet Ada.</p>")
                .inReplyTo("<consent-1@fixtures.ecosystem.dev>")
                .reference("<consent-1@fixtures.ecosystem.dev>")
                .threadId("thread-42")
                .build();
    }

    private static String slug(String text) {
        String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "x" + Integer.toHexString(text.hashCode()) : slug;
    }
}
