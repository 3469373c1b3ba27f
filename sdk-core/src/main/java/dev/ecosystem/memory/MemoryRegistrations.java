package dev.ecosystem.memory;

import dev.ecosystem.error.ConflictException;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.Registration;
import dev.ecosystem.model.RegistrationId;
import dev.ecosystem.model.RegistrationStatus;
import dev.ecosystem.spi.RegistrationRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Registrations by id, with a copy under each index: vendor, partner, (partner, vendor), (vendor, partner) of open
 * ones, (vendor, domain key) and (vendor, name key) of accepted ones, and accepted ones by the end of their
 * protection.
 */
final class MemoryRegistrations implements RegistrationRepository {
    private static final Comparator<Registration> ACCEPTANCE = Comparator
            .comparing((Registration r) -> r.acceptedAt(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Registration::id);

    private final MemoryTransaction tx;
    private final MemoryTables.RegistrationTables tables;

    MemoryRegistrations(MemoryTransaction tx, MemoryTables.RegistrationTables tables) {
        this.tx = tx;
        this.tables = tables;
    }

    @Override
    public Registration insert(Registration registration) {
        tx.checkOpen();
        if (tables.byId().get(MemoryTables.ALL, registration.id().value()) != null) {
            throw new ConflictException("registration " + registration.id() + " already exists; choose a new id");
        }
        Registration stored = registration.toBuilder().version(0).build();
        write(null, stored);
        return stored;
    }

    @Override
    public Registration update(Registration registration) {
        tx.checkOpen();
        Registration current = tables.byId().get(MemoryTables.ALL, registration.id().value());
        if (current == null) {
            throw new NotFoundException("registration " + registration.id() + " does not exist; insert it first");
        }
        if (current.version() != registration.version()) {
            throw new ConflictException("registration " + registration.id() + " is at version " + current.version()
                    + " but the update was based on version " + registration.version() + "; read it again and retry");
        }
        if (!current.vendor().equals(registration.vendor()) || !current.partner().equals(registration.partner())) {
            throw new ConflictException("registration " + registration.id() + " cannot change its vendor or partner");
        }
        Registration stored = registration.toBuilder().version(current.version() + 1).build();
        write(current, stored);
        return stored;
    }

    private void write(@Nullable Registration previous, Registration stored) {
        String id = stored.id().value();
        if (previous != null) {
            unindex(previous);
        }
        tables.byId().put(tx, MemoryTables.ALL, id, stored);
        tables.byVendor().put(tx, stored.vendor(), id, stored);
        tables.byPartner().put(tx, stored.partner(), id, stored);
        tables.byPartnerVendor().put(tx, List.of(stored.partner(), stored.vendor()), id, stored);
        if (stored.status().isOpen()) {
            tables.openByPair().put(tx, List.of(stored.vendor(), stored.partner()), id, stored);
        }
        if (stored.status() == RegistrationStatus.ACCEPTED) {
            if (stored.domainKey() != null) {
                tables.acceptedByDomain().put(tx, List.of(stored.vendor(), stored.domainKey()), id, stored);
            }
            tables.acceptedByName().put(tx, List.of(stored.vendor(), stored.nameKey()), id, stored);
            if (stored.protectedUntil() != null) {
                tables.acceptedByEnd().put(tx, MemoryTables.ALL, endKey(stored), stored);
            }
        }
    }

    private void unindex(Registration previous) {
        String id = previous.id().value();
        tables.openByPair().remove(tx, List.of(previous.vendor(), previous.partner()), id);
        if (previous.domainKey() != null) {
            tables.acceptedByDomain().remove(tx, List.of(previous.vendor(), previous.domainKey()), id);
        }
        tables.acceptedByName().remove(tx, List.of(previous.vendor(), previous.nameKey()), id);
        if (previous.protectedUntil() != null) {
            tables.acceptedByEnd().remove(tx, MemoryTables.ALL, endKey(previous));
        }
    }

    /** Sorts by the end of protection, then id: seconds and nanoseconds padded to a fixed width. */
    private static String endKey(Registration registration) {
        // Only registrations with an end of protection are in the acceptedByEnd table.
        Instant end = Objects.requireNonNull(registration.protectedUntil());
        return String.format("%020d.%09d/%s", end.getEpochSecond() + 100_000_000_000L, end.getNano(),
                registration.id().value());
    }

    @Override
    public @Nullable Registration get(CompanyId party, RegistrationId id) {
        tx.checkOpen();
        Registration registration = tables.byId().get(MemoryTables.ALL, id.value());
        return registration != null && (registration.vendor().equals(party) || registration.partner().equals(party))
                ? registration : null;
    }

    @Override
    public Page<Registration> byVendor(CompanyId vendor, PageRequest page) {
        tx.checkOpen();
        return tables.byVendor().page(vendor, page);
    }

    @Override
    public Page<Registration> byPartner(CompanyId partner, @Nullable CompanyId vendor, PageRequest page) {
        tx.checkOpen();
        return vendor == null ? tables.byPartner().page(partner, page)
                : tables.byPartnerVendor().page(List.of(partner, vendor), page);
    }

    @Override
    public List<Registration> protectedByDomain(CompanyId vendor, String domainKey, Instant at) {
        return protecting(tables.acceptedByDomain(), vendor, domainKey, at);
    }

    @Override
    public List<Registration> protectedByName(CompanyId vendor, String nameKey, Instant at) {
        return protecting(tables.acceptedByName(), vendor, nameKey, at);
    }

    private List<Registration> protecting(Table<Registration> index, CompanyId vendor, String key, Instant at) {
        tx.checkOpen();
        List<Registration> found = new ArrayList<>();
        for (Registration registration : index.rows(List.of(vendor, key)).values()) {
            if (registration.protects(at)) {
                found.add(registration);
            }
        }
        found.sort(ACCEPTANCE);
        return found;
    }

    @Override
    public long countOpen(CompanyId vendor, CompanyId partner, Instant now) {
        tx.checkOpen();
        long open = 0;
        for (Registration registration : tables.openByPair().rows(List.of(vendor, partner)).values()) {
            if (registration.status() == RegistrationStatus.SUBMITTED || (registration.protectedUntil() != null
                    && now.isBefore(registration.protectedUntil()))) {
                open++;
            }
        }
        return open;
    }

    @Override
    public List<Registration> expiring(Instant now, int limit) {
        tx.checkOpen();
        List<Registration> due = new ArrayList<>();
        for (Registration registration : tables.acceptedByEnd().rows(MemoryTables.ALL).values()) {
            if (due.size() == limit || Objects.requireNonNull(registration.protectedUntil()).isAfter(now)) {
                break;
            }
            due.add(registration);
        }
        return due;
    }
}
