package dev.ecosystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.error.AccessDeniedException;
import dev.ecosystem.error.ConflictException;
import dev.ecosystem.error.NotFoundException;
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
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.IntroductionId;
import dev.ecosystem.model.IntroductionStatus;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.model.Partnership;
import dev.ecosystem.model.PartnershipStatus;
import dev.ecosystem.spi.CrmConnections;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tenancy is enforced at the scope: one company never reaches another's data, whatever id it passes. */
class TenantScopeTest {
    private static final CompanyId ACME = CompanyId.of("acme");
    private static final CompanyId GLOBEX = CompanyId.of("globex");
    private static final CompanyId INITECH = CompanyId.of("initech");
    private static final CompanyId HIDDEN = CompanyId.of("hidden");
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final List<EcosystemEvent> events = new ArrayList<>();
    private EcosystemClient client;

    @BeforeEach
    void setUp() {
        InMemoryCrm acmeCrm = InMemoryCrm.of(ACME,
                List.of(Account.builder(ACME, AccountId.of("a1"), "Shared Id Account").domain("one.com").build()),
                List.of(Deal.builder(ACME, DealId.of("d1"), "Acme deal").account(AccountId.of("a1"))
                        .stage("won", DealStatus.WON).createdAt(NOW).closeDate(LocalDate.of(2026, 11, 1)).build()));
        InMemoryCrm globexCrm = InMemoryCrm.of(GLOBEX,
                List.of(Account.builder(GLOBEX, AccountId.of("a1"), "Globex private account").build()), List.of());
        client = EcosystemClient.builder()
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .crm(CrmConnections.of(acmeCrm, globexCrm))
                .eventListener(events::add)
                .build();
        client.register(company(ACME, true));
        client.register(company(GLOBEX, true));
        client.register(company(INITECH, true));
        client.register(company(HIDDEN, false));
    }

    @Test
    void as_unknownCompany_isNotFound() {
        assertThatThrownBy(() -> client.as(CompanyId.of("nobody")))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("nobody");
    }

    @Test
    void contacts_ofAnotherCompany_areInvisibleEvenWithTheSameId() {
        client.as(ACME).contacts().save(contact(ACME, "c1", "ada@acme.io"));
        client.as(GLOBEX).contacts().save(contact(GLOBEX, "c1", "grace@globex.com"));

        assertThat(client.as(ACME).contacts().get(ContactId.of("c1")).email().address()).isEqualTo("ada@acme.io");
        assertThat(client.as(INITECH).contacts().list(PageRequest.first(10)).items()).isEmpty();
        assertThatThrownBy(() -> client.as(INITECH).contacts().get(ContactId.of("c1")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> client.as(INITECH).contacts().setOptedOut(ContactId.of("c1"), true))
                .isInstanceOf(NotFoundException.class);
        assertThat(client.as(ACME).contacts().get(ContactId.of("c1")).optedOutOfIntroductions()).isFalse();
    }

    @Test
    void contacts_savingAnotherCompanysContact_isDenied() {
        assertThatThrownBy(() -> client.as(ACME).contacts().save(contact(GLOBEX, "c9", "x@globex.com")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(client.as(GLOBEX).contacts().list(PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void partnerships_areSeenOnlyByTheirOwner() {
        Partnership mine = client.as(ACME).partnerships()
                .create(GLOBEX, PartnerType.TECHNOLOGY, PartnershipStatus.PROSPECT);

        assertThat(mine.since()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(client.as(ACME).partnerships().get(mine.id())).isEqualTo(mine);
        assertThatThrownBy(() -> client.as(GLOBEX).partnerships().get(mine.id()))
                .isInstanceOf(NotFoundException.class);
        assertThat(client.as(GLOBEX).partnerships().list(PageRequest.first(10)).items()).isEmpty();
        assertThat(client.as(GLOBEX).partnerships().findByPartner(ACME)).isNull();
        assertThatThrownBy(() -> client.as(GLOBEX).partnerships().changeStatus(mine.id(), PartnershipStatus.ENDED))
                .isInstanceOf(NotFoundException.class);
        assertThat(events).extracting(EcosystemEvent::type).containsExactly("partnership.created");
    }

    @Test
    void partnerships_withUnlistedCompany_isNotFound() {
        assertThatThrownBy(() -> client.as(ACME).partnerships()
                .create(HIDDEN, PartnerType.REFERRAL, PartnershipStatus.PROSPECT))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void partnerships_endedOne_cannotBeRevived() {
        Partnership ended = client.as(ACME).partnerships().create(GLOBEX, PartnerType.SERVICES, PartnershipStatus.ENDED);
        assertThatThrownBy(() -> client.as(ACME).partnerships().changeStatus(ended.id(), PartnershipStatus.ACTIVE))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("ENDED");
    }

    @Test
    void intros_areSeenOnlyByTheTwoParties() {
        Introduction intro = Introduction.builder(IntroductionId.of("i1"), ACME, ContactId.of("c1"), GLOBEX,
                ContactId.of("c2"), "Integration partners", NOW, NOW.plusSeconds(3600))
                .status(IntroductionStatus.REQUESTED).build();
        client.store().useTransaction(tx -> tx.introductions().insert(intro));

        assertThat(client.as(ACME).intros().get(intro.id()).id()).isEqualTo(intro.id());
        assertThat(client.as(GLOBEX).intros().get(intro.id()).id()).isEqualTo(intro.id());
        assertThatThrownBy(() -> client.as(INITECH).intros().get(intro.id())).isInstanceOf(NotFoundException.class);
        assertThat(client.as(INITECH).intros().list(PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void crmSnapshots_areSeenOnlyByTheirOwner() {
        client.as(ACME).overlaps().syncCrm();
        client.as(GLOBEX).overlaps().syncCrm();

        assertThat(client.as(ACME).overlaps().accounts(PageRequest.first(10)).items())
                .extracting(Account::name).containsExactly("Shared Id Account");
        assertThat(client.as(GLOBEX).overlaps().accounts(PageRequest.first(10)).items())
                .extracting(Account::name).containsExactly("Globex private account");
        assertThat(client.as(GLOBEX).overlaps().deals(PageRequest.first(10)).items()).isEmpty();
        assertThat(client.as(INITECH).overlaps().accounts(PageRequest.first(10)).items()).isEmpty();
        assertThatThrownBy(() -> client.as(INITECH).overlaps().syncCrm()).isInstanceOf(NotFoundException.class);
    }

    @Test
    void syncCrm_removesWhatTheCrmNoLongerHas() {
        InMemoryCrm crm = InMemoryCrm.of(ACME, List.of(
                Account.builder(ACME, AccountId.of("a1"), "One").build(),
                Account.builder(ACME, AccountId.of("a2"), "Two").build()), List.of());
        EcosystemClient local = EcosystemClient.builder().crm(CrmConnections.of(crm)).build();
        local.register(company(ACME, true));
        local.as(ACME).overlaps().syncCrm();

        crm.removeAccount(AccountId.of("a2"));
        var result = local.as(ACME).overlaps().syncCrm();

        assertThat(result.accounts()).isEqualTo(1);
        assertThat(local.as(ACME).overlaps().accounts(PageRequest.first(10)).items())
                .extracting(Account::id).containsExactly(AccountId.of("a1"));
    }

    @Test
    void network_unlistedCompany_isVisibleOnlyToItself() {
        assertThat(client.as(HIDDEN).network().profile().id()).isEqualTo(HIDDEN);
        assertThatThrownBy(() -> client.as(ACME).network().find(HIDDEN)).isInstanceOf(NotFoundException.class);
        assertThat(client.as(ACME).network().listed(PageRequest.first(100)).items())
                .extracting(Company::id).containsExactly(GLOBEX, INITECH);
    }

    @Test
    void network_updatingAnotherCompanysProfile_isDenied() {
        assertThatThrownBy(() -> client.as(ACME).network().updateProfile(company(GLOBEX, false)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(client.as(ACME).network().find(GLOBEX).listed()).isTrue();
    }

    @Test
    void listed_pagesVisitEveryListedCompanyOnce() {
        for (int i = 0; i < 30; i++) {
            client.register(company(CompanyId.of(String.format("c%02d", i)), i % 3 != 0));
        }
        List<CompanyId> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = client.as(ACME).network().listed(PageRequest.after(cursor, 4));
            assertThat(page.items().size()).isLessThanOrEqualTo(4);
            page.items().forEach(c -> seen.add(c.id()));
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(seen).doesNotHaveDuplicates().doesNotContain(ACME, HIDDEN).hasSize(20 + 2);
    }

    private static Company company(CompanyId id, boolean listed) {
        return Company.builder(id, "Company " + id).businessTags("saas").listed(listed).build();
    }

    private static Contact contact(CompanyId company, String id, String email) {
        return Contact.builder(ContactId.of(id), company, "Person " + id, email).roleTags("partnerships").build();
    }
}
