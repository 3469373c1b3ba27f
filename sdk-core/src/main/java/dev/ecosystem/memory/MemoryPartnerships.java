package dev.ecosystem.memory;

import dev.ecosystem.error.ConflictException;
import dev.ecosystem.model.ChangeKind;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.Partnership;
import dev.ecosystem.model.PartnershipId;
import dev.ecosystem.spi.PartnershipRepository;
import org.jspecify.annotations.Nullable;

/** Partnership records partitioned by their owner, and each owner's partnership id by partner. */
final class MemoryPartnerships implements PartnershipRepository {
    private final MemoryTransaction tx;
    private final Table<Partnership> partnerships;
    private final Table<String> byPartner;

    MemoryPartnerships(MemoryTransaction tx, Table<Partnership> partnerships, Table<String> byPartner) {
        this.tx = tx;
        this.partnerships = partnerships;
        this.byPartner = byPartner;
    }

    @Override
    public void put(Partnership partnership) {
        tx.checkOpen();
        Partnership existing = findByPartner(partnership.owner(), partnership.partner());
        if (existing != null && !existing.id().equals(partnership.id())) {
            throw new ConflictException("company " + partnership.owner() + " already has partnership "
                    + existing.id() + " with " + partnership.partner() + "; update that record instead of adding "
                    + partnership.id());
        }
        Partnership previous = partnerships.put(tx, partnership.owner(), partnership.id().value(), partnership);
        if (previous != null) {
            byPartner.remove(tx, previous.owner(), previous.partner().value());
        }
        byPartner.put(tx, partnership.owner(), partnership.partner().value(), partnership.id().value());
        tx.changed(ChangeKind.PARTNERSHIP, partnership.owner(), partnership.id().value());
    }

    @Override
    public @Nullable Partnership get(CompanyId owner, PartnershipId id) {
        tx.checkOpen();
        return partnerships.get(owner, id.value());
    }

    @Override
    public @Nullable Partnership findByPartner(CompanyId owner, CompanyId partner) {
        tx.checkOpen();
        String id = byPartner.get(owner, partner.value());
        return id == null ? null : partnerships.get(owner, id);
    }

    @Override
    public boolean remove(CompanyId owner, PartnershipId id) {
        Partnership removed = partnerships.remove(tx.checkOpen(), owner, id.value());
        if (removed != null) {
            byPartner.remove(tx, owner, removed.partner().value());
        }
        return tx.changedIf(removed != null, ChangeKind.PARTNERSHIP, owner, id.value());
    }

    @Override
    public Page<Partnership> list(CompanyId owner, PageRequest page) {
        tx.checkOpen();
        return partnerships.page(owner, page);
    }
}
