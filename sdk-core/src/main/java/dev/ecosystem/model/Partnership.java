package dev.ecosystem.model;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import java.time.LocalDate;

/**
 * One company's record of its relationship with a partner. Each side keeps its own record: a company sees only the
 * partnerships it owns.
 *
 * @param id the partnership's id
 * @param owner the company that keeps this record (the tenant)
 * @param partner the partner company
 * @param type what kind of partner it is
 * @param status where the relationship stands
 * @param since the day the current status began
 */
public record Partnership(
        PartnershipId id, CompanyId owner, CompanyId partner, PartnerType type, PartnershipStatus status,
        LocalDate since) {

    /** Validates every field; a company cannot partner with itself. */
    public Partnership {
        Checks.required(id, "partnership id");
        Checks.required(owner, "partnership owner");
        Checks.required(partner, "partnership partner");
        Checks.required(type, "partnership type");
        Checks.required(status, "partnership status");
        Checks.required(since, "partnership since");
        if (owner.equals(partner)) {
            throw new ValidationException("partnership partner must differ from its owner, but both were " + owner);
        }
    }

    /** A copy in a new status from the given day. */
    public Partnership withStatus(PartnershipStatus newStatus, LocalDate from) {
        return new Partnership(id, owner, partner, type, newStatus, from);
    }
}
