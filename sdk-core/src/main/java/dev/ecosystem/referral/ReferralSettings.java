package dev.ecosystem.referral;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.Partnership;
import java.time.Duration;

/**
 * How referrals behave: the protection window of an accepted registration and the cap of open registrations per
 * partner. Both can depend on the partnership.
 *
 * <p>Precedence of the protection window: when the vendor has a partner program for the partnership's type
 * ({@code scope.programs().forType(type)}), a registration accepted under it is protected for the program's
 * {@link dev.ecosystem.model.ProgramTerms#protectionWindow() protectionWindow}, and the rule here is not asked;
 * otherwise the rule here decides. The window is fixed when the registration is accepted: changing the program or
 * these settings later does not move the end of registrations already accepted.
 *
 * <pre>{@code
 * ReferralSettings settings = ReferralSettings.builder()
 *         .protectionWindow(Duration.ofDays(90))
 *         .protectionWindow(p -> p.type() == PartnerType.REFERRAL ? Duration.ofDays(180) : Duration.ofDays(90))
 *         .openCap(p -> 50)
 *         .build();
 * }</pre>
 */
public final class ReferralSettings {
    /** The default protection window: 90 days. */
    public static final Duration DEFAULT_PROTECTION = Duration.ofDays(90);
    /** The default cap of open (submitted or accepted, unexpired) registrations per partner and vendor: 100. */
    public static final int DEFAULT_OPEN_CAP = 100;

    /** The protection window of a partnership: the per-program override hook. */
    @FunctionalInterface
    public interface WindowRule {
        /** The window for registrations of the partner of {@code vendorSide} (the vendor's partnership record). */
        Duration windowFor(Partnership vendorSide);
    }

    /** The cap of open registrations of a partnership: the per-program override hook. */
    @FunctionalInterface
    public interface CapRule {
        /** The cap for the partner of {@code vendorSide} (the vendor's partnership record). */
        int capFor(Partnership vendorSide);
    }

    private final WindowRule window;
    private final CapRule cap;

    private ReferralSettings(Builder builder) {
        this.window = builder.window;
        this.cap = builder.cap;
    }

    /** 90 days of protection, at most 100 open registrations per partner. */
    public static ReferralSettings defaults() {
        return builder().build();
    }

    /** A builder on the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The protection window for a partnership, checked.
     *
     * @throws ValidationException when the rule gives a window that is not between 1 day and 3 years
     */
    public Duration windowFor(Partnership vendorSide) {
        return checkWindow(window.windowFor(vendorSide));
    }

    /**
     * The cap for a partnership, checked.
     *
     * @throws ValidationException when the rule gives a cap that is not between 1 and 1,000,000
     */
    public int capFor(Partnership vendorSide) {
        return Checks.range(cap.capFor(vendorSide), 1, 1_000_000, "openCap");
    }

    private static Duration checkWindow(Duration window) {
        Checks.required(window, "protectionWindow");
        if (window.compareTo(Duration.ofDays(1)) < 0 || window.compareTo(Duration.ofDays(3 * 366)) > 0) {
            throw new ValidationException("protectionWindow must be between 1 day (P1D) and 3 years (P1098D), but was "
                    + window);
        }
        return window;
    }

    /** Builds {@link ReferralSettings}. */
    public static final class Builder {
        private WindowRule window = partnership -> DEFAULT_PROTECTION;
        private CapRule cap = partnership -> DEFAULT_OPEN_CAP;

        private Builder() {
        }

        /** One protection window for every partnership, from 1 day to 3 years. Default: 90 days. */
        public Builder protectionWindow(Duration window) {
            Duration checked = checkWindow(window);
            this.window = partnership -> checked;
            return this;
        }

        /** The protection window per partnership (type, and later program). */
        public Builder protectionWindow(WindowRule rule) {
            this.window = Checks.required(rule, "protectionWindow rule");
            return this;
        }

        /** One cap of open registrations for every partner, from 1 to 1,000,000. Default: 100. */
        public Builder openCap(int cap) {
            int checked = Checks.range(cap, 1, 1_000_000, "openCap");
            this.cap = partnership -> checked;
            return this;
        }

        /** The cap of open registrations per partnership. */
        public Builder openCap(CapRule rule) {
            this.cap = Checks.required(rule, "openCap rule");
            return this;
        }

        /** The settings. */
        public ReferralSettings build() {
            return new ReferralSettings(this);
        }
    }
}
