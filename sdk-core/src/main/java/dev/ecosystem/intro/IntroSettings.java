package dev.ecosystem.intro;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
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
 * <p>A final class built only through its {@link Builder}, so a setting added later breaks no caller.
 */
public final class IntroSettings {
    private final ConsentKeys consentKeys;
    private final String consentUrl;
    private final EmailAddress sender;
    private final IntroDrafter drafter;
    private final Duration expiry;
    private final Duration reminderAfter;
    private final int maxReminders;
    private final int maxOpenPerRequester;
    private final int maxOpenPerTarget;
    private final Duration limitPeriod;
    private final int maxSendAttempts;
    private final Duration firstRetryDelay;
    private final Duration maxRetryDelay;
    private final Duration lease;
    private final int batchSize;

    private IntroSettings(Builder b) {
        this.consentKeys = Checks.required(b.consentKeys, "consentKeys");
        this.consentUrl = url(b.consentUrl);
        this.sender = Checks.required(b.sender, "sender");
        this.drafter = Checks.required(b.drafter, "drafter");
        this.expiry = Checks.positive(b.expiry, "expiry");
        this.reminderAfter = Checks.positive(b.reminderAfter, "reminderAfter");
        this.maxReminders = Checks.range(b.maxReminders, 0, 10, "maxReminders");
        this.maxOpenPerRequester = Checks.range(b.maxOpenPerRequester, 1, 100_000, "maxOpenPerRequester");
        this.maxOpenPerTarget = Checks.range(b.maxOpenPerTarget, 1, 100_000, "maxOpenPerTarget");
        this.limitPeriod = Checks.positive(b.limitPeriod, "limitPeriod");
        this.maxSendAttempts = Checks.range(b.maxSendAttempts, 1, 100, "maxSendAttempts");
        this.firstRetryDelay = Checks.positive(b.firstRetryDelay, "firstRetryDelay");
        this.maxRetryDelay = Checks.positive(b.maxRetryDelay, "maxRetryDelay");
        if (maxRetryDelay.compareTo(firstRetryDelay) < 0) {
            throw new ValidationException("maxRetryDelay must be at least firstRetryDelay " + firstRetryDelay
                    + ", but was " + maxRetryDelay);
        }
        this.lease = Checks.positive(b.lease, "lease");
        this.batchSize = Checks.range(b.batchSize, 1, 1000, "batchSize");
    }

    /** The keys that sign consent links. */
    public ConsentKeys consentKeys() {
        return consentKeys;
    }

    /** The host's page that receives consent links; the token is appended as the {@code token} query parameter. */
    public String consentUrl() {
        return consentUrl;
    }

    /** The mailbox introduction emails come from; the acting person's name is shown with it. */
    public EmailAddress sender() {
        return sender;
    }

    /** What writes the emails. */
    public IntroDrafter drafter() {
        return drafter;
    }

    /** How long consents may take, from the request. */
    public Duration expiry() {
        return expiry;
    }

    /** How long after an ask (or the previous reminder) a reminder goes out. */
    public Duration reminderAfter() {
        return reminderAfter;
    }

    /** How many reminders at most per consent, 0 for none. */
    public int maxReminders() {
        return maxReminders;
    }

    /** How many open requests one requester may have created within {@link #limitPeriod()}. */
    public int maxOpenPerRequester() {
        return maxOpenPerRequester;
    }

    /** How many open requests may have been created for one target within {@link #limitPeriod()}. */
    public int maxOpenPerTarget() {
        return maxOpenPerTarget;
    }

    /** The window the open-request limits count in. */
    public Duration limitPeriod() {
        return limitPeriod;
    }

    /** How many send attempts before an email is parked. */
    public int maxSendAttempts() {
        return maxSendAttempts;
    }

    /** The wait after the first failed attempt; it doubles with every further failure. */
    public Duration firstRetryDelay() {
        return firstRetryDelay;
    }

    /** The longest wait between attempts. */
    public Duration maxRetryDelay() {
        return maxRetryDelay;
    }

    /** How long a dispatcher holds an email it is sending before another may take it over. */
    public Duration lease() {
        return lease;
    }

    /** How many emails or due introductions {@code runDue} takes per store call. */
    public int batchSize() {
        return batchSize;
    }

    /** The settings, without secrets (consent keys show their ids only). */
    @Override
    public String toString() {
        return "IntroSettings[consentKeys=" + consentKeys + ", consentUrl=" + consentUrl + ", sender=" + sender
                + ", drafter=" + drafter + ", expiry=" + expiry + ", reminders=" + maxReminders + " after "
                + reminderAfter + ", limits=" + maxOpenPerRequester + "/" + maxOpenPerTarget + " per " + limitPeriod
                + ", retries=" + maxSendAttempts + " from " + firstRetryDelay + " to " + maxRetryDelay + ", lease="
                + lease + ", batchSize=" + batchSize + "]";
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The defaults: random keys (links die with the process), 14-day expiry, one reminder after 4 days. */
    public static IntroSettings defaults() {
        return builder().build();
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
            return new IntroSettings(this);
        }
    }
}
