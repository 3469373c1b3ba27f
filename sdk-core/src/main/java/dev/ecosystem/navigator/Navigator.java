package dev.ecosystem.navigator;

import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Criterion;
import dev.ecosystem.model.IdealPartnerProfile;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;

/**
 * Finds partners for the acting company: searches the listed companies of the network against an
 * {@link IdealPartnerProfile} and explains every score.
 *
 * <pre>{@code
 * IdealPartnerProfile profile = IdealPartnerProfile.builder(PartnerType.TECHNOLOGY)
 *         .preferBusiness("crm", 3)
 *         .preferBusiness("martech", 2)
 *         .excludeBusiness("agency")
 *         .build();
 * Page<PartnerMatch> top = client.as(acme).navigator().search(profile, PageRequest.first(10));
 * }</pre>
 *
 * <p>Candidates are the listed companies other than the acting company and, unless the profile asks for them, its
 * existing partners (partnerships not {@code ENDED}). Companies blocked from introductions are never candidates, in
 * either direction: neither those the acting company blocks nor those that block it (the same rule as introductions,
 * which are refused when either side blocked the other). A candidate must have every required tag and none of the
 * excluded ones, and a score above 0 (any score when the profile counts no criterion but shared customers). Only
 * the acting company's own profile and partnerships are read; other tenants' contacts and partnerships are never
 * shown.
 *
 * <p>Shared customers ({@link Criterion#OVERLAP}) count for a candidate only when its count is known: an unknown count
 * is no zero, so such a candidate is scored out of the other criteria's weights alone. Counts of companies that are
 * not candidates (existing partners a profile leaves out) are not asked for: with account mapping, which knows counts
 * only for partners, a search that leaves partners out computes no overlap at all.
 */
public interface Navigator {
    /**
     * Candidates ranked by score, best first; equal scores in ascending company id order. The cursor names the last
     * match of the page (its score and id), so paging stays consistent while the network changes: every candidate
     * whose score did not change meanwhile is returned exactly once.
     *
     * @throws dev.ecosystem.error.ValidationException when the cursor is malformed
     */
    Page<PartnerMatch> search(IdealPartnerProfile profile, PageRequest page);

    /**
     * Scores one listed company against the profile: the same score and explanation {@link #search} gives it, even
     * when the company would not be a candidate (an existing partner, a missing required tag...).
     *
     * @throws dev.ecosystem.error.NotFoundException when the company is not a listed company of the network
     * @throws dev.ecosystem.error.ValidationException when the company is the acting company
     * @throws dev.ecosystem.error.AccessDeniedException when either company blocks the other
     */
    PartnerMatch evaluate(IdealPartnerProfile profile, CompanyId company);
}
