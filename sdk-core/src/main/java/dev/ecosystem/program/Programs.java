package dev.ecosystem.program;

import dev.ecosystem.model.Certification;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.EmailAddress;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.PartnerProgram;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.model.ProgramBrief;
import dev.ecosystem.model.ProgramId;
import dev.ecosystem.model.ProgramTerms;
import dev.ecosystem.model.TierChange;
import dev.ecosystem.model.TierMetric;
import dev.ecosystem.model.TierReview;
import java.time.Duration;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The acting company's partner programs, one per partner type, as their vendor. Nobody else reads them; partners
 * see what the program sends them (briefs, statements) and nothing more.
 *
 * <pre>{@code
 * PartnerProgram referral = scope.programs().create(ProgramTerms.builder(PartnerType.REFERRAL, "Referral partners")
 *         .profile(IdealPartnerProfile.builder(PartnerType.REFERRAL).preferBusiness("agency", 3).build())
 *         .commission(CommissionPlan.builder("Referral 2026").rate(Rate.percent("10")).build())
 *         .build());
 * scope.programs().change(referral.id(), referral.version(),
 *         referral.terms().toBuilder().protectionWindow(Duration.ofDays(180)).build());
 * }</pre>
 */
public interface Programs {
    /**
     * Creates the program for the terms' partner type, at version 1.
     *
     * @throws dev.ecosystem.error.ConflictException when the company already has a program for that type
     */
    PartnerProgram create(ProgramTerms terms);

    /**
     * Stores new terms as the program's next version; partners keep every accepted registration and earning made
     * under earlier versions.
     *
     * @param expectedVersion the version the caller read; the change is refused when another change came first
     * @throws dev.ecosystem.error.NotFoundException when the company has no such program
     * @throws dev.ecosystem.error.ConflictException when the current version is not {@code expectedVersion}, or the terms
     *     are for another partner type
     */
    PartnerProgram change(ProgramId id, int expectedVersion, ProgramTerms terms);

    /**
     * The current version.
     *
     * @throws dev.ecosystem.error.NotFoundException when the company has no such program
     */
    PartnerProgram get(ProgramId id);

    /**
     * One version.
     *
     * @throws dev.ecosystem.error.NotFoundException when the company has no such program or version
     */
    PartnerProgram version(ProgramId id, int version);

    /** The current version of the program for partners of {@code type}, or {@code null}. */
    @Nullable PartnerProgram forType(PartnerType type);

    /** The current versions of the company's programs in ascending id order. */
    Page<PartnerProgram> list(PageRequest page);

    /**
     * Reviews the program's tiers for the period {@code from} (inclusive) to {@code toExclusive} (UTC days): measures
     * every partner of the program's type (partnership RECRUITED, ACTIVE or PAUSED) on the metrics its tiers name,
     * gives each the highest tier whose thresholds it all meets (none when it meets no tier's), and records the
     * promotions and demotions, raising {@code program.tier.promoted} and {@code program.tier.demoted} events to the
     * vendor and the partner. Reviewing the same period again records and raises nothing and returns the first
     * review. Figures: registrations the vendor accepted in the period, introductions with the vendor that
     * connected in it, people holding a certification of the vendor valid on the period's last day, and sourced
     * revenue of deals won in it from the client's {@link RevenueSource}.
     *
     * <pre>{@code
     * TierReview q1 = scope.programs().evaluateTiers(program.id(), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 1));
     * q1.changes().forEach(c -> System.out.println(c.partner() + ": " + c.from() + " -> " + c.to()));
     * }</pre>
     *
     * @throws dev.ecosystem.error.NotFoundException when the company has no such program
     * @throws dev.ecosystem.error.ValidationException when the period is empty or not over yet, the program has no tiers,
     *     or a tier needs {@code SOURCED_REVENUE} and the client has no revenue source
     * @throws dev.ecosystem.error.ConflictException when a period ending at or after this one's end was already reviewed
     */
    TierReview evaluateTiers(ProgramId program, LocalDate from, LocalDate toExclusive);

    /**
     * The partner's current tier under the program for its partnership's type, or {@code null} when it holds none,
     * the company has no program for that type, or no partnership with {@code partner}.
     */
    @Nullable String tierOf(CompanyId partner);

    /**
     * The partner's program and tier, for its commission statement:
     * {@code attribution.statement(data, scope.programs().standing(partner), period)}.
     *
     * @throws dev.ecosystem.error.NotFoundException when the company has no partnership with {@code partner}, or no
     *     program for its type
     */
    ProgramStanding standing(CompanyId partner);

    /** The partner's promotions and demotions under the company's programs, oldest period first. */
    Page<TierChange> tierHistory(CompanyId partner, PageRequest page);

    /**
     * Records that a person of the partner holds a certification of the company, valid from today (UTC) to
     * {@code validUntil} inclusive; it counts towards {@link TierMetric#CERTIFIED_PEOPLE}. Recording the same person
     * and name again on the same day replaces the record.
     *
     * @param person the person's email address, which identifies the person across certifications
     * @param name the certification's name, one line of at most 200 characters
     * @throws dev.ecosystem.error.NotFoundException when the company has no partnership with {@code partner}
     * @throws dev.ecosystem.error.ValidationException when {@code validUntil} is before today
     */
    Certification certify(CompanyId partner, EmailAddress person, String name, LocalDate validUntil);

    /** The certifications the company recorded for the partner's people, by day, then address, then name. */
    Page<Certification> certifications(CompanyId partner, PageRequest page);


    /**
     * The program's one-page enablement brief, its latest version; when it has none yet, version 1 is drafted from
     * the program's current terms first (outside any store transaction). Render it with
     * {@link ProgramBrief#toHtml()} or {@link ProgramBrief#toJson()}; edit, approve and send it through
     * {@link #briefs()}.
     *
     * @throws dev.ecosystem.error.NotFoundException when the company has no such program
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
     * @throws dev.ecosystem.error.NotFoundException when the company has no partnership with {@code partner}, or it ended
     * @throws dev.ecosystem.error.ValidationException when {@code ttl} is out of range
     */
    PartnerViewToken partnerViewToken(CompanyId partner, Duration ttl);
}
