package dev.ecosystem.jdbc;

import dev.ecosystem.error.ConflictException;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.Registration;
import dev.ecosystem.model.RegistrationId;
import dev.ecosystem.model.RegistrationStatus;
import dev.ecosystem.spi.RegistrationRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Registrations in the {@code registrations} table (migration V8): the whole record as a JSON body, beside the
 * columns the lookups filter on, and a {@code version} column for optimistic concurrency.
 */
final class JdbcRegistrations implements RegistrationRepository {
    private static final String SELECT = "SELECT id, version, body FROM ";
    private static final String ACCEPTED = RegistrationStatus.ACCEPTED.name();

    private final JdbcTransaction tx;
    private final String table;

    JdbcRegistrations(JdbcTransaction tx) {
        this.tx = tx;
        this.table = tx.table("registrations");
    }

    @Override
    public Registration insert(Registration registration) {
        if (stored(registration.id()) != null) {
            throw new ConflictException("registration " + registration.id() + " already exists; choose a new id");
        }
        Registration stored = registration.toBuilder().version(0).build();
        tx.update("insert registration " + stored.id(), "INSERT INTO " + table + " (vendor, partner, status,"
                + " is_open, accepted_at, protected_until, domain_key, name_key, body, version, id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", columns(stored, stored.id().value()));
        return stored;
    }

    @Override
    public Registration update(Registration registration) {
        Registration current = stored(registration.id());
        if (current == null) {
            throw new NotFoundException("registration " + registration.id() + " does not exist; insert it first");
        }
        if (current.version() != registration.version()) {
            throw stale(registration, "is at version " + current.version());
        }
        if (!current.vendor().equals(registration.vendor()) || !current.partner().equals(registration.partner())) {
            throw new ConflictException("registration " + registration.id() + " cannot change its vendor or partner");
        }
        Registration stored = registration.toBuilder().version(current.version() + 1).build();
        int changed = tx.update("update registration " + stored.id(), "UPDATE " + table + " SET vendor = ?,"
                + " partner = ?, status = ?, is_open = ?, accepted_at = ?, protected_until = ?, domain_key = ?,"
                + " name_key = ?, body = ?, version = ? WHERE id = ? AND version = ?",
                columns(stored, stored.id().value(), registration.version()));
        if (changed == 0) {
            throw stale(registration, "was changed concurrently");
        }
        return stored;
    }

    @Override
    public @Nullable Registration get(CompanyId party, RegistrationId id) {
        return tx.queryOne("get registration " + id, SELECT + table + " WHERE id = ? AND (vendor = ? OR partner = ?)",
                JdbcRegistrations::registration, id.value(), party.value(), party.value());
    }

    @Override
    public Page<Registration> byVendor(CompanyId vendor, PageRequest page) {
        return tx.page("jdbc/registrations/vendor", page, SELECT + table + " WHERE vendor = ?",
                JdbcRegistrations::registration, registration -> registration.id().value(), vendor.value());
    }

    @Override
    public Page<Registration> byPartner(CompanyId partner, @Nullable CompanyId vendor, PageRequest page) {
        if (vendor == null) {
            return tx.page("jdbc/registrations/partner", page, SELECT + table + " WHERE partner = ?",
                    JdbcRegistrations::registration, registration -> registration.id().value(), partner.value());
        }
        return tx.page("jdbc/registrations/partner", page, SELECT + table + " WHERE partner = ? AND vendor = ?",
                JdbcRegistrations::registration, registration -> registration.id().value(), partner.value(),
                vendor.value());
    }

    @Override
    public List<Registration> protectedByDomain(CompanyId vendor, String domainKey, Instant at) {
        return protecting("domain_key", vendor, domainKey, at);
    }

    @Override
    public List<Registration> protectedByName(CompanyId vendor, String nameKey, Instant at) {
        return protecting("name_key", vendor, nameKey, at);
    }

    private List<Registration> protecting(String column, CompanyId vendor, String key, Instant at) {
        long nanos = Columns.nanos(at, "at");
        return tx.query("list registrations protecting " + column, SELECT + table + " WHERE vendor = ? AND " + column
                + " = ? AND status = ? AND accepted_at <= ? AND protected_until > ? ORDER BY accepted_at, id",
                JdbcRegistrations::registration, vendor.value(), key, ACCEPTED, nanos, nanos);
    }

    @Override
    public long countOpen(CompanyId vendor, CompanyId partner, Instant now) {
        return tx.count("count open registrations", "SELECT COUNT(*) FROM " + table + " WHERE vendor = ? AND"
                + " partner = ? AND is_open AND (status = ? OR protected_until > ?)", vendor.value(), partner.value(),
                RegistrationStatus.SUBMITTED.name(), Columns.nanos(now, "now"));
    }

    @Override
    public Map<CompanyId, Long> acceptedCounts(CompanyId vendor, Instant from, Instant toExclusive) {
        Map<CompanyId, Long> counts = new HashMap<>();
        tx.query("count accepted registrations", "SELECT partner, COUNT(*) FROM " + table + " WHERE vendor = ?"
                + " AND accepted_at >= ? AND accepted_at < ? GROUP BY partner",
                row -> Map.entry(CompanyId.of(row.getString(1)), row.getLong(2)), vendor.value(),
                Columns.nanos(from, "from"),
                Columns.nanos(toExclusive, "toExclusive"))
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
    }

    @Override
    public List<Registration> expiring(Instant now, int limit) {
        return tx.query("list expiring registrations", SELECT + table + " WHERE status = ? AND protected_until <= ?"
                + " ORDER BY protected_until, id LIMIT ?", JdbcRegistrations::registration, ACCEPTED,
                Columns.nanos(now, "now"), limit);
    }

    private @Nullable Registration stored(RegistrationId id) {
        return tx.queryOne("get registration " + id, SELECT + table + " WHERE id = ?",
                JdbcRegistrations::registration, id.value());
    }

    /** The column values in the order insert and update name them, then {@code extra}. */
    private static Object[] columns(Registration stored, Object... extra) {
        Object[] values = {stored.vendor().value(), stored.partner().value(), stored.status().name(),
            stored.status().isOpen(),
            stored.acceptedAt() == null ? null : Columns.nanos(stored.acceptedAt(), "acceptedAt"),
            stored.protectedUntil() == null ? null : Columns.nanos(stored.protectedUntil(), "protectedUntil"),
            stored.domainKey(), stored.nameKey(), Columns.json(stored), stored.version()};
        Object[] all = java.util.Arrays.copyOf(values, values.length + extra.length);
        System.arraycopy(extra, 0, all, values.length, extra.length);
        return all;
    }

    private static ConflictException stale(Registration registration, String stored) {
        return new ConflictException("registration " + registration.id() + " " + stored
                + " but the update was based on version " + registration.version() + "; read it again and retry");
    }

    private static Registration registration(ResultSet row) throws SQLException {
        return Columns.record(row.getString("body"), Registration.class).toBuilder().version(row.getLong("version"))
                .build();
    }
}
