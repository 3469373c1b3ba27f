package dev.ecosystem.program;

import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.PartnerProgram;
import org.jspecify.annotations.Nullable;

/**
 * Where a partner stands in its vendor's program: the program for the partnership's type (current terms) and the
 * tier its latest review gave it. What a commission statement needs:
 * {@code attribution.statement(data, scope.programs().standing(partner), period)}.
 *
 * @param program the current version of the program for the partner's type
 * @param partner the partner
 * @param tier the partner's tier, or {@code null} when it holds none (not reviewed yet, or no tier met)
 */
public record ProgramStanding(PartnerProgram program, CompanyId partner, @Nullable String tier) {
    /** Validates the required fields. */
    public ProgramStanding {
        Checks.required(program, "standing program");
        Checks.required(partner, "standing partner");
    }
}
