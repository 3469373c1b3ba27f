package dev.ecosystem;

import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.model.Partnership;
import dev.ecosystem.model.PartnershipId;
import dev.ecosystem.model.PartnershipStatus;
import org.jspecify.annotations.Nullable;

/** The acting company's partnership records. Each company keeps its own; nobody else sees them. */
public interface Partnerships {
    /**
     * Records a partnership with a company of the network, from today.
     *
     * @throws NotFoundException when the partner is not in the network (or not visible to the acting company)
     * @throws ConflictException when there already is a record for this partner
     */
    Partnership create(CompanyId partner, PartnerType type, PartnershipStatus status);

    /**
     * The record.
     *
     * @throws NotFoundException when the acting company has none with this id
     */
    Partnership get(PartnershipId id);

    /** The record for this partner, or {@code null}. */
    @Nullable Partnership findByPartner(CompanyId partner);

    /** The acting company's records in ascending id order. */
    Page<Partnership> list(PageRequest page);

    /**
     * Moves a partnership to a new status, from today. Any status may follow any other except that an ended
     * partnership stays ended.
     *
     * @throws ConflictException when the partnership has ended
     */
    Partnership changeStatus(PartnershipId id, PartnershipStatus status);
}
