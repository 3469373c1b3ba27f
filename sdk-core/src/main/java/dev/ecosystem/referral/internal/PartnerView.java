package dev.ecosystem.referral.internal;

import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.DealStatus;
import dev.ecosystem.model.Money;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.Registration;
import dev.ecosystem.model.SharingPolicy;
import dev.ecosystem.referral.ReferralLine;
import dev.ecosystem.spi.StoreTransaction;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A partner's registrations with one vendor and what their linked deals are worth, as the vendor's sharing policy
 * allows (see {@link ReferralLine}). One page of registrations costs one read per linked deal.
 */
final class PartnerView {
    private PartnerView() {
    }

    static Page<ReferralLine> page(StoreTransaction tx, CompanyId partner, CompanyId vendor, PageRequest request) {
        Page<Registration> page = tx.registrations().byPartner(partner, vendor, request);
        SharingPolicy policy = page.items().isEmpty() ? SharingPolicy.NOTHING
                : ReferralEngine.vendorPolicy(tx, page.items().get(0));
        boolean amounts = policy.rules().values().stream().anyMatch(rule -> rule.visibility()
                == SharingPolicy.Visibility.RECORDS && rule.fields().contains(SharingPolicy.OPEN_DEALS));
        List<ReferralLine> lines = new ArrayList<>(page.items().size());
        for (Registration registration : page.items()) {
            lines.add(line(tx, registration, registration.visibleTo(partner, policy), amounts));
        }
        return new Page<>(lines, page.nextCursor());
    }

    private static ReferralLine line(StoreTransaction tx, Registration registration, Registration visible,
            boolean amounts) {
        int open = 0;
        int won = 0;
        int lost = 0;
        Map<Currency, BigDecimal> pipeline = new TreeMap<>(java.util.Comparator.comparing(Currency::getCurrencyCode));
        Map<Currency, BigDecimal> revenue = new TreeMap<>(java.util.Comparator.comparing(Currency::getCurrencyCode));
        for (DealId id : registration.linkedDeals()) {
            Deal deal = tx.crm().deal(registration.vendor(), id);
            if (deal == null) {
                continue;
            }
            Map<Currency, BigDecimal> sums = null;
            if (deal.status() == DealStatus.OPEN) {
                open++;
                sums = pipeline;
            } else if (deal.status() == DealStatus.WON) {
                won++;
                sums = revenue;
            } else {
                lost++;
            }
            if (sums != null && deal.amount() != null) {
                sums.merge(deal.amount().currency(), deal.amount().amount(), BigDecimal::add);
            }
        }
        return new ReferralLine(visible, open, won, lost, amounts,
                amounts ? money(pipeline) : List.of(), amounts ? money(revenue) : List.of());
    }

    private static List<Money> money(Map<Currency, BigDecimal> sums) {
        return sums.entrySet().stream().map(sum -> new Money(sum.getValue(), sum.getKey())).toList();
    }
}
