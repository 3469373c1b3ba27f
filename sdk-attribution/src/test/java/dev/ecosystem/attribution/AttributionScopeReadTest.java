package dev.ecosystem.attribution;

import static dev.ecosystem.attribution.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.memory.InMemoryPartnerStore;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.DealStatus;
import dev.ecosystem.model.Money;
import dev.ecosystem.model.Touchpoint;
import dev.ecosystem.model.TouchpointId;
import dev.ecosystem.model.TouchpointKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Reading through a tenant scope: every page of the company's own deals and ledger, nothing of another's. */
class AttributionScopeReadTest {
    private static final CompanyId ACME = CompanyId.of("acme");
    private static final CompanyId GLOBEX = CompanyId.of("globex");

    private static Deal deal(CompanyId owner, String id) {
        return Deal.builder(owner, DealId.of(id), "Deal " + id).account(AccountId.of("acct-" + id))
                .amount(Money.of("10.00", "USD")).stage("open", DealStatus.OPEN).createdAt(at("2025-01-10"))
                .build();
    }

    private static Touchpoint touch(CompanyId owner, String id, String partner, String deal) {
        return Touchpoint.builder(TouchpointId.of(id), owner, CompanyId.of(partner),
                TouchpointKind.SOURCED_REFERRAL, at("2025-01-05")).deal(DealId.of(deal)).build();
    }

    @Test
    @DisplayName("read(scope) takes every page of the company's deals and ledger, and nothing of another tenant")
    void readThroughTheScope_seesOnlyTheCompanysOwnData() {
        InMemoryPartnerStore store = InMemoryPartnerStore.create();
        List<Deal> acmeDeals = new ArrayList<>();
        List<Touchpoint> acmeLedger = new ArrayList<>();
        for (int i = 0; i < 2_300; i++) {
            String id = String.format("d%05d", i);
            acmeDeals.add(deal(ACME, id));
            acmeLedger.add(touch(ACME, "t" + id, "p" + (i % 4), id));
        }
        store.useTransaction(tx -> {
            tx.crm().putDeals(ACME, acmeDeals);
            acmeLedger.forEach(tx.touchpoints()::append);
            tx.crm().putDeals(GLOBEX, List.of(deal(GLOBEX, "d00001"), deal(GLOBEX, "g-only")));
            tx.touchpoints().append(touch(GLOBEX, "td00001", "spy", "d00001"));
        });
        EcosystemClient client = EcosystemClient.builder().store(store).build();
        client.register(Company.builder(ACME, "Acme").build());
        client.register(Company.builder(GLOBEX, "Globex").build());

        AttributionData acme = AttributionData.read(client.as(ACME));
        AttributionData globex = AttributionData.read(client.as(GLOBEX));

        assertThat(acme.tenant()).isEqualTo(ACME);
        assertThat(acme.deals()).containsExactlyElementsOf(acmeDeals);
        assertThat(acme.touchpoints()).containsExactlyInAnyOrderElementsOf(acmeLedger);
        assertThat(acme.partners()).extracting(CompanyId::value).containsExactly("p0", "p1", "p2", "p3");
        assertThat(globex.deals()).extracting(d -> d.id().value()).containsExactly("d00001", "g-only");
        assertThat(globex.partners()).extracting(CompanyId::value).containsExactly("spy");
        assertThat(AttributionData.read(store, ACME).touchpoints())
                .containsExactlyInAnyOrderElementsOf(acme.touchpoints());
    }

    @Test
    @DisplayName("read(scope) refuses a missing scope")
    void readWithoutAScope_isRefused() {
        assertThatThrownBy(() -> AttributionData.read((dev.ecosystem.TenantScope) null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("scope");
    }
}
