package dev.ecosystem.intro;

/**
 * What one {@link IntroOperations#runDue} call did.
 *
 * @param reminded consent reminders enqueued
 * @param expired introductions that expired
 * @param cancelled introductions cancelled because a party opted out meanwhile
 * @param sent emails the mailer accepted
 * @param retrying emails that failed and wait for another attempt
 * @param parked emails that failed too often (or for good) and wait for the host
 */
public record DueRun(int reminded, int expired, int cancelled, int sent, int retrying, int parked) {
}
