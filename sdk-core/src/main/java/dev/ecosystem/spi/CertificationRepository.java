package dev.ecosystem.spi;

import dev.ecosystem.model.Certification;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import java.time.LocalDate;
import java.util.Map;

/**
 * Certifications vendors recorded for their partners' people, visible to the vendor only. Not in the change feed.
 *
 * <p>What the queries need a durable store to index: (vendor, partner, day, person, name), and (vendor, valid
 * until) for the count.
 */
public interface CertificationRepository {
    /** Stores a certification, replacing the vendor's record of the same partner, person, name and day. */
    void put(Certification certification);

    /** The vendor's certifications of the partner's people, by day, then person address, then name. */
    Page<Certification> list(CompanyId vendor, CompanyId partner, PageRequest page);

    /**
     * How many different people of each partner hold a certification of the vendor valid on {@code day}; partners
     * without one are left out.
     */
    Map<CompanyId, Long> certifiedPeople(CompanyId vendor, LocalDate day);
}
