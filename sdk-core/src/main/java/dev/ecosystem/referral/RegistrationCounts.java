package dev.ecosystem.referral;

import dev.ecosystem.internal.base.Checks;

/**
 * What one partner's registrations with one vendor did in a period: how many moved into each status within it, and
 * how many are open (submitted or accepted) at its end. The registrations section of a partner's scorecard.
 *
 * @param submitted registrations submitted in the period
 * @param accepted registrations accepted in the period
 * @param rejected registrations rejected in the period
 * @param won registrations won in the period
 * @param lost registrations lost in the period
 * @param expired registrations whose protection ended in the period
 * @param open registrations submitted or accepted, not yet decided or closed, at the period's end
 */
public record RegistrationCounts(long submitted, long accepted, long rejected, long won, long lost, long expired,
        long open) {
    /** Validates every count. */
    public RegistrationCounts {
        Checks.nonNegative(submitted, "submitted");
        Checks.nonNegative(accepted, "accepted");
        Checks.nonNegative(rejected, "rejected");
        Checks.nonNegative(won, "won");
        Checks.nonNegative(lost, "lost");
        Checks.nonNegative(expired, "expired");
        Checks.nonNegative(open, "open");
    }

    /** No registrations at all. */
    public static RegistrationCounts none() {
        return new RegistrationCounts(0, 0, 0, 0, 0, 0, 0);
    }
}
