package dev.ecosystem.jdbc;

import dev.ecosystem.model.Certification;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.spi.CertificationRepository;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Certifications in the {@code certifications} table (migration V12): the record as JSON beside the days and the
 * person the count filters on, keyed by (vendor, partner, day, person, name) with a line feed between the parts
 * (no part holds one), so the key sorts as the listing orders.
 */
final class JdbcCertifications implements CertificationRepository {
    private static final List<String> KEYS = List.of("vendor", "partner", "cert_key");
    private static final List<String> COLUMNS = List.of("vendor", "partner", "cert_key", "person", "certified_on",
            "valid_until", "body");

    private final JdbcTransaction tx;
    private final String table;

    JdbcCertifications(JdbcTransaction tx) {
        this.tx = tx;
        this.table = tx.table("certifications");
    }

    @Override
    public void put(Certification certification) {
        tx.update("store certification", tx.dialect().upsert(table, KEYS, COLUMNS), certification.vendor().value(),
                certification.partner().value(), key(certification), certification.person().address(),
                certification.certifiedOn().toString(), certification.validUntil().toString(),
                Columns.json(certification));
    }

    @Override
    public Page<Certification> list(CompanyId vendor, CompanyId partner, PageRequest page) {
        return tx.page("jdbc/certifications", page, "SELECT cert_key, body FROM " + table
                + " WHERE vendor = ? AND partner = ?", "cert_key",
                row -> Columns.record(row.getString("body"), Certification.class), JdbcCertifications::key,
                vendor.value(), partner.value());
    }

    @Override
    public Map<CompanyId, Long> certifiedPeople(CompanyId vendor, LocalDate day) {
        String on = day.toString();
        Map<CompanyId, Long> counts = new HashMap<>();
        tx.query("count certified people", "SELECT partner, COUNT(DISTINCT person) FROM " + table
                + " WHERE vendor = ? AND valid_until >= ? AND certified_on <= ? GROUP BY partner",
                row -> Map.entry(CompanyId.of(row.getString(1)), row.getLong(2)), vendor.value(), on, on)
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
    }

    private static String key(Certification certification) {
        return certification.certifiedOn() + "\n" + certification.person().address() + "\n" + certification.name();
    }
}
