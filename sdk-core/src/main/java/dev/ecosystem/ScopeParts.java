package dev.ecosystem;

import dev.ecosystem.intro.internal.IntroEngine;
import dev.ecosystem.navigator.internal.NavigatorIndex;
import dev.ecosystem.overlap.internal.OverlapEngine;
import dev.ecosystem.partnership.internal.PartnershipEngine;
import dev.ecosystem.program.RevenueSource;
import dev.ecosystem.program.internal.BriefEngine;
import dev.ecosystem.referral.internal.ReferralEngine;
import dev.ecosystem.spi.PayoutProvider;
import org.jspecify.annotations.Nullable;

/**
 * What a client shares with every {@link TenantScope} it hands out: the engines that keep state or threads (the
 * account-mapping engine's per-tenant indexes and the navigator's index of listed companies live as long as the
 * client), and the optional ports. Built once per client.
 */
record ScopeParts(OverlapEngine overlaps, NavigatorIndex navigator, IntroEngine intros, ReferralEngine referrals,
        PartnershipEngine partnerships, BriefEngine briefs, @Nullable RevenueSource revenueSource,
        @Nullable PayoutProvider payoutProvider) {
}
