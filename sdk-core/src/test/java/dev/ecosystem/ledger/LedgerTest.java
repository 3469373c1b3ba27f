package dev.ecosystem.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.error.ConflictException;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.event.EcosystemEvent;
import dev.ecosystem.memory.InMemoryPartnerStore;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.DealStatus;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.model.PartnershipStatus;
import dev.ecosystem.model.Touchpoint;
import dev.ecosystem.model.TouchpointId;
import dev.ecosystem.model.TouchpointKind;
import dev.ecosystem.spi.PartnerStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The tenant-scoped ledger: recording by hand, checks, idempotency, listing, reversal rules and tenancy. */
class LedgerTest {
    private static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");
    private static final Instant EARLIER = NOW.minus(Duration.ofDays(3));
    private static final CompanyId ACME = CompanyId.of("co-acme");
    private static final CompanyId GLOBEX = CompanyId.of("co-globex");
    private static final CompanyId INITECH = CompanyId.of("co-initech");
    private static final AccountId A1 = AccountId.of("a-1");
    private static final AccountId A2 = AccountId.of("a-2");
    private static final DealId D1 = DealId.of("d-1");

    private final PartnerStore store = InMemoryPartnerStore.create();
    private final List<EcosystemEvent> events = new CopyOnWriteArrayList<>();
    private final EcosystemClient client = EcosystemClient.builder().store(store)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC)).eventListener(events::add).build();
    private final Ledger acme;

    LedgerTest() {
        for (CompanyId id : List.of(ACME, GLOBEX, INITECH)) {
            client.register(Company.builder(id, id.value()).listed(true).build());
        }
        client.as(ACME).partnerships().create(GLOBEX, PartnerType.TECHNOLOGY, PartnershipStatus.ACTIVE);
        client.as(GLOBEX).partnerships().create(ACME, PartnerType.TECHNOLOGY, PartnershipStatus.ACTIVE);
        store.useTransaction(tx -> {
            tx.crm().putAccounts(ACME, List.of(Account.builder(ACME, A1, "Initrode").build(),
                    Account.builder(ACME, A2, "Hooli").build()));
            tx.crm().putDeals(ACME, List.of(Deal.builder(ACME, D1, "Initrode seats").account(A1)
                    .stage("open", DealStatus.OPEN).createdAt(EARLIER).build()));
        });
        acme = client.as(ACME).ledger();
    }

    private static TouchpointRequest.Builder cosell() {
        return TouchpointRequest.builder(GLOBEX, TouchpointKind.CO_SELL, EARLIER).deal(D1);
    }

    private List<Touchpoint> stored(CompanyId owner) {
        return store.inTransaction(tx -> tx.touchpoints().list(owner, PageRequest.first(1000))).items();
    }

    @Test
    void record_storesTheEntryInTheActingCompanysLedger_andPublishesLedgerRecorded() {
        Touchpoint entry = acme.record(cosell().account(A1).note("joint demo").build());

        assertThat(entry.owner()).isEqualTo(ACME);
        assertThat(entry.partner()).isEqualTo(GLOBEX);
        assertThat(entry.kind()).isEqualTo(TouchpointKind.CO_SELL);
        assertThat(entry.dealId()).isEqualTo(D1);
        assertThat(entry.accountId()).isEqualTo(A1);
        assertThat(entry.origin()).isEqualTo("joint demo");
        assertThat(entry.occurredAt()).isEqualTo(EARLIER);
        assertThat(stored(ACME)).containsExactly(entry);
        assertThat(acme.get(entry.id())).isEqualTo(entry);
        assertThat(events).filteredOn(e -> e.type().equals("ledger.recorded")).singleElement().satisfies(e -> {
            assertThat(e.tenant()).isEqualTo(ACME);
            assertThat(e.subject()).isEqualTo(entry.id().value());
            assertThat(e.attributes()).containsEntry("partner", GLOBEX.value()).containsEntry("kind", "CO_SELL");
        });
    }

    @Test
    void record_acceptsEveryManualKind() {
        for (TouchpointKind kind : List.of(TouchpointKind.CO_SELL, TouchpointKind.SOURCED_REFERRAL,
                TouchpointKind.MARKETPLACE, TouchpointKind.EVENT, TouchpointKind.INFLUENCE, TouchpointKind.MANUAL)) {
            acme.record(TouchpointRequest.builder(GLOBEX, kind, EARLIER).account(A2).build());
        }

        // An entry about a registration alone: ReferralLifecycleTest (the registration must be the partner's).
        assertThat(stored(ACME)).hasSize(6);
    }

    @Test
    void record_ofAnIntroduction_isRefused_theWorkflowRecordsThose() {
        assertThatThrownBy(() -> TouchpointRequest.builder(GLOBEX, TouchpointKind.INTRODUCTION, EARLIER).deal(D1)
                .build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("INTRODUCTION");
    }

    @Test
    void record_withNeitherAccountNorDealNorRegistration_isRefused() {
        assertThatThrownBy(() -> TouchpointRequest.builder(GLOBEX, TouchpointKind.MANUAL, EARLIER).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("account, a deal or a registration");
    }

    @Test
    void record_forACompanyWithoutAPartnership_isRefused_andStoresNothing() {
        assertThatThrownBy(() -> acme.record(TouchpointRequest.builder(INITECH, TouchpointKind.CO_SELL, EARLIER)
                .deal(D1).build()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("partner " + INITECH).hasMessageContaining("partnership");
        assertThatThrownBy(() -> acme.record(TouchpointRequest.builder(ACME, TouchpointKind.CO_SELL, EARLIER)
                .deal(D1).build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("partner");

        assertThat(stored(ACME)).isEmpty();
        assertThat(events).noneMatch(e -> e.type().startsWith("ledger."));
    }

    @Test
    void record_ofAnAccountOrDealOutsideTheSnapshot_namesTheField_andStoresNothing() {
        assertThatThrownBy(() -> acme.record(cosell().deal(DealId.of("d-404")).build()))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("deal \"d-404\"");
        assertThatThrownBy(() -> acme.record(cosell().account(AccountId.of("a-404")).build()))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("account \"a-404\"");
        assertThatThrownBy(() -> acme.record(cosell().account(A2).build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("deal " + D1)
                .hasMessageContaining("account " + A2);

        assertThat(stored(ACME)).isEmpty();
    }

    @Test
    void record_inTheFuture_isRefused() {
        assertThatThrownBy(() -> acme.record(TouchpointRequest.builder(GLOBEX, TouchpointKind.EVENT,
                NOW.plusSeconds(1)).deal(D1).build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("occurredAt");
        assertThat(stored(ACME)).isEmpty();
    }

    @Test
    void record_withTheSameIdempotencyKey_returnsTheFirstEntry_andStoresOne() {
        Touchpoint first = acme.record(cosell().idempotencyKey("task-1").build());
        Touchpoint again = acme.record(cosell().note("a retry").idempotencyKey("task-1").build());
        Touchpoint other = acme.record(cosell().idempotencyKey("task-2").build());

        assertThat(again).isEqualTo(first);
        assertThat(other.id()).isNotEqualTo(first.id());
        assertThat(stored(ACME)).containsExactlyInAnyOrder(first, other);
        assertThat(events).filteredOn(e -> e.type().equals("ledger.recorded")).hasSize(2);
    }

    @Test
    void idempotencyKeys_areKeptPerTenant() {
        store.useTransaction(tx -> tx.crm().putDeals(GLOBEX, List.of(Deal.builder(GLOBEX, D1, "Globex's own")
                .stage("open", DealStatus.OPEN).createdAt(EARLIER).build())));
        Touchpoint mine = acme.record(cosell().idempotencyKey("k").build());
        Touchpoint theirs = client.as(GLOBEX).ledger().record(TouchpointRequest.builder(ACME,
                TouchpointKind.CO_SELL, EARLIER).deal(D1).idempotencyKey("k").build());

        assertThat(theirs.owner()).isEqualTo(GLOBEX);
        assertThat(theirs.id()).isNotEqualTo(mine.id());
    }

    @Test
    void reverse_appendsAReversal_thatNamesTheEntry_andPublishesLedgerReversed() {
        Touchpoint entry = acme.record(cosell().build());

        Touchpoint reversal = acme.reverse(entry.id(), "the demo was cancelled");

        assertThat(reversal.reverses()).isEqualTo(entry.id());
        assertThat(reversal.partner()).isEqualTo(GLOBEX);
        assertThat(reversal.kind()).isEqualTo(TouchpointKind.CO_SELL);
        assertThat(reversal.dealId()).isEqualTo(D1);
        assertThat(reversal.occurredAt()).isEqualTo(NOW);
        assertThat(reversal.origin()).isEqualTo("the demo was cancelled");
        assertThat(stored(ACME)).containsExactlyInAnyOrder(entry, reversal);
        assertThat(events).filteredOn(e -> e.type().equals("ledger.reversed")).singleElement()
                .satisfies(e -> assertThat(e.attributes()).containsEntry("reverses", entry.id().value()));
    }

    @Test
    void reversingTwice_orReversingAReversal_isAConflict_andAppendsNothing() {
        Touchpoint entry = acme.record(cosell().build());
        Touchpoint reversal = acme.reverse(entry.id(), "wrong partner");

        assertThatThrownBy(() -> acme.reverse(entry.id(), "again"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already reversed");
        assertThatThrownBy(() -> acme.reverse(reversal.id(), "undo the undo"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("cannot be reversed");
        assertThatThrownBy(() -> acme.reverse(TouchpointId.of("nope"), "why"))
                .isInstanceOf(NotFoundException.class);

        assertThat(stored(ACME)).containsExactlyInAnyOrder(entry, reversal);
    }

    @Test
    void aTenantNeverSeesNorReversesAnotherTenantsLedger() {
        Touchpoint entry = acme.record(cosell().build());
        Ledger globex = client.as(GLOBEX).ledger();

        assertThat(globex.list(PageRequest.first(100)).items()).isEmpty();
        assertThat(globex.list(GLOBEX, null, PageRequest.first(100)).items()).isEmpty();
        assertThatThrownBy(() -> globex.get(entry.id())).isInstanceOf(NotFoundException.class)
                .hasMessageNotContaining(ACME.value());
        assertThatThrownBy(() -> globex.reverse(entry.id(), "not mine"))
                .isInstanceOf(NotFoundException.class);
        assertThat(stored(GLOBEX)).isEmpty();
        assertThat(stored(ACME)).containsExactly(entry);
    }

    @Test
    void list_pagesThroughEverything_andFiltersByPartnerAndKind() {
        client.as(ACME).partnerships().create(INITECH, PartnerType.REFERRAL, PartnershipStatus.ACTIVE);
        List<Touchpoint> all = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            CompanyId partner = i % 5 == 0 ? INITECH : GLOBEX;
            TouchpointKind kind = i % 2 == 0 ? TouchpointKind.EVENT : TouchpointKind.CO_SELL;
            all.add(acme.record(TouchpointRequest.builder(partner, kind, EARLIER).account(A1).build()));
        }

        assertThat(collect(null, null, 7)).containsExactlyInAnyOrderElementsOf(all);
        assertThat(collect(INITECH, null, 2)).hasSize(5).allMatch(t -> t.partner().equals(INITECH));
        assertThat(collect(null, TouchpointKind.EVENT, 3)).hasSize(13)
                .allMatch(t -> t.kind() == TouchpointKind.EVENT);
        assertThat(collect(INITECH, TouchpointKind.EVENT, 1))
                .containsExactlyInAnyOrderElementsOf(all.stream()
                        .filter(t -> t.partner().equals(INITECH) && t.kind() == TouchpointKind.EVENT).toList());
        Page<Touchpoint> first = acme.list(GLOBEX, null, PageRequest.first(4));
        assertThat(first.items()).hasSize(4);
        assertThat(first.nextCursor()).isNotNull();
    }

    private List<Touchpoint> collect(CompanyId partner, TouchpointKind kind, int size) {
        List<Touchpoint> found = new ArrayList<>();
        Page<Touchpoint> page = acme.list(partner, kind, PageRequest.first(size));
        found.addAll(page.items());
        while (page.nextCursor() != null) {
            assertThat(page.items()).hasSizeLessThanOrEqualTo(size);
            page = acme.list(partner, kind, PageRequest.after(page.nextCursor(), size));
            found.addAll(page.items());
        }
        List<TouchpointId> ids = found.stream().map(Touchpoint::id).toList();
        assertThat(ids).isSorted().doesNotHaveDuplicates();
        return found;
    }
}
