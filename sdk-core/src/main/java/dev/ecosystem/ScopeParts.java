package dev.ecosystem;

import dev.ecosystem.intro.internal.IntroEngine;
import dev.ecosystem.partnership.internal.PartnershipEngine;
import dev.ecosystem.program.RevenueSource;
import dev.ecosystem.program.internal.BriefEngine;
import dev.ecosystem.referral.internal.ReferralEngine;
import dev.ecosystem.spi.PayoutProvider;
import org.jspecify.annotations.Nullable;

/**
 * What a client shares with every {@link TenantScope} it hands out: the engines that keep state or threads, and the
 * optional ports. Built once per client.
 */
record ScopeParts(IntroEngine intros, ReferralEngine referrals, PartnershipEngine partnerships, BriefEngine briefs,
        @Nullable RevenueSource revenueSource, @Nullable PayoutProvider payoutProvider) {
}
