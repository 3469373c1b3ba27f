package dev.ecosystem.referral.internal;

import dev.ecosystem.referral.ReferralOperations;
import java.time.Instant;

/** {@link ReferralOperations} on one client's engine. */
public final class HostReferralOperations implements ReferralOperations {
    private final ReferralEngine engine;

    /** The host's side of {@code engine}. */
    public HostReferralOperations(ReferralEngine engine) {
        this.engine = engine;
    }

    @Override
    public int runDue(Instant now) {
        return engine.runDue(now);
    }
}
