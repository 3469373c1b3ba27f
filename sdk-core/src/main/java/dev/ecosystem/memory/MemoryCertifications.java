package dev.ecosystem.memory;

import dev.ecosystem.model.Certification;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.spi.CertificationRepository;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Certifications by (vendor, partner), keyed by day, person and name; the count reads the vendor's partition. */
final class MemoryCertifications implements CertificationRepository {
    private final MemoryTransaction tx;
    private final MemoryTables.CertificationTables tables;

    MemoryCertifications(MemoryTransaction tx, MemoryTables.CertificationTables tables) {
        this.tx = tx;
        this.tables = tables;
    }

    @Override
    public void put(Certification certification) {
        tx.checkOpen();
        String key = key(certification);
        tables.byPartner().put(tx, List.of(certification.vendor(), certification.partner()), key, certification);
        tables.byVendor().put(tx, certification.vendor(), certification.partner().value() + '\u0000' + key,
                certification);
    }

    @Override
    public Page<Certification> list(CompanyId vendor, CompanyId partner, PageRequest page) {
        tx.checkOpen();
        return tables.byPartner().page(List.of(vendor, partner), page);
    }

    @Override
    public Map<CompanyId, Long> certifiedPeople(CompanyId vendor, LocalDate day) {
        tx.checkOpen();
        Map<CompanyId, Set<String>> people = new HashMap<>();
        for (Certification certification : tables.byVendor().rows(vendor).values()) {
            if (certification.validOn(day)) {
                people.computeIfAbsent(certification.partner(), p -> new HashSet<>())
                        .add(certification.person().address());
            }
        }
        Map<CompanyId, Long> counts = new HashMap<>();
        people.forEach((partner, persons) -> counts.put(partner, (long) persons.size()));
        return counts;
    }

    /** Sorts by day, then address, then name. */
    static String key(Certification certification) {
        return certification.certifiedOn() + "\u0000" + certification.person().address() + '\u0000'
                + certification.name();
    }
}
