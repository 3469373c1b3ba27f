package dev.ecosystem.program;

import dev.ecosystem.model.CompanyId;
import dev.ecosystem.referral.RegistrationCounts;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a verified partner-view token grants: reading one partner's own figures with one vendor, and nothing else.
 * Obtained from {@code EcosystemClient.partnerView(token)}; a host shows these figures to the partner without a login.
 * Each read checks again that the token has not expired and that the partnership still stands.
 *
 * <pre>{@code
 * PartnerView view = client.partnerView(request.queryParam("token"));
 * RegistrationCounts counts = view.registrations(monthStart, monthEnd);
 * }</pre>
 */
public interface PartnerView {
    /** The vendor that issued the token. */
    CompanyId vendor();

    /** The partner whose figures it shows. */
    CompanyId partner();

    /** From when the token is refused. */
    Instant expiresAt();

    /**
     * What the partner's registrations with the vendor did from {@code from} (inclusive) to {@code to} (exclusive),
     * as {@link dev.ecosystem.referral.Referrals#counts} gives them to the vendor.
     *
     * @throws dev.ecosystem.error.AccessDeniedException when the token has expired meanwhile or the partnership ended
     * @throws dev.ecosystem.error.ValidationException when {@code to} is not after {@code from}
     */
    RegistrationCounts registrations(Instant from, Instant to);

    /**
     * The partner's current tier in the vendor's program for its partner type, or {@code null} when it holds none.
     *
     * @throws dev.ecosystem.error.AccessDeniedException when the token has expired meanwhile or the partnership ended
     */
    @Nullable String tier();
}
