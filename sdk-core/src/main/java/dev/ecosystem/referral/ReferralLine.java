package dev.ecosystem.referral;

import dev.ecosystem.model.Money;
import dev.ecosystem.model.Registration;
import java.util.List;

/**
 * One line of a partner's view of its referrals with a vendor: the registration (with its status and, if rejected,
 * the reason) and what the vendor's linked deals are worth.
 *
 * <p><b>Which amounts a partner sees.</b> Deal counts always (the partner made the referral). Amounts only when the
 * vendor's sharing policy towards the partner shares the {@value dev.ecosystem.model.SharingPolicy#OPEN_DEALS}
 * field of some population as records: that field is how a vendor agrees to show its deal amounts to that partner.
 * Otherwise {@code amountsShared} is false and both amount lists are empty.
 *
 * @param registration the registration as the partner sees it
 * @param openDeals linked deals still open
 * @param wonDeals linked deals won
 * @param lostDeals linked deals lost
 * @param amountsShared whether the vendor's policy shares deal amounts with the partner
 * @param pipeline the amounts of the open linked deals, one sum per currency (empty when not shared)
 * @param wonRevenue the amounts of the won linked deals, one sum per currency (empty when not shared)
 */
public record ReferralLine(Registration registration, int openDeals, int wonDeals, int lostDeals,
        boolean amountsShared, List<Money> pipeline, List<Money> wonRevenue) {
    /** Copies the lists. */
    public ReferralLine {
        pipeline = List.copyOf(pipeline);
        wonRevenue = List.copyOf(wonRevenue);
    }
}
