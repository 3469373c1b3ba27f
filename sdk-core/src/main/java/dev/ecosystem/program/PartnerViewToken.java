package dev.ecosystem.program;

import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.CompanyId;
import java.time.Instant;

/**
 * A signed, expiring token that lets a host show one partner its own figures with one vendor without a login; see
 * {@link Programs#partnerViewToken} and {@code EcosystemClient.partnerView(String)}. URL-safe as it is.
 *
 * @param token the signed token; a secret for as long as it lives, never printed by {@link #toString()}
 * @param vendor the vendor that issued it
 * @param partner the partner it is for
 * @param expiresAt from when it is refused
 */
public record PartnerViewToken(String token, CompanyId vendor, CompanyId partner, Instant expiresAt) {
    /** Validates every field. */
    public PartnerViewToken {
        Checks.required(token, "token");
        Checks.required(vendor, "vendor");
        Checks.required(partner, "partner");
        Checks.required(expiresAt, "expiresAt");
    }

    /** Everything but the token. */
    @Override
    public String toString() {
        return "PartnerViewToken[vendor=" + vendor + ", partner=" + partner + ", expiresAt=" + expiresAt
                + ", token=***]";
    }
}
