package dev.ecosystem.intro;

import dev.ecosystem.ValidationException;
import dev.ecosystem.internal.Checks;
import dev.ecosystem.model.EmailAddress;
import dev.ecosystem.spi.IntroDrafter;
import java.time.Duration;

/**
 * How the introduction workflow behaves: consent links, sender, drafter, timing, limits and delivery retries. Every
 * setting has a default suited to demos; production hosts set at least {@link Builder#consentKeys},
 * {@link Builder#consentUrl} and {@link Builder#sender}.
 *
 * <pre>{@code
 * IntroSettings settings = IntroSettings.builder()
 *         .consentKeys(ConsentKeys.of("k1", secret))
 *         .consentUrl("https://app.example.com/intro/consent")   // the link is this URL plus ?token=...
 *         .sender(EmailAddress.of("intros@example.com", "Example Partners"))
 *         .expiry(Duration.ofDays(10))
 *         .build();
 * EcosystemClient client = EcosystemClient.builder().intros(settings).build();
 * }</pre>
 *
 * @param consentKeys the keys that sign consent links
 * @param consentUrl the host's page that receives consent links; the token is appended as the {@code token} query
 *     parameter
 * @param sender the mailbox introduction emails come from; the acting person's name is shown with it
 * @param drafter writes the emails
 * @param expiry how long consents may take, from the request
 * @param reminderAfter how long after an ask (or the previous reminder) a reminder goes out
 * @param maxReminders how many reminders at most per consent, 0 for none
 * @param maxOpenPerRequester how many open requests one requester may have created within {@code limitPeriod}
 * @param maxOpenPerTarget how many open requests may have been created for one target within {@code limitPeriod}
 * @param limitPeriod the window the open-request limits count in
 * @param maxSendAttempts how many send attempts before an email is parked
 * @param firstRetryDelay the wait after the first failed attempt; it doubles with every further failure
 * @param maxRetryDelay the longest wait between attempts
 * @param lease how long a dispatcher holds an email it is sending before another may take it over
 * @param batchSize how many emails or due introductions {@code runDue} takes per store call
 */
public record IntroSettings(
        ConsentKeys consentKeys, String consentUrl, EmailAddress sender, IntroDrafter drafter, Duration expiry,
        Duration reminderAfter, int maxReminders, int maxOpenPerRequester, int maxOpenPerTarget,
        Duration limitPeriod, int maxSendAttempts, Duration firstRetryDelay, Duration maxRetryDelay, Duration lease,
        int batchSize) {

    /** Validates every setting. */
    public IntroSettings {
        Checks.required(consentKeys, "consentKeys");
        consentUrl = url(consentUrl);
        Checks.required(sender, "sender");
        Checks.required(drafter, "drafter");
        positive(expiry, "expiry");
        positive(reminderAfter, "reminderAfter");
        Checks.range(maxReminders, 0, 10, "maxReminders");
        Checks.range(maxOpenPerRequester, 1, 100_000, "maxOpenPerRequester");
        Checks.range(maxOpenPerTarget, 1, 100_000, "maxOpenPerTarget");
        positive(limitPeriod, "limitPeriod");
        Checks.range(maxSendAttempts, 1, 100, "maxSendAttempts");
        positive(firstRetryDelay, "firstRetryDelay");
        positive(maxRetryDelay, "maxRetryDelay");
        if (maxRetryDelay.compareTo(firstRetryDelay) < 0) {
            throw new ValidationException("maxRetryDelay must be at least firstRetryDelay " + firstRetryDelay
                    + ", but was " + maxRetryDelay);
        }
        positive(lease, "lease");
        Checks.range(batchSize, 1, 1000, "batchSize");
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The defaults: random keys (links die with the process), 14-day expiry, one reminder after 4 days. */
    public static IntroSettings defaults() {
        return builder().build();
    }

    private static void positive(Duration value, String field) {
        Checks.positive(value, field);
    }

    private static String url(String value) {
        return Checks.pageUrl(value, "consentUrl", "https://app.example.com/intro/consent");
    }

    /** Builds {@link IntroSettings}; {@link #build()} validates. */
    public static final class Builder {
        private ConsentKeys consentKeys = ConsentKeys.random();
        private String consentUrl = "http://localhost:8080/intro/consent";
        private EmailAddress sender = EmailAddress.of("introductions@ecosystem.example", "Ecosystem");
        private IntroDrafter drafter = TemplateIntroDrafter.create();
        private Duration expiry = Duration.ofDays(14);
        private Duration reminderAfter = Duration.ofDays(4);
        private int maxReminders = 1;
        private int maxOpenPerRequester = 25;
        private int maxOpenPerTarget = 5;
        private Duration limitPeriod = Duration.ofDays(30);
        private int maxSendAttempts = 6;
        private Duration firstRetryDelay = Duration.ofMinutes(1);
        private Duration maxRetryDelay = Duration.ofHours(1);
        private Duration lease = Duration.ofMinutes(2);
        private int batchSize = 100;

        private Builder() {
        }

        /** The keys that sign consent links (default: random, for this process only). */
        public Builder consentKeys(ConsentKeys keys) {
            this.consentKeys = keys;
            return this;
        }

        /** The host's consent page (default {@code http://localhost:8080/intro/consent}). */
        public Builder consentUrl(String url) {
            this.consentUrl = url;
            return this;
        }

        /** The sending mailbox (default {@code introductions@ecosystem.example}). */
        public Builder sender(EmailAddress sender) {
            this.sender = sender;
            return this;
        }

        /** The drafter (default {@link TemplateIntroDrafter}). */
        public Builder drafter(IntroDrafter drafter) {
            this.drafter = drafter;
            return this;
        }

        /** How long consents may take (default 14 days). */
        public Builder expiry(Duration expiry) {
            this.expiry = expiry;
            return this;
        }

        /** Reminders: after how long and at most how many per consent (default 4 days, 1). */
        public Builder reminders(Duration after, int max) {
            this.reminderAfter = after;
            this.maxReminders = max;
            return this;
        }

        /**
         * Open-request limits within {@code period} (default 25 per requester, 5 per target, 30 days).
         */
        public Builder limits(int perRequester, int perTarget, Duration period) {
            this.maxOpenPerRequester = perRequester;
            this.maxOpenPerTarget = perTarget;
            this.limitPeriod = period;
            return this;
        }

        /** Delivery retries (default 6 attempts, 1 minute doubling up to 1 hour). */
        public Builder retries(int maxAttempts, Duration firstDelay, Duration maxDelay) {
            this.maxSendAttempts = maxAttempts;
            this.firstRetryDelay = firstDelay;
            this.maxRetryDelay = maxDelay;
            return this;
        }

        /** How long a dispatcher holds an email it is sending (default 2 minutes). */
        public Builder lease(Duration lease) {
            this.lease = lease;
            return this;
        }

        /** How many items {@code runDue} takes per store call (default 100). */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** Validates and builds. */
        public IntroSettings build() {
            return new IntroSettings(consentKeys, consentUrl, sender, drafter, expiry, reminderAfter, maxReminders,
                    maxOpenPerRequester, maxOpenPerTarget, limitPeriod, maxSendAttempts, firstRetryDelay,
                    maxRetryDelay, lease, batchSize);
        }
    }
}
