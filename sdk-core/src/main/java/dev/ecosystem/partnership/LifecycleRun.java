package dev.ecosystem.partnership;

/**
 * What one {@link PartnershipOperations#runDue} did.
 *
 * @param reminded invitations a reminder went out for
 * @param expired invitations that expired
 * @param dormant partners flagged dormant
 */
public record LifecycleRun(int reminded, int expired, int dormant) {
}
