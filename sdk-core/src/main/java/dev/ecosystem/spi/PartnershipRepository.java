package dev.ecosystem.spi;

import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.Partnership;
import dev.ecosystem.model.PartnershipId;
import org.jspecify.annotations.Nullable;

/** Each company's own partnership records, keyed by (owner, partnership id); one record per partner. */
public interface PartnershipRepository {
    /**
     * Stores the record, replacing the one with the same key.
     *
     * @throws dev.ecosystem.error.ConflictException when the owner already has another record for the same partner
     */
    void put(Partnership partnership);

    /** The owner's record with this id, or {@code null}. */
    @Nullable Partnership get(CompanyId owner, PartnershipId id);

    /** The owner's record for this partner, or {@code null}. */
    @Nullable Partnership findByPartner(CompanyId owner, CompanyId partner);

    /** Removes it; returns whether there was one. */
    boolean remove(CompanyId owner, PartnershipId id);

    /** The owner's records in ascending id order. */
    Page<Partnership> list(CompanyId owner, PageRequest page);
}
