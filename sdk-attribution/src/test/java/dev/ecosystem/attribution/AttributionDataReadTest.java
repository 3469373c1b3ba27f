package dev.ecosystem.attribution;

import static dev.ecosystem.attribution.Fixtures.TENANT;
import static dev.ecosystem.attribution.Fixtures.partner;
import static dev.ecosystem.attribution.Fixtures.reversal;
import static dev.ecosystem.attribution.Fixtures.touch;
import static dev.ecosystem.attribution.Fixtures.usd;
import static dev.ecosystem.attribution.Fixtures.won;
import static dev.ecosystem.model.TouchpointKind.SOURCED_REFERRAL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecosystem.memory.InMemoryPartnerStore;
import dev.ecosystem.model.AttributionModel;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.Money;
import dev.ecosystem.model.Touchpoint;
import dev.ecosystem.model.TouchpointId;
import dev.ecosystem.model.TouchpointKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Reads deals and the ledger from the real in-memory store. */
class AttributionDataReadTest {
    private static final CompanyId OTHER = CompanyId.of("globex");

    @Test
    @DisplayName("read takes every page of the tenant's deals and ledger, and nothing of another tenant")
    void read_pagesThroughTheTenantsDataOnly() {
        InMemoryPartnerStore store = InMemoryPartnerStore.create();
        List<Deal> deals = new ArrayList<>();
        List<Touchpoint> ledger = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            String id = String.format("d%05d", i);
            deals.add(won(id, "10.00", "USD", "2025-01-10", "2025-02-01"));
            ledger.add(touch("t" + id, "p" + (i % 3), id, SOURCED_REFERRAL, "2025-01-05"));
        }
        Touchpoint reversed = ledger.get(0);
        Deal foreign = Deal.builder(OTHER, DealId.of("d00000"), "theirs").amount(Money.of("999", "USD")).stage("Open", dev.ecosystem.model.DealStatus.OPEN)
                .createdAt(Instant.parse("2025-01-10T00:00:00Z")).build();
        Touchpoint foreignTouch = Touchpoint.builder(TouchpointId.of("td00000"), OTHER, partner("p9"),
                TouchpointKind.SOURCED_REFERRAL, Instant.parse("2025-01-11T00:00:00Z")).deal(DealId.of("d00000"))
                .build();
        store.useTransaction(tx -> {
            tx.crm().putDeals(TENANT, deals);
            tx.crm().putDeals(OTHER, List.of(foreign));
            ledger.forEach(tx.touchpoints()::append);
            tx.touchpoints().append(reversal("zz-fix", reversed));
            tx.touchpoints().append(foreignTouch);
        });

        AttributionData data = AttributionData.read(store, TENANT);

        assertThat(data.tenant()).isEqualTo(TENANT);
        assertThat(data.deals()).hasSize(2_500).allMatch(d -> d.owner().equals(TENANT));
        assertThat(data.touchpoints()).hasSize(2_501).allMatch(t -> t.owner().equals(TENANT));
        assertThat(data.partners()).containsExactly(partner("p0"), partner("p1"), partner("p2"));
        Map<CompanyId, Money> totals = Attribution.builder().build()
                .attribute(data, AttributionModel.sourced()).totalsByPartner();
        assertThat(totals).containsExactly(Map.entry(partner("p0"), usd("8330.00")),
                Map.entry(partner("p1"), usd("8330.00")), Map.entry(partner("p2"), usd("8330.00")));
    }
}
