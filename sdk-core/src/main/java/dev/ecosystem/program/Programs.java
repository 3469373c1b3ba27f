package dev.ecosystem.program;

import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.model.ProgramId;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The acting company's partner programs, one per partner type, as their vendor. Nobody else reads them; partners
 * see what the program sends them (briefs, statements) and nothing more.
 *
 * <pre>{@code
 * PartnerProgram referral = scope.programs().create(ProgramTerms.builder(PartnerType.REFERRAL, "Referral partners")
 *         .commission(CommissionPlan.builder("Referral 2026").rate("10").build())
 *         .build());
 * scope.programs().change(referral.id(), referral.version(),
 *         referral.terms().toBuilder().protectionWindow(Duration.ofDays(180)).build());
 * }</pre>
 */
public interface Programs {
    /**
     * Creates the program for the terms' partner type, at version 1.
     *
     * @throws dev.ecosystem.ConflictException when the company already has a program for that type
     */
    PartnerProgram create(ProgramTerms terms);

    /**
     * Stores new terms as the program's next version; partners keep every accepted registration and earning made
     * under earlier versions.
     *
     * @param expectedVersion the version the caller read; the change is refused when another change came first
     * @throws dev.ecosystem.NotFoundException when the company has no such program
     * @throws dev.ecosystem.ConflictException when the current version is not {@code expectedVersion}, or the terms
     *     are for another partner type
     */
    PartnerProgram change(ProgramId id, int expectedVersion, ProgramTerms terms);

    /**
     * The current version.
     *
     * @throws dev.ecosystem.NotFoundException when the company has no such program
     */
    PartnerProgram get(ProgramId id);

    /**
     * One version.
     *
     * @throws dev.ecosystem.NotFoundException when the company has no such program or version
     */
    PartnerProgram version(ProgramId id, int version);

    /** The current version of the program for partners of {@code type}, or {@code null}. */
    @Nullable PartnerProgram forType(PartnerType type);

    /** The current versions of the company's programs in ascending id order. */
    Page<PartnerProgram> list(PageRequest page);

    // Enablement briefs and partner views (issue 20).

    /**
     * The program's one-page enablement brief, its latest version; when it has none yet, version 1 is drafted from
     * the program's current terms first (outside any store transaction). Render it with
     * {@link ProgramBrief#toHtml()} or {@link ProgramBrief#toJson()}; edit, approve and send it through
     * {@link #briefs()}.
     *
     * @throws dev.ecosystem.NotFoundException when the company has no such program
     */
    ProgramBrief brief(ProgramId id);

    /** The company's enablement briefs: draft, edit, approve, send. */
    ProgramBriefs briefs();

    /**
     * A signed token that lets a host show {@code partner} its own figures with the company (registrations, tier)
     * without a login, until it expires; verify it with {@code EcosystemClient.partnerView(token)}. It grants nothing
     * else.
     *
     * @param ttl how long it is valid, from 1 minute to 90 days
     * @throws dev.ecosystem.NotFoundException when the company has no partnership with {@code partner}, or it ended
     * @throws dev.ecosystem.ValidationException when {@code ttl} is out of range
     */
    PartnerViewToken partnerViewToken(CompanyId partner, Duration ttl);
}
