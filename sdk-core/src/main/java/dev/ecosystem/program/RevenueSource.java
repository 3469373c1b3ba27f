package dev.ecosystem.program;

import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.TierMetric;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * Where {@link TierMetric#SOURCED_REVENUE} comes from: the revenue of won deals each partner sourced for a vendor.
 * Wire one with {@code EcosystemClient.builder().revenueSource(...)}; {@code sdk-attribution} implements it with its
 * sourced model ({@code attribution.sourcedRevenue(vendor -> AttributionData.read(store, vendor))}). Called outside
 * any store transaction, once per tier evaluation; it may read the store itself.
 */
@FunctionalInterface
public interface RevenueSource {
    /**
     * The sourced revenue of won deals closed from {@code from} (inclusive) to {@code toExclusive} (UTC days), by
     * partner, in the vendor's reporting currency; partners without revenue may be left out.
     *
     * @param vendor the vendor whose deals count
     * @param partners the partners the evaluation needs figures for
     */
    Map<CompanyId, BigDecimal> sourcedRevenue(CompanyId vendor, Set<CompanyId> partners, LocalDate from,
            LocalDate toExclusive);
}
