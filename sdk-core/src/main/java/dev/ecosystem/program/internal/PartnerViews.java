package dev.ecosystem.program.internal;

import dev.ecosystem.error.AccessDeniedException;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.SdkContext;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.intro.ConsentKeys;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Partnership;
import dev.ecosystem.model.PartnershipStatus;
import dev.ecosystem.program.PartnerView;
import dev.ecosystem.program.PartnerViewToken;
import dev.ecosystem.referral.Referrals;
import dev.ecosystem.referral.RegistrationCounts;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Partner-view tokens: signed with the host's {@link ConsentKeys} (the keys of consent links, so one rotation covers
 * both), with a payload of their own that a consent link can never be read as, nor the other way round. A token names
 * the vendor, the partner and the expiry, and grants reading that partner's figures with that vendor only.
 *
 * <p>Every refusal (malformed, forged or tampered, signed with an unknown key, expired, for another vendor or partner
 * than the host expects, or the partnership ended) is the same {@link AccessDeniedException} with the same message,
 * so a caller learns nothing from it; the reason is logged at DEBUG, never the token.
 */
public final class PartnerViews {
    private static final Logger LOG = LoggerFactory.getLogger(PartnerViews.class);
    private static final String VERSION = "partner-view/1";
    /** The shortest lifetime a token may be issued with. */
    static final Duration MIN_TTL = Duration.ofMinutes(1);
    /** The longest lifetime a token may be issued with. */
    static final Duration MAX_TTL = Duration.ofDays(90);

    /** Where a verified view reads the partner's tier: the client passes {@code Programs.tierOf} of the vendor. */
    @FunctionalInterface
    public interface TierLookup {
        /** The partner's current tier with the vendor, or {@code null}. */
        @Nullable String tierOf(CompanyId vendor, CompanyId partner);
    }

    private final SdkContext context;
    private final ConsentKeys keys;
    private final Function<CompanyId, Referrals> referrals;
    private final TierLookup tiers;

    /**
     * Tokens signed with {@code keys}; a verified view reads registrations through {@code referrals} (the vendor's
     * scoped referrals) and tiers through {@code tiers}.
     */
    public PartnerViews(SdkContext context, ConsentKeys keys, Function<CompanyId, Referrals> referrals,
            TierLookup tiers) {
        this.context = context;
        this.keys = Checks.required(keys, "keys");
        this.referrals = Checks.required(referrals, "referrals");
        this.tiers = Checks.required(tiers, "tiers");
    }

    /** Issues a token for {@code partner} of {@code vendor}, valid for {@code ttl}. */
    PartnerViewToken issue(CompanyId vendor, CompanyId partner, Duration ttl) {
        Checks.required(partner, "partner");
        Checks.required(ttl, "ttl");
        if (ttl.compareTo(MIN_TTL) < 0 || ttl.compareTo(MAX_TTL) > 0) {
            throw new ValidationException("ttl must be between " + MIN_TTL + " and " + MAX_TTL + ", but was " + ttl);
        }
        if (!standing(vendor, partner)) {
            throw new NotFoundException("company " + vendor + " has no partner " + partner);
        }
        Instant expiresAt = context.clock().instant().plus(ttl);
        String token = keys.sign(String.join("\n", VERSION, vendor.value(), partner.value(), expiresAt.toString()));
        context.publish("program.partner-view.issued", vendor, partner.value(),
                Map.of("expiresAt", expiresAt.toString()));
        return new PartnerViewToken(token, vendor, partner, expiresAt);
    }

    /**
     * What {@code token} grants, when it is valid now and, where given, for the expected vendor and partner.
     *
     * @throws AccessDeniedException the same for every reason a token is refused
     */
    public PartnerView verify(String token, @Nullable CompanyId expectedVendor, @Nullable CompanyId expectedPartner) {
        if (token == null || token.isBlank() || token.length() > 2_000) {
            throw denied("no token, or one too long");
        }
        String[] fields;
        try {
            fields = keys.verify(token).split("\n", -1);
        } catch (ValidationException e) {
            throw denied(e.getMessage());
        }
        if (fields.length != 4 || !fields[0].equals(VERSION)) {
            throw denied("not a partner-view payload");
        }
        Grant grant;
        try {
            grant = new Grant(CompanyId.of(fields[1]), CompanyId.of(fields[2]), Instant.parse(fields[3]));
        } catch (ValidationException | DateTimeException e) {
            throw denied("unreadable payload");
        }
        if (expectedVendor != null && !expectedVendor.equals(grant.vendor)
                || expectedPartner != null && !expectedPartner.equals(grant.partner)) {
            throw denied("issued for another vendor or partner than expected");
        }
        check(grant);
        return grant;
    }

    /** Refuses a grant that has expired or whose partnership no longer stands. */
    private void check(Grant grant) {
        if (!context.clock().instant().isBefore(grant.expiresAt)) {
            throw denied("expired");
        }
        if (!standing(grant.vendor, grant.partner)) {
            throw denied("the partnership no longer stands");
        }
    }

    /** Whether the vendor keeps a partnership with the partner that has not ended. */
    private boolean standing(CompanyId vendor, CompanyId partner) {
        Partnership partnership = context.store().inTransaction(tx -> tx.partnerships().findByPartner(vendor,
                partner));
        return partnership != null && partnership.status() != PartnershipStatus.ENDED;
    }

    private static AccessDeniedException denied(@Nullable String why) {
        LOG.debug("partner-view token refused: {}", why);
        return new AccessDeniedException("partner-view token is not valid");
    }

    /** A verified token's grant. */
    private final class Grant implements PartnerView {
        private final CompanyId vendor;
        private final CompanyId partner;
        private final Instant expiresAt;

        Grant(CompanyId vendor, CompanyId partner, Instant expiresAt) {
            this.vendor = vendor;
            this.partner = partner;
            this.expiresAt = expiresAt;
        }

        @Override
        public CompanyId vendor() {
            return vendor;
        }

        @Override
        public CompanyId partner() {
            return partner;
        }

        @Override
        public Instant expiresAt() {
            return expiresAt;
        }

        @Override
        public RegistrationCounts registrations(Instant from, Instant to) {
            check(this);
            return referrals.apply(vendor).counts(partner, from, to);
        }

        @Override
        public @Nullable String tier() {
            check(this);
            return tiers.tierOf(vendor, partner);
        }

        @Override
        public String toString() {
            return "PartnerView[vendor=" + vendor + ", partner=" + partner + ", expiresAt=" + expiresAt + "]";
        }
    }
}
