package dev.ecosystem.partnership;

import dev.ecosystem.internal.base.Checks;
import java.time.Duration;

/**
 * How invitations behave. Links are signed with the introductions' consent keys
 * ({@link dev.ecosystem.intro.IntroSettings#consentKeys()}) and sent from their sender, so a host rotates one set of
 * keys; only the page the link opens and the timing are set here.
 *
 * <pre>{@code
 * EcosystemClient client = EcosystemClient.builder()
 *         .partnerships(PartnershipSettings.builder()
 *                 .invitationUrl("https://app.example.com/partners/invitation")
 *                 .expiry(Duration.ofDays(21))
 *                 .reminders(Duration.ofDays(7), 2)
 *                 .build())
 *         .build();
 * }</pre>
 *
 * @param invitationUrl the host's page that receives invitation links; the token is appended as the {@code token}
 *     query parameter
 * @param expiry how long an invitation may be answered, from when it is sent
 * @param reminderAfter how long after the invitation (or the previous reminder) a reminder goes out
 * @param maxReminders how many reminders at most, 0 for none
 */
public record PartnershipSettings(String invitationUrl, Duration expiry, Duration reminderAfter, int maxReminders) {
    /** Validates every setting. */
    public PartnershipSettings {
        invitationUrl = Checks.pageUrl(invitationUrl, "invitationUrl", "https://app.example.com/partners/invitation");
        Checks.positive(expiry, "expiry");
        Checks.positive(reminderAfter, "reminderAfter");
        Checks.range(maxReminders, 0, 10, "maxReminders");
    }

    /** The defaults: a localhost page, 14-day expiry, a reminder after 4 days and another after 8. */
    public static PartnershipSettings defaults() {
        return builder().build();
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link PartnershipSettings}; {@link #build()} validates. */
    public static final class Builder {
        private String invitationUrl = "http://localhost:8080/partners/invitation";
        private Duration expiry = Duration.ofDays(14);
        private Duration reminderAfter = Duration.ofDays(4);
        private int maxReminders = 2;

        private Builder() {
        }

        /** The host's invitation page (default {@code http://localhost:8080/partners/invitation}). */
        public Builder invitationUrl(String url) {
            this.invitationUrl = url;
            return this;
        }

        /** How long an invitation may be answered (default 14 days). */
        public Builder expiry(Duration expiry) {
            this.expiry = expiry;
            return this;
        }

        /** Reminders: after how long and at most how many (default 4 days, 2). */
        public Builder reminders(Duration after, int max) {
            this.reminderAfter = after;
            this.maxReminders = max;
            return this;
        }

        /** Validates and builds. */
        public PartnershipSettings build() {
            return new PartnershipSettings(invitationUrl, expiry, reminderAfter, maxReminders);
        }
    }
}
