package dev.ecosystem.program;

import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.model.ProgramId;
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
}
