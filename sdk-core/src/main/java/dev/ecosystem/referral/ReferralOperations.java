package dev.ecosystem.referral;

import java.time.Instant;

/** The host's side of referrals, from {@code client.referrals()}: the scheduled work. */
public interface ReferralOperations {
    /**
     * Expires every accepted registration whose protection ended at or before {@code now} (recorded with actor
     * {@code scheduler}, event {@code referral.expired}). Call it from the host's scheduler, like the introductions'
     * {@code runDue}; nothing reads the wall clock by itself.
     *
     * @return how many registrations expired
     * @throws dev.ecosystem.error.ValidationException when {@code now} is null
     */
    int runDue(Instant now);
}
