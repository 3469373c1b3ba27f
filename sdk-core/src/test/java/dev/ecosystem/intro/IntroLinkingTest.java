package dev.ecosystem.intro;

import static dev.ecosystem.intro.IntroFixture.ACME;
import static dev.ecosystem.intro.IntroFixture.BOB;
import static dev.ecosystem.intro.IntroFixture.GLOBEX;
import static dev.ecosystem.intro.IntroFixture.T0;
import static dev.ecosystem.intro.IntroFixture.adaToBob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.memory.InMemoryCrm;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.DealStatus;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.Prospect;
import dev.ecosystem.model.Touchpoint;
import dev.ecosystem.model.TouchpointId;
import dev.ecosystem.model.TouchpointKind;
import dev.ecosystem.spi.CrmConnections;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Introductions that name a prospect, and how CRM syncs credit connected introductions on the requester's deals:
 * by account, domain or name, idempotently, reversed when a deal moves away.
 */
class IntroLinkingTest {
    private static final Instant CONNECTED = T0.plus(Duration.ofHours(2));

    private final IntroFixture f = new IntroFixture();
    private final InMemoryCrm acmeCrm = InMemoryCrm.of(ACME, List.of(), List.of());
    private final InMemoryCrm globexCrm = InMemoryCrm.of(GLOBEX, List.of(), List.of());
    private final EcosystemClient client = EcosystemClient.builder().store(f.store).mailer(f.mailer).clock(f.clock)
            .intros(f.settings).crm(CrmConnections.of(acmeCrm, globexCrm)).build();

    private Introduction connect(IntroRequest request) {
        Introduction intro = f.acme().request(request);
        f.clock.set(CONNECTED);
        f.globex().accept(intro.id(), BOB);
        return intro;
    }

    private static Account account(CompanyId owner, String id, String name, String domain) {
        return Account.builder(owner, AccountId.of(id), name).domain(domain).build();
    }

    private static Deal deal(CompanyId owner, String id, String account) {
        return Deal.builder(owner, DealId.of(id), "deal " + id).account(AccountId.of(account))
                .stage("open", DealStatus.OPEN).createdAt(T0.plus(Duration.ofDays(1))).build();
    }

    private List<Touchpoint> ledger(CompanyId owner) {
        return f.store.inTransaction(tx -> tx.touchpoints().list(owner, PageRequest.first(1000))).items();
    }

    /** The entries that count: not reversed and not reversals. */
    private List<Touchpoint> counted(CompanyId owner) {
        List<Touchpoint> all = ledger(owner);
        Set<TouchpointId> reversed = all.stream().filter(t -> t.reverses() != null).map(Touchpoint::reverses)
                .collect(Collectors.toSet());
        return all.stream().filter(t -> t.reverses() == null && !reversed.contains(t.id())).toList();
    }

    @Test
    void prospect_isStored_andShownOnlyToTheRequestingCompany() {
        Introduction intro = f.acme().request(adaToBob().prospect(Prospect.of("Initech GmbH", "initech.de"))
                .build());

        assertThat(f.acme().get(intro.id()).prospect()).isEqualTo(Prospect.of("Initech GmbH", "initech.de"));
        assertThat(f.globex().get(intro.id()).prospect()).isNull();
        assertThat(f.globex().list(PageRequest.first(10)).items()).allMatch(i -> i.prospect() == null);
    }

    @Test
    void prospect_withADomainNoCompanyOwns_orANameWithoutLettersOrDigits_isRefused_andNothingIsStored() {
        assertThatThrownBy(() -> f.acme().request(adaToBob().prospect(Prospect.of("Initech", "gmail.com")).build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("prospect domain")
                .hasMessageContaining("gmail.com");
        assertThatThrownBy(() -> f.acme().request(adaToBob().prospect(Prospect.of("Initech", "co.uk")).build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("prospect domain");
        assertThatThrownBy(() -> f.acme().request(adaToBob().prospect(Prospect.of("(n/a) --", null)).build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("prospect name");
        assertThatThrownBy(() -> Prospect.of("Initech", "initech.de evil.com"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("prospect domain");
        assertThatThrownBy(() -> Prospect.of(" ", "initech.de"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("prospect name");

        assertThat(f.acme().list(PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void sync_creditsAConnectedIntroduction_onANewDealOfTheProspectsDomain() {
        Introduction intro = connect(adaToBob().prospect(Prospect.of("Initech", "https://initech.de")).build());
        acmeCrm.putAll(List.of(account(ACME, "a-1", "Initech Deutschland GmbH", "www.initech.de"),
                account(ACME, "a-2", "Hooli", "hooli.com")),
                List.of(deal(ACME, "d-1", "a-1"), deal(ACME, "d-2", "a-2")));

        client.as(ACME).overlaps().syncCrm();

        assertThat(ledger(ACME)).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo(TouchpointKind.INTRODUCTION);
            assertThat(t.owner()).isEqualTo(ACME);
            assertThat(t.partner()).isEqualTo(GLOBEX);
            assertThat(t.dealId()).isEqualTo(DealId.of("d-1"));
            assertThat(t.accountId()).isEqualTo(AccountId.of("a-1"));
            assertThat(t.occurredAt()).isEqualTo(CONNECTED);
            assertThat(t.origin()).isEqualTo(intro.id().value());
        });
    }

    @Test
    void sync_matchesByNormalizedName_whenTheAccountHasNoDomain_butNotAcrossDifferentDomains() {
        connect(adaToBob().prospect(Prospect.of("Initech GmbH", "initech.de")).build());
        acmeCrm.putAll(List.of(Account.builder(ACME, AccountId.of("a-1"), "INITECH").build(),
                account(ACME, "a-2", "Initech", "initech-shoes.com")),
                List.of(deal(ACME, "d-1", "a-1"), deal(ACME, "d-2", "a-2")));

        client.as(ACME).overlaps().syncCrm();

        assertThat(ledger(ACME)).extracting(Touchpoint::dealId).containsExactly(DealId.of("d-1"));
    }

    @Test
    void sync_matchesAProspectWithoutADomain_byName_whateverTheAccountsDomain() {
        connect(adaToBob().prospect(Prospect.of("Initech AG", null)).build());
        acmeCrm.putAll(List.of(account(ACME, "a-1", "Initech", "initech.ch"), account(ACME, "a-2", "Initrode",
                "initech.com")), List.of(deal(ACME, "d-1", "a-1"), deal(ACME, "d-2", "a-2")));

        client.as(ACME).overlaps().syncCrm();

        assertThat(ledger(ACME)).extracting(Touchpoint::dealId).containsExactly(DealId.of("d-1"));
    }

    @Test
    void sync_creditsDealsOfTheNamedAccount() {
        acmeCrm.putAll(List.of(account(ACME, "a-9", "Umbrella", "umbrella.com")), List.of());
        client.as(ACME).overlaps().syncCrm();
        Introduction intro = connect(adaToBob().account(AccountId.of("a-9")).build());
        List<Touchpoint> atConnection = ledger(ACME);
        acmeCrm.putAll(List.of(), List.of(deal(ACME, "d-5", "a-9")));

        client.as(ACME).overlaps().syncChanges();

        assertThat(ledger(ACME)).hasSize(atConnection.size() + 1)
                .filteredOn(t -> DealId.of("d-5").equals(t.dealId())).singleElement().satisfies(t -> {
                    assertThat(t.origin()).isEqualTo(intro.id().value());
                    assertThat(t.accountId()).isEqualTo(AccountId.of("a-9"));
                });
    }

    @Test
    void resyncing_neverDoublesACredit() {
        connect(adaToBob().prospect(Prospect.of("Initech", "initech.de")).build());
        acmeCrm.putAll(List.of(account(ACME, "a-1", "Initech", "initech.de")), List.of(deal(ACME, "d-1", "a-1")));
        client.as(ACME).overlaps().syncCrm();
        List<Touchpoint> first = ledger(ACME);

        acmeCrm.put(Deal.builder(ACME, DealId.of("d-1"), "renamed").account(AccountId.of("a-1"))
                .stage("proposal", DealStatus.OPEN).createdAt(T0.plus(Duration.ofDays(1))).build());
        client.as(ACME).overlaps().syncChanges();
        client.as(ACME).overlaps().syncCrm();
        // a second app node syncs the same CRM too
        EcosystemClient.builder().store(f.store).clock(f.clock).crm(CrmConnections.of(acmeCrm)).build()
                .as(ACME).overlaps().syncCrm();

        assertThat(ledger(ACME)).hasSize(1).isEqualTo(first);
    }

    @Test
    void aDealMovedToAnotherAccount_reversesItsCredit_andMovingBackCreditsItAgain() {
        connect(adaToBob().prospect(Prospect.of("Initech", "initech.de")).build());
        acmeCrm.putAll(List.of(account(ACME, "a-1", "Initech", "initech.de"), account(ACME, "a-2", "Hooli",
                "hooli.com")), List.of(deal(ACME, "d-1", "a-1")));
        client.as(ACME).overlaps().syncCrm();
        Touchpoint credit = ledger(ACME).get(0);

        acmeCrm.put(deal(ACME, "d-1", "a-2"));
        client.as(ACME).overlaps().syncChanges();

        assertThat(ledger(ACME)).hasSize(2).anySatisfy(t -> {
            assertThat(t.reverses()).isEqualTo(credit.id());
            assertThat(t.partner()).isEqualTo(GLOBEX);
        });
        assertThat(counted(ACME)).isEmpty();
        client.as(ACME).overlaps().syncCrm();
        assertThat(ledger(ACME)).hasSize(2);

        acmeCrm.put(deal(ACME, "d-1", "a-1"));
        client.as(ACME).overlaps().syncChanges();

        assertThat(counted(ACME)).singleElement().satisfies(t -> {
            assertThat(t.id()).isNotEqualTo(credit.id());
            assertThat(t.dealId()).isEqualTo(DealId.of("d-1"));
        });
    }

    @Test
    void anIntroductionThatDidNotConnect_earnsNothing() {
        f.acme().request(adaToBob().prospect(Prospect.of("Initech", "initech.de")).build());
        acmeCrm.putAll(List.of(account(ACME, "a-1", "Initech", "initech.de")), List.of(deal(ACME, "d-1", "a-1")));

        client.as(ACME).overlaps().syncCrm();

        assertThat(ledger(ACME)).isEmpty();
    }

    @Test
    void onlyTheRequestersDealsAreCredited_theTargetsSyncOfTheSameCompanyGetsNothing() {
        connect(adaToBob().prospect(Prospect.of("Initech", "initech.de")).build());
        globexCrm.putAll(List.of(account(GLOBEX, "g-1", "Initech", "initech.de")),
                List.of(deal(GLOBEX, "gd-1", "g-1")));

        client.as(GLOBEX).overlaps().syncCrm();

        assertThat(ledger(GLOBEX)).isEmpty();
        assertThat(ledger(ACME)).isEmpty();
    }
}
